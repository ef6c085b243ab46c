import React, { useState } from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import INVENTORY_STATUS from '../graphql/inventoryStatus.gql'
import EXTERNAL_KEYS from '../graphql/externalKeys.gql'
import KEY_LIST from '../graphql/keyList.gql'
import {
  errorMock,
  key,
  keyListMock,
  keyListVariables,
  keyPage,
  LIVE_META,
  OWNER_KEY,
  row,
  STALE,
  UNKNOWN_ROLES,
} from '../testing/data'
import KeysPage from './KeysPage'
import { useKeyChanged } from '../actions/useKeyChanged'
import { setRuntimeQuery } from '../testing/runtime'

const ROWS = [
  row({
    ...OWNER_KEY,
    findings: [
      ...OWNER_KEY.findings,
      { ...STALE.findings[0], message: 'Stale too.' },
    ],
  }),
  row(STALE),
  row(key()),
]

beforeEach(() => {
  window.history.replaceState(null, '', '/admin/app/key-steward/keys')
  window.sessionStorage.clear()
})

/** The list as served from the recent copy, read 3 minutes ago. */
const recentPage = () =>
  keyPage(ROWS, {
    inventory: {
      ...LIVE_META,
      source: 'RECENT',
      ageSeconds: 185,
      revalidating: false,
    },
  })

/** Query.inventoryStatus after a background read ended, leaving copy `version` a second old. */
const readEnded = (version: string) => ({
  delay: 300,
  request: { query: INVENTORY_STATUS },
  result: {
    data: {
      inventoryStatus: {
        version,
        generatedAt: '2026-11-26T12:10:00.000Z',
        ageSeconds: 1,
        reading: false,
        lastError: null,
        progress: null,
      },
    },
  },
})

