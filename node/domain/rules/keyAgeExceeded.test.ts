import type { Severity } from '../findings'
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
import { keyAgeExceeded as rule } from './keyAgeExceeded'

const finding = (severity: Severity, subjectId: string): Summary => ({
  rule: 'key-age-exceeded',
  severity,
  practice: 'ROTATE_KEYS',
  subjectType: 'KEY',
  subjectId,
})

/** One active key created `days` ago; `want` is the severity expected, or null for no finding. */
function aged(
  name: string,
  days: number,
  want: Severity | null,
  parts: Parameters<typeof input>[0] = {},
  isActive = true
): Case {
  const k = key({ createdAt: daysAgo(days), isActive })

  return [
    name,
    input({ keys: [k], ...parts }),
    want ? [finding(want, k.id)] : [],
  ]
}

const renewed = key({ id: 'k-renewed', createdAt: daysAgo(200) })
const renewedLong = key({ id: 'k-renewed-long', createdAt: daysAgo(300) })
const unfinished = key({ id: 'k-unfinished', createdAt: daysAgo(100) })
const oddRecord = key({ id: 'k-odd', createdAt: daysAgo(100) })
const recorded = key({ id: 'k-recorded', createdAt: daysAgo(400) })
const recordedOld = key({ id: 'k-recorded-old', createdAt: daysAgo(400) })
const pendingKnown = key({ id: 'k-pending-known', createdAt: daysAgo(700) })
const pendingFresh = key({ id: 'k-pending-fresh', createdAt: daysAgo(700) })
const future = key({ id: 'k-future', createdAt: daysAgo(120) })
const mixFresh = key({ createdAt: daysAgo(5) })
const mixOld = key({ createdAt: daysAgo(95) })
const mixAncient = key({ createdAt: daysAgo(365) })
const mixInactive = key({ createdAt: daysAgo(365), isActive: false })

const cases: Case[] = [
  aged('a 10-day-old key', 10, null),
  aged('a key created today', 0, null),
  aged('exactly at the period (90 days)', 90, null),
  aged('one day over (91 days)', 91, 'MEDIUM'),
  aged('90 days overdue (180 days old)', 180, 'MEDIUM'),
  aged('91 days overdue (181 days old)', 181, 'HIGH'),
  aged('active and 400 days old', 400, 'HIGH'),
  aged('inactive and 400 days old', 400, null, {}, false),
  aged('inactive and 91 days old', 91, null, {}, false),
  [
    '200 days old, renewal finished 30 days ago (age from the renewal)',
    input({
      keys: [renewed],
      renewals: {
        'k-renewed': { startedAt: daysAgo(32), finishedAt: daysAgo(30) },
      },
    }),
    [],
  ],
  [
    '300 days old, renewal finished 91 days ago',
    input({
      keys: [renewedLong],
      renewals: {
        'k-renewed-long': { startedAt: daysAgo(95), finishedAt: daysAgo(91) },
      },
    }),
    [finding('MEDIUM', 'k-renewed-long')],
  ],
  [
    '100 days old, renewal started but unfinished (still counted from creation)',
    input({
      keys: [unfinished],
      renewals: { 'k-unfinished': { startedAt: daysAgo(5), finishedAt: null } },
    }),
    [finding('MEDIUM', 'k-unfinished')],
  ],
  [
    '100 days old, a renewal recorded as finished before creation is ignored',
    input({
      keys: [oddRecord],
      renewals: {
        'k-odd': { startedAt: daysAgo(160), finishedAt: daysAgo(150) },
      },
    }),
    [finding('MEDIUM', 'k-odd')],
  ],
  // A key renewed last week but created long ago is not stale (the bug this rule had in production).
  [
    "400 days old, renewal done in VTEX's Admin recorded 7 days ago",
    input({
      keys: [recorded],
      renewals: {
        'k-recorded': {
          startedAt: daysAgo(7),
          finishedAt: daysAgo(7),
          source: 'RECORDED',
          recordedBy: 'ana@acme.com',
        },
      },
    }),
    [],
  ],
  [
    '400 days old, renewal recorded 100 days ago',
    input({
      keys: [recordedOld],
      renewals: {
        'k-recorded-old': {
          startedAt: daysAgo(100),
          finishedAt: daysAgo(100),
          source: 'RECORDED',
        },
      },
    }),
    [finding('MEDIUM', 'k-recorded-old')],
  ],
  [
    '700 days old, renewal pending: the token in use was created 200 days ago (VTEX said)',
    input({
      keys: [pendingKnown],
      renewals: {
        'k-pending-known': {
          startedAt: daysAgo(2),
          finishedAt: null,
          tokenCreatedAt: daysAgo(200),
        },
      },
    }),
    [finding('HIGH', 'k-pending-known')],
  ],
  [
    '700 days old, renewal pending: the token in use was created 30 days ago',
    input({
      keys: [pendingFresh],
      renewals: {
        'k-pending-fresh': {
          startedAt: daysAgo(2),
          finishedAt: null,
          tokenCreatedAt: daysAgo(30),
        },
      },
    }),
    [],
  ],
  [
    '120 days old, a renewal dated in the future is ignored',
    input({
      keys: [future],
      renewals: {
        'k-future': {
          startedAt: daysAgo(-3),
          finishedAt: daysAgo(-3),
          source: 'RECORDED',
        },
      },
    }),
    [finding('MEDIUM', 'k-future')],
  ],
  aged('rotationDays 180: 91 days old', 91, null, {
    settings: { rotationDays: 180 },
  }),
  aged('rotationDays 180: exactly 180 days old', 180, null, {
    settings: { rotationDays: 180 },
  }),
  aged('rotationDays 180: 181 days old', 181, 'MEDIUM', {
    settings: { rotationDays: 180 },
  }),
  aged('rotationDays 180: 270 days old (90 overdue)', 270, 'MEDIUM', {
    settings: { rotationDays: 180 },
  }),
  aged('rotationDays 180: 271 days old (91 overdue)', 271, 'HIGH', {
    settings: { rotationDays: 180 },
  }),
  aged('rotationDays 30: 31 days old', 31, 'MEDIUM', {
    settings: { rotationDays: 30 },
  }),
  [
    'several keys: only the active overdue ones',
    input({ keys: [mixFresh, mixOld, mixAncient, mixInactive] }),
    [finding('MEDIUM', mixOld.id), finding('HIGH', mixAncient.id)],
  ],
  ['no keys at all', input(), []],
]

