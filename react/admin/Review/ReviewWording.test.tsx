// The review page's words and small behaviours: the log in the admin's language (codes stay in
// the stored log), the decision counts as "Keep: 49" without zeros, the no-change line inside the
// completed review's card, the follow-up filter on completed reviews only, and ?q=.
import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import COUNT from '../graphql/reviewCount.gql'
import HISTORY from '../graphql/reviewHistory.gql'
import REVIEW from '../graphql/review.gql'
import REVIEW_BY_ID from '../graphql/reviewById.gql'
import CompletedReview from './CompletedReview'
import DecisionTable from './DecisionTable'
import { logLine } from './logEntry'
import ReviewPage from './ReviewPage'
import { setRuntimeQuery } from '../testing/runtime'
import { reviewProgress } from '../testing/reviewProgress'
import { decisionPage, reviewKey } from '../testing/decisionPage'

const progress = (over: Record<string, unknown> = {}) =>
  reviewProgress({
    keysTotal: 50,
    keysDecided: 50,
    practicesClosed: 7,
    decisionCounts: [
      { decision: 'KEEP', count: 49 },
      { decision: 'ROTATE', count: 1 },
      { decision: 'REDUCE_ROLES', count: 0 },
      { decision: 'DEACTIVATE', count: 0 },
    ],
    changesAsked: 1,
    changesCarriedOut: 1,
    ...over,
  })

const entry = (
  action: string,
  subject: string,
  detail: string,
  subjectLabel: string | null = null
) => ({
  at: '2026-11-21T12:00:00.000Z',
  by: 'ana@acme.com',
  action,
  subject,
  detail,
  subjectLabel,
  subjectAppKey: null as string | null,
})

const LOG = [
  entry('START', 'r1', '50 keys'),
  entry(
    'DECIDE',
    'k-erp',
    'DEACTIVATE: posted in a ticket: replace it',
    'ERP orders sync'
  ),
  entry('DECIDE', 'k-feed', 'KEEP', 'Feed sync'),
  entry('DECIDE', 'k-old', 'ROTATE: leaked in a chat', 'Legacy OMS export'),
  entry('CHECK', 'ROTATE_KEYS', 'DONE: rotated in Q3'),
  entry(
    'CARRY_OUT',
    'k-erp',
    'DEACTIVATE: active → inactive',
    'ERP orders sync'
  ),
  entry(
    'CARRY_OUT',
    'k-old',
    'REMOVE_ROLE: removed Owner (Admin Super)',
    'Legacy OMS export'
  ),
  entry(
    'CARRY_OUT_STARTED',
    'k-old',
    'RENEW_TOKEN: token renewal started: in progress until it is finished',
    'Legacy OMS export'
  ),
  entry('COMPLETE', 'r1', 'all reviewed'),
]

const completed = (over: Record<string, unknown> = {}) => ({
  request: { query: REVIEW_BY_ID, variables: { id: 'r1', auditLimit: 100 } },
  result: {
    data: {
      reviewById: {
        id: 'r1',
        status: 'COMPLETED',
        startedAt: '2026-11-20T12:00:00.000Z',
        startedBy: 'ana@acme.com',
        completedAt: '2026-11-26T12:00:00.000Z',
        signedBy: 'ana@acme.com',
        signatureNote: null,
        inventoryComplete: true,
        leakScanAt: null,
        progress: progress(over),
        checklist: [],
        auditTotal: LOG.length,
        audit: LOG,
      },
    },
  },
})

const key = reviewKey()

const pageOf = (
  filter: Record<string, unknown>,
  reviewId: string | null = 'r1'
) => decisionPage({ filter, keys: [key], reviewId })

async function shownCompleted(locale = 'en', over = {}) {
  const view = render(<CompletedReview id="r1" />, {
    graphql: { mocks: [completed(over), pageOf({ status: 'ALL' })] },
    locale,
  })

  await waitFor(() =>
    expect(
      view.container.querySelector('[data-review-log] tbody tr')
    ).not.toBeNull()
  )

  return view
}

const logWords = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('[data-review-log] tbody tr')).map(
    (tr) => [
      tr.querySelector('[data-log-words]')!.textContent,
      tr.querySelector('[data-log-note]')!.textContent,
    ]
  )

