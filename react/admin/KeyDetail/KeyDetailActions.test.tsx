import React from 'react'
import { fireEvent, render, waitFor, within } from '@vtex/test-tools/react'
import { GraphQLError } from 'graphql'

import { setRouteParams } from '../testing/runtime'
import ANNOTATE from '../graphql/annotateKey.gql'
import DEACTIVATE from '../graphql/deactivateKey.gql'
import FINISH from '../graphql/finishTokenRenewal.gql'
import KEY_AUDIT from '../graphql/keyAudit.gql'
import KEY_DETAIL from '../graphql/keyDetail.gql'
import PERMISSIONS from '../graphql/keyActionPermissions.gql'
import RECORD from '../graphql/recordTokenRenewal.gql'
import RENEW from '../graphql/renewToken.gql'
import OVERVIEW from '../graphql/overview.gql'
import {
  inventory,
  keyDetailMock,
  keyListMock,
  keyPage,
  STALE,
} from '../testing/data'
import { OVERVIEW_VARIABLES } from '../Overview/overviewVariables'
import { rememberKeysView } from '../utils/urlState'
import type { TokenRenewal } from '../types'
import { NO_RENEWAL } from '../types'
import KeyDetailPage from './KeyDetailPage'

const TOKEN = 'N'.repeat(128)
const FIELDS = [
  'renewToken',
  'finishTokenRenewal',
  'recordTokenRenewal',
  'deactivateKey',
  'reactivateKey',
  'removeKeyRole',
]

const permissions = (denied: Record<string, string[]> = {}) => ({
  request: { query: PERMISSIONS },
  result: {
    data: {
      keyActionPermissions: FIELDS.map((field) => ({
        field,
        allowed: !denied[field],
        missingResources: denied[field] ?? [],
        acceptedResources: (denied[field] ?? []).map((r) => [r]),
      })),
    },
  },
})

const audit = (entries: unknown[] = [], unreadable = 0) => ({
  request: { query: KEY_AUDIT, variables: { keyId: STALE.id } },
  result: { data: { keyAudit: entries, keyAuditUnreadable: unreadable } },
})

const pendingRenewal: TokenRenewal = {
  ...NO_RENEWAL,
  status: 'PENDING',
  startedAt: '2026-11-26T12:00:00.000Z',
  startedBy: 'ana@acme.com',
  tokenCreatedAt: STALE.createdAt,
  newTokenCreatedAt: '2026-11-26T12:00:00.000Z',
  expirationPeriodDays: 90,
}

const renewal = (over: Partial<TokenRenewal>): TokenRenewal => ({
  ...pendingRenewal,
  ...over,
})

const keyState = (over: Record<string, unknown> = {}) => ({
  id: STALE.id,
  isActive: true,
  rolesKnown: true,
  roles: [{ id: 957, name: 'Call center operator' }],
  ...over,
})

