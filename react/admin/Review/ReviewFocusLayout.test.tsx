// walk7: where focus goes after a decision (the notice, the justification a refusal asks for),
// the notice cleared with the filters, the Show/Severity/Finding filters in the URL, a completed
// review without "Undecided", "Select all matching" hidden once done, the Rotate option's words,
// the Findings column, the next review's date after sign-off and its heading focused.
import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'
import { GraphQLError } from 'graphql'

import COUNT from '../graphql/reviewCount.gql'
import DECIDE_KEYS from '../graphql/decideKeys.gql'
import NEXT_REVIEW_DUE from '../graphql/nextReviewDue.gql'
import REVIEW_BY_ID from '../graphql/reviewById.gql'
import CompletedReview from './CompletedReview'
import DecisionTable from './DecisionTable'
import { tableFiltersFrom } from './reviewUrl'
import { reviewProgress } from '../testing/reviewProgress'
import { decisionPage, reviewKey } from '../testing/decisionPage'

const key = reviewKey({
  risky: true,
  findings: [{ rule: 'key-age-exceeded', severity: 'HIGH' }],
})

const pageOf = (
  filter: Record<string, unknown>,
  rows = [key],
  reviewId: string | null = null
) => decisionPage({ filter, keys: rows, reviewId, rules: ['key-age-exceeded'] })

const healthyCount = {
  request: {
    query: COUNT,
    variables: { filter: { status: 'UNDECIDED', withoutFindings: true } },
  },
  result: { data: { reviewDecisions: { reviewId: 'r1', total: 0 } } },
}

const progress = reviewProgress({
  keysTotal: 1,
  keysDecided: 1,
  decisionCounts: [{ decision: 'DEACTIVATE', count: 1 }],
  changesAsked: 1,
  changesNotStarted: 1,
})

const decide = (justification: string, refuse = false) => ({
  request: {
    query: DECIDE_KEYS,
    variables: { keyIds: ['k-erp'], decision: 'DEACTIVATE', justification },
  },
  result: refuse
    ? {
        errors: [
          new GraphQLError(
            'A justification is required',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'justification', message: 'required' }],
            }
          ),
        ],
      }
    : {
        data: {
          decideKeys: {
            reviewId: 'r1',
            changed: [
              {
                id: 'k-erp',
                label: key.label,
                appKey: key.appKey,
                decision: {
                  decision: 'DEACTIVATE',
                  justification,
                  decidedBy: 'ana@acme.com',
                  decidedAt: '2026-11-26T12:30:00.000Z',
                },
              },
            ],
            progress,
          },
        },
      },
})

const row = (container: HTMLElement) =>
  container.querySelector('tr[data-review-key="k-erp"]') as HTMLElement

const decideRow = (container: HTMLElement, justification: string) => {
  const r = row(container)

  fireEvent.change(r.querySelector('select')!, {
    target: { value: 'DEACTIVATE' },
  })
  fireEvent.change(r.querySelector('input:not([type="checkbox"])')!, {
    target: { value: justification },
  })
  fireEvent.submit(r.querySelector('form')!)
}

afterEach(() => window.history.replaceState(null, '', '/'))

