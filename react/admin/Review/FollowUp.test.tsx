// The follow-up of a signed review: the completed review says how many of the changes its
// decisions asked for are carried out and lists the rest; the Overview names them beside the
// review line with a link to that list.
import React from 'react'
import { act, fireEvent, render, waitFor } from '@vtex/test-tools/react'

import LAST_COMPLETED from '../graphql/lastCompletedReview.gql'
import REVIEW_BY_ID from '../graphql/reviewById.gql'
import ReviewFollowUp from '../Overview/ReviewFollowUp'
import CompletedReview from './CompletedReview'
import { reviewProgress } from '../testing/reviewProgress'
import { decisionPage } from '../testing/decisionPage'

const progress = (over: Record<string, number | null> = {}) =>
  reviewProgress({
    keysTotal: 4,
    keysDecided: 4,
    practicesClosed: 7,
    decisionCounts: [
      { decision: 'KEEP', count: 1 },
      { decision: 'ROTATE', count: 3 },
      { decision: 'REDUCE_ROLES', count: 0 },
      { decision: 'DEACTIVATE', count: 0 },
    ],
    changesAsked: 3,
    changesCarriedOut: 1,
    changesInProgress: 1,
    changesNotStarted: 1,
    ...over,
  })

const completed = (over: Record<string, number | null> = {}) => ({
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
        auditTotal: 0,
        audit: [],
      },
    },
  },
})

const decision = (d: string, carryOutStatus: string, carriedOut = []) => ({
  decision: d,
  justification: '',
  decidedBy: 'ana@acme.com',
  decidedAt: '2026-11-21T12:00:00.000Z',
  carryOutStatus,
  carriedOut,
})

const key = (id: string, label: string, d: ReturnType<typeof decision>) => ({
  id,
  appKey: `vtexappkey-acme-${id.toUpperCase()}`,
  label,
  labelNow: null,
  isActive: true,
  ageDays: 200,
  roles: ['Owner (Admin Super)'],
  risky: true,
  external: false,
  account: null,
  findings: [{ rule: 'owner-role', severity: 'CRITICAL' }],
  newFindings: [],
  decision: d,
})

const OWNER = key(
  'owner',
  'Agency deploy pipeline',
  decision('ROTATE', 'NOT_STARTED')
)

const RENEWING = key(
  'renewing',
  'ERP orders sync',
  decision('ROTATE', 'IN_PROGRESS', [
    {
      action: 'RENEW_TOKEN',
      detail: '',
      by: 'bruno@acme.com',
      at: '2026-11-22T12:00:00.000Z',
    },
  ] as never)
)

const pageOf = (filter: Record<string, unknown>, keys: unknown[]) =>
  decisionPage({ filter, keys, reviewId: 'r1', rules: ['owner-role'] })