/** The page's queries, several times over (actions read them again). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const pageMocks = (
  inv = inventory(),
  extra: any[] = [],
  denied: Record<string, string[]> = {}
): any[] => [
  keyDetailMock(STALE.id, inv),
  keyDetailMock(STALE.id, inv),
  keyDetailMock(STALE.id, inv),
  permissions(denied),
  permissions(denied),
  audit(),
  audit(),
  audit(),
  ...extra,
]

beforeEach(() => setRouteParams({ id: STALE.id }))

describe('key page: ages', () => {
  it('while a renewal is pending, the token age is the old token\'s, said once and consistently (no "no renewal is known")', async () => {
    const pending = {
      ...STALE,
      tokenAgeDays: STALE.ageDays,
      tokenAgeSince: STALE.createdAt,
      tokenAgeBasis: 'KEY_CREATED' as const,
      renewal: pendingRenewal,
    }

    const { getByTestId, getByText, queryByText } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory({ keys: [pending] })) },
    })

    await waitFor(() => getByTestId('token-age-basis'))
    const basis = getByTestId('token-age-basis').textContent!

    expect(basis).not.toMatch(/no renewal is known/)
    expect(basis).toMatch(/VTEX did not say when the token in use was created/)
    expect(getByTestId('token-age-pending').textContent).toMatch(
      /token in use \(the old one\)\. A new token has been pending since November 26, 2026: the stale warning counts the token in use until the renewal is finished/
    )
    expect(getByTestId('age-explained').textContent).toMatch(
      /a finished renewal resets it/
    )
    expect(
      getByText(/Renewal started on November 26, 2026 by ana@acme.com/)
    ).toBeInTheDocument()
    // recording a renewal done elsewhere is refused while this one is pending: not offered
    expect(queryByText('Record a renewal done in VTEX’s Admin…')).toBeNull()
  })

  it('a renewal whose answer was lost says so, what to check in VTEX, and offers to finish it', async () => {
    const maybe = {
      ...STALE,
      renewal: renewal({
        status: 'POSSIBLY_PENDING',
        tokenCreatedAt: null,
        newTokenCreatedAt: null,
        expirationPeriodDays: null,
        outcomeUnknownAt: '2026-11-26T12:00:00.000Z',
      }),
    }

    const { getByTestId, getByText } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory({ keys: [maybe] })) },
    })

    await waitFor(() => getByTestId('token-age-pending'))
    expect(getByTestId('token-age-pending').textContent).toMatch(
      /may be pending in VTEX/
    )
    expect(
      getByText(
        /ana@acme.com asked VTEX to renew this token, but VTEX’s answer never arrived.*API keys/
      )
    ).toBeInTheDocument()
    expect(getByText('Finish renewal…')).toBeInTheDocument()
  })

  it('shows key age and token age side by side, and says which one the stale warning uses', async () => {
    const recorded = {
      ...STALE,
      tokenAgeDays: 6,
      tokenAgeSince: '2026-11-20T00:00:00.000Z',
      tokenAgeBasis: 'RENEWAL_RECORDED' as const,
      renewal: renewal({
        status: 'RECORDED',
        startedBy: null,
        finishedAt: '2026-11-20T00:00:00.000Z',
        recordedBy: 'bruno@acme.com',
        note: 'Renewed in the API keys page',
      }),
    }

    const { getByTestId, getByText } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory({ keys: [recorded] })) },
    })

    await waitFor(() => getByTestId('token-age'))
    expect(getByText('Key age')).toBeInTheDocument()
    expect(getByText('Token age')).toBeInTheDocument()
    expect(getByTestId('key-age').textContent).toBe('250 days')
    expect(getByTestId('token-age').textContent).toBe('6 days')
    expect(
      getByText(/counted from the renewal recorded for November 20, 2026/)
    ).toBeInTheDocument()
    expect(getByTestId('age-explained').textContent).toMatch(
      /uses the token age, not the key age/
    )
    expect(getByText(/recorded by bruno@acme.com/)).toBeInTheDocument()
  })
})

describe('key page: renewal', () => {
  it('renews after a confirmation naming the key, shows the token once with copy and hide, and drops it on close', async () => {
    const renewMock = {
      request: {
        query: RENEW,
        variables: { keyId: STALE.id, confirm: STALE.appKey },
      },
      result: {
        data: {
          renewToken: {
            keyId: STALE.id,
            appKey: STALE.appKey,
            newToken: TOKEN,
            renewal: pendingRenewal,
            recorded: true,
            audited: true,
            carriedOut: false,
          },
        },
      },
    }

    const writeText = jest.fn(() => Promise.resolve())

    Object.assign(navigator, { clipboard: { writeText } })
    // The page reads its data again after the renewal (now pending): the token window stays open.
    const pending = inventory({ keys: [{ ...STALE, renewal: pendingRenewal }] })
    const mocks = [
      keyDetailMock(STALE.id),
      keyDetailMock(STALE.id, pending),
      keyDetailMock(STALE.id, pending),
      permissions(),
      permissions(),
      audit(),
      audit(),
      audit(),
      renewMock,
    ]

    const { getByText, getByTestId, queryByTestId, getAllByText } = render(
      <KeyDetailPage />,
      { graphql: { mocks } }
    )

    await waitFor(() => getByText('Renew token…'))
    fireEvent.click(getByText('Renew token…'))
    const dialog = getByTestId('confirm-dialog')

    expect(dialog.textContent).toContain(STALE.label)
    expect(dialog.textContent).toContain(STALE.appKey)
    expect(dialog.textContent).toMatch(
      /current token keeps working until you finish/
    )
    expect(document.body.innerHTML).not.toContain(TOKEN)
    fireEvent.click(getAllByText('Renew token').slice(-1)[0])
    await waitFor(() => getByTestId('new-token'))
    expect(getByTestId('new-token').textContent).toBe(TOKEN)
    await waitFor(() =>
      getByText(/Renewal started on November 26, 2026 by ana@acme.com/)
    )
    expect(getByTestId('new-token').textContent).toBe(TOKEN)
    expect(getByTestId('new-token-dialog').textContent).toMatch(
      /only time the new token is shown.*Update the integration.*finish the renewal/s
    )
    fireEvent.click(getByText('Copy'))
    await waitFor(() => getByText('Copied.'))
    expect(writeText).toHaveBeenCalledWith(TOKEN)
    fireEvent.click(getByText('Hide'))
    expect(getByTestId('new-token').textContent).not.toContain(TOKEN)
    fireEvent.click(getByText('Show'))
    expect(getByTestId('new-token').textContent).toBe(TOKEN)
    fireEvent.click(getByText('I have saved it, close'))
    await waitFor(() => expect(queryByTestId('new-token-dialog')).toBeNull())
    expect(document.body.innerHTML).not.toContain(TOKEN.slice(0, 32))
  })

  it('keeps the new token’s window when the page cannot be read again after the renewal, and says so by Renew token', async () => {
    const renewMock = {
      request: {
        query: RENEW,
        variables: { keyId: STALE.id, confirm: STALE.appKey },
      },
      result: {
        data: {
          renewToken: {
            keyId: STALE.id,
            appKey: STALE.appKey,
            newToken: TOKEN,
            renewal: pendingRenewal,
            recorded: true,
            audited: true,
            carriedOut: false,
          },
        },
      },
    }

    const mocks = [
      keyDetailMock(STALE.id),
      {
        request: keyDetailMock(STALE.id).request,
        error: new Error('Service Unavailable'),
      },
      permissions(),
      permissions(),
      audit(),
      audit(),
      audit(),
      renewMock,
    ]

    const { getByText, getByTestId, queryByTestId, getAllByText } = render(
      <KeyDetailPage />,
      { graphql: { mocks } }
    )

    await waitFor(() => getByText('Renew token…'))
    fireEvent.click(getByText('Renew token…'))
    fireEvent.click(getAllByText('Renew token').slice(-1)[0])
    await waitFor(() => getByTestId('new-token'))
    // the page's re-read fails: the token's window stays (it is shown once)
    await waitFor(() => getByText(/could not be read again/))
    expect(getByTestId('new-token').textContent).toBe(TOKEN)
    fireEvent.click(getByText('I have saved it, close'))
    await waitFor(() => expect(queryByTestId('new-token-dialog')).toBeNull())
    // the page still offers Renew token… and shows no pending renewal: it says why
    const notice = await waitFor(() => getByText(/could not be read again/))

    expect(notice.closest('[role="status"]')).not.toBeNull()
    expect(getByText('Renew token…')).toBeTruthy()
  })

  it("explains VTEX's 409 in the confirmation and shows no token", async () => {
    const conflict = {
      request: {
        query: RENEW,
        variables: { keyId: STALE.id, confirm: STALE.appKey },
      },
      result: {
        errors: [
          new GraphQLError(
            'VTEX says a renewal of the token of "Legacy OMS export" is already pending (409).',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            { code: 'CONFLICT' }
          ),
        ],
      },
    }

    const { getByText, getAllByText, queryByTestId } = render(
      <KeyDetailPage />,
      { graphql: { mocks: pageMocks(inventory(), [conflict]) } }
    )

    await waitFor(() => getByText('Renew token…'))
    fireEvent.click(getByText('Renew token…'))
    fireEvent.click(getAllByText('Renew token').slice(-1)[0])
    await waitFor(() => getByText(/already pending \(409\)/))
    expect(queryByTestId('new-token-dialog')).toBeNull()
  })

  it('after an unconfirmed renewal (VTEX 503) offers only Close, focuses the error, and the page behind says a renewal may be pending', async () => {
    const unconfirmed = {
      request: {
        query: RENEW,
        variables: { keyId: STALE.id, confirm: STALE.appKey },
      },
      result: {
        errors: [
          new GraphQLError(
            'VTEX did not confirm the request to renew the token of "Legacy OMS export" (HTTP 503). It may or may not have been done.',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            { code: 'UPSTREAM_UNAVAILABLE', vtexStatus: 503 }
          ),
        ],
      },
    }

    // What the service recorded: the page reads the key again and says so.
    const maybe = inventory({
      keys: [
        {
          ...STALE,
          renewal: renewal({
            status: 'POSSIBLY_PENDING',
            tokenCreatedAt: null,
            newTokenCreatedAt: null,
            expirationPeriodDays: null,
            outcomeUnknownAt: '2026-11-26T12:00:00.000Z',
          }),
        },
      ],
    })

    const mocks = [
      keyDetailMock(STALE.id),
      keyDetailMock(STALE.id, maybe),
      keyDetailMock(STALE.id, maybe),
      permissions(),
      permissions(),
      audit(),
      audit(),
      audit(),
      unconfirmed,
    ]

    const { getByText, getByTestId, queryByText } = render(<KeyDetailPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('Renew token…'))
    fireEvent.click(getByText('Renew token…'))
    const dialog = getByTestId('confirm-dialog')

    fireEvent.click(within(dialog).getByText('Renew token'))
    await waitFor(() => getByText(/did not confirm the request to renew/))
    // no second Renew from here: VTEX would answer 409 if it did start one
    expect(within(dialog).queryByText('Renew token')).toBeNull()
    expect(within(dialog).queryByText('Cancel')).toBeNull()
    expect(
      Array.from(dialog.querySelectorAll('button')).map((b) => b.textContent)
    ).toEqual(['Close'])
    // the focus is on the error inside the dialog, not on the page's body
    await waitFor(() =>
      expect(document.activeElement).toBe(getByTestId('confirm-error'))
    )
    expect(dialog.contains(document.activeElement)).toBe(true)
    // the page behind read the key again: the renewal may be pending
    await waitFor(() =>
      getByText(
        /asked VTEX to renew this token, but VTEX’s answer never arrived/
      )
    )
    fireEvent.click(within(dialog).getByText('Close'))
    await waitFor(() => expect(queryByText(/did not confirm/)).toBeNull())
  })

  it('without Renew API Token the button is disabled and says what is missing', async () => {
    const { getByText, getByTestId } = render(<KeyDetailPage />, {
      graphql: {
        mocks: pageMocks(inventory(), [], { renewToken: ['Renew API Token'] }),
      },
    })

    await waitFor(() => getByTestId('missing-renewToken'))
    expect(getByText('Renew token…').closest('button')!.disabled).toBe(true)
    expect(getByTestId('missing-renewToken').textContent).toBe(
      'Needs the License Manager resource Renew API Token. Ask an account admin for a role with it.'
    )
  })

  it('finishes a pending renewal after a confirmation that says the old token stops working', async () => {
    const pending = { ...STALE, renewal: pendingRenewal }
    const finish = {
      request: {
        query: FINISH,
        variables: { keyId: STALE.id, confirm: STALE.appKey },
      },
      result: {
        data: {
          finishTokenRenewal: {
            key: keyState(),
            renewal: renewal({
              status: 'FINISHED',
              finishedAt: '2026-11-26T12:00:00.000Z',
              finishedBy: 'ana@acme.com',
            }),
            recorded: true,
            audited: true,
            carriedOut: false,
            outcome: 'DONE',
          },
        },
      },
    }

    const { getByText, getAllByText, getByTestId } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory({ keys: [pending] }), [finish]) },
    })

    await waitFor(() => getByText(/the old and the new token both work/))
    expect(
      getByText(/Renewal started on November 26, 2026 by ana@acme.com/)
    ).toBeInTheDocument()
    fireEvent.click(getByText('Finish renewal…'))
    expect(getByTestId('confirm-dialog').textContent).toMatch(
      /old token stops working at once/
    )
    fireEvent.click(getAllByText('Finish renewal').slice(-1)[0])
    await waitFor(() =>
      getByText(/Renewal finished: only the new token works now/)
    )
    // walk 10: the Finish button goes with the pending renewal, and focus fell to the body
    await waitFor(() =>
      expect(document.activeElement).toBe(getByTestId('renewal-finished'))
    )
  })

  it('moves focus into the record-a-renewal form when it opens, and back to its button when cancelled', async () => {
    const { getByText, getByLabelText } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory()) },
    })

    await waitFor(() => getByText('Record a renewal done in VTEX’s Admin…'))
    fireEvent.click(getByText('Record a renewal done in VTEX’s Admin…'))
    expect(document.activeElement).toBe(getByLabelText('Date of the renewal'))
    fireEvent.click(getByText('Cancel'))
    expect(document.activeElement).toBe(
      getByText('Record a renewal done in VTEX’s Admin…').closest('button')
    )
  })

  it("records a renewal done elsewhere and shows the service's reason for a refused date", async () => {
    const refused = {
      request: {
        query: RECORD,
        variables: { keyId: STALE.id, date: '2030-01-01', note: '' },
      },
      result: {
        errors: [
          new GraphQLError(
            'date is in the future',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            {
              code: 'BAD_USER_INPUT',
              fields: [
                {
                  field: 'date',
                  message:
                    'date is in the future: record a renewal once it was done',
                },
              ],
            }
          ),
        ],
      },
    }

    const { getByText, getByLabelText } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory(), [refused]) },
    })

    await waitFor(() => getByText('Record a renewal done in VTEX’s Admin…'))
    fireEvent.click(getByText('Record a renewal done in VTEX’s Admin…'))
    fireEvent.change(getByLabelText('Date of the renewal'), {
      target: { value: '2030-01-01' },
    })
    fireEvent.click(getByText('Record renewal'))
    await waitFor(() =>
      getByText('date is in the future: record a renewal once it was done')
    )
  })
})

describe('key page: remediation', () => {
  it('deactivates after a confirmation naming the key and the effect, and shows what VTEX says now', async () => {
    const deactivate = {
      request: {
        query: DEACTIVATE,
        variables: { keyId: STALE.id, confirm: STALE.appKey },
      },
      result: {
        data: {
          deactivateKey: {
            key: keyState({ isActive: false }),
            renewal: null,
            recorded: false,
            audited: true,
            carriedOut: false,
            outcome: 'DONE',
          },
        },
      },
    }

    const { getByText, getAllByText, getByTestId } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory(), [deactivate]) },
    })

    await waitFor(() => getByText('Deactivate key…'))
    fireEvent.click(getByText('Deactivate key…'))
    const dialog = getByTestId('confirm-dialog')

    expect(dialog.textContent).toContain(STALE.appKey)
    expect(dialog.textContent).toMatch(/integrations using it stop working/)
    fireEvent.click(getAllByText('Deactivate').slice(-1)[0])
    await waitFor(() => getByTestId('action-result'))
    expect(getByTestId('action-result').textContent).toMatch(
      /VTEX now shows “Legacy OMS export” as Inactive/
    )
  })

  it('offers to remove each role, and explains a missing Save user', async () => {
    const { getByTestId, container } = render(<KeyDetailPage />, {
      graphql: {
        mocks: pageMocks(inventory(), [], {
          removeKeyRole: ['Save user'],
          deactivateKey: ['Save user'],
        }),
      },
    })

    await waitFor(() => getByTestId('missing-deactivateKey'))
    const remove = container.querySelector(
      '[data-remove-role="957"] button'
    ) as HTMLButtonElement

    expect(remove.textContent).toBe('Remove…')
    expect(remove.disabled).toBe(true)
  })

  it("lists the actions log with who, when, before → after and VTEX's answer", async () => {
    const entry = {
      id: 'a1',
      at: '2026-11-26T12:00:00.000Z',
      by: 'ana@acme.com',
      action: 'DEACTIVATE',
      before: 'active',
      after: 'inactive',
      beforeState: null,
      afterState: null,
      vtexCall: 'PUT /api/vlm/appkeys/{id}',
      vtexStatus: 200,
      vtexAnswer: '',
      outcome: 'DONE',
      reviewId: null,
      note: null,
    }

    const { getByTestId } = render(<KeyDetailPage />, {
      graphql: {
        mocks: [keyDetailMock(STALE.id), permissions(), audit([entry])],
      },
    })

    await waitFor(() => getByTestId('audit-log'))
    const text = getByTestId('audit-log').textContent!

    expect(text).toContain('ana@acme.com')
    expect(text).toContain('Key deactivated')
    expect(text).toContain('active → inactive')
    expect(text).toContain('PUT /api/vlm/appkeys/{id} · 200')
  })

  it('words before → after in the page’s language from the stored codes, at a UTC time that says so', async () => {
    const entry = {
      id: 'a1',
      at: '2026-11-26T12:00:00.000Z',
      by: 'ana@acme.com',
      action: 'RENEW_TOKEN',
      before: 'renewal none',
      after:
        'unknown: VTEX may have started a renewal; its new token, if any, was never shown',
      beforeState: {
        code: 'RENEWAL',
        date: null,
        renewal: 'NONE',
        roles: null,
      },
      afterState: {
        code: 'RENEWAL_MAY_HAVE_STARTED',
        date: null,
        renewal: null,
        roles: null,
      },
      vtexCall: 'PATCH /api/vtexid/apikey/{apiKey}/apitoken/renew',
      vtexStatus: 504,
      vtexAnswer: '',
      outcome: 'UNKNOWN',
      reviewId: null,
      note: null,
    }

    const finished = {
      ...entry,
      id: 'a2',
      action: 'FINISH_RENEWAL',
      before: 'old and new token both valid',
      after: 'only the new token (created 2026-11-26) is valid',
      beforeState: { ...entry.beforeState, code: 'BOTH_TOKENS', renewal: null },
      afterState: {
        ...entry.afterState,
        code: 'NEW_TOKEN_ONLY',
        date: '2026-11-26',
      },
      outcome: 'DONE',
    }

    // written by an earlier version: no codes, its English text as stored
    const older = {
      ...entry,
      id: 'a3',
      action: 'DEACTIVATE',
      before: 'active',
      after: 'inactive',
      beforeState: null,
      afterState: null,
      outcome: 'DONE',
    }

    const mocks = () => [
      keyDetailMock(STALE.id),
      permissions(),
      audit([entry, finished, older]),
    ]

    const es = render(<KeyDetailPage />, {
      graphql: { mocks: mocks() },
      locale: 'es',
    })

    await waitFor(() => es.getByTestId('audit-log'))
    const esText = es.getByTestId('audit-log').textContent!

    expect(esText).toContain(
      'ninguna renovación → desconocido: VTEX puede haber iniciado una renovación; su nuevo token, si lo hay, nunca se mostró'
    )
    expect(esText).toMatch(
      /token antiguo y nuevo, ambos válidos → solo el nuevo token \(creado el 26 nov\.? 2026\) es válido/
    )
    expect(esText).toContain('active → inactive')
    expect(esText).not.toContain('VTEX may have')
    expect(esText).toMatch(/12:00 UTC/)
    es.unmount()

    const pt = render(<KeyDetailPage />, {
      graphql: { mocks: mocks() },
      locale: 'pt',
    })

    await waitFor(() => pt.getByTestId('audit-log'))
    expect(pt.getByTestId('audit-log').textContent).toContain(
      'nenhuma renovação → desconhecido: a VTEX pode ter iniciado uma renovação'
    )
  })
})

describe('key page: what the log and the dialogs say', () => {
  const finished = renewal({
    status: 'FINISHED',
    startedAt: '2026-08-15T10:00:00.000Z',
    startedBy: 'gustavo@acme.com',
    finishedAt: '2026-08-18T11:00:00.000Z',
    finishedBy: 'gustavo@acme.com',
  })

  it('never says no action was taken when a renewal through Key Steward has no log entry', async () => {
    const renewed = { ...STALE, renewal: finished }
    const { getByTestId, queryByText } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory({ keys: [renewed] })) },
    })

    await waitFor(() => getByTestId('renewal-not-logged'))
    expect(getByTestId('audit-empty').textContent).toBe(
      'This log has no entry for this key.'
    )
    expect(getByTestId('renewal-not-logged').textContent).toMatch(
      /The token renewal shown above has no entry in this log/
    )
    expect(
      queryByText('No action was taken on this key through Key Steward.')
    ).toBeNull()
  })

  it('says no action was taken when the log is empty and no renewal is on record', async () => {
    const { getByTestId, queryByTestId } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory()) },
    })

    await waitFor(() => getByTestId('audit-empty'))
    expect(getByTestId('audit-empty').textContent).toBe(
      'No action was taken on this key through Key Steward.'
    )
    expect(queryByTestId('renewal-not-logged')).toBeNull()
  })

  // attack14: entries the service leaves out of the log (damaged) were dropped in silence
  it('says how many entries of the log could not be read, and never that no action was taken', async () => {
    const { getByTestId, queryByText } = render(<KeyDetailPage />, {
      graphql: {
        mocks: [
          keyDetailMock(STALE.id),
          permissions(),
          audit([], 2),
          audit([], 2),
        ],
      },
    })

    await waitFor(() => getByTestId('audit-unreadable'))
    expect(getByTestId('audit-unreadable').textContent).toBe(
      '2 entries of this key’s actions log could not be read (they are damaged) and are not shown.'
    )
    expect(getByTestId('audit-empty').textContent).toBe(
      'This log has no entry for this key.'
    )
    expect(
      queryByText('No action was taken on this key through Key Steward.')
    ).toBeNull()
  })

  it("the Reactivate dialog says how old the key's token is", async () => {
    const inactive = {
      ...STALE,
      isActive: false,
      ageDays: 400,
      tokenAgeDays: 400,
      findings: [],
    }

    const { getByText, getByTestId } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory({ keys: [inactive] })) },
    })

    await waitFor(() => getByText('Reactivate key…'))
    fireEvent.click(getByText('Reactivate key…'))
    expect(getByTestId('confirm-dialog').textContent).toContain(
      'Its token is 400 days old (VTEX recommends renewing tokens every 3 or 6 months).'
    )
  })

  it('the Deactivate dialog says nothing of the token', async () => {
    const { getByText, getByTestId } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory()) },
    })

    await waitFor(() => getByText('Deactivate key…'))
    fireEvent.click(getByText('Deactivate key…'))
    expect(getByTestId('confirm-dialog').textContent).not.toContain(
      'Its token is'
    )
  })
})

describe('key page: ownership and use', () => {
  const annotated = {
    request: {
      query: ANNOTATE,
      variables: {
        keyId: STALE.id,
        annotation: {
          owner: 'ana@acme.com',
          integrations: [],
          purpose: '',
          notes: '',
        },
      },
    },
    result: {
      data: {
        annotateKey: {
          owner: 'ana@acme.com',
          integrations: [],
          purpose: '',
          notes: '',
        },
      },
    },
  }

  it('names the block and its button for every field they save, and keeps focus on the button after saving', async () => {
    const { getByText, getByLabelText } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory(), [annotated]) },
    })

    await waitFor(() => getByText('Ownership and use'))
    const button = getByText('Save key details').closest('button')!

    fireEvent.change(getByLabelText(/^Owner \(email\)/), {
      target: { value: 'ana@acme.com' },
    })
    fireEvent.click(button)
    await waitFor(() => getByText('Key details saved.'))
    await waitFor(() =>
      expect(document.activeElement).toBe(
        getByText('Save key details').closest('button')
      )
    )
  })

  it('reads again the API keys list the admin left and the Overview once key details are saved (walk14 #3)', async () => {
    // the list was left filtered by "No owner recorded": the key given an owner leaves it
    rememberKeysView('?rule=no-owner')
    const asked: string[] = []
    const list = keyListMock(keyPage([]), { rule: 'no-owner' })
    const overview = {
      request: { query: OVERVIEW, variables: OVERVIEW_VARIABLES },
      result: () => {
        asked.push('overview')

        return { data: {} }
      },
    }

    const { getByText, getByLabelText } = render(<KeyDetailPage />, {
      graphql: {
        mocks: pageMocks(inventory(), [
          annotated,
          {
            ...list,
            result: () => {
              asked.push('list')

              return list.result
            },
          },
          overview,
        ]),
      },
    })

    await waitFor(() => getByText('Ownership and use'))
    expect(asked).toEqual([])
    fireEvent.change(getByLabelText(/^Owner \(email\)/), {
      target: { value: 'ana@acme.com' },
    })
    fireEvent.click(getByText('Save key details').closest('button')!)
    await waitFor(() => getByText('Key details saved.'))
    await waitFor(() => expect(asked.sort()).toEqual(['list', 'overview']))
    window.sessionStorage.clear()
  })

  // left12: the notice went only with the next press of Save key details, though Load live
  // data had read the key, with the change, since
  it('says the saved key could not be read again until Load live data reads it', async () => {
    const recent = { source: 'RECENT' as const, ageSeconds: 180 }
    const rereadFails = {
      request: { query: KEY_DETAIL, variables: { id: STALE.id } },
      error: new Error('Service Unavailable'),
    }

    const live = {
      request: { query: KEY_DETAIL, variables: { id: STALE.id, live: true } },
      result: keyDetailMock(STALE.id, inventory()).result,
    }

    const { getByText, getByLabelText, queryByText } = render(
      <KeyDetailPage />,
      {
        graphql: {
          mocks: [
            keyDetailMock(STALE.id, inventory(), recent),
            rereadFails,
            live,
            permissions(),
            permissions(),
            audit(),
            audit(),
            audit(),
            annotated,
          ],
        },
      }
    )

    await waitFor(() => getByText('Ownership and use'))
    fireEvent.change(getByLabelText(/^Owner \(email\)/), {
      target: { value: 'ana@acme.com' },
    })
    fireEvent.click(getByText('Save key details').closest('button')!)
    await waitFor(() =>
      getByText(
        'Done. This page could not be read again: reload it to see the change.'
      )
    )
    fireEvent.click(getByText('Load live data'))
    await waitFor(() =>
      expect(queryByText(/could not be read again/)).toBeNull()
    )
  })

  it('moves focus to the first field the service refused', async () => {
    const refused = {
      ...annotated,
      result: {
        errors: [
          new GraphQLError(
            'owner is not an email',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'owner', message: 'owner is not an email' }],
            }
          ),
        ],
      },
    }

    const { getByText, getByLabelText } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory(), [refused]) },
    })

    await waitFor(() => getByText('Save key details'))
    fireEvent.change(getByLabelText(/^Owner \(email\)/), {
      target: { value: 'ana@acme.com' },
    })
    fireEvent.click(getByText('Save key details'))
    await waitFor(() => getByText('Enter an email address.'))
    await waitFor(() =>
      expect(document.activeElement).toBe(getByLabelText(/^Owner \(email\)/))
    )
  })

  it('shows a failed save by the button that keeps focus, below every field (walk15 #1)', async () => {
    const failed = {
      ...annotated,
      result: {
        errors: [
          new GraphQLError(
            'Could not read the list of API keys: VTEX failed (HTTP 503) after 4 attempts.',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            { code: 'UNAVAILABLE' }
          ),
        ],
      },
    }

    const { getByText, getByLabelText, getByTestId, container } = render(
      <KeyDetailPage />,
      { graphql: { mocks: pageMocks(inventory(), [failed]) } }
    )

    await waitFor(() => getByText('Save key details'))
    fireEvent.change(getByLabelText('Owner (email)'), {
      target: { value: 'ana@acme.com' },
    })
    fireEvent.click(getByText('Save key details'))
    const notice = await waitFor(() =>
      getByText(/Could not read the list of API keys/)
    )

    const button = getByText('Save key details').closest('button')!

    await waitFor(() => expect(document.activeElement).toBe(button))
    expect(getByTestId('ownership-answer')).toContainElement(notice)
    // after the last field, and right before the button: nothing stands between them
    const follows = (a: Node, b: Node) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)

    expect(follows(container.querySelector('#ownership-notes')!, notice)).toBe(
      true
    )
    expect(getByTestId('ownership-answer').nextElementSibling).toContainElement(
      button
    )
  })

  it('names the Owner and Integrations fields by their labels alone, their help as description (walk15 #4)', async () => {
    const { getByRole, getByText } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory()) },
    })

    await waitFor(() => getByText('Ownership and use'))
    const owner = getByRole('textbox', { name: 'Owner (email)' })
    const integrations = getByRole('textbox', { name: 'Integrations' })

    const described = (el: HTMLElement) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ')

    expect(described(owner)).toMatch(/answers for this key in reviews/)
    expect(described(integrations)).toMatch(/Comma-separated/)
  })
})

describe('key page: about this key', () => {
  it('groups what the key is (appKey, created, status) and how old it is (key age, token age)', async () => {
    const { getByTestId, container } = render(<KeyDetailPage />, {
      graphql: { mocks: pageMocks(inventory()) },
    })

    await waitFor(() => getByTestId('token-age'))
    const order = Array.from(
      container.querySelectorAll('[data-about-field]')
    ).map((f) => f.getAttribute('data-about-field'))

    expect(order).toEqual(['appKey', 'created', 'status', 'age', 'tokenAge'])
    // the token age's explanation takes the rest of its row (AboutKey.css)
    expect(
      container.querySelector('[data-about-field="tokenAge"]')!.className
    ).toContain('wide')
  })
})
