import React from 'react'
import { render, waitFor } from '@vtex/test-tools/react'

import OVERVIEW from '../graphql/overview.gql'
import { errorMock } from '../testing/data'
import OverviewPage from './OverviewPage'

const COSTS = [
  {
    subjectType: 'KEY',
    subjectId: 'k-owner',
    subjectLabel: 'Agency deploy pipeline',
    rule: 'owner-role',
    rules: ['owner-role', 'can-manage-keys'],
    severity: 'CRITICAL',
    points: 14,
    capPoints: 12,
    unchecked: false,
    neverReviewed: false,
  },
  {
    subjectType: 'EXTERNAL_KEY',
    subjectId: 'vtexappkey-partner-ABCDEF',
    subjectLabel: 'partner',
    rule: 'external-broad-access',
    rules: ['external-broad-access'],
    severity: 'HIGH',
    points: 0.8,
    capPoints: 0,
    unchecked: false,
    neverReviewed: false,
  },
]

const data = (overrides: Record<string, unknown> = {}) => ({
  hygiene: {
    score: 76,
    counts: { critical: 1, high: 2, medium: 0, low: 3, info: 1 },
    nextReviewDue: null,
    overdue: true,
    lastReviewCompletedAt: null,
    complete: true,
    formula: 'Each active key starts at full health…',
    uncappedScore: 76,
    capped: false,
    topCosts: [],
    ...overrides,
  },
  findings: [
    {
      rule: 'owner-role',
      severity: 'CRITICAL',
      practice: 'INDIVIDUAL_KEYS',
      subjectType: 'KEY',
      subjectId: 'k-owner',
      subjectLabel: 'Agency deploy pipeline',
      message:
        'Key "Agency deploy pipeline" holds Owner (Admin Super). Give it a narrower role.',
      neverReviewed: null,
    },
    {
      rule: 'external-broad-access',
      severity: 'HIGH',
      practice: 'REASSESS_ACCESS',
      subjectType: 'EXTERNAL_KEY',
      subjectId: 'vtexappkey-partner-ABCDEF',
      subjectLabel: 'partner',
      message:
        'External key vtexappkey-partner-ABCDEF holds Owner. Ask its account to use a narrower role.',
      neverReviewed: null,
    },
    {
      rule: 'review-overdue',
      severity: 'MEDIUM',
      practice: 'REASSESS_ACCESS',
      subjectType: 'ACCOUNT',
      subjectId: 'acme',
      subjectLabel: 'acme',
      message: 'No access review completed yet for "acme".',
      neverReviewed: true,
    },
  ],
  inventory: {
    source: 'LIVE',
    generatedAt: '2026-11-26T12:00:00.000Z',
    version: 'v1',
    ageSeconds: null,
    revalidating: null,
    complete: true,
    missing: [],
  },
})

// Only the most urgent findings are asked for; the total comes from the counts.
const VARS = { first: 8 }

