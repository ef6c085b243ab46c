import type { Settings } from '../settings'
import type { Case, Summary } from '../testing/build'
import {
  daysAgo,
  input,
  key,
  OWNER,
  paramsText,
  run,
  summary,
  TOKEN_RUN,
} from '../testing/build'
import { reviewOverdue as rule } from './reviewOverdue'

const finding = (account = 'acme'): Summary => ({
  rule: 'review-overdue',
  severity: 'MEDIUM',
  practice: 'REASSESS_ACCESS',
  subjectType: 'ACCOUNT',
  subjectId: account,
})

function reviewed(
  name: string,
  days: number | null,
  fires: boolean,
  settings: Partial<Settings> = {}
): Case {
  return [
    name,
    input({
      lastReviewCompletedAt: days === null ? null : daysAgo(days),
      settings,
    }),
    fires ? [finding()] : [],
  ]
}

const cases: Case[] = [
  reviewed('never reviewed', null, true),
  reviewed('completed today', 0, false),
  reviewed('completed 10 days ago', 10, false),
  reviewed('completed 90 days ago, cadence 90', 90, false),
  reviewed('completed 91 days ago, cadence 90', 91, true),
  reviewed('completed 400 days ago', 400, true),
  reviewed('cadence 30: completed 30 days ago', 30, false, {
    reviewCadenceDays: 30,
  }),
  reviewed('cadence 30: completed 31 days ago', 31, true, {
    reviewCadenceDays: 30,
  }),
  reviewed('cadence 180: completed 91 days ago', 91, false, {
    reviewCadenceDays: 180,
  }),
  reviewed('cadence 180: completed 181 days ago', 181, true, {
    reviewCadenceDays: 180,
  }),
  reviewed('cadence 180: never reviewed', null, true, {
    reviewCadenceDays: 180,
  }),
  [
    'another account, never reviewed',
    input({ account: 'globex', lastReviewCompletedAt: null }),
    [finding('globex')],
  ],
  [
    'a busy inventory does not multiply it',
    input({
      keys: [key({ roles: [OWNER] }), key()],
      lastReviewCompletedAt: null,
    }),
    [finding()],
  ],
]

describe('review-overdue', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('reports the account, the cadence and the days since the last review when there was one', () => {
    expect(run(rule, input({ lastReviewCompletedAt: null }))[0]).toMatchObject({
      subjectLabel: 'acme',
      params: { account: 'acme', cadenceDays: 90 },
    })
    expect(run(rule, input({ lastReviewCompletedAt: null }))[0].params).toEqual(
      { account: 'acme', cadenceDays: 90, never: 1 }
    )
    expect(
      run(rule, input({ lastReviewCompletedAt: daysAgo(91) }))[0].params
    ).toEqual({ account: 'acme', cadenceDays: 90, daysSince: 91 })
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
