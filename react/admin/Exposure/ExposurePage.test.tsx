import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import PERMISSIONS from '../graphql/keyActionPermissions.gql'
import LEAK_SCAN from '../graphql/leakScan.gql'
import RUN from '../graphql/runLeakScan.gql'
import ExposurePage from './ExposurePage'

const scan = {
  at: '2026-11-26T12:00:00.000Z',
  origin: 'https://acme.myvtex.com',
  pagesScanned: 3,
  scriptsScanned: 2,
  bytesScanned: 7847,
  exposedKeys: 1,
  truncated: true,
  // as the service answers: errors holds every URL not fetched, notFound the 404s and 410s of them
  errors: [
    {
      url: 'https://acme.myvtex.com/arquivos/slow.js',
      reason: 'timed out',
    },
    {
      url: 'https://acme.myvtex.com/arquivos/qa-widget.js',
      reason: 'HTTP 404',
    },
  ],
  errorCount: 2,
  notFound: [
    {
      url: 'https://acme.myvtex.com/arquivos/qa-widget.js',
      reason: 'HTTP 404',
    },
  ],
  notFoundCount: 1,
  skipped: [
    { url: 'https://cdn.example.org/lib.js', reason: 'third-party host' },
  ],
  skippedCount: 1,
  unreachableHosts: [],
  complete: true,
  unreadCount: 0,
  keptUrls: 0,
  keptFrom: null,
  exposures: [
    {
      kind: 'APP_KEY',
      appKey: 'vtexappkey-acme-XDIUKI',
      account: 'acme',
      tokenFound: true,
      tokenMasked: 'BHHP…',
      tokenLength: 128,
      url: 'https://acme.myvtex.com/arquivos/app.js',
      line: 35,
      column: 29,
      snippet: "'X-VTEX-API-AppToken': 'BHHP…(128)'",
      lastSeenAt: null,
      severity: 'CRITICAL',
      key: {
        id: 'k-store-locator',
        label: 'Store locator widget',
        renewalStatus: 'NONE',
      },
    },
  ],
}

