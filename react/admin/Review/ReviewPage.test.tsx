import React from 'react'
import { act, fireEvent, render, waitFor } from '@vtex/test-tools/react'
import { GraphQLError } from 'graphql'

import COUNT from '../graphql/reviewCount.gql'
import DECIDE_KEYS from '../graphql/decideKeys.gql'
import REVIEW from '../graphql/review.gql'
import HISTORY from '../graphql/reviewHistory.gql'
import REVIEW_BY_ID from '../graphql/reviewById.gql'
import ReviewPage from './ReviewPage'
import { reviewProgress } from '../testing/reviewProgress'
import { decisionPage, reviewKey } from '../testing/decisionPage'

const PRACTICES = [
  'ROTATE_KEYS',
  'RENEW_TOKENS',
  'REASSESS_ACCESS',
  'INDIVIDUAL_KEYS',
  'AWARENESS',
  'NO_CLIENT_SIDE',
  'NO_SHARING',
]

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
  progress: reviewProgress({
    keysTotal: 2,
    practicesClosed: 5,
    openPractices: ['ROTATE_KEYS', 'AWARENESS'],
  }),
  checklist: PRACTICES.map((p) => ({
    practice: p,
    status: p === 'ROTATE_KEYS' || p === 'AWARENESS' ? 'OPEN' : 'DONE',
    note: '',
    checkedBy: null,
    checkedAt: null,
    attested: p === 'AWARENESS' || p === 'NO_SHARING',
    adverse: p === 'ROTATE_KEYS',
    doneNeeds: p === 'ROTATE_KEYS' ? 'ADVERSE_NOTE' : null,
    evidence:
      p === 'ROTATE_KEYS'
        ? [
            {
              id: 'activeWithinRotation',
              value: '41/46',
              ok: false,
              keyCount: 1,
            },
          ]
        : p === 'NO_CLIENT_SIDE'
        ? [{ id: 'noLeakScan', value: '—', ok: false, keyCount: 0 }]
        : [],
  })),
}

const keys = [
  reviewKey({
    id: 'k-old',
    appKey: 'vtexappkey-acme-OLDKEY',
    label: 'Legacy OMS export',
    ageDays: 250,
    roles: ['OMS - Read only'],
    risky: true,
    findings: [{ rule: 'key-age-exceeded', severity: 'HIGH' }],
  }),
  reviewKey(),
]

const history = [
  {
    id: 'r0',
    startedAt: '2026-08-01T12:00:00.000Z',
    completedAt: '2026-08-02T12:00:00.000Z',
    signedBy: 'bruno@acme.com',
    keys: 40,
    changesAsked: 3,
  },
]

/** The rules the service says were found on the review's keys (DecisionPage.rules). */
const FOUND = ['generic-label', 'key-age-exceeded', 'owner-role']

const page = decisionPage({
  filter: { status: 'UNDECIDED' },
  keys,
  rules: FOUND,
})

const count = {
  request: {
    query: COUNT,
    variables: { filter: { status: 'UNDECIDED', withoutFindings: true } },
  },
  result: { data: { reviewDecisions: { reviewId: 'r1', total: 1 } } },
}

/**
 * The page as read before its keys turned risky (a finding raised since, a colleague's rename):
 * the bar does not ask for a justification, and the service's refusal is what tells.
 */
const readBefore = decisionPage({
  filter: { status: 'UNDECIDED' },
  keys: keys.map((k) => ({ ...k, risky: false, findings: [] })),
  rules: FOUND,
})

const open = [
  { request: { query: REVIEW }, result: { data: { review } } },
  {
    request: { query: HISTORY },
    result: { data: { reviews: [], reviewsUnreadable: 0 } },
  },
  page,
  count,
]