describe('the review log', () => {
  it('words each action and detail in English, with the key by its name', async () => {
    const { container } = await shownCompleted()

    expect(logWords(container)).toEqual([
      ['Started the review with 50 keys', ''],
      // worded per decision (walk7 22), not "Decided Deactivate for …"
      ['Chose to deactivate ERP orders sync', 'posted in a ticket: replace it'],
      ['Kept Feed sync', ''],
      ['Chose to rotate the token of Legacy OMS export', 'leaked in a chat'],
      ['Checklist: Rotate keys — done', 'rotated in Q3'],
      ['Carried out: deactivated ERP orders sync', ''],
      [
        'Carried out: removed the role Owner (Admin Super) from Legacy OMS export',
        '',
      ],
      [
        'Started carrying out: renewed the token of Legacy OMS export (in progress until the renewal is finished)',
        '',
      ],
      ['Signed off the review', 'all reviewed'],
    ])
    const table = container.querySelector('[data-review-log]')!.textContent!

    for (const code of [
      'START',
      'DECIDE',
      'CARRY_OUT',
      'DEACTIVATE',
      'DONE:',
      'k-erp',
    ])
      expect(table).not.toContain(code)
  })

  it('words them in Portuguese and Spanish', async () => {
    const pt = await shownCompleted('pt')

    expect(logWords(pt.container).map(([w]) => w)).toEqual([
      'Iniciou a revisão com 50 chaves',
      'Optou por desativar ERP orders sync',
      'Manteve Feed sync',
      'Optou por rotacionar o token de Legacy OMS export',
      'Checklist: Rotacionar chaves — concluída',
      'Executado: desativou ERP orders sync',
      'Executado: removeu o perfil Owner (Admin Super) de Legacy OMS export',
      'Execução iniciada: renovou o token de Legacy OMS export (em andamento até a renovação ser concluída)',
      'Assinou a revisão',
    ])
    pt.unmount()
    const es = await shownCompleted('es')

    expect(
      logWords(es.container)
        .slice(0, 6)
        .map(([w]) => w)
    ).toEqual([
      'Inició la revisión con 50 claves',
      'Eligió desactivar ERP orders sync',
      'Mantuvo Feed sync',
      'Eligió rotar el token de Legacy OMS export',
      // "lista de verificación" in Spanish (pt-BR keeps "checklist")
      'Lista de verificación: Rotar claves — hecha',
      'Ejecutado: desactivó ERP orders sync',
    ])
  })

  it('shows an entry it has no words for as stored, never a blank', () => {
    expect(logLine(entry('SOMETHING_NEW', 'x', 'raw detail'))).toMatchObject({
      id: 'OTHER',
      raw: 'SOMETHING_NEW',
      note: 'raw detail',
    })
    // a decision code that is not one: the detail is kept whole
    expect(logLine(entry('DECIDE', 'k', 'KEEPING: x', 'K'))).toMatchObject({
      id: 'DECIDED',
      note: 'KEEPING: x',
    })
  })
})