describe('ExposurePage', () => {
  it('shows exposures with severity, place and masked token, coverage, truncation and unread URLs', async () => {
    const { getByText, container } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: scan } },
          },
        ],
      },
    })

    await waitFor(() => getByText('vtexappkey-acme-XDIUKI'))
    expect(
      container.querySelector(
        '[data-exposure="vtexappkey-acme-XDIUKI"] [data-severity="CRITICAL"]'
      )
    ).not.toBeNull()
    expect(getByText(/line 35, column 29/)).toBeInTheDocument()
    expect(container.textContent).toContain('BHHP… (128 characters)')
    expect(
      getByText(/A limit \(pages, size or time\) stopped the scan/)
    ).toBeInTheDocument()
    expect(getByText(/timed out/)).toBeInTheDocument()
    // the scan's time says its zone, on the daily scan's 24-hour UTC clock ("06:00 UTC")
    expect(getByText(/^November 26, 2026 at 12:00 UTC on /)).toBeInTheDocument()
    expect(getByText(/third-party host/)).toBeInTheDocument()
    expect(getByText(/Move the calls to a server/)).toBeInTheDocument()
  })

  // Key Steward renews tokens itself (the key's page, Renew token…): step 1 sends there first,
  // linking the key whose token was found, with VTEX's Admin as the other way.
  it('sends step 1 to the page of the key whose token was found, VTEX Admin as the alternative', async () => {
    const { getByText, container } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: scan } },
          },
        ],
      },
    })

    await waitFor(() => getByText('vtexappkey-acme-XDIUKI'))
    const step = container.querySelector('[data-todo-renew]')!

    expect(step.textContent).toBe(
      'If a token was found, renew it now: on the key’s page in Key Steward (Store locator widget), with Renew token…, or else in VTEX’s Admin (Account settings → API keys). Then finish the renewal once integrations use the new one.'
    )
    expect(step.querySelector('a')!.getAttribute('href')).toBe(
      '/admin/key-steward/keys/k-store-locator'
    )
  })

  // walk16 #2: a second Renew token… would be refused; the key's page says to check VTEX's Admin
  it('defers step 1 to the key’s page when its renewal is pending or may be pending', async () => {
    const { getByText, container } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: {
              data: {
                leakScan: {
                  ...scan,
                  exposures: [
                    {
                      ...scan.exposures[0],
                      key: {
                        ...scan.exposures[0].key,
                        renewalStatus: 'POSSIBLY_PENDING',
                      },
                    },
                  ],
                },
              },
            },
          },
        ],
      },
      locale: 'es',
    })

    await waitFor(() => getByText('vtexappkey-acme-XDIUKI'))
    const step = container.querySelector('[data-todo-renew]')!

    expect(step.textContent).toBe(
      'Si se encontró un token, abre la página de la clave en Key Steward (Store locator widget) y sigue lo que indica: hay una renovación de su token pendiente o que puede estarlo, y la página dice qué hacer antes de renovarlo otra vez. Luego termina la renovación cuando las integraciones usen el nuevo.'
    )
    expect(step.textContent).not.toMatch(/renuévalo ya/)
    expect(step.querySelector('a')!.getAttribute('href')).toBe(
      '/admin/key-steward/keys/k-store-locator'
    )
  })

  it('leads step 1 with VTEX’s Admin for a session that cannot open the key pages (walk14 #9)', async () => {
    // Frank: Save user only; the service names no key for him (labels are read data)
    const saveOnly = {
      request: { query: PERMISSIONS },
      result: {
        data: {
          keyActionPermissions: ['renewToken', 'deactivateKey'].map(
            (field) => ({
              field,
              allowed: false,
              missingResources: ['Get paged roles', 'Get paged users'],
              acceptedResources: [
                ['Get paged roles', 'View Admin Users'],
                ['Get paged users', 'View Admin Users'],
              ],
            })
          ),
        },
      },
    }

    const { getByText, container } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: {
              data: {
                leakScan: {
                  ...scan,
                  exposures: [{ ...scan.exposures[0], key: null }],
                },
              },
            },
          },
          saveOnly,
        ],
      },
    })

    await waitFor(() => getByText('vtexappkey-acme-XDIUKI'))
    const step = container.querySelector('[data-todo-renew]')!

    await waitFor(() =>
      expect(step.textContent).toBe(
        'If a token was found, renew it now in VTEX’s Admin (Account settings → API keys): look the key up by the appKey shown above. Then finish the renewal once integrations use the new one.'
      )
    )
    expect(step.textContent).not.toContain('Key Steward')
  })

  it('words step 1 without a link when no found token belongs to a key of the account', async () => {
    const loose = {
      ...scan,
      exposures: [
        { ...scan.exposures[0], kind: 'TOKEN', appKey: null, key: null },
      ],
    }

    const { getByText, container } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: loose } },
          },
        ],
      },
    })

    await waitFor(() => getByText('A token without its key'))
    const step = container.querySelector('[data-todo-renew]')!

    expect(step.textContent).toMatch(
      /^If a token was found, renew it now: on the key’s page in Key Steward, with Renew token…, or else in VTEX’s Admin/
    )
    expect(step.querySelector('a')).toBeNull()
  })

  it('says which hosts the storefront redirects to that Key Steward may not reach, and that nothing was read', async () => {
    const away = {
      ...scan,
      pagesScanned: 0,
      scriptsScanned: 0,
      bytesScanned: 0,
      exposedKeys: 0,
      truncated: false,
      errors: [],
      exposures: [],
      unreachableHosts: ['www.acme.com'],
      skipped: [
        {
          url: 'https://acme.myvtex.com/',
          reason:
            'redirects to https://www.acme.com/ — a host Key Steward may not reach (not in the manifest’s outbound-access policies)',
        },
      ],
    }

    const { getByText, container } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: away } },
          },
        ],
      },
    })

    await waitFor(() => getByText(/Your storefront redirects to/))
    expect(
      container.querySelector('[data-unreachable]')?.textContent
    ).toContain('www.acme.com')
    expect(
      getByText(/No page of your storefront could be read/)
    ).toBeInTheDocument()
    expect(container.textContent).not.toContain('No API key or token was found')
    expect(
      getByText(
        /redirects to https:\/\/www.acme.com\/ — a host Key Steward may not reach/
      )
    ).toBeInTheDocument()
  })

  // walk15 #2: a complete scan listed its two 404s under "What the scan did not read"
  it('lists the URLs that answered 404 or 410 apart, never as not read, on a complete scan', async () => {
    const complete = {
      ...scan,
      truncated: false,
      skipped: [],
      skippedCount: 0,
      notFound: [
        {
          url: 'https://acme.myvtex.com/arquivos/jquery-3.7.1.min.js',
          reason: 'HTTP 404',
        },
        {
          url: 'https://acme.myvtex.com/arquivos/qa-widget.js',
          reason: 'HTTP 404',
        },
      ],
      notFoundCount: 2,
    }

    complete.errors = complete.notFound
    complete.errorCount = 2

    const { getByText, container } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: complete } },
          },
        ],
      },
      locale: 'pt',
    })

    await waitFor(() => getByText('Não encontrados (HTTP 404 ou 410)'))
    expect(container.textContent).not.toContain('O que a varredura não leu')
    expect(container.textContent).not.toContain('Não puderam ser lidos')
    expect(container.querySelector('[data-incomplete]')).toBeNull()
    const block = container.querySelector('[data-not-found]')!

    expect(block.textContent).toContain('Não encontrados (HTTP 404 ou 410)')
    expect(block.textContent).toContain('qa-widget.js')
    expect(block.textContent).toContain('jquery-3.7.1.min.js')
    expect(block.textContent).toMatch(/não a tornam incompleta/)
  })

  it('lists the first URLs it could not read or left out, and how many more', async () => {
    const many = {
      ...scan,
      notFound: [],
      notFoundCount: 0,
      errorCount: 61,
      skippedCount: 34_976,
      errors: Array.from({ length: 50 }, (_, i) => ({
        url: `https://acme.myvtex.com/arquivos/e${i}.js`,
        reason: 'HTTP 503',
      })),
      skipped: Array.from({ length: 50 }, (_, i) => ({
        url: `https://cdn${i}.example.org/x.js`,
        reason: 'third-party host',
      })),
    }

    const { getByText, container } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: many } },
          },
        ],
      },
    })

    await waitFor(() => getByText('vtexappkey-acme-XDIUKI'))
    expect(container.querySelector('[data-more="errors"]')?.textContent).toBe(
      'and 11 more URLs not listed'
    )
    expect(container.querySelector('[data-more="skipped"]')?.textContent).toBe(
      'and 34,926 more URLs not listed'
    )
  })

  // Issue 16, item 1: a scan whose every URL answered 503 showed "0 pages" and no exposures, as
  // if the store were clean.
  it('says the scan is incomplete and keeps, dated, what an earlier scan found where it could not read', async () => {
    const failed = {
      ...scan,
      pagesScanned: 0,
      scriptsScanned: 0,
      bytesScanned: 0,
      truncated: false,
      complete: false,
      unreadCount: 3,
      keptUrls: 1,
      keptFrom: '2026-11-20T06:00:00.000Z',
      errors: [
        { url: 'https://acme.myvtex.com/', reason: 'HTTP 503' },
        {
          url: 'https://acme.myvtex.com/sitemap.xml',
          reason: 'sitemap: HTTP 503',
        },
      ],
      errorCount: 2,
      skipped: [],
      skippedCount: 0,
      exposures: [
        { ...scan.exposures[0], lastSeenAt: '2026-11-20T06:00:00.000Z' },
      ],
    }

    const { getByText, container } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: failed } },
          },
        ],
      },
    })

    await waitFor(() => getByText('vtexappkey-acme-XDIUKI'))
    expect(container.querySelector('[data-incomplete]')?.textContent).toBe(
      'Incomplete: 3 URLs could not be read; their last known result, from November 20, 2026, is kept below. A URL that could not be read is never taken as clean.'
    )
    expect(
      container.querySelector(
        '[data-exposure="vtexappkey-acme-XDIUKI"] [data-last-seen]'
      )?.textContent
    ).toMatch(
      /^Last seen November 20, 2026: this scan could not read this URL again/
    )
    expect(
      container.querySelector(
        '[data-exposure="vtexappkey-acme-XDIUKI"] [data-severity="CRITICAL"]'
      )
    ).not.toBeNull()
  })

  it('does not call an incomplete scan that found nothing clean', async () => {
    const partial = {
      ...scan,
      truncated: false,
      complete: false,
      unreadCount: 1,
      keptUrls: 0,
      keptFrom: null,
      exposedKeys: 0,
      exposures: [],
      errors: [
        { url: 'https://acme.myvtex.com/arquivos/app.js', reason: 'timed out' },
      ],
    }

    const { getByText, container } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: partial } },
          },
        ],
      },
    })

    await waitFor(() =>
      getByText(/could not be read, so this scan cannot say they are clean/)
    )
    expect(container.querySelector('[data-incomplete]')?.textContent).toBe(
      'Incomplete: 1 URL could not be read, so this scan cannot say they are clean; see below why.'
    )
    expect(container.textContent).not.toContain(
      'No API key or token was found in your storefront code'
    )
    expect(getByText(/what could not be read is unknown/)).toBeInTheDocument()
  })

  it('invites to run the first scan', async () => {
    const { getByText } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: null } },
          },
        ],
      },
    })

    await waitFor(() => getByText('No scan yet'))
    expect(getByText('Scan storefront now')).toBeInTheDocument()
  })

  // walk 10: Enter on "Scan storefront now" put focus on the body at once (the button is disabled
  // while the scan runs), and a scan that found the same left the page unchanged and silent.
  it('keeps focus on a status line that says the scan runs, then how it ended, in pt', async () => {
    const { container, getByText } = render(<ExposurePage />, {
      locale: 'pt',
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: scan } },
          },
          {
            request: { query: RUN },
            // answered after this turn: the test sees the scan running first
            newData: () => ({
              data: {
                runLeakScan: {
                  at: scan.at,
                  pagesScanned: 3,
                  scriptsScanned: 2,
                  exposedKeys: 1,
                  complete: false,
                },
              },
            }),
          },
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: scan } },
          },
        ],
      },
    })

    await waitFor(() => getByText('Varrer a loja agora'))
    const status = container.querySelector('[data-scan-status]')!

    // present (and empty) before it speaks: a live region added with its text is not read
    expect(status.getAttribute('role')).toBe('status')
    expect(status.textContent).toBe('')
    fireEvent.click(getByText('Varrer a loja agora'))
    expect(document.activeElement).toBe(status)
    expect(status.textContent).toBe('Varrendo a loja…')
    await waitFor(() =>
      expect(status.getAttribute('data-scan-status')).toBe('done')
    )
    expect(status.textContent).toBe(
      'Varredura concluída: 3 páginas lidas e 2 scripts lidos; 1 chave exposta encontrada. Alguns endereços não puderam ser lidos, então a varredura não pode dizer que estão limpos.'
    )
    expect(document.activeElement).toBe(status)
  })

  // apollo-client 2.6 awaited the refetch of `awaitRefetchQueries` with no catch: a scan that ran
  // but whose page could not be read again (a 503 after the scan) kept "Scanning…" for ever.
  it('ends the scan when the page cannot be read again after it, keeping the earlier copy', async () => {
    const { container, getByText } = render(<ExposurePage />, {
      graphql: {
        mocks: [
          {
            request: { query: LEAK_SCAN },
            result: { data: { leakScan: scan } },
          },
          {
            request: { query: RUN },
            result: {
              data: {
                runLeakScan: {
                  at: scan.at,
                  pagesScanned: 3,
                  scriptsScanned: 2,
                  exposedKeys: 1,
                  complete: true,
                },
              },
            },
          },
          {
            request: { query: LEAK_SCAN },
            error: new Error('Service Unavailable'),
          },
        ],
      },
    })

    await waitFor(() => getByText('Scan storefront now'))
    fireEvent.click(getByText('Scan storefront now'))
    const status = container.querySelector('[data-scan-status]')!

    expect(status.getAttribute('data-scan-status')).toBe('running')
    await waitFor(() =>
      expect(status.getAttribute('data-scan-status')).toBe('done')
    )
    expect(getByText('Scan storefront now').closest('button')!.disabled).toBe(
      false
    )
    expect(getByText('vtexappkey-acme-XDIUKI')).toBeInTheDocument()
  })
})
