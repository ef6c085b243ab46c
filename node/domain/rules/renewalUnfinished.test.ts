import type { Severity } from '../findings'
import type { Renewal } from './types'
import type { Case, Summary } from '../testing/build'
import {
  daysAgo,
  input,
  key,
  paramsText,
  run,
  summary,
  TOKEN_RUN,
} from '../testing/build'
import { renewalUnfinished as rule } from './renewalUnfinished'

const finding = (severity: Severity, subjectId: string): Summary => ({
  rule: 'renewal-unfinished',
  severity,
  practice: 'RENEW_TOKENS',
  subjectType: 'KEY',
  subjectId,
})

let n = 0

/** One key with the given renewal (or none); `want` is the severity expected, or null. */
function renewal(
  name: string,
  r: Renewal | null,
  want: Severity | null,
  parts: Parameters<typeof input>[0] = {},
  isActive = true
): Case {
  const k = key({ id: `k-renewal-${++n}`, isActive })

  return [
    name,
    input({ keys: [k], renewals: r ? { [k.id]: r } : {}, ...parts }),
    want ? [finding(want, k.id)] : [],
  ]
}

const started = (days: number): Renewal => ({
  startedAt: daysAgo(days),
  finishedAt: null,
})

const cases: Case[] = [
  renewal('no renewal known', null, null),
  renewal('started today', started(0), null),
  renewal('started 7 days ago (grace 7)', started(7), null),
  renewal('started 8 days ago (grace 7)', started(8), 'MEDIUM'),
  renewal('started 60 days ago', started(60), 'MEDIUM'),
  renewal(
    'started 30 days ago and finished',
    { startedAt: daysAgo(30), finishedAt: daysAgo(20) },
    null
  ),
  renewal(
    'started 30 days ago and finished today',
    { startedAt: daysAgo(30), finishedAt: daysAgo(0) },
    null
  ),
  renewal(
    'inactive key, started 30 days ago, unfinished',
    started(30),
    null,
    {},
    false
  ),
  renewal(
    'started 30 days ago; VTEX later said none was pending',
    { ...started(30), vtexNotPendingAt: daysAgo(1) },
    null
  ),
  renewal(
    'a renew 30 days ago whose answer never arrived (possibly pending)',
    { ...started(30), outcomeUnknownAt: daysAgo(30) },
    null
  ),
  renewal(
    "recorded renewal done in VTEX's Admin",
    { startedAt: daysAgo(30), finishedAt: daysAgo(30), source: 'RECORDED' },
    null
  ),
  renewal('grace 14: started 14 days ago', started(14), null, {
    settings: { renewalGraceDays: 14 },
  }),
  renewal('grace 14: started 15 days ago', started(15), 'MEDIUM', {
    settings: { renewalGraceDays: 14 },
  }),
  renewal('grace 1: started 2 days ago', started(2), 'MEDIUM', {
    settings: { renewalGraceDays: 1 },
  }),
  renewal('grace 1: started 1 day ago', started(1), null, {
    settings: { renewalGraceDays: 1 },
  }),
  [
    'a renewal recorded for another key',
    input({ keys: [key()], renewals: { 'someone-else': started(30) } }),
    [],
  ],
]

describe('renewal-unfinished', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('reports how long ago it started and the grace period', () => {
    const k = key({ id: 'k-params' })

    expect(
      run(rule, input({ keys: [k], renewals: { 'k-params': started(8) } }))[0]
        .params
    ).toMatchObject({ startedDaysAgo: 8, graceDays: 7 })
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