describe('OverviewPage', () => {
  it('shows the score, how it is computed, counts and the most urgent findings with their next step', async () => {
    const { getByTestId, getByText } = render(<OverviewPage />, {
      graphql: {
        mocks: [
          {
            request: { query: OVERVIEW, variables: VARS },
            result: { data: data() },
          },
        ],
      },
    })

    await waitFor(() => getByTestId('hygiene-score'))
    expect(getByTestId('hygiene-score').textContent).toBe('76')
    expect(
      getByText('Each active key starts at full health…')
    ).toBeInTheDocument()
    expect(getByText(/Give it a narrower role/)).toBeInTheDocument()
    expect(
      getByText('Agency deploy pipeline').closest('a')!.getAttribute('href')
    ).toBe('/admin/key-steward/keys/k-owner')
    // an external key links to its row on the key list (it has no page of its own), named as
    // the key list names it: its account and an External tag, never its appKey
    expect(getByText('partner').closest('a')!.getAttribute('href')).toBe(
      '/admin/key-steward/keys?ids=vtexappkey-partner-ABCDEF'
    )
    expect(
      getByText('partner').closest('[data-external-subject]')!.textContent
    ).toBe('partner External')
    // the account is named, not linked
    expect(getByText('The whole account (acme)').closest('a')).toBeNull()
    expect(
      getByText('No access review completed yet: do the first one now.')
    ).toBeInTheDocument()
  })

  // walk 11, #2: on day one the banner said "do the first one now", the review card said "a
  // review is due now" in red, and the score charged "Access review overdue". One wording: the
  // cost, the finding and the card name a review never completed, in the warning colour.
  it.each([
    [
      'en',
      'No access review completed yet',
      'Access review overdue',
      'No access review completed yet: do the first one now.',
    ],
    [
      'pt',
      'Nenhuma revisão de acessos concluída ainda',
      'Revisão de acessos atrasada',
      'Nenhuma revisão de acessos concluída ainda: faça a primeira agora.',
    ],
    [
      'es',
      'Aún no se completó ninguna revisión de accesos',
      'Revisión de accesos atrasada',
      'Aún no se completó ninguna revisión de accesos: haz la primera ahora.',
    ],
  ])(
    '(%s) names the review cost on day one as never completed, not overdue',
    async (locale, never, overdue, card) => {
      const cost = (neverReviewed: boolean) => ({
        subjectType: 'ACCOUNT',
        subjectId: 'acme',
        subjectLabel: 'acme',
        rule: 'review-overdue',
        rules: ['review-overdue'],
        severity: 'MEDIUM',
        points: 10,
        capPoints: 0,
        unchecked: false,
        neverReviewed,
      })

      const { getByTestId, container, getByText } = render(<OverviewPage />, {
        graphql: {
          mocks: [
            {
              request: { query: OVERVIEW, variables: VARS },
              result: { data: data({ topCosts: [cost(true)] }) },
            },
          ],
        },
        locale,
      })

      await waitFor(() => getByTestId('score-costs'))
      const line = getByTestId('score-costs').querySelector('li')!

      expect(line.textContent).toContain(never)
      expect(line.textContent).not.toContain(overdue)
      // the finding in the most urgent list is named the same way
      expect(
        container.querySelector('[data-rule="review-overdue"]')!.textContent
      ).toContain(never)
      const said = getByText(card)

      expect(said.className).toContain('c-warning')
      expect(said.className).not.toContain('c-danger')
    }
  )

  // walk12: "High 739" beside a key list whose worst-finding filter gives 479 keys; the counts
  // are findings (a key can have several), and the list said only "counts", in English
  it('names the severity counts as findings, and says the API keys page counts keys', async () => {
    const { getByTestId, getByRole } = render(<OverviewPage />, {
      graphql: {
        mocks: [
          {
            request: { query: OVERVIEW, variables: VARS },
            result: { data: data() },
          },
        ],
      },
    })

    await waitFor(() => getByTestId('hygiene-score'))
    const counts = getByRole('list', { name: /^Findings by severity\./ })

    expect(counts.getAttribute('aria-label')).toBeNull()
    expect(counts.querySelectorAll('li')).toHaveLength(5)
    expect(
      document.getElementById(counts.getAttribute('aria-labelledby')!)!
        .textContent
    ).toContain('counts each key once, by its worst finding')
  })

  it('still names an overdue review as overdue', async () => {
    const overdue = {
      subjectType: 'ACCOUNT',
      subjectId: 'acme',
      subjectLabel: 'acme',
      rule: 'review-overdue',
      rules: ['review-overdue'],
      severity: 'MEDIUM',
      points: 10,
      capPoints: 0,
      unchecked: false,
      neverReviewed: false,
    }

    const { getByTestId } = render(<OverviewPage />, {
      graphql: {
        mocks: [
          {
            request: { query: OVERVIEW, variables: VARS },
            result: { data: data({ topCosts: [overdue] }) },
          },
        ],
      },
    })

    await waitFor(() => getByTestId('score-costs'))
    expect(
      getByTestId('score-costs').querySelector('li')!.textContent
    ).toContain('Access review overdue')
  })

  it('says why a score with a CRITICAL finding is held below amber, and names what costs the most', async () => {
    const mock = {
      request: { query: OVERVIEW },
      result: {
        data: data({
          score: 49,
          uncappedScore: 73,
          capped: true,
          topCosts: COSTS,
        }),
      },
    }

    const { getByTestId } = render(<OverviewPage />, {
      graphql: {
        mocks: [{ ...mock, request: { query: OVERVIEW, variables: VARS } }],
      },
    })

    await waitFor(() => getByTestId('score-capped'))
    expect(getByTestId('hygiene-score').className).toContain('c-danger')
    expect(getByTestId('score-capped').textContent).toMatch(
      /Held at 49 while a CRITICAL finding remains.*the formula gives 73/
    )
    const costs = getByTestId('score-costs')
    const items = costs.querySelectorAll('li')

    expect(items).toHaveLength(2)
    expect(items[0].textContent).toMatch(
      /Agency deploy pipeline.*Holds Owner \(Admin Super\) · Can manage keys and roles.*−14 points/
    )
    // the figure is split: "at most 25 per key" in the formula is the key's health, and most of
    // these points are the CRITICAL cap's
    expect(items[0].querySelector('[data-cost-split]')!.textContent).toBe(
      '−2 from its findings, −12 while the CRITICAL cap holds'
    )
    expect(items[1].querySelector('[data-cost-split]')).toBeNull()
    expect(items[0].querySelector('a')!.getAttribute('href')).toBe(
      '/admin/key-steward/keys/k-owner'
    )
    // another account's key by its account and an External tag, as on the key list
    expect(items[1].textContent).toMatch(/partner External.*−0.8 points/)
    expect(items[1].querySelector('a')!.getAttribute('href')).toBe(
      '/admin/key-steward/keys?ids=vtexappkey-partner-ABCDEF'
    )
  })

  it.each([
    ['en', ['−14 points', '−0.8 points', '−1 point']],
    ['pt', ['−14 pontos', '−0,8 ponto', '−1 ponto']],
    ['es', ['−14 puntos', '−0,8 puntos', '−1 punto']],
  ])(
    '(%s) says the points each line costs as the language counts them',
    async (locale, said) => {
      const one = {
        ...COSTS[1],
        subjectId: 'k-one',
        subjectLabel: 'One',
        points: 1,
      }

      const mock = {
        request: { query: OVERVIEW, variables: VARS },
        result: {
          data: data({
            score: 49,
            uncappedScore: 73,
            capped: true,
            topCosts: [...COSTS, one],
          }),
        },
      }

      const { getByTestId } = render(<OverviewPage />, {
        graphql: { mocks: [mock] },
        locale,
      })

      await waitFor(() => getByTestId('score-costs'))
      const items = getByTestId('score-costs').querySelectorAll('li')

      said.forEach((text, i) => expect(items[i].textContent).toContain(text))
    }
  )

  // A walk found this line with no name, worded as a key whose roles are unknown.
  it('names the too-many-Owners penalty kept while users could not be read, and says it could not be checked', async () => {
    const kept = {
      subjectType: 'ACCOUNT',
      subjectId: '',
      subjectLabel: '',
      rule: 'user-owner-role',
      rules: ['user-owner-role'],
      severity: null,
      points: 5,
      capPoints: 0,
      unchecked: true,
      neverReviewed: false,
    }

    const { getByTestId } = render(<OverviewPage />, {
      graphql: {
        mocks: [
          {
            request: { query: OVERVIEW, variables: VARS },
            result: { data: data({ complete: false, topCosts: [kept] }) },
          },
        ],
      },
    })

    await waitFor(() => getByTestId('score-costs'))
    const item = getByTestId('score-costs').querySelector('li')!

    expect(item.querySelector('.fw5')!.textContent).toBe('Too many Owner users')
    expect(item.querySelector('[data-cost-unchecked]')!.textContent).toMatch(
      /^Could not be checked: the admin user list/
    )
    expect(item.textContent).not.toMatch(/roles could not be read: counted/)
    expect(item.textContent).toMatch(/−5 points/)
  })

  // A walk read "acme — Access review overdue −10 points": the account's id, as if it were a key.
  it.each([
    ['en', 'The whole account (acme)'],
    ['pt', 'A conta inteira (acme)'],
    ['es', 'Toda la cuenta (acme)'],
  ])(
    '(%s) names an account-wide cost as the account, not as a bare id',
    async (locale, said) => {
      const review = {
        subjectType: 'ACCOUNT',
        subjectId: 'acme',
        subjectLabel: 'acme',
        rule: 'review-overdue',
        rules: ['review-overdue'],
        severity: 'MEDIUM',
        points: 10,
        capPoints: 0,
        unchecked: false,
        neverReviewed: false,
      }

      const { getByTestId } = render(<OverviewPage />, {
        graphql: {
          mocks: [
            {
              request: { query: OVERVIEW, variables: VARS },
              result: { data: data({ topCosts: [review] }) },
            },
          ],
        },
        locale,
      })

      await waitFor(() => getByTestId('score-costs'))
      expect(
        getByTestId('score-costs').querySelector('li')!.textContent
      ).toContain(said)
    }
  )

  it('names the users behind a shared penalty by their emails, not as the whole account', async () => {
    const owners = {
      subjectType: 'ACCOUNT',
      subjectId: '',
      subjectLabel: 'ana@acme.com, rafael@acme.com',
      rule: 'user-owner-role',
      rules: ['user-owner-role'],
      severity: 'MEDIUM',
      points: 5,
      capPoints: 0,
      unchecked: false,
      neverReviewed: false,
    }

    const { getByTestId } = render(<OverviewPage />, {
      graphql: {
        mocks: [
          {
            request: { query: OVERVIEW, variables: VARS },
            result: { data: data({ topCosts: [owners] }) },
          },
        ],
      },
    })

    await waitFor(() => getByTestId('score-costs'))
    const text = getByTestId('score-costs').querySelector('li')!.textContent

    expect(text).toContain('ana@acme.com, rafael@acme.com')
    expect(text).not.toContain('whole account')
  })

  it('shows no cap note when nothing holds the score', async () => {
    const { getByTestId, queryByTestId } = render(<OverviewPage />, {
      graphql: {
        mocks: [
          {
            request: { query: OVERVIEW, variables: VARS },
            result: { data: data({ topCosts: COSTS }) },
          },
        ],
      },
    })

    await waitFor(() => getByTestId('score-costs'))
    expect(queryByTestId('score-capped')).toBeNull()
  })

  it('counts the findings it did not receive from the severity counts', async () => {
    const many = data({
      counts: { critical: 4, high: 5, medium: 3, low: 6, info: 2 },
    })

    const { getByText } = render(<OverviewPage />, {
      graphql: {
        mocks: [
          {
            request: { query: OVERVIEW, variables: VARS },
            result: { data: many },
          },
        ],
      },
    })

    // 20 in all, 3 listed (grouped per key): 17 more
    await waitFor(() => getByText(/17 more/))
    // Some of them are about users and the account (too many Owner users, the overdue review),
    // which the key list does not show: the note must not send them all there.
    const more = getByText(/17 more/).textContent ?? ''

    expect(more).not.toMatch(/in the key list/)
    expect(more).toBe(
      'Not in this list: 17 more findings, on the API keys and Users and roles pages.'
    )
  })

  it('shows the next review date when one is known', async () => {
    const mock = {
      request: { query: OVERVIEW, variables: VARS },
      result: {
        data: data({
          nextReviewDue: '2027-02-24T12:00:00.000Z',
          overdue: false,
          lastReviewCompletedAt: '2026-11-26T12:00:00.000Z',
        }),
      },
    }

    const { getByText } = render(<OverviewPage />, {
      graphql: { mocks: [mock] },
    })

    await waitFor(() => getByText(/Next review due on/))
  })

  it('explains an expired session', async () => {
    const { getByText } = render(<OverviewPage />, {
      graphql: {
        mocks: [
          {
            ...errorMock(OVERVIEW, 'UNAUTHENTICATED', 'Sign in'),
            request: { query: OVERVIEW, variables: VARS },
          },
        ],
      },
    })

    await waitFor(() => getByText('Your session expired'))
  })
})