describe('CompletedReview follow-up', () => {
  it('counts the changes asked for and lists those not carried out, each saying where it stands', async () => {
    const onCarryOutChange = jest.fn()
    const { container, getByText } = render(
      <CompletedReview id="r1" onCarryOutChange={onCarryOutChange} />,
      {
        graphql: {
          mocks: [
            completed(),
            pageOf({ status: 'ALL' }, []),
            pageOf({ status: 'ALL', carryOut: 'NOT_CARRIED_OUT' }, [
              OWNER,
              RENEWING,
            ]),
          ],
        },
      }
    )

    await waitFor(() =>
      expect(container.querySelector('[data-follow-up-counts]')).not.toBeNull()
    )
    expect(
      container.querySelector('[data-follow-up-counts]')!.textContent
    ).toBe(
      'Carried out: 1 of 3 decisions that ask for a change · 1 in progress · 1 not started'
    )
    expect(
      container.querySelector('[data-follow-up="pending"]')!.textContent
    ).toMatch(/Signing the review changed nothing in VTEX/)
    fireEvent.click(getByText('Show the 2 changes not carried out'))
    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    expect(onCarryOutChange).toHaveBeenCalledWith('NOT_CARRIED_OUT')
    const row = (id: string) =>
      container.querySelector(`tr[data-review-key="${id}"]`)!

    expect(
      row('owner').querySelector('[data-not-carried-out]')!.textContent
    ).toBe('Not carried out yet')
    expect(row('owner').textContent).toMatch(/Carry it out on the key page/)
    expect(
      row('renewing')
        .querySelector('[data-carry-out-status]')!
        .getAttribute('data-carry-out-status')
    ).toBe('IN_PROGRESS')
    expect(row('renewing').querySelector('[data-not-carried-out]')).toBeNull()
    expect(row('renewing').textContent).toMatch(/In progress: .*bruno@acme.com/)
  })

  it('counts changes on keys of other accounts apart, as made outside Key Steward, and says so on their row (no dead link)', async () => {
    const partner = {
      ...key(
        'external:vtexappkey-partner-ABCDEF',
        'partner',
        decision('REDUCE_ROLES', 'NOT_STARTED')
      ),
      appKey: 'vtexappkey-partner-ABCDEF',
      external: true,
      account: 'partner',
    }

    const { container } = render(<CompletedReview id="r1" />, {
      graphql: {
        mocks: [
          completed({
            changesAsked: 5,
            changesCarriedOut: 1,
            changesInProgress: 1,
            changesNotStarted: 1,
            changesOutside: 2,
          }),
          pageOf({ status: 'ALL' }, [partner, OWNER]),
        ],
      },
    })

    await waitFor(() =>
      expect(container.querySelector('[data-follow-up-counts]')).not.toBeNull()
    )
    // the counts add up on their own line: 1 + 1 + 1 + 2 outside = 5 asked
    expect(
      container.querySelector('[data-follow-up-counts]')!.textContent
    ).toBe(
      'Carried out: 1 of 5 decisions that ask for a change · 1 in progress · 1 not started · 2 outside Key Steward'
    )
    expect(
      container.querySelector('[data-follow-up-outside]')!.textContent
    ).toBe(
      '2 changes on keys of other accounts are made in VTEX’s User management, outside Key Steward, which cannot track them.'
    )
    // "not carried out" counts only what Key Steward can carry out: 5 asked − 1 done − 2 outside
    expect(
      container
        .querySelector('[data-follow-up="pending"]')!
        .getAttribute('data-follow-up-pending')
    ).toBe('2')
    await waitFor(() =>
      expect(container.querySelectorAll('tr[data-review-key]')).toHaveLength(2)
    )
    const row = container.querySelector(
      'tr[data-review-key="external:vtexappkey-partner-ABCDEF"]'
    )!

    expect(row.querySelector('[data-not-carried-out]')).toBeNull()
    expect(row.querySelector('a')).toBeNull()
    expect(row.querySelector('[data-carry-out-outside]')!.textContent).toBe(
      'Made outside Key Steward: a change on another account’s key is made in VTEX’s User management, and Key Steward cannot track it.'
    )
  })

  it('says every change it can carry out is carried out when only external ones remain', async () => {
    const { container } = render(<CompletedReview id="r1" />, {
      graphql: {
        mocks: [
          completed({
            changesAsked: 3,
            changesCarriedOut: 2,
            changesInProgress: 0,
            changesNotStarted: 0,
            changesOutside: 1,
          }),
          pageOf({ status: 'ALL' }, []),
        ],
      },
    })

    await waitFor(() =>
      expect(container.querySelector('[data-follow-up="done"]')).not.toBeNull()
    )
    expect(
      container.querySelector('[data-follow-up="done"]')!.textContent
    ).toBe(
      'Every change Key Steward can carry out is carried out (2 changes).1 change on a key of another account is made in VTEX’s User management, outside Key Steward, which cannot track it.'
    )
  })

  it('opens with the filter a link gave, and says when every change is carried out', async () => {
    const { container, getByText } = render(
      <CompletedReview id="r1" carryOut="NOT_CARRIED_OUT" />,
      {
        graphql: {
          mocks: [
            completed({
              changesCarriedOut: 3,
              changesInProgress: 0,
              changesNotStarted: 0,
            }),
            pageOf({ status: 'ALL', carryOut: 'NOT_CARRIED_OUT' }, []),
          ],
        },
      }
    )

    await waitFor(() =>
      getByText('Every change the decisions asked for is carried out.')
    )
    expect(
      container.querySelector('[data-follow-up="done"]')!.textContent
    ).toBe('Every change the decisions asked for is carried out (3 changes).')
    expect(container.querySelector('[data-follow-up="pending"]')).toBeNull()
    expect(container.textContent).not.toMatch(/Show the/)
  })

  it('says a review that kept every key asks for no change', async () => {
    const { container } = render(<CompletedReview id="r1" />, {
      graphql: {
        mocks: [
          completed({
            changesAsked: 0,
            changesCarriedOut: 0,
            changesInProgress: 0,
            changesNotStarted: 0,
          }),
          pageOf({ status: 'ALL' }, []),
        ],
      },
    })

    await waitFor(() =>
      expect(container.querySelector('[data-follow-up]')).not.toBeNull()
    )
    expect(container.querySelector('[data-follow-up]')!.textContent).toBe(
      'No decision asks for a change: every key stays as it was.'
    )
  })

  // walk14 #10: "Keep: 51 · every key stays as it was" gave no hint of the CRITICAL keys kept
  it('says how many kept keys had a CRITICAL finding at sign-off, as the sign-off did (en, pt, es)', async () => {
    const line = async (keptCritical: number | null, locale = 'en') => {
      const { container, unmount } = render(<CompletedReview id="r1" />, {
        locale,
        graphql: {
          mocks: [
            completed({ changesAsked: 0, keptCritical }),
            pageOf({ status: 'ALL' }, []),
          ],
        },
      })

      await waitFor(() =>
        expect(container.querySelector('[data-decision-counts]')).not.toBeNull()
      )
      const text =
        container.querySelector('[data-kept-critical]')?.textContent ?? null

      unmount()

      return text
    }

    expect(await line(0)).toBeNull()
    expect(await line(2)).toBe(
      '2 kept keys had a CRITICAL finding when the review was signed.'
    )
    expect(await line(1, 'pt')).toBe(
      '1 chave mantida tinha um achado CRÍTICO quando a revisão foi assinada.'
    )
    expect(await line(3, 'es')).toBe(
      '3 claves mantenidas tenían un hallazgo CRÍTICO cuando se firmó la revisión.'
    )
    // attack12: signed before the findings raised during a review were stored, the count was of
    // the findings at start, one the signer never saw: no number, and why
    expect(await line(null)).toBe(
      'This review was signed before this version of Key Steward: how many kept keys had a CRITICAL finding at sign-off was not recorded.'
    )
    expect(await line(null, 'pt')).toBe(
      'Esta revisão foi assinada antes desta versão do Key Steward: não ficou registrado quantas chaves mantidas tinham um achado CRÍTICO na assinatura.'
    )
  })
})