describe('KeysPage', () => {
  it('shows a loading state, then the page of keys the service sent, with the stale-key warning', async () => {
    const { getByText, getByRole, queryByRole, container } = render(
      <KeysPage />,
      { graphql: { mocks: [keyListMock(keyPage(ROWS))] } }
    )

    expect(getByRole('status')).toBeInTheDocument()
    await waitFor(() => expect(queryByRole('table')).toBeInTheDocument())
    expect(getByText('ERP orders sync')).toBeInTheDocument()
    expect(getByText('vtexappkey-acme-OWNERK')).toBeInTheDocument()
    const staleRow = container.querySelector('[data-key-id="k-old"]')!

    expect(staleRow.querySelector('[data-severity="HIGH"]')).not.toBeNull()
    // the age says Stale and by how much (not a second severity); the worst finding is named, not coded
    expect(staleRow.querySelector('[data-stale="160"]')!.textContent).toBe(
      'Token 250 days old · 160 days past the period'
    )
    expect(staleRow.querySelector('[data-stale] [data-severity]')).toBeNull()
    // a key with more warnings: the worst named, then how many more, as words apart
    const ownerRow = container.querySelector('[data-key-id="k-owner"]')!

    expect(ownerRow.textContent).toContain('Holds Owner (Admin Super) +1')
    expect(staleRow.textContent).toContain('Stale key')
    expect(staleRow.textContent).not.toContain('key-age-exceeded')
    expect(getByText('3 keys match')).toBeInTheDocument()
  })

  it('searches on the server after a pause in typing, the box updating at once', async () => {
    const mocks = [
      keyListMock(keyPage(ROWS)),
      keyListMock(keyPage([row(OWNER_KEY)], { allTotal: 3 }), {
        search: 'agency',
      }),
    ]

    const { getByText, getByLabelText, queryByText } = render(<KeysPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('ERP orders sync'))
    fireEvent.change(getByLabelText('Search keys'), {
      target: { value: 'agency' },
    })
    expect((getByLabelText('Search keys') as HTMLInputElement).value).toBe(
      'agency'
    )
    await waitFor(() => expect(queryByText('ERP orders sync')).toBeNull())
    expect(getByText('Agency deploy pipeline')).toBeInTheDocument()
    // one key "matches": the verb agrees with the count
    expect(getByText('1 key matches')).toBeInTheDocument()
    expect(window.location.search).toBe('?q=agency')
  })

  // attack11: a token pasted into the search is searched but kept out of the address (browser
  // history, URL logs) and out of the view remembered for the tab
  it('searches a pasted token without writing it to the address or the remembered view', async () => {
    const token = 'BHHP'.padEnd(128, 'QWERTYZXCVBNMASDFGHJKLPOIUYTREWQ')
    const mocks = [
      keyListMock(keyPage(ROWS)),
      keyListMock(keyPage([], { allTotal: 3 }), { search: token }),
    ]

    const { getByText, getByLabelText } = render(<KeysPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('ERP orders sync'))
    fireEvent.change(getByLabelText('Search keys'), {
      target: { value: token },
    })
    await waitFor(() => expect(getByText(/No key matches/)).toBeInTheDocument())
    expect(window.location.search).toBe('')
    expect(JSON.stringify(window.sessionStorage)).not.toContain(
      token.slice(0, 32)
    )
  })

  // attack12: deleting a pasted token letter by letter wrote its first 31 capitals to the address
  // once fewer than 32 were left
  it('keeps what is left of a pasted token out of the address while it is deleted', async () => {
    const token = 'BHHP'.padEnd(128, 'QWERTYZXCVBNMASDFGHJKLPOIUYTREWQ')
    const left = token.slice(0, 31)
    const mocks = [
      keyListMock(keyPage(ROWS)),
      keyListMock(keyPage([], { allTotal: 3 }), { search: token }),
      keyListMock(keyPage([row(OWNER_KEY)], { allTotal: 3 }), {
        search: left,
      }),
    ]

    const { getByText, getByLabelText } = render(<KeysPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('ERP orders sync'))
    fireEvent.change(getByLabelText('Search keys'), {
      target: { value: token },
    })
    await waitFor(() => expect(getByText(/No key matches/)).toBeInTheDocument())
    fireEvent.change(getByLabelText('Search keys'), {
      target: { value: left },
    })
    await waitFor(() => getByText('Agency deploy pipeline'))
    expect(window.location.search).toBe('')
    expect(JSON.stringify(window.sessionStorage)).not.toContain(
      token.slice(0, 16)
    )
  })

  // attack11: a reminder's "See the keys" on this page keeps it mounted and changes only the
  // runtime's query: the address named those keys while the page kept listing its search
  it('follows a link to itself with another view, as the runtime re-renders it', async () => {
    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/keys?q=agency'
    )
    setRuntimeQuery({ q: 'agency' })
    try {
      const view = render(<KeysPage />, {
        graphql: {
          mocks: [
            keyListMock(keyPage([row(OWNER_KEY)], { allTotal: 3 }), {
              search: 'agency',
            }),
            keyListMock(keyPage([row(STALE)], { allTotal: 3 }), {
              ids: [STALE.id],
            }),
          ],
        },
      })

      await view.findByText('Agency deploy pipeline')
      setRuntimeQuery({ ids: STALE.id })
      view.rerender(<KeysPage />)
      await waitFor(() =>
        expect(view.queryByText('Agency deploy pipeline')).toBeNull()
      )
      expect(
        (view.getByLabelText('Search keys') as HTMLInputElement).value
      ).toBe('')
      expect(window.location.search).toBe(`?ids=${STALE.id}`)
    } finally {
      setRuntimeQuery(undefined)
    }
  })

  // attack11: a pasted search longer than the service answers was refused and the page said it
  // could not load new data over the old list
  it('keeps a pasted search to the length the service answers', async () => {
    const long = 'a'.repeat(250)
    const mocks = [
      keyListMock(keyPage(ROWS)),
      keyListMock(keyPage([row(OWNER_KEY)], { allTotal: 3 }), {
        search: long.slice(0, 200),
      }),
    ]

    const { getByText, getByLabelText, queryByText } = render(<KeysPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('ERP orders sync'))
    fireEvent.change(getByLabelText('Search keys'), {
      target: { value: long },
    })
    expect(
      (getByLabelText('Search keys') as HTMLInputElement).value
    ).toHaveLength(200)
    await waitFor(() => expect(queryByText('ERP orders sync')).toBeNull())
    expect(getByText('Agency deploy pipeline')).toBeInTheDocument()
  })

  it('sorts on the server when a column header is activated (age: the oldest first), and says so to assistive tech', async () => {
    const mocks = [
      keyListMock(keyPage(ROWS)),
      keyListMock(keyPage([row(key()), row(STALE), row(OWNER_KEY)]), {
        sort: 'ageDays',
        descending: true,
      }),
      keyListMock(keyPage(ROWS), { sort: 'createdAt' }),
    ]

    const { getByText, getAllByRole } = render(<KeysPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('ERP orders sync'))
    const ageHeader = () =>
      getAllByRole('columnheader').find((h) =>
        h.textContent!.startsWith('Age')
      )!

    fireEvent.click(ageHeader().querySelector('button')!)
    await waitFor(() =>
      expect(getAllByRole('row')[1].textContent).toContain('ERP orders sync')
    )
    expect(ageHeader().getAttribute('aria-sort')).toBe('descending')
    expect(ageHeader().textContent).toContain('▼')
    expect(window.location.search).toBe('?sort=ageDays&desc=1')
    // the creation date's first click lists the oldest first too: ascending dates
    const created = () =>
      getAllByRole('columnheader').find((h) =>
        h.textContent!.startsWith('Created')
      )!

    fireEvent.click(created().querySelector('button')!)
    await waitFor(() =>
      expect(created().getAttribute('aria-sort')).toBe('ascending')
    )
    expect(window.location.search).toBe('?sort=createdAt')
  })

  it('shows the worst-finding sort as what the rows show: most severe first is descending, both ways', async () => {
    const mocks = [
      keyListMock(keyPage(ROWS)),
      keyListMock(keyPage([row(key()), row(STALE), row(OWNER_KEY)]), {
        descending: true,
      }),
    ]

    const { getByText, getAllByRole } = render(<KeysPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('ERP orders sync'))
    const header = () =>
      getAllByRole('columnheader').find((h) =>
        h.textContent!.startsWith('Worst finding')
      )!

    // the default view lists Critical first: descending severity, arrow down
    expect(header().getAttribute('aria-sort')).toBe('descending')
    expect(header().textContent).toContain('▼')
    fireEvent.click(header().querySelector('button')!)
    await waitFor(() =>
      expect(getAllByRole('row')[1].textContent).toContain('ERP orders sync')
    )
    expect(header().getAttribute('aria-sort')).toBe('ascending')
    expect(header().textContent).toContain('▲')
    expect(window.location.search).toBe('?desc=1')
    // other columns keep the plain reading: a first click sorts ascending, arrow up
    const age = getAllByRole('columnheader').find((h) =>
      h.textContent!.startsWith('Age')
    )!

    expect(age.getAttribute('aria-sort')).toBe('none')
  })

  it('opens the view the URL names (rule, severity, ids) and remembers it for "Back to API keys"', async () => {
    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/keys?rule=owner-role&severity=critical&ids=k-owner,k-old&page=1'
    )
    const mocks = [
      keyListMock(keyPage([row(OWNER_KEY)], { allTotal: 3 }), {
        rule: 'owner-role',
        severity: 'CRITICAL',
        ids: ['k-owner', 'k-old'],
      }),
    ]

    const { getByText, getByTestId } = render(<KeysPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('Agency deploy pipeline'))
    expect(getByTestId('ids-filter').textContent).toContain(
      'Showing only the 2 keys the link named.'
    )
    expect(window.location.search).toBe(
      '?severity=CRITICAL&rule=owner-role&ids=k-owner%2Ck-old'
    )
    expect(window.sessionStorage.getItem('key-steward.keys.view')).toBe(
      '?severity=CRITICAL&rule=owner-role&ids=k-owner%2Ck-old'
    )
  })

  it("opens on a review's evidence line by name and says how many keys it counts, in pt too", async () => {
    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/keys?evidence=activeWithinRotation&review=r1'
    )
    const mocks = [
      keyListMock(
        keyPage([row(OWNER_KEY)], { allTotal: 5000, selected: 1244 }),
        {
          evidence: 'activeWithinRotation',
          review: 'r1',
        }
      ),
    ]

    const { getByText, getByTestId } = render(<KeysPage />, {
      graphql: { mocks },
      locale: 'pt',
    })

    await waitFor(() => getByText('Agency deploy pipeline'))
    expect(getByTestId('picked-filter').textContent).toContain(
      'Mostrando as 1.244 chaves que a evidência da revisão conta: Chaves ativas além do período de rotação.'
    )
    expect(window.location.search).toBe(
      '?evidence=activeWithinRotation&review=r1'
    )
  })

  it('says a link that named more keys than it holds was cut, never pretending', async () => {
    const ids = Array.from({ length: 600 }, (_, i) => `k${i}`)

    window.history.replaceState(
      null,
      '',
      `/admin/app/key-steward/keys?ids=${ids.join(',')}`
    )
    const mocks = [
      keyListMock(
        keyPage([row(OWNER_KEY)], { allTotal: 5000, selected: 500 }),
        {
          ids: ids.slice(0, 500),
        }
      ),
    ]

    const { getByText, getByTestId } = render(<KeysPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('Agency deploy pipeline'))
    expect(getByTestId('ids-filter').textContent).toContain(
      'The link named 600 keys and a link holds at most 500: only the first 500 are shown.'
    )
  })

  it('says when roles could not be loaded and which parts are missing', async () => {
    const partial = keyPage([row(UNKNOWN_ROLES)], {
      inventory: {
        ...LIVE_META,
        complete: false,
        missing: [
          'roles of key "Feed with unknown roles" (HTTP 500 after 4 attempts)',
        ],
      },
    })

    const { getByText, container } = render(<KeysPage />, {
      graphql: { mocks: [keyListMock(partial)] },
    })

    await waitFor(() => getByText('Feed with unknown roles'))
    // each missing part is its own element (bdi): the banner's text as a whole
    expect(container.querySelector('[data-partial]')!.textContent).toMatch(
      /Some data could not be loaded.*\(HTTP 500 after 4 attempts\)\. Try again in a few minutes\./
    )
    // a live read: the banner offers to read again (the source line does not)
    expect(getByText('Load live data')).toBeInTheDocument()
    expect(getByText('Roles could not be loaded')).toBeInTheDocument()
    expect(getByText('Unknown')).toBeInTheDocument()
  })

  it("marks an external key's row and does not link it to a key page", async () => {
    const ext = row(
      key({
        id: 'vtexappkey-partner-XYZ',
        appKey: 'vtexappkey-partner-XYZ',
        label: 'partner',
      }),
      { external: true, account: 'partner' }
    )

    const { getByText, getByTestId, container } = render(<KeysPage />, {
      graphql: { mocks: [keyListMock(keyPage([ext]))] },
    })

    // Named like any row (its account is its label), its appKey under it, and a small tag.
    await waitFor(() => getByText('External'))
    const cell = container.querySelector('[data-external="true"] td')!

    expect(cell.querySelector('[data-external-label]')!.textContent).toBe(
      'partner External'
    )
    expect(cell.querySelector('[data-appkey]')!.textContent).toBe(
      'vtexappkey-partner-XYZ'
    )
    expect(container.querySelector('[data-external="true"] a')).toBeNull()
    // its dates are those of its registration here (VTEX does not say when it was created)
    const ownRow = container.querySelector('[data-external="true"]')!

    expect(ownRow.querySelector('[data-created]')!.textContent).toContain(
      'registered in Key Steward'
    )
    expect(ownRow.querySelector('[data-age]')!.textContent).toBe(
      '56 dayssince registered'
    )
    expect(getByTestId('external-dates-help').textContent).toMatch(
      /count from the day it was registered in Key Steward/
    )
  })

  it("names the token's age in the stale badge, not the key's age shown above it", async () => {
    // created 400 days ago, its token renewed 100 days ago: 10 days past a 90-day period
    const renewed = key({
      id: 'k-renewed',
      label: 'Freight quotes',
      ageDays: 400,
      tokenAgeDays: 100,
      findings: [
        {
          rule: 'key-age-exceeded',
          severity: 'MEDIUM',
          practice: 'ROTATE_KEYS',
          message: 'Its token is 100 days old.',
          daysPastPeriod: 10,
        },
      ],
    })

    const { getByText, container } = render(<KeysPage />, {
      graphql: { mocks: [keyListMock(keyPage([row(renewed), row(key())]))] },
    })

    await waitFor(() => getByText('Freight quotes'))
    const cells = container.querySelector(
      '[data-key-id="k-renewed"] [data-age]'
    )!

    expect(cells.textContent).toContain('400 days')
    expect(cells.querySelector('[data-stale]')!.textContent).toBe(
      'Token 100 days old · 10 days past the period'
    )
    // an account key says nothing of a registration, and no note is under the table
    expect(container.textContent).not.toContain('registered in Key Steward')
    expect(
      container.querySelector('[data-testid="external-dates-help"]')
    ).toBeNull()
  })

  it('writes the dates short and on one line, the long date as its title', async () => {
    const { getByText, container } = render(<KeysPage />, {
      graphql: { mocks: [keyListMock(keyPage([row(key())]))] },
    })

    await waitFor(() => getByText('ERP orders sync'))
    const date = container.querySelector('[data-created] time')!

    expect(date.textContent).toBe('10/01/2026')
    expect(date.getAttribute('dateTime')).toBe('2026-10-01T09:00:00Z')
    expect(date.className).toContain('nowrap')
    expect(date.getAttribute('title')).toBe('October 1, 2026')
  })

  // The External keys panel below lists the external keys again: the count names them apart,
  // so "3 keys match" does not read as three keys of this account.
  it('counts the external keys among the matching rows apart', async () => {
    const ext = row(
      key({
        id: 'vtexappkey-partner-XYZ',
        appKey: 'vtexappkey-partner-XYZ',
        label: 'partner',
      }),
      { external: true, account: 'partner' }
    )

    const { getByText } = render(<KeysPage />, {
      graphql: {
        mocks: [keyListMock(keyPage([row(OWNER_KEY), row(STALE), ext]))],
      },
    })

    await waitFor(() => getByText('2 keys and 1 external key match'))
    expect(getByText('1–3 of 3')).toBeInTheDocument()
  })

  it('tries again on the recent copy when the list could not load: only Load live data reads live', async () => {
    const failed = {
      ...errorMock(KEY_LIST, 'UPSTREAM_UNAVAILABLE', 'VTEX answered 503'),
      request: { query: KEY_LIST, variables: keyListVariables() },
    }

    // Apollo keeps a refetch's variables: a bare refetch() after a live read would read live
    // again, so Try again names live: false (a request without it finds no answer here)
    const { getByText } = render(<KeysPage />, {
      graphql: {
        mocks: [failed, keyListMock(recentPage(), { live: false })],
      },
    })

    fireEvent.click(await waitFor(() => getByText('Try again')))
    await waitFor(() => getByText('Data read from VTEX 3 minutes ago.'))
  })

  it('says a failure of VTEX once when the key list and the External keys both fail with it', async () => {
    const message =
      'The list of API keys could not be read from VTEX (HTTP 502).'

    const list = {
      ...errorMock(KEY_LIST, 'UPSTREAM_UNAVAILABLE', message),
      request: { query: KEY_LIST, variables: keyListVariables() },
    }

    const external = {
      ...errorMock(EXTERNAL_KEYS, 'UPSTREAM_UNAVAILABLE', message),
      request: { query: EXTERNAL_KEYS, variables: {} },
    }

    const { getByText, getAllByRole, getByTestId } = render(<KeysPage />, {
      graphql: { mocks: [list, external] },
    })

    await waitFor(() => getByTestId('external-keys-failed-above'))
    await waitFor(() => getByText(/could not be read from VTEX/))
    expect(getAllByRole('alert')).toHaveLength(1)
    expect(getAllByRole('alert')[0].textContent).toContain(message)
    expect(getByTestId('external-keys-failed-above').textContent).toBe(
      'The external keys could not be loaded either, for the same reason (see the error above).'
    )
    // the panel can still be read again on its own
    expect(getByText('Load the external keys again')).toBeInTheDocument()
  })

  it('explains which License Manager permission is missing', async () => {
    const mock = {
      ...errorMock(KEY_LIST, 'FORBIDDEN', 'Your user lacks Save user', {
        missingResources: ['Save user'],
      }),
      request: { query: KEY_LIST, variables: keyListVariables() },
    }

    const { getByText } = render(<KeysPage />, { graphql: { mocks: [mock] } })

    await waitFor(() => getByText('You need more permissions'))
    expect(
      getByText(/lacks this License Manager resource: Save user/)
    ).toBeInTheDocument()
  })

  it('while a cold read outlasts the request, shows its progress instead of a bare spinner, waiting included', async () => {
    const reading = {
      ...errorMock(KEY_LIST, 'READING', 'still reading'),
      request: { query: KEY_LIST, variables: keyListVariables() },
    }

    const progress = {
      phase: 'ROLES',
      done: 1240,
      total: 6000,
      elapsedSeconds: 12,
      concurrency: 4,
      maxConcurrency: 8,
      waitingSeconds: 3,
      rateLimited: 5,
    }

    const status = {
      request: { query: INVENTORY_STATUS },
      result: {
        data: {
          inventoryStatus: {
            version: null,
            generatedAt: null,
            ageSeconds: null,
            reading: true,
            lastError: null,
            progress,
          },
        },
      },
    }

    const { getByText } = render(<KeysPage />, {
      graphql: { mocks: [reading, status, status] },
    })

    // the page polls after 1 s without data: give a loaded machine room
    await waitFor(
      () =>
        getByText('Reading the roles of each key and user: 1,240 of 6,000 …'),
      {
        timeout: 5000,
      }
    )
    expect(
      getByText(
        'VTEX asked Key Steward to slow down: waiting 3 seconds, then retrying.'
      )
    ).toBeInTheDocument()
    expect(
      getByText(/reading the roles of 4 keys or users at a time instead of 8/)
    ).toBeInTheDocument()
  })

  it('says how old the recent copy is and loads live data on request', async () => {
    const recent = recentPage()

    const live = {
      request: {
        query: KEY_LIST,
        variables: { ...keyListVariables(), live: true },
      },
      result: { data: { keyList: keyPage(ROWS) } },
    }

    const { getByText, queryByText } = render(<KeysPage />, {
      graphql: { mocks: [keyListMock(recent), live] },
    })

    await waitFor(() => getByText('Data read from VTEX 3 minutes ago.'))
    fireEvent.click(getByText('Load live data'))
    await waitFor(() => expect(queryByText(/Data read from VTEX/)).toBeNull())
  })

  it('says when Load live data is answered by a read seconds old, politely, and anew on the next press', async () => {
    const recent = (ageSeconds: number, version = 'v1') =>
      keyPage(ROWS, {
        inventory: {
          ...LIVE_META,
          source: 'RECENT',
          version,
          ageSeconds,
          revalidating: false,
        },
      })

    const liveRequest = (page: ReturnType<typeof recent>) => ({
      request: {
        query: KEY_LIST,
        variables: { ...keyListVariables(), live: true },
      },
      result: { data: { keyList: page } },
    })

    const { getByText, getByTestId, queryByTestId } = render(<KeysPage />, {
      graphql: {
        mocks: [
          keyListMock(recent(2)),
          liveRequest(recent(4)),
          liveRequest(recent(1, 'v2')),
        ],
      },
    })

    await waitFor(() =>
      getByText('Data read from VTEX less than a minute ago.')
    )
    expect(queryByTestId('live-read-answered')).toBeNull()
    fireEvent.click(getByText('Load live data'))
    await waitFor(() => getByTestId('live-read-answered'))
    const notice = getByTestId('live-read-answered')

    expect(notice.textContent).toMatch(
      /^VTEX was read 4 seconds ago; that read is shown\. You can read again in 26 seconds\./
    )
    // polite (role="status"), not an alert that interrupts
    expect(notice.querySelector('[role="status"]')).not.toBeNull()
    expect(notice.querySelector('[role="alert"]')).toBeNull()

    // pressed again: answered by another copy (a read that landed meanwhile), said again for it
    fireEvent.click(getByText('Load live data'))
    expect(queryByTestId('live-read-answered')).toBeNull()
    await waitFor(() =>
      expect(getByTestId('live-read-answered').textContent).toMatch(
        /^VTEX was read 1 second ago; .* in 29 seconds\./
      )
    )
  })

  it('says nothing extra when Load live data read VTEX', async () => {
    const recent = recentPage()

    const { getByText, queryByText, queryByTestId } = render(<KeysPage />, {
      graphql: {
        mocks: [
          keyListMock(recent),
          {
            request: {
              query: KEY_LIST,
              variables: { ...keyListVariables(), live: true },
            },
            result: { data: { keyList: keyPage(ROWS) } },
          },
        ],
      },
    })

    await waitFor(() => getByText('Data read from VTEX 3 minutes ago.'))
    fireEvent.click(getByText('Load live data'))
    await waitFor(() => expect(queryByText(/Data read from VTEX/)).toBeNull())
    expect(queryByTestId('live-read-answered')).toBeNull()
  })

  it('says nothing about a recent read when Load live data failed', async () => {
    const recent = keyPage(ROWS, {
      inventory: {
        ...LIVE_META,
        source: 'RECENT',
        ageSeconds: 5,
        revalidating: false,
      },
    })

    const { container, getByText, queryByTestId } = render(<KeysPage />, {
      graphql: {
        mocks: [
          keyListMock(recent),
          {
            ...errorMock(
              KEY_LIST,
              'UPSTREAM_UNAVAILABLE',
              'VTEX did not answer'
            ),
            request: {
              query: KEY_LIST,
              variables: { ...keyListVariables(), live: true },
            },
          },
        ],
      },
    })

    await waitFor(() => getByText('Load live data'))
    fireEvent.click(getByText('Load live data'))
    await waitFor(() =>
      expect(container.querySelector('[role="alert"]')).not.toBeNull()
    )
    // the copy still shown is 5 s old: the notice would claim it answered the press
    expect(queryByTestId('live-read-answered')).toBeNull()
  })

  it('reads the copy a live read left when it lands, not VTEX again: only the press reads live', async () => {
    const copy = (version: string, ageSeconds: number) =>
      keyPage(ROWS, {
        inventory: {
          ...LIVE_META,
          source: 'RECENT',
          version,
          ageSeconds,
          revalidating: false,
        },
      })

    // the press's read outlasts the request: the page follows it, then asks for what it left
    const stillReading = {
      ...errorMock(KEY_LIST, 'READING', 'still reading'),
      request: {
        query: KEY_LIST,
        variables: { ...keyListVariables(), live: true },
      },
    }

    const { getByText } = render(<KeysPage />, {
      graphql: {
        mocks: [
          keyListMock(copy('v1', 185)),
          stillReading,
          readEnded('v2'),
          readEnded('v2'),
          // a request with live: true here would find no answer (and ask VTEX for every key again)
          keyListMock(copy('v2', 1), { live: false }),
        ],
      },
    })

    await waitFor(() => getByText('Data read from VTEX 3 minutes ago.'))
    fireEvent.click(getByText('Load live data'))
    await waitFor(
      () => getByText('Data read from VTEX less than a minute ago.'),
      { timeout: 4000 }
    )
  })

  it('updates by itself when the background read lands a new copy', async () => {
    const stale = keyPage([row(STALE)], {
      inventory: {
        ...LIVE_META,
        source: 'RECENT',
        version: 'v1',
        ageSeconds: 700,
        revalidating: true,
      },
    })

    const fresh = keyPage([row(STALE, { isActive: false })], {
      inventory: {
        ...LIVE_META,
        source: 'RECENT',
        version: 'v2',
        ageSeconds: 1,
        revalidating: false,
      },
    })

    const status = readEnded('v2')

    const { getByText, getByTestId, queryByTestId, container } = render(
      <KeysPage />,
      {
        graphql: {
          mocks: [
            keyListMock(stale),
            status,
            keyListMock(fresh, { live: false }),
          ],
        },
      }
    )

    await waitFor(() => getByText('Data read from VTEX 11 minutes ago.'))
    expect(getByTestId('revalidating')).toBeInTheDocument()
    await waitFor(
      () => getByText('Data read from VTEX less than a minute ago.'),
      {
        timeout: 4000,
      }
    )
    expect(queryByTestId('revalidating')).toBeNull()
    expect(
      container.querySelector('[data-key-id="k-old"]')!.textContent
    ).toContain('Inactive')
  })

  it('says the new age when the background read found the account unchanged (the same copy, read again)', async () => {
    const copy = (ageSeconds: number, revalidating: boolean) =>
      keyPage([row(STALE)], {
        inventory: {
          ...LIVE_META,
          source: 'RECENT',
          version: 'v1',
          ageSeconds,
          revalidating,
        },
      })

    const status = readEnded('v1')

    const { getByText, getByTestId, queryByTestId } = render(<KeysPage />, {
      graphql: {
        mocks: [
          keyListMock(copy(700, true)),
          status,
          keyListMock(copy(1, false), { live: false }),
        ],
      },
    })

    await waitFor(() => getByText('Data read from VTEX 11 minutes ago.'))
    expect(getByTestId('revalidating')).toBeInTheDocument()
    await waitFor(
      () => getByText('Data read from VTEX less than a minute ago.'),
      { timeout: 4000 }
    )
    expect(queryByTestId('revalidating')).toBeNull()
  })

  it('goes to the last page and back to the first in one press each (50 pages of keys)', async () => {
    const at = (page: number) =>
      keyListMock(
        keyPage(page === 50 ? [row(STALE)] : ROWS, {
          total: 5000,
          allTotal: 5000,
          page,
          pages: 50,
        }),
        { page }
      )

    const { getByText, getByRole } = render(<KeysPage />, {
      graphql: { mocks: [at(1), at(50), at(1)] },
    })

    await waitFor(() => getByText('Page 1 of 50'))
    expect(getByRole('button', { name: 'First page' })).toBeDisabled()
    fireEvent.click(getByRole('button', { name: 'Last page' }))
    await waitFor(() => getByText('Page 50 of 50'))
    expect(getByRole('button', { name: 'Last page' })).toBeDisabled()
    expect(getByRole('button', { name: 'Next page' })).toBeDisabled()
    expect(window.location.search).toBe('?page=50')
    fireEvent.click(getByRole('button', { name: 'First page' }))
    await waitFor(() => getByText('Page 1 of 50'))
    expect(window.location.search).toBe('')
  }, 15_000) // three answers rendered in turn: over jest's 5 s when the machine is busy

  it('writes the page it shows into the address when the one asked is past the end (?page=999), replacing it', async () => {
    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/keys?page=999'
    )
    const lastPage = keyPage(ROWS, {
      total: 250,
      allTotal: 250,
      page: 3,
      pages: 3,
    })

    const entries = window.history.length

    const { getByText } = render(<KeysPage />, {
      graphql: {
        mocks: [
          keyListMock(lastPage, { page: 999 }),
          keyListMock(lastPage, { page: 3 }),
        ],
      },
    })

    await waitFor(() => getByText('Page 3 of 3'))
    await waitFor(() => expect(window.location.search).toBe('?page=3'))
    // no Back step to 999
    expect(window.history).toHaveLength(entries)
    expect(window.sessionStorage.getItem('key-steward.keys.view')).toBe(
      '?page=3'
    )
  })

  it('takes a keyboard user from the filters to the page buttons in one step, past the rows', async () => {
    const at = (page: number) =>
      keyListMock(
        keyPage(ROWS, { total: 5000, allTotal: 5000, page, pages: 50 }),
        { page }
      )

    const { getByText, getByRole, container } = render(<KeysPage />, {
      graphql: { mocks: [at(1), at(2)] },
    })

    await waitFor(() => getByText('Page 1 of 50'))
    const skip = getByRole('link', { name: 'Skip to the page buttons' })

    // right after the search and filters, before the table and its rows
    const filters = container.querySelector('[role="search"]')!
    const table = container.querySelector('table')!

    expect(
      filters.compareDocumentPosition(skip) & Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy()
    expect(
      skip.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy()
    fireEvent.click(skip)
    const pages = getByRole('group', { name: 'Page 1 of 50' })

    expect(document.activeElement).toBe(pages)
    expect(pages).toContainElement(getByRole('button', { name: 'Next page' }))
    // the page keeps its state in the query, not in a #hash
    expect(window.location.hash).toBe('')
    fireEvent.click(getByRole('button', { name: 'Next page' }))
    await waitFor(() => getByText('Page 2 of 50'))
    expect(getByRole('group', { name: 'Page 2 of 50' })).toBe(pages)
  }, 15_000)

  it('keeps the focus with the page buttons when Next reaches the last page and turns disabled', async () => {
    window.history.replaceState(null, '', '/admin/app/key-steward/keys?page=49')
    const at = (page: number) =>
      keyListMock(
        keyPage(ROWS, { total: 5000, allTotal: 5000, page, pages: 50 }),
        { page }
      )

    const { getByText, getByRole } = render(<KeysPage />, {
      graphql: { mocks: [at(49), at(50)] },
    })

    await waitFor(() => getByText('Page 49 of 50'))
    const next = getByRole('button', { name: 'Next page' })

    next.focus()
    fireEvent.click(next)
    await waitFor(() => getByText('Page 50 of 50'))
    expect(next).toBeDisabled()
    expect(document.activeElement).toBe(
      getByRole('group', { name: 'Page 50 of 50' })
    )
  })

  it('offers no skip link when the keys fit one page (no other page to go to)', async () => {
    const { getByText, queryByRole } = render(<KeysPage />, {
      graphql: { mocks: [keyListMock(keyPage(ROWS))] },
    })

    await waitFor(() => getByText('ERP orders sync'))
    expect(queryByRole('link', { name: 'Skip to the page buttons' })).toBeNull()
  })

  it('puts focus back on the row of the key opened, when the list comes back (not the top of a long page)', async () => {
    const first = render(<KeysPage />, {
      graphql: { mocks: [keyListMock(keyPage(ROWS))] },
    })

    await waitFor(() => first.getByText('ERP orders sync'))
    fireEvent.click(first.container.querySelector('[data-key-id="k-old"] a')!)
    first.unmount()

    // back on the list
    const { container, getByText } = render(<KeysPage />, {
      graphql: { mocks: [keyListMock(keyPage(ROWS))] },
    })

    await waitFor(() => getByText('ERP orders sync'))
    await waitFor(() =>
      expect(document.activeElement).toBe(
        container.querySelector('[data-key-id="k-old"] a')
      )
    )
    // once: the next visit opens at its top
    expect(window.sessionStorage.getItem('key-steward.keys.opened')).toBeNull()
  })

  it('offers a way out of a filtered empty list: Clear filters shows every key again', async () => {
    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/keys?q=nothing&severity=critical&ids=k-gone'
    )
    const mocks = [
      keyListMock(keyPage([], { allTotal: 3 }), {
        search: 'nothing',
        severity: 'CRITICAL',
        ids: ['k-gone'],
      }),
      keyListMock(keyPage(ROWS)),
    ]

    const { getByText, getByRole, getByLabelText } = render(<KeysPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('No key matches these filters.'))
    // a real button: reached with Tab, pressed with Enter or Space
    fireEvent.click(getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => getByText('ERP orders sync'))
    expect((getByLabelText('Search keys') as HTMLInputElement).value).toBe('')
    expect(window.location.search).toBe('')
    // the button went with the empty list: focus is on the search box, not lost to the page
    expect(document.activeElement).toBe(getByLabelText('Search keys'))
  })

  it('has an empty state', async () => {
    const { getByText } = render(<KeysPage />, {
      graphql: { mocks: [keyListMock(keyPage([]))] },
    })

    await waitFor(() => getByText('This account has no API keys.'))
  })
})