describe('the decision table (walk7)', () => {
  it('focuses the notice after a row is saved, and clears it when the filters change', async () => {
    const { container, findByText } = render(<DecisionTable />, {
      graphql: {
        mocks: [
          pageOf({ status: 'UNDECIDED' }),
          healthyCount,
          decide('used by the ERP'),
          pageOf({ status: 'UNDECIDED' }, []),
          healthyCount,
          pageOf({ status: 'DECIDED' }),
        ],
      },
    })

    await findByText('ERP orders sync')
    decideRow(container, 'used by the ERP')
    const notice = await waitFor(() => {
      const n = container.querySelector('[data-decide-notice]')

      expect(n).not.toBeNull()

      return n as HTMLElement
    })

    expect(notice.textContent).toContain('left the Undecided list')
    await waitFor(() => expect(document.activeElement).toBe(notice))
    // Show: Decided: the notice "it left the Undecided list" no longer describes the list
    fireEvent.change(
      container.querySelector('[data-show-filter] select') as HTMLElement,
      { target: { value: 'DECIDED' } }
    )
    expect(container.querySelector('[data-decide-notice]')).toBeNull()
  })

  it('says only what was decided when the list could not be read again and the row is still shown (walk16 #3)', async () => {
    const { result: _, ...unread } = pageOf({ status: 'UNDECIDED' })
    const { container, findByText } = render(<DecisionTable />, {
      graphql: {
        mocks: [
          pageOf({ status: 'UNDECIDED' }),
          healthyCount,
          decide('used by the ERP'),
          { ...unread, error: new Error('HTTP 503') },
          { ...healthyCount, result: undefined, error: new Error('HTTP 503') },
        ],
      },
    })

    await findByText('ERP orders sync')
    decideRow(container, 'used by the ERP')
    await findByText(/This page could not be read again/)
    const notice = container.querySelector('[data-decide-notice]')!

    expect(row(container)).not.toBeNull()
    expect(notice.textContent).toBe('“ERP orders sync” decided: Deactivate.')
  })

  it('puts focus on the justification a refusal asks for', async () => {
    const { container, findByText } = render(<DecisionTable />, {
      graphql: {
        mocks: [
          pageOf({ status: 'UNDECIDED' }),
          healthyCount,
          decide('', true),
        ],
      },
    })

    await findByText('ERP orders sync')
    decideRow(container, '')
    const input = row(container).querySelector(
      'input:not([type="checkbox"])'
    ) as HTMLElement

    await waitFor(() => expect(document.activeElement).toBe(input))
  })

  it('hides "Select all matching" once every matching key is selected, and focuses the decision', async () => {
    const { container, findByText, queryByText } = render(<DecisionTable />, {
      graphql: { mocks: [pageOf({ status: 'UNDECIDED' }), healthyCount] },
    })

    await findByText('ERP orders sync')
    fireEvent.click(await findByText('Select the matching key'))
    expect(queryByText('Select the matching key')).toBeNull()
    expect(container.querySelector('[data-select-matching-top]')).toBeNull()
    // walk12: the button went away and focus fell to the body; the next step is the decision
    expect(document.activeElement).toBe(
      container.querySelector('[data-bulk-field="decision"] select')
    )
    expect(
      container
        .querySelector('[data-selected-count]')!
        .getAttribute('data-selected-count')
    ).toBe('1')
  })

  it('offers "Select all matching" before the bulk decision, in the order a keyboard user takes the steps (walk12 #8)', async () => {
    const { container, findByText } = render(<DecisionTable />, {
      graphql: { mocks: [pageOf({ status: 'UNDECIDED' }), healthyCount] },
    })

    await findByText('ERP orders sync')
    const selectAll = container.querySelector(
      '[data-select-matching-top] button'
    )!

    const decision = container.querySelector(
      '[data-bulk-field="decision"] select'
    )!

    expect(
      // eslint-disable-next-line no-bitwise
      selectAll.compareDocumentPosition(decision) &
        Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy()
  })

  it('words Rotate as renewing the token and heads the column "Findings", in each language', async () => {
    const words = {
      en: ['Rotate (renew the token)', 'Findings'],
      pt: ['Rotacionar (renovar o token)', 'Achados'],
      es: ['Rotar (renovar el token)', 'Hallazgos'],
    }

    for (const [locale, [rotate, findings]] of Object.entries(words)) {
      const view = render(<DecisionTable />, {
        graphql: { mocks: [pageOf({ status: 'UNDECIDED' }), healthyCount] },
        locale,
      })

      await view.findByText('ERP orders sync')
      const options = Array.from(
        row(view.container).querySelectorAll('option')
      ).map((o) => o.textContent)

      expect(options).toContain(rotate)
      const headers = Array.from(view.container.querySelectorAll('th')).map(
        (th) => th.textContent
      )

      expect(headers).toContain(findings)
      view.unmount()
    }
  })

  it('takes a keyboard user from the filters to the page buttons in one step, past the 50 rows, as on the API keys page', async () => {
    // two rows of the first 50 are enough for the DOM order (the service counts 51)
    const rows = [0, 1].map((i) =>
      reviewKey({ id: `k-${i}`, label: `Key ${i}` })
    )

    const at = (offset: number) =>
      decisionPage({
        filter: { status: 'UNDECIDED' },
        keys: offset ? [reviewKey({ id: 'k-50', label: 'Key 50' })] : rows,
        total: 51,
        offset,
      })

    const { container, getByRole, findByText } = render(<DecisionTable />, {
      graphql: { mocks: [at(0), healthyCount, at(50), healthyCount] },
    })

    await findByText('Key 0')
    const skip = getByRole('link', { name: 'Skip to the page buttons' })
    const search = getByRole('textbox', {
      name: 'Search label, appKey or account',
    })

    // right after the filters, before the rows and their fields
    expect(
      search.compareDocumentPosition(skip) & Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy()
    expect(
      skip.compareDocumentPosition(container.querySelector('table')!) &
        Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy()
    fireEvent.click(skip)
    const pages = getByRole('navigation', { name: 'Pages of keys' })

    expect(document.activeElement).toBe(pages)
    expect(pages).toContainElement(getByRole('button', { name: 'Next' }))
    // the page keeps its state in the query, not in a #hash
    expect(window.location.hash).toBe('')
    fireEvent.click(getByRole('button', { name: 'Next' }))
    await findByText('Key 50')
  })

  it('offers no skip link when the keys fit one page', async () => {
    const { findByText, queryByRole } = render(<DecisionTable />, {
      graphql: { mocks: [pageOf({ status: 'UNDECIDED' }), healthyCount] },
    })

    await findByText('ERP orders sync')
    expect(queryByRole('link', { name: 'Skip to the page buttons' })).toBeNull()
  })

  it('opens with the Show, Severity and Finding filters of the URL and writes them back', async () => {
    const filters = tableFiltersFrom(
      '?show=DECIDED&severity=HIGH&rule=key-age-exceeded'
    )

    expect(filters).toEqual({
      show: 'DECIDED',
      severity: 'HIGH',
      rule: 'key-age-exceeded',
    })
    // anything unknown is the default, never a filter the service refuses
    expect(tableFiltersFrom('?show=MAYBE&severity=BAD&rule=nope')).toEqual({
      show: null,
      severity: null,
      rule: null,
    })
    const changes: Array<Record<string, unknown>> = []
    const { container, findByText } = render(
      <DecisionTable
        filters={filters}
        onFiltersChange={(f) => changes.push(f)}
      />,
      {
        graphql: {
          mocks: [
            // only the request with the three filters answers
            pageOf({
              status: 'DECIDED',
              severity: 'HIGH',
              rule: 'key-age-exceeded',
            }),
            healthyCount,
            pageOf({ status: 'UNDECIDED', rule: 'key-age-exceeded' }),
          ],
        },
      }
    )

    await findByText('ERP orders sync')
    const select = (sel: string) =>
      container.querySelector(`${sel} select`) as HTMLSelectElement

    expect(select('[data-show-filter]').value).toBe('DECIDED')
    expect(select('[data-severity-filter]').value).toBe('HIGH')
    expect(select('[data-rule-filter]').value).toBe('key-age-exceeded')
    fireEvent.change(select('[data-show-filter]'), {
      target: { value: 'UNDECIDED' },
    })
    fireEvent.change(select('[data-severity-filter]'), {
      target: { value: '' },
    })
    // the default Show and "any severity" leave the URL
    expect(changes).toEqual([{ show: null }, { severity: null }])
  })
})

describe('a completed review (walk7)', () => {
  const completed = {
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
          progress,
          checklist: [],
          auditTotal: 0,
          audit: [],
        },
      },
    },
  }

  const nextDue = {
    request: { query: NEXT_REVIEW_DUE },
    result: {
      data: { hygiene: { nextReviewDue: '2027-02-24T12:00:00.000Z' } },
    },
  }

  it('offers Decided and All keys under Show, never Undecided', async () => {
    const { container, findByText } = render(<CompletedReview id="r1" />, {
      graphql: { mocks: [completed, pageOf({ status: 'ALL' }, [key], 'r1')] },
    })

    await findByText('ERP orders sync')
    const options = Array.from(
      container.querySelectorAll('[data-show-filter] option')
    ).map((o) => (o as HTMLOptionElement).value)

    expect(options.filter(Boolean)).toEqual(['DECIDED', 'ALL'])
  })

  it('just signed: says when the next review is due and focuses its heading', async () => {
    const { container, findByText } = render(
      <CompletedReview id="r1" justSigned />,
      {
        graphql: {
          mocks: [completed, nextDue, pageOf({ status: 'ALL' }, [key], 'r1')],
        },
      }
    )

    await findByText(
      'Review signed off by ana@acme.com. The next review is due on February 24, 2027; reminders are updated.'
    )
    const heading = Array.from(container.querySelectorAll('h2')).find(
      (h) => h.textContent === 'Completed review'
    )

    expect(heading).toBeDefined()
    await waitFor(() => expect(document.activeElement).toBe(heading))
  })
})