describe('Overview review follow-up', () => {
  const last = (over: Record<string, number> = {}) => ({
    request: { query: LAST_COMPLETED },
    result: {
      data: {
        lastCompletedReview: {
          id: 'r1',
          completedAt: '2026-11-26T12:00:00.000Z',
          progress: {
            changesAsked: 40,
            changesCarriedOut: 3,
            changesInProgress: 2,
            changesNotStarted: 35,
            changesOutside: 0,
            ...over,
          },
        },
      },
    },
  })

  it('names the changes not carried out and links to that review filtered to them', async () => {
    const { container } = render(<ReviewFollowUp />, {
      graphql: { mocks: [last()] },
    })

    await waitFor(() =>
      expect(container.querySelector('[data-review-follow-up]')).not.toBeNull()
    )
    const line = container.querySelector('[data-review-follow-up]')!

    expect(line.textContent).toBe(
      'The last review asked for 40 changes; 37 are not carried out yet. See the changes not carried out'
    )
    expect(line.querySelector('a')!.getAttribute('href')).toBe(
      '/admin/key-steward/review?review=r1&carryOut=NOT_CARRIED_OUT'
    )
  })

  it('counts one change not started in the singular in Portuguese', async () => {
    const { container } = render(<CompletedReview id="r1" />, {
      graphql: { mocks: [completed(), pageOf({ status: 'ALL' }, [])] },
      locale: 'pt',
    })

    await waitFor(() =>
      expect(container.querySelector('[data-follow-up-counts]')).not.toBeNull()
    )
    expect(
      container.querySelector('[data-follow-up-counts]')!.textContent
    ).toBe(
      'Executadas: 1 de 3 decisões que pedem uma mudança · 1 em andamento · 1 não iniciada'
    )
  })

  it('never counts changes on keys of other accounts as not carried out, so the line clears', async () => {
    const shown = async (over: Record<string, number>) => {
      const { container, unmount } = render(<ReviewFollowUp />, {
        graphql: { mocks: [last(over)] },
      })

      // a control first: a line with pending changes shows
      await new Promise((r) => setTimeout(r, 50))
      const line = container.querySelector('[data-review-follow-up]')
      const text = line?.textContent ?? null

      unmount()

      return text
    }

    expect(
      await shown({
        changesAsked: 25,
        changesCarriedOut: 0,
        changesInProgress: 0,
        changesNotStarted: 23,
        changesOutside: 2,
      })
    ).toBe(
      'The last review asked for 25 changes; 23 are not carried out yet, and 2 on keys of other accounts are made in VTEX, outside Key Steward. See the changes not carried out'
    )
    // every change Key Steward can follow carried out: nothing left to say here
    expect(
      await shown({
        changesAsked: 25,
        changesCarriedOut: 23,
        changesInProgress: 0,
        changesNotStarted: 0,
        changesOutside: 2,
      })
    ).toBeNull()
  })

  it('words it in Portuguese and Spanish', async () => {
    const said = async (locale: string) => {
      const { container, unmount } = render(<ReviewFollowUp />, {
        graphql: { mocks: [last({ changesCarriedOut: 39 })] },
        locale,
      })

      await waitFor(() =>
        expect(
          container.querySelector('[data-review-follow-up]')
        ).not.toBeNull()
      )
      const text = container.querySelector(
        '[data-review-follow-up]'
      )!.textContent

      unmount()

      return text
    }

    expect(await said('pt')).toBe(
      'A última revisão pediu 40 mudanças; 1 ainda não foi executada. Ver as mudanças não executadas'
    )
    expect(await said('es')).toBe(
      'La última revisión pidió 40 cambios; 1 aún no se ejecutó. Ver los cambios no ejecutados'
    )
  })

  it('says nothing when every change is carried out or no review is completed', async () => {
    // The first answer has pending changes: the same wait shows the line (a control).
    for (const [mock, shown] of [
      [last(), true],
      [last({ changesCarriedOut: 40 }), false],
      [
        {
          request: { query: LAST_COMPLETED },
          result: { data: { lastCompletedReview: null } },
        },
        false,
      ],
    ] as const) {
      const { container, unmount } = render(
        <div data-probe>
          <ReviewFollowUp />
        </div>,
        { graphql: { mocks: [mock as never] } }
      )

      // wait for the answer to land (a microtask or two), then check
      // eslint-disable-next-line no-await-in-loop
      await act(() => new Promise((r) => setTimeout(r, 50)))
      expect(!!container.querySelector('[data-review-follow-up]')).toBe(shown)
      unmount()
    }
  })
})