describe('KeysPage after a change to a key', () => {
  /** The list shown or left (a key page open), and a change to a key made meanwhile. */
  const Admin: React.FC = () => {
    const [listShown, setListShown] = useState(true)
    const keyChanged = useKeyChanged()

    return (
      <>
        {listShown && <KeysPage />}
        <button onClick={() => setListShown((v) => !v)}>Toggle list</button>
        <button onClick={keyChanged}>Change a key</button>
      </>
    )
  }

  const NO_OWNER = { rule: 'no-owner' }
  const owned = key({ id: 'k-owned', label: 'Orders feed, owner given' })
  const other = key({ id: 'k-other', label: 'Catalog import' })

  it('shows no view read before the change from Apollo’s copy: another filter left earlier is asked again', async () => {
    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/keys?rule=no-owner'
    )
    let asked = 0
    const noOwner = (rows: Array<ReturnType<typeof row>>) => ({
      ...keyListMock(keyPage(rows), NO_OWNER),
      result: () => {
        asked++

        return { data: { keyList: keyPage(rows) } }
      },
    })

    const { getByText, queryByText, findByText } = render(<Admin />, {
      graphql: {
        mocks: [
          // the "No owner recorded" filter, then every key (the view left last)
          noOwner([row(owned), row(other)]),
          keyListMock(keyPage([row(owned), row(other)])),
          // read again after the change: the view left last
          keyListMock(keyPage([row(owned), row(other)])),
          // the filter, when shown again: the key given an owner is no longer in it
          noOwner([row(other)]),
        ],
      },
    })

    await findByText('Orders feed, owner given')
    expect(asked).toBe(1)

    // to every key, then away (a key page), where its owner is recorded
    fireEvent.click(getByText('Toggle list'))
    window.history.replaceState(null, '', '/admin/app/key-steward/keys')
    fireEvent.click(getByText('Toggle list'))
    await findByText('Catalog import')
    fireEvent.click(getByText('Toggle list'))
    fireEvent.click(getByText('Change a key'))

    // back to the filter by the browser's history
    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/keys?rule=no-owner'
    )
    fireEvent.click(getByText('Toggle list'))
    await waitFor(() => expect(asked).toBe(2))
    await waitFor(() =>
      expect(queryByText('Orders feed, owner given')).toBeNull()
    )
    expect(getByText('Catalog import')).toBeInTheDocument()
  }, 15_000)

  it('still shows a view read since the last change from Apollo’s copy (no request to page back)', async () => {
    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/keys?rule=no-owner'
    )
    let asked = 0
    const { getByText, findByText } = render(<Admin />, {
      graphql: {
        mocks: [
          {
            ...keyListMock(keyPage([row(owned)]), NO_OWNER),
            result: () => {
              asked++

              return { data: { keyList: keyPage([row(owned)]) } }
            },
          },
        ],
      },
    })

    await findByText('Orders feed, owner given')
    fireEvent.click(getByText('Toggle list'))
    fireEvent.click(getByText('Toggle list'))
    await findByText('Orders feed, owner given')
    expect(asked).toBe(1)
  })
})