describe('the completed review card', () => {
  const counts = (container: HTMLElement) =>
    container.querySelector('[data-decision-counts]')?.textContent

  it('counts decisions as a name and its number, leaving zeros out', async () => {
    const en = await shownCompleted('en')

    expect(counts(en.container)).toBe('Keep: 49 · Rotate: 1')
    en.unmount()
    const pt = await shownCompleted('pt')

    expect(counts(pt.container)).toBe('Manter: 49 · Rotacionar: 1')
    pt.unmount()
    const es = await shownCompleted('es')

    expect(counts(es.container)).toBe('Mantener: 49 · Rotar: 1')
  })

  it('says that no decision asks for a change inside its card, under its heading', async () => {
    const { container, getByText } = await shownCompleted('en', {
      changesAsked: 0,
      changesCarriedOut: 0,
      decisionCounts: [{ decision: 'KEEP', count: 50 }],
    })

    const none = container.querySelector('[data-follow-up="none"]')!
    const heading = getByText('Completed review')

    expect(none.textContent).toBe(
      'No decision asks for a change: every key stays as it was.'
    )
    // the card: the block that holds the heading and the signature, with its time in UTC
    const signed = container.querySelector('[data-signed-by]')!
    const card = signed.parentElement!

    expect(signed.textContent).toMatch(/on November 26, 2026 at 12:00 UTC$/)

    expect(card.contains(none)).toBe(true)
    expect(
      heading.compareDocumentPosition(none) & Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy()
  })
})

describe('the follow-up filter', () => {
  it('shows on a completed review only', async () => {
    const openTable = render(<DecisionTable />, {
      graphql: { mocks: [pageOf({ status: 'UNDECIDED' }, null)] },
    })

    await openTable.findByText('ERP orders sync')
    expect(
      openTable.container.querySelector('[data-carry-out-filter]')
    ).toBeNull()
    openTable.unmount()

    const done = render(<DecisionTable reviewId="r1" readOnly />, {
      graphql: { mocks: [pageOf({ status: 'ALL' })] },
    })

    await done.findByText('ERP orders sync')
    expect(
      done.container.querySelector('[data-carry-out-filter]')
    ).not.toBeNull()
  })
})

describe('?q= on the review page', () => {
  const review = {
    __typename: 'Review',
    id: 'r1',
    status: 'OPEN',
    startedAt: '2026-11-26T12:00:00.000Z',
    startedBy: 'ana@acme.com',
    completedAt: null,
    signedBy: null,
    signatureNote: null,
    inventoryComplete: true,
    leakScanAt: null,
    nextDueIfSignedNow: '2027-02-24T12:00:00.000Z',
    progress: progress({
      keysDecided: 0,
      decisionCounts: [],
      changesAsked: 0,
      changesCarriedOut: 0,
      criticalChangesPending: 0,
    }),
    checklist: [],
  }

  afterEach(() => window.history.replaceState(null, '', '/'))

  it('opens the search with it and keeps what is typed in it, like the Keys page', async () => {
    window.history.replaceState(null, '', '/admin/app/key-steward/review?q=ERP')
    const { getByLabelText, findByText } = render(<ReviewPage />, {
      graphql: {
        mocks: [
          { request: { query: REVIEW }, result: { data: { review } } },
          {
            request: { query: HISTORY },
            result: { data: { reviews: [], reviewsUnreadable: 0 } },
          },
          pageOf({ status: 'UNDECIDED', search: 'ERP' }, null),
          pageOf({ status: 'UNDECIDED', search: 'orders' }, null),
          {
            request: {
              query: COUNT,
              variables: {
                filter: { status: 'UNDECIDED', withoutFindings: true },
              },
            },
            result: { data: { reviewDecisions: { reviewId: 'r1', total: 0 } } },
          },
        ],
      },
    })

    // only the request with the search answers: the row shows because q= was read
    await findByText('ERP orders sync')
    const box = getByLabelText(
      'Search label, appKey or account'
    ) as HTMLInputElement

    expect(box.value).toBe('ERP')
    fireEvent.change(box, { target: { value: 'orders' } })
    expect(new URLSearchParams(window.location.search).get('q')).toBe('orders')
    fireEvent.change(box, { target: { value: '' } })
    expect(window.location.search).toBe('')
  })
})

describe("the runtime's query", () => {
  afterEach(() => setRuntimeQuery(undefined))

  it('follows a navigation to the open review from a completed one (the page stays mounted)', async () => {
    const open = {
      __typename: 'Review',
      id: 'r2',
      status: 'OPEN',
      startedAt: '2026-11-26T12:00:00.000Z',
      startedBy: 'ana@acme.com',
      completedAt: null,
      signedBy: null,
      signatureNote: null,
      inventoryComplete: true,
      leakScanAt: null,
      nextDueIfSignedNow: '2027-02-24T12:00:00.000Z',
      progress: progress({
        keysDecided: 0,
        decisionCounts: [],
        changesAsked: 0,
        changesCarriedOut: 0,
        criticalChangesPending: 0,
      }),
      checklist: [],
    }

    setRuntimeQuery({ review: 'r1' })
    const view = render(<ReviewPage />, {
      graphql: {
        mocks: [
          completed(),
          pageOf({ status: 'ALL' }),
          { request: { query: REVIEW }, result: { data: { review: open } } },
          {
            request: { query: HISTORY },
            result: { data: { reviews: [], reviewsUnreadable: 0 } },
          },
          pageOf({ status: 'UNDECIDED' }, null),
          {
            request: {
              query: COUNT,
              variables: {
                filter: { status: 'UNDECIDED', withoutFindings: true },
              },
            },
            result: { data: { reviewDecisions: { reviewId: 'r2', total: 0 } } },
          },
        ],
      },
    })

    await waitFor(() =>
      expect(view.container.querySelector('[data-review-log]')).not.toBeNull()
    )
    // the overdue banner's link: same page, no ?review= (the runtime re-renders, not remounts)
    setRuntimeQuery({})
    view.rerender(<ReviewPage />)
    await waitFor(() =>
      expect(view.container.querySelector('[data-review-log]')).toBeNull()
    )
    expect(view.container.querySelector('[data-carry-out-filter]')).toBeNull()
  })
})