describe('key-age-exceeded', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('reports age, overdue days, the period and the date counted from', () => {
    const k = key({ createdAt: daysAgo(181) })

    expect(run(rule, input({ keys: [k] }))[0].params).toMatchObject({
      ageDays: 181,
      overdueDays: 91,
      periodDays: 90,
      since: daysAgo(181),
    })
    expect(
      run(
        rule,
        input({
          keys: [renewedLong],
          renewals: {
            'k-renewed-long': {
              startedAt: daysAgo(95),
              finishedAt: daysAgo(91),
            },
          },
        })
      )[0].params
    ).toMatchObject({
      ageDays: 91,
      overdueDays: 1,
      since: daysAgo(91),
      basis: 'RENEWAL_FINISHED',
    })
  })

  it('says what the age counts from, so the message can explain it', () => {
    expect(
      run(rule, input({ keys: [key({ createdAt: daysAgo(181) })] }))[0].params
        .basis
    ).toBe('KEY_CREATED')
    expect(
      run(
        rule,
        input({
          keys: [recordedOld],
          renewals: {
            'k-recorded-old': {
              startedAt: daysAgo(100),
              finishedAt: daysAgo(100),
              source: 'RECORDED',
            },
          },
        })
      )[0].params
    ).toMatchObject({
      basis: 'RENEWAL_RECORDED',
      since: daysAgo(100),
      ageDays: 100,
    })
    expect(
      run(
        rule,
        input({
          keys: [pendingKnown],
          renewals: {
            'k-pending-known': {
              startedAt: daysAgo(2),
              finishedAt: null,
              tokenCreatedAt: daysAgo(200),
            },
          },
        })
      )[0].params
    ).toMatchObject({ basis: 'TOKEN_CREATED', ageDays: 200 })
  })

  it('names the start of a pending renewal (the message asks to finish it), and only of a pending one', () => {
    const pending = run(
      rule,
      input({
        keys: [pendingKnown],
        renewals: {
          'k-pending-known': { startedAt: daysAgo(2), finishedAt: null },
        },
      })
    )[0].params

    expect(pending).toMatchObject({
      basis: 'KEY_CREATED',
      renewalStarted: daysAgo(2),
    })
    const finished = run(
      rule,
      input({
        keys: [renewedLong],
        renewals: {
          'k-renewed-long': { startedAt: daysAgo(95), finishedAt: daysAgo(91) },
        },
      })
    )[0].params

    expect(finished.renewalStarted).toBeUndefined()
  })

  it('names the day a renewal was asked whose answer never arrived (one may be pending), not a start', () => {
    const asked = run(
      rule,
      input({
        keys: [pendingKnown],
        renewals: {
          'k-pending-known': {
            startedAt: daysAgo(2),
            finishedAt: null,
            outcomeUnknownAt: daysAgo(2),
          },
        },
      })
    )[0].params

    expect(asked).toMatchObject({ renewalAsked: daysAgo(2) })
    expect(asked.renewalStarted).toBeUndefined()
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