describe('ReviewPage', () => {
  // The page keeps its search in the URL (?q=): each test opens the page without one.
  beforeEach(() =>
    window.history.replaceState(null, '', '/admin/app/key-steward/review')
  )

  it('offers to start a review when none is open, and lists past ones to open', async () => {
    const { getByText, getAllByText } = render(<ReviewPage />, {
      graphql: {
        mocks: [
          { request: { query: REVIEW }, result: { data: { review: null } } },
          {
            request: { query: HISTORY },
            result: { data: { reviews: history, reviewsUnreadable: 0 } },
          },
        ],
      },
    })

    await waitFor(() => getByText('No review is open'))
    expect(getByText('Start review')).toBeInTheDocument()
    // the time and the changes asked tell apart reviews signed the same day; in UTC and saying
    // so, as the scans' times (walk 11 #10)
    await waitFor(() =>
      getByText(
        'August 2, 2026 at 12:00 UTC · signed by bruno@acme.com · 40 keys · 3 changes asked'
      )
    )
    expect(getAllByText('Open').length).toBeGreaterThan(0)
  })

  it('names each row’s buttons by its review, and Open moves focus to the review it opens (walk14 #6)', async () => {
    const signedR0 = {
      request: {
        query: REVIEW_BY_ID,
        variables: { id: 'r0', auditLimit: 100 },
      },
      result: {
        data: {
          reviewById: {
            ...review,
            id: 'r0',
            status: 'COMPLETED',
            completedAt: history[0].completedAt,
            signedBy: history[0].signedBy,
            checklist: [],
            auditTotal: 0,
            audit: [],
          },
        },
      },
    }

    const { getByRole, getByText, container } = render(<ReviewPage />, {
      graphql: {
        mocks: [
          { request: { query: REVIEW }, result: { data: { review: null } } },
          {
            request: { query: HISTORY },
            result: {
              data: {
                reviews: [
                  {
                    ...history[0],
                    id: 'r9',
                    completedAt: '2026-11-26T12:00:00.000Z',
                  },
                  history[0],
                ],
                reviewsUnreadable: 0,
              },
            },
          },
          signedR0,
          decisionPage({ filter: { status: 'ALL' }, keys, reviewId: 'r0' }),
        ],
      },
    })

    await waitFor(() => getByText('No review is open'))
    // the same three buttons on every row, told apart by the review's date
    const open = await waitFor(() =>
      getByRole('button', {
        name: 'Open the review signed August 2, 2026 at 12:00 UTC',
      })
    )

    expect(
      getByRole('button', {
        name: 'Export CSV of the review signed November 26, 2026 at 12:00 UTC',
      })
    ).toBeInTheDocument()
    expect(
      getByRole('button', {
        name: 'Export JSON of the review signed August 2, 2026 at 12:00 UTC',
      })
    ).toBeInTheDocument()
    // what is shown stays the short label
    expect(open.querySelector('[aria-hidden="true"]')!.textContent).toBe('Open')

    open.focus()
    fireEvent.click(open)
    await waitFor(() =>
      expect(
        container.querySelector('[data-completed-review="r0"]')
      ).not.toBeNull()
    )
    const heading = Array.from(container.querySelectorAll('h2')).find(
      (h) => h.textContent === 'Completed review'
    )

    await waitFor(() => expect(document.activeElement).toBe(heading))
  })

  it.each([
    [
      'en',
      'changes asked: could not be read',
      'signed by bruno@acme.com · 40 keys',
    ],
    [
      'pt',
      'mudanças pedidas: não foi possível ler',
      'assinada por bruno@acme.com · 40 chaves',
    ],
    [
      'es',
      'cambios pedidos: no se pudieron leer',
      'firmada por bruno@acme.com · 40 claves',
    ],
  ])(
    'shows a past review whose changes asked could not be read with the rest of its row (%s)',
    async (locale, unknown, rest) => {
      const { container } = render(<ReviewPage />, {
        graphql: {
          mocks: [
            { request: { query: REVIEW }, result: { data: { review: null } } },
            {
              request: { query: HISTORY },
              result: {
                data: {
                  reviews: [
                    { ...history[0], id: 'r-old', changesAsked: null },
                    { ...history[0], id: 'r-new', keys: 41 },
                  ],
                  reviewsUnreadable: 0,
                },
              },
            },
          ],
        },
        locale,
      })

      await waitFor(() =>
        expect(
          container.querySelector('[data-review-id="r-old"]')
        ).not.toBeNull()
      )
      const old = container.querySelector('[data-review-id="r-old"]')!
      const other = container.querySelector('[data-review-id="r-new"]')!

      expect(old.textContent).toContain(rest)
      expect(old.textContent).toContain(unknown)
      expect(old.querySelector('[data-changes-asked-unknown]')).not.toBeNull()
      // no count made up for it, and the other row keeps its own
      expect(old.textContent).not.toMatch(/\d+ (changes?|mudanças?|cambios?)/)
      expect(other.textContent).not.toContain(unknown)
      expect(other.querySelector('[data-changes-asked-unknown]')).toBeNull()
    }
  )

  it.each([
    ['en', 1, '1 completed review could not be read'],
    ['pt', 1, '1 revisão concluída não pôde ser lida'],
    ['es', 2, '2 revisiones completadas no se pudieron leer'],
  ])(
    'says how many past reviews could not be read beside the ones listed (%s)',
    async (locale, count, said) => {
      const { container, getByText } = render(<ReviewPage />, {
        graphql: {
          mocks: [
            { request: { query: REVIEW }, result: { data: { review: null } } },
            {
              request: { query: HISTORY },
              result: {
                data: { reviews: history, reviewsUnreadable: count },
              },
            },
          ],
        },
        locale,
      })

      await waitFor(() => getByText(new RegExp(said)))
      expect(container.querySelector('[data-review-id="r0"]')).not.toBeNull()
    }
  )

  it('says nothing of unreadable reviews when every one was read, and says it when none was listed', async () => {
    const read = render(<ReviewPage />, {
      graphql: {
        mocks: [
          { request: { query: REVIEW }, result: { data: { review: null } } },
          {
            request: { query: HISTORY },
            result: { data: { reviews: history, reviewsUnreadable: 0 } },
          },
        ],
      },
    })

    await waitFor(() => read.getByText(/signed by bruno@acme.com/))
    expect(read.container.querySelector('[data-history-unreadable]')).toBeNull()
    read.unmount()

    const none = render(<ReviewPage />, {
      graphql: {
        mocks: [
          { request: { query: REVIEW }, result: { data: { review: null } } },
          {
            request: { query: HISTORY },
            result: { data: { reviews: [], reviewsUnreadable: 1 } },
          },
        ],
      },
    })

    await waitFor(() => none.getByText('No review has been completed yet.'))
    expect(
      none.getByText(/1 completed review could not be read/)
    ).toBeInTheDocument()
  })

  it('tells an auditor they can read completed reviews, and a user refused both only what they lack', async () => {
    const forbidden = new GraphQLError(
      'Your user lacks these License Manager resources: Get paged users.',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      { code: 'FORBIDDEN', missingResources: ['Get paged users'] }
    )

    const refused = {
      request: { query: REVIEW },
      result: { errors: [forbidden] },
    }

    const auditor = render(<ReviewPage />, {
      graphql: {
        mocks: [
          refused,
          {
            request: { query: HISTORY },
            result: { data: { reviews: history, reviewsUnreadable: 0 } },
          },
        ],
      },
    })

    await waitFor(() => auditor.getByText(/signed by bruno@acme.com · 40 keys/))
    expect(
      auditor.getByText(/You can read completed reviews/)
    ).toBeInTheDocument()
    auditor.unmount()

    const outsider = render(<ReviewPage />, {
      graphql: {
        mocks: [
          refused,
          { request: { query: HISTORY }, result: { errors: [forbidden] } },
        ],
      },
    })

    await waitFor(() => outsider.getByText('You need more permissions'))
    expect(outsider.queryByText(/You can read completed reviews/)).toBeNull()
  })

  it('says what remains before sign-off with practice names, never codes, and links evidence to its keys', async () => {
    const { getByText, container } = render(<ReviewPage />, {
      graphql: { mocks: open },
    })

    await waitFor(() => getByText('Keys decided'))
    const remaining = container.querySelector('[data-remaining]')!.textContent!

    expect(remaining).toContain('2 keys still need a decision.')
    expect(remaining).toContain('Practices still open: Rotate keys, Awareness.')
    expect(container.textContent).not.toMatch(/ROTATE_KEYS|AWARENESS/)
    // A short button, described by the list of what remains.
    const button = getByText('Sign off review').closest('button')!

    expect(button).toBeDisabled()
    await waitFor(() =>
      expect(button.getAttribute('aria-describedby')).toBeTruthy()
    )
    const note = document.getElementById(
      button.getAttribute('aria-describedby')!
    )!

    expect(note.hasAttribute('data-remaining')).toBe(true)
    expect(note.textContent).toMatch(/^To sign off, finish:/)
    expect(
      Array.from(note.querySelectorAll('li')).map((li) => li.textContent)
    ).toEqual([
      '2 keys still need a decision.',
      'Practices still open: Rotate keys, Awareness.',
    ])
    const link = container.querySelector(
      '[data-evidence="activeWithinRotation"] a'
    )!

    // named by the review and the line: the service works out the keys (never a list of ids)
    expect(link.getAttribute('href')).toContain(
      '/keys?evidence=activeWithinRotation&review=r1'
    )
    expect(link.textContent).toBe('show the key')
    // a line without a figure reads as a sentence, never "…: —"
    const noScan = container.querySelector('[data-evidence="noLeakScan"]')!

    expect(noScan.textContent).toMatch(
      /No storefront scan has run yet, so nothing shows whether keys are exposed in storefront code\.$/
    )
    expect(noScan.textContent).not.toContain('—')
    expect(
      container.querySelector(
        '[data-practice="ROTATE_KEYS"] [data-done-needs="ADVERSE_NOTE"]'
      )
    ).not.toBeNull()
  })

  it('lists a server page of keys with checkboxes and offers to keep every key without findings', async () => {
    const { getByText, container } = render(<ReviewPage />, {
      graphql: { mocks: open },
    })

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    expect(
      container
        .querySelector('tr[data-review-key]')!
        .getAttribute('data-review-key')
    ).toBe('k-old')
    await waitFor(() => getByText('Keep the 1 undecided key without findings'))
    // no storefront scan since the review started: "without findings" may hide an exposed key
    expect(
      container.querySelector('[data-no-scan-yet]')!.textContent
    ).toContain('No storefront scan in this review yet: run it first')
    expect(
      container.querySelector('[data-no-scan-yet] [data-run-scan] button')
    ).not.toBeNull()
    fireEvent.click(
      container.querySelector(
        'tr[data-review-key="k-erp"] input[type="checkbox"]'
      )!
    )
    expect(
      container
        .querySelector('[data-selected-count]')!
        .getAttribute('data-selected-count')
    ).toBe('1')
  })

  it('says nothing of a missing scan once a storefront scan ran during the review', async () => {
    const scanned = {
      ...review,
      leakScanAt: '2026-11-26T13:00:00.000Z',
    }

    const { getByText, container } = render(<ReviewPage />, {
      graphql: {
        mocks: [
          { request: { query: REVIEW }, result: { data: { review: scanned } } },
          ...open.slice(1),
        ],
      },
    })

    await waitFor(() => getByText('Keep the 1 undecided key without findings'))
    expect(container.querySelector('[data-no-scan-yet]')).toBeNull()
  })

  it('says no undecided key matches a search, not that every key has a decision', async () => {
    const none = (filter: Record<string, unknown>) =>
      decisionPage({ filter, keys: [], rules: FOUND })

    const { getByText, getByLabelText, queryByText, container } = render(
      <ReviewPage />,
      {
        graphql: {
          mocks: [...open, none({ status: 'UNDECIDED', search: 'Legacy OMS' })],
        },
      }
    )

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    fireEvent.change(getByLabelText('Search label, appKey or account'), {
      target: { value: 'Legacy OMS' },
    })
    await waitFor(() => getByText('No undecided key matches these filters.'))
    expect(queryByText('Every key has a decision.')).toBeNull()
  })

  // attack11: a longer search was refused and the table went on listing every key, unfiltered,
  // with no word of why (its "Select all N matching" then counted the unfiltered list)
  it('keeps a pasted search to the length the service answers', async () => {
    const long = 'x'.repeat(250)
    const none = decisionPage({
      filter: { status: 'UNDECIDED', search: long.slice(0, 200) },
      keys: [],
      rules: FOUND,
    })

    const { getByText, getByLabelText, container } = render(<ReviewPage />, {
      graphql: { mocks: [...open, none] },
    })

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    const box = getByLabelText(
      'Search label, appKey or account'
    ) as HTMLInputElement

    fireEvent.change(box, { target: { value: long } })
    expect(box.value).toHaveLength(200)
    await waitFor(() => getByText('No undecided key matches these filters.'))
  })

  it('offers a way out of a filtered empty table: Clear filters lists the keys again', async () => {
    const none = decisionPage({
      filter: { status: 'UNDECIDED', search: 'Legacy OMS' },
      keys: [],
      rules: FOUND,
    })

    const { getByText, getByRole, getByLabelText, container } = render(
      <ReviewPage />,
      { graphql: { mocks: [...open, none, page] } }
    )

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    fireEvent.change(getByLabelText('Search label, appKey or account'), {
      target: { value: 'Legacy OMS' },
    })
    await waitFor(() => getByText('No undecided key matches these filters.'))
    fireEvent.click(getByRole('button', { name: 'Clear filters' }))
    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    expect(
      (getByLabelText('Search label, appKey or account') as HTMLInputElement)
        .value
    ).toBe('')
  })

  it('narrows the table to one rule by its name, back to the first page, and decides every key matching it', async () => {
    const stale = { status: 'UNDECIDED', rule: 'key-age-exceeded' }
    const pageOf = (
      filter: Record<string, unknown>,
      offset: number,
      total: number,
      rows: typeof keys
    ) => decisionPage({ filter, keys: rows, rules: FOUND, total, offset })

    // 60 undecided keys: two pages (the rows are the two fixtures, enough for the test)
    const first = pageOf({ status: 'UNDECIDED' }, 0, 60, keys)
    const second = pageOf({ status: 'UNDECIDED' }, 50, 60, keys)
    const narrowed = pageOf(stale, 0, 1, [keys[0]])
    const emptied = pageOf(stale, 0, 0, [])
    let decided = 0
    const decide = {
      request: {
        query: DECIDE_KEYS,
        variables: {
          matching: stale,
          decision: 'DEACTIVATE',
          justification: '',
        },
      },
      result: () => {
        decided++

        return {
          data: {
            decideKeys: {
              reviewId: 'r1',
              changed: [
                {
                  id: 'k-old',
                  label: keys[0].label,
                  appKey: keys[0].appKey,
                  decision: {
                    decision: 'DEACTIVATE',
                    justification: '',
                    decidedBy: 'ana@acme.com',
                    decidedAt: '2026-11-26T12:30:00.000Z',
                  },
                },
              ],
              progress: review.progress,
            },
          },
        }
      },
    }

    const criticalCount = {
      request: {
        query: COUNT,
        variables: { filter: { ...stale, worstSeverity: 'CRITICAL' } },
      },
      result: { data: { reviewDecisions: { reviewId: 'r1', total: 0 } } },
    }

    const riskyCount = {
      request: {
        query: COUNT,
        variables: { filter: { ...stale, risky: true } },
      },
      result: { data: { reviewDecisions: { reviewId: 'r1', total: 1 } } },
    }

    const { getByText, queryByText, container } = render(<ReviewPage />, {
      graphql: {
        mocks: [
          { request: { query: REVIEW }, result: { data: { review } } },
          {
            request: { query: HISTORY },
            result: { data: { reviews: [], reviewsUnreadable: 0 } },
          },
          first,
          second,
          narrowed,
          emptied,
          count,
          count,
          criticalCount,
          riskyCount,
          decide,
        ],
      },
    })

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    const ruleFilter = container.querySelector(
      '[data-rule-filter] select'
    ) as HTMLSelectElement

    // a native select (keyboard as usual), named Finding, its options the rules' names
    expect(
      container.querySelector('[data-rule-filter] label')!.textContent
    ).toContain('Finding')
    const names = Array.from(ruleFilter.options).map((o) => o.textContent)

    expect(names[0]).toBe('Any finding')
    expect(names).toContain('Stale key')
    expect(names).toContain('Holds Owner (Admin Super)')
    expect(names.join()).not.toMatch(/key-age-exceeded|owner-role/)
    // only the rules found on the review's keys: none about users or the account
    expect(names).toHaveLength(FOUND.length + 1)
    expect(names).not.toContain('Too many Owner users')
    expect(names.slice(1)).toEqual(
      [...names.slice(1)].sort((a, b) => a!.localeCompare(b!, 'en'))
    )

    // on the second page, a rule brings the table back to its first page
    fireEvent.click(getByText('Next'))
    await waitFor(() => getByText('51–52 of 60'))
    fireEvent.change(ruleFilter, { target: { value: 'key-age-exceeded' } })
    await waitFor(() => getByText('1–1 of 1'))
    expect(
      Array.from(container.querySelectorAll('tr[data-review-key]')).map((r) =>
        r.getAttribute('data-review-key')
      )
    ).toEqual(['k-old'])

    // "select all matching" decides the keys of that rule (the service applies the filter)
    fireEvent.click(getByText('Select the matching key'))
    const bar = container.querySelector('[data-bulk-bar]')!

    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'DEACTIVATE' },
    })
    fireEvent.click(bar.querySelector('button[type="submit"]')!)
    await waitFor(() => getByText('1 key decided: Deactivate.'))
    expect(decided).toBe(1)
    // nothing left for this rule: said as such, not "every key has a decision"
    await waitFor(() => getByText('No undecided key matches these filters.'))
    expect(queryByText('Every key has a decision.')).toBeNull()
  })

  it('words the bulk button for what to do while it cannot act, and says why it is disabled', async () => {
    const { container } = render(<ReviewPage />, {
      graphql: { mocks: open },
    })

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    const bar = container.querySelector('[data-bulk-bar]')!
    const submit = bar.querySelector('button[type="submit"]')!
    const why = () =>
      document.getElementById(submit.getAttribute('aria-describedby') ?? '')
        ?.textContent

    // nothing selected: no "Decide 0 keys"; disabled, described by what to select
    expect(submit.textContent).toBe('Select keys to decide')
    expect(submit).toBeDisabled()
    await waitFor(() =>
      expect(why()).toBe('No key selected: tick rows, or select all matching.')
    )
    // a key selected, no decision yet: described by what to choose
    fireEvent.click(
      container.querySelector(
        'tr[data-review-key="k-erp"] input[type="checkbox"]'
      )!
    )
    expect(submit.textContent).toBe('Decide 1 key')
    expect(submit).toBeDisabled()
    await waitFor(() => expect(why()).toBe('Choose a decision first.'))
    // ready: enabled, nothing to explain
    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'ROTATE' },
    })
    expect(submit).not.toBeDisabled()
    await waitFor(() =>
      expect(submit.hasAttribute('aria-describedby')).toBe(false)
    )
    expect(bar.querySelector('[data-bulk-choose-decision]')).toBeNull()
  })

  it('asks before keeping or rotating a selection with critical keys, naming how many; Esc changes nothing', async () => {
    const criticalKeys = [
      {
        ...keys[0],
        id: 'k-owner',
        label: 'Agency deploy pipeline',
        findings: [
          { rule: 'owner-role', severity: 'CRITICAL' },
          { rule: 'key-age-exceeded', severity: 'HIGH' },
        ],
      },
      ...keys,
    ]

    let decided = 0
    const decide = (decision: string, justification = '') => ({
      request: {
        query: DECIDE_KEYS,
        variables: {
          keyIds: ['k-owner', 'k-old', 'k-erp'],
          decision,
          justification,
        },
      },
      result: () => {
        decided++

        return {
          data: {
            decideKeys: {
              reviewId: 'r1',
              // keeping changes nothing here (said as such); deactivating changes all three
              changed:
                decision === 'KEEP'
                  ? []
                  : criticalKeys.map((k) => ({
                      id: k.id,
                      label: k.label,
                      appKey: k.appKey,
                      decision: {
                        decision,
                        justification: '',
                        decidedBy: 'ana@acme.com',
                        decidedAt: '2026-11-26T12:30:00.000Z',
                      },
                    })),
              progress: review.progress,
            },
          },
        }
      },
    })

    const criticalPage = {
      ...page,
      result: {
        data: {
          reviewDecisions: {
            reviewId: 'r1',
            total: 3,
            offset: 0,
            keys: criticalKeys,
            rules: FOUND,
            findingsNowKnown: true,
          },
        },
      },
    }

    const { getByText, queryByTestId, getByTestId, container } = render(
      <ReviewPage />,
      {
        graphql: {
          mocks: [
            ...open.filter((m) => m !== page),
            // each decision fetches the table's page and the counts again before it is done
            criticalPage,
            criticalPage,
            criticalPage,
            count,
            count,
            decide('KEEP', 'Vendor contract, checked'),
            decide('DEACTIVATE'),
          ],
        },
      }
    )

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(3)
    )
    fireEvent.click(container.querySelector('thead input[type="checkbox"]')!)
    const bar = container.querySelector('[data-bulk-bar]')!
    const submit = bar.querySelector('button[type="submit"]')!

    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'KEEP' },
    })
    // Keep without a justification: the field says so first, no dialog to confirm in vain
    fireEvent.click(submit)
    expect(queryByTestId('bulk-critical-confirm')).toBeNull()
    const justification = bar.querySelector(
      '[data-bulk-field="justification"] input'
    )!

    expect(bar.textContent).toContain(
      'Keeping keys with a HIGH or CRITICAL finding needs a justification: write one, then decide.'
    )
    expect(document.activeElement).toBe(justification)
    // text that shows nothing is none, as the service counts it: still no dialog (walk13)
    fireEvent.change(justification, { target: { value: '\u3164\u200B' } })
    fireEvent.click(submit)
    expect(queryByTestId('bulk-critical-confirm')).toBeNull()
    fireEvent.change(justification, {
      target: { value: 'Vendor contract, checked' },
    })
    fireEvent.click(submit)
    const dialog = getByTestId('bulk-critical-confirm')

    expect(dialog.getAttribute('role')).toBe('dialog')
    expect(dialog.textContent).toContain(
      'Include keys with a CRITICAL finding?'
    )
    expect(dialog.querySelector('[data-critical-count]')!.textContent).toMatch(
      /: 1 of 3\.$/
    )
    // one critical key among three: worded for the one
    expect(dialog.querySelector('[data-critical-effect]')!.textContent).toBe(
      'Keep records that the key’s access stays as it is. Check the critical key before you keep it.'
    )
    // focus starts on Cancel (the safe choice); Esc closes and decides nothing
    expect(document.activeElement!.textContent).toBe('Cancel')
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(queryByTestId('bulk-critical-confirm')).toBeNull()
    // Cancel does nothing either
    fireEvent.click(submit)
    fireEvent.click(getByText('Cancel'))
    expect(queryByTestId('bulk-critical-confirm')).toBeNull()
    // nothing is sent while the admin waits a moment (inside act: the page may still update)
    await act(() => new Promise<void>((r) => setTimeout(r, 50)))
    expect(decided).toBe(0)
    // confirmed: decided once, and the table says how it went (the test ends on what it caused)
    fireEvent.click(submit)
    fireEvent.click(getByText('Keep 3 keys'))
    await waitFor(() =>
      getByText('No key changed: they already had this decision.')
    )
    expect(decided).toBe(1)
    // a decision that takes the access away is not asked about
    fireEvent.click(container.querySelector('thead input[type="checkbox"]')!)
    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'DEACTIVATE' },
    })
    fireEvent.click(submit)
    expect(queryByTestId('bulk-critical-confirm')).toBeNull()
    await waitFor(() => getByText('3 keys decided: Deactivate.'))
    expect(decided).toBe(2)
  })

  it('refuses Rotate on a selection with a key of another account before any confirmation, naming it, with focus on the message', async () => {
    const mixed = [
      {
        ...keys[0],
        id: 'k-owner',
        label: 'Agency deploy pipeline',
        findings: [{ rule: 'owner-role', severity: 'CRITICAL' }],
      },
      reviewKey({
        id: 'k-hub',
        appKey: 'vtexappkey-marketplacehub-HUBKEY',
        label: 'marketplacehub',
        external: true,
        account: 'marketplacehub',
        risky: true,
        findings: [{ rule: 'external-broad-access', severity: 'HIGH' }],
      }),
      ...keys,
    ]

    let decided = 0
    const rotate = {
      request: {
        query: DECIDE_KEYS,
        variables: {
          keyIds: ['k-owner', 'k-old', 'k-erp'],
          decision: 'ROTATE',
          justification: '',
        },
      },
      result: () => {
        decided++

        return {
          data: {
            decideKeys: {
              reviewId: 'r1',
              changed: [],
              progress: review.progress,
            },
          },
        }
      },
    }

    const mixedPage = {
      ...page,
      result: {
        data: {
          reviewDecisions: {
            reviewId: 'r1',
            total: 4,
            offset: 0,
            keys: mixed,
            rules: FOUND,
            findingsNowKnown: true,
          },
        },
      },
    }

    const { getByText, queryByTestId, getByTestId, container } = render(
      <ReviewPage />,
      {
        graphql: {
          mocks: [
            ...open.filter((m) => m !== page),
            // the decision fetches the table's page and the counts again before it is done
            mixedPage,
            mixedPage,
            mixedPage,
            count,
            count,
            rotate,
          ],
        },
      }
    )

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(4)
    )
    fireEvent.click(container.querySelector('thead input[type="checkbox"]')!)
    const bar = container.querySelector('[data-bulk-bar]')!
    const submit = bar.querySelector('button[type="submit"]')!

    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'ROTATE' },
    })
    fireEvent.click(submit)
    // no dialog to confirm in vain: the bar says what the service would say, and focuses it
    expect(queryByTestId('bulk-critical-confirm')).toBeNull()
    const refused = bar.querySelector('[data-bulk-external-refused]')!

    expect(refused.textContent).toBe(
      'Rotate does not fit a key of another account (“marketplacehub”): Key Steward cannot renew or deactivate another account’s key. Leave it out, or choose Keep or Reduce roles. Nothing was decided.'
    )
    expect(document.activeElement).toBe(refused)
    await act(() => new Promise<void>((r) => setTimeout(r, 50)))
    expect(decided).toBe(0)
    // Keep and Reduce roles fit it: the message goes with the decision that caused it
    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'REDUCE_ROLES' },
    })
    expect(bar.querySelector('[data-bulk-external-refused]')).toBeNull()
    // left out, Rotate goes on to the critical confirmation as before
    fireEvent.click(
      container.querySelector(
        'tr[data-review-key="k-hub"] input[type="checkbox"]'
      )!
    )
    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'ROTATE' },
    })
    fireEvent.click(submit)
    expect(bar.querySelector('[data-bulk-external-refused]')).toBeNull()
    getByTestId('bulk-critical-confirm')
    fireEvent.click(getByText('Rotate 3 keys'))
    await waitFor(() => expect(decided).toBe(1))
  })

  it('asks for a justification before keeping HIGH keys too (not only CRITICAL ones), as the service would refuse them', async () => {
    // k-old: a HIGH finding, no CRITICAL one; the service says it needs a justification to keep
    expect(keys[0]).toMatchObject({ risky: true })
    expect(keys[0].findings.map((f) => f.severity)).toEqual(['HIGH'])
    let decided = 0
    const keep = (variables: Record<string, unknown>) => ({
      request: { query: DECIDE_KEYS, variables },
      result: () => {
        decided++

        return {
          data: {
            decideKeys: {
              reviewId: 'r1',
              changed: [],
              progress: review.progress,
            },
          },
        }
      },
    })

    const countOf = (filter: Record<string, unknown>, total: number) => ({
      request: { query: COUNT, variables: { filter } },
      result: { data: { reviewDecisions: { reviewId: 'r1', total } } },
    })

    const { getByText, queryByTestId, container } = render(<ReviewPage />, {
      graphql: {
        mocks: [
          ...open,
          page,
          page,
          count,
          count,
          countOf({ status: 'UNDECIDED', worstSeverity: 'CRITICAL' }, 0),
          countOf({ status: 'UNDECIDED', risky: true }, 1),
          keep({
            keyIds: ['k-old'],
            decision: 'KEEP',
            justification: 'Read-only export, owner confirmed',
          }),
          keep({
            matching: { status: 'UNDECIDED' },
            decision: 'KEEP',
            justification: 'Owners confirmed',
          }),
        ],
      },
    })

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    fireEvent.click(
      container.querySelector(
        'tr[data-review-key="k-old"] input[type="checkbox"]'
      )!
    )
    const bar = container.querySelector('[data-bulk-bar]')!
    const submit = bar.querySelector('button[type="submit"]')!
    const justification = bar.querySelector(
      '[data-bulk-field="justification"] input'
    )!

    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'KEEP' },
    })
    fireEvent.click(submit)
    // asked at the field, nothing sent: not a refusal from the service after the fact
    expect(bar.textContent).toContain(
      'Keeping keys with a HIGH or CRITICAL finding needs a justification: write one, then decide.'
    )
    expect(document.activeElement).toBe(justification)
    await act(() => new Promise<void>((r) => setTimeout(r, 50)))
    expect(decided).toBe(0)
    // with one: sent at once (no key is CRITICAL, so no dialog to confirm)
    fireEvent.change(justification, {
      target: { value: 'Read-only export, owner confirmed' },
    })
    fireEvent.click(submit)
    expect(queryByTestId('bulk-critical-confirm')).toBeNull()
    await waitFor(() => expect(decided).toBe(1))

    // every key matching: the service counts those it would refuse (the same rule, risky), and
    // the field asks first again
    await waitFor(() => expect(justification).toHaveValue(''))
    fireEvent.click(getByText('Select all 2 matching keys'))
    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'KEEP' },
    })
    await act(() => new Promise<void>((r) => setTimeout(r, 50)))
    fireEvent.click(submit)
    expect(bar.textContent).toContain(
      'Keeping keys with a HIGH or CRITICAL finding needs a justification: write one, then decide.'
    )
    expect(decided).toBe(1)
    fireEvent.change(justification, { target: { value: 'Owners confirmed' } })
    fireEvent.click(submit)
    await waitFor(() => expect(decided).toBe(2))
  })

  it('explains a refused bulk decision, naming the keys that need a justification', async () => {
    const refused = {
      request: {
        query: DECIDE_KEYS,
        variables: {
          keyIds: ['k-old', 'k-erp'],
          decision: 'KEEP',
          justification: '',
        },
      },
      result: {
        errors: [
          new GraphQLError(
            'needs a justification',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'justification', message: 'x' }],
              keys: [{ id: 'k-old', label: 'Legacy OMS export' }],
            }
          ),
        ],
      },
    }

    const { getByText, container } = render(<ReviewPage />, {
      graphql: {
        mocks: [...open.filter((m) => m !== page), readBefore, refused],
      },
    })

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    fireEvent.click(container.querySelector('thead input[type="checkbox"]')!)
    const bar = container.querySelector('[data-bulk-bar]')!

    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'KEEP' },
    })
    fireEvent.click(bar.querySelector('button[type="submit"]')!)
    await waitFor(() =>
      getByText(
        /Nothing was decided: keeping this key with a HIGH or CRITICAL finding needs a justification/
      )
    )
    expect(container.querySelector('[role="alert"]')!.textContent).toContain(
      'Legacy OMS export'
    )
  })
  it('counts every refused key, though the error lists at most 200 of them', async () => {
    // 235 refused: the formatted error keeps 200 items of extensions.keys, keysTotal says 235
    const refused = {
      request: {
        query: DECIDE_KEYS,
        variables: {
          keyIds: ['k-old', 'k-erp'],
          decision: 'KEEP',
          justification: '',
        },
      },
      result: {
        errors: [
          new GraphQLError(
            'needs a justification',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'justification', message: 'x' }],
              keysTotal: 235,
              keys: Array.from({ length: 200 }, (_, i) => ({
                id: `k-${i}`,
                label: `Key ${i}`,
              })),
            }
          ),
        ],
      },
    }

    const { getByText, container } = render(<ReviewPage />, {
      graphql: {
        mocks: [...open.filter((m) => m !== page), readBefore, refused],
      },
    })

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    fireEvent.click(container.querySelector('thead input[type="checkbox"]')!)
    const bar = container.querySelector('[data-bulk-bar]')!

    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'KEEP' },
    })
    fireEvent.click(bar.querySelector('button[type="submit"]')!)
    await waitFor(() =>
      getByText(
        /Nothing was decided: keeping these 235 keys with a HIGH or CRITICAL finding needs a justification/
      )
    )
    const alert = container.querySelector('[role="alert"]')!

    expect(alert.querySelectorAll('li')).toHaveLength(10)
    expect(alert.textContent).toContain('and 225 more')
  })

  it('puts focus on the failure when a bulk decision could not be saved (walk12)', async () => {
    const unsaved = {
      request: {
        query: DECIDE_KEYS,
        variables: {
          keyIds: ['k-old', 'k-erp'],
          decision: 'DEACTIVATE',
          justification: '',
        },
      },
      result: {
        errors: [
          new GraphQLError(
            'Could not save the review: the storage did not answer. Try again.',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            { code: 'UPSTREAM_UNAVAILABLE' }
          ),
        ],
      },
    }

    const { getByText, container } = render(<ReviewPage />, {
      graphql: { mocks: [...open, unsaved] },
    })

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    fireEvent.click(container.querySelector('thead input[type="checkbox"]')!)
    const bar = container.querySelector('[data-bulk-bar]')!

    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'DEACTIVATE' },
    })
    const submit = bar.querySelector('button[type="submit"]') as HTMLElement

    submit.focus()
    fireEvent.click(submit)
    await waitFor(() => getByText(/the storage did not answer/))
    const failure = container.querySelector('[data-bulk-failure]')

    await waitFor(() => expect(document.activeElement).toBe(failure))
    expect(failure!.querySelector('[role="alert"]')).not.toBeNull()
  })

  it('confirms "Keep all undecided keys without findings" with its count before deciding', async () => {
    const healthy = {
      request: {
        query: COUNT,
        variables: { filter: { status: 'UNDECIDED', withoutFindings: true } },
      },
      result: { data: { reviewDecisions: { reviewId: 'r1', total: 1885 } } },
    }

    let decided = 0
    const keep = {
      request: {
        query: DECIDE_KEYS,
        variables: {
          matching: { status: 'UNDECIDED', withoutFindings: true },
          decision: 'KEEP',
        },
      },
      result: () => {
        decided++

        return {
          data: {
            decideKeys: {
              reviewId: 'r1',
              changed: [],
              progress: review.progress,
            },
          },
        }
      },
    }

    const { getByText, getByTestId, queryByTestId } = render(<ReviewPage />, {
      graphql: {
        mocks: [...open.filter((m) => m !== count), healthy, healthy, keep],
      },
    })

    const button = await waitFor(
      () =>
        getByText('Keep all 1,885 undecided keys without findings').closest(
          'button'
        )!
    )

    fireEvent.click(button)
    const dialog = getByTestId('bulk-healthy-confirm')

    expect(dialog.getAttribute('role')).toBe('dialog')
    expect(dialog.textContent).toContain(
      'Keep all 1,885 undecided keys without findings?'
    )
    expect(dialog.textContent).toContain(
      'All 1,885 keys are decided as Keep at once'
    )
    // focus on Cancel; Esc closes it and decides nothing
    expect(document.activeElement!.textContent).toBe('Cancel')
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(queryByTestId('bulk-healthy-confirm')).toBeNull()
    await act(() => new Promise<void>((r) => setTimeout(r, 50)))
    expect(decided).toBe(0)
    fireEvent.click(button)
    fireEvent.click(getByText('Keep 1,885 keys'))
    await waitFor(() => expect(decided).toBe(1))
  })

  it("writes the progress and the range with the locale's grouping", async () => {
    const big = {
      ...review,
      progress: { ...review.progress, keysTotal: 5000, keysDecided: 984 },
    }

    const bigPage = decisionPage({
      filter: { status: 'UNDECIDED' },
      keys,
      rules: FOUND,
      total: 4016,
    })

    const { container } = render(<ReviewPage />, {
      locale: 'pt',
      graphql: {
        mocks: [
          { request: { query: REVIEW }, result: { data: { review: big } } },
          {
            request: { query: HISTORY },
            result: { data: { reviews: [], reviewsUnreadable: 0 } },
          },
          bigPage,
          count,
        ],
      },
    })

    await waitFor(() =>
      expect(container.querySelector('[data-bar-figure]')!.textContent).toBe(
        '984/5.000'
      )
    )
    await waitFor(() => expect(container.textContent).toContain('1–2 de 4.016'))
  })

  it('counts a key whose finding raised since the start is CRITICAL in the bulk confirmation, and says when findings now are unknown', async () => {
    const exposed = {
      ...keys[1],
      id: 'k-locator',
      label: 'Store locator widget',
      risky: true,
      findings: [],
      newFindings: [{ rule: 'exposed-client-side', severity: 'CRITICAL' }],
    }

    const withNew = {
      ...page,
      result: {
        data: {
          reviewDecisions: {
            reviewId: 'r1',
            total: 2,
            offset: 0,
            keys: [exposed, keys[1]],
            rules: [...FOUND, 'exposed-client-side'],
            findingsNowKnown: true,
          },
        },
      },
    }

    const { container, getByTestId, getByText } = render(<ReviewPage />, {
      graphql: { mocks: [...open.filter((m) => m !== page), withNew] },
    })

    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    expect(
      container.querySelector('tr[data-review-key="k-locator"]')!.textContent
    ).toContain('New since the review started')
    // the Finding filter offers the new finding's rule
    getByText('Exposed in storefront code', { selector: 'option' })
    fireEvent.click(container.querySelector('thead input[type="checkbox"]')!)
    const bar = container.querySelector('[data-bulk-bar]')!

    // Rotate: Keep would first ask for a justification (the key is CRITICAL now)
    fireEvent.change(bar.querySelector('select')!, {
      target: { value: 'ROTATE' },
    })
    fireEvent.click(bar.querySelector('button[type="submit"]')!)
    const dialog = getByTestId('bulk-critical-confirm')

    expect(dialog.querySelector('[data-critical-count]')!.textContent).toMatch(
      /: 1 of 2\.$/
    )

    const unknown = render(<ReviewPage />, {
      graphql: {
        mocks: [
          ...open.filter((m) => m !== page),
          {
            ...page,
            result: {
              data: {
                reviewDecisions: {
                  ...page.result.data.reviewDecisions,
                  findingsNowKnown: false,
                },
              },
            },
          },
        ],
      },
    })

    await waitFor(() =>
      expect(
        unknown.container.querySelector('[data-findings-now-unknown]')
      ).not.toBeNull()
    )
    expect(
      unknown.container.querySelector('[data-findings-now-unknown]')!
        .textContent
    ).toContain('the table shows the findings at the start of the review only')
  })
})
