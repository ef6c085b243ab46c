import type { Settings } from '../settings'
import type { UserEntry } from '../types'
import type { Case, Summary } from '../testing/build'
import {
  CALL_CENTER,
  input,
  OWNER,
  paramsText,
  role,
  run,
  summary,
  TOKEN_RUN,
  user,
  USER_ADMIN,
} from '../testing/build'
import { userOwnerRole as rule } from './userOwnerRole'

const finding = (subjectId: string): Summary => ({
  rule: 'user-owner-role',
  severity: 'MEDIUM',
  practice: 'REASSESS_ACCESS',
  subjectType: 'USER',
  subjectId,
})

const owners = (n: number, extra: Partial<UserEntry> = {}) =>
  Array.from({ length: n }, () => user({ roles: [OWNER], ...extra }))

/** Users; `flagged` lists the indexes expected to be reported, in order. */
function users(
  name: string,
  us: UserEntry[],
  flagged: number[],
  settings: Partial<Settings> = {}
): Case {
  return [
    name,
    input({ users: us, settings }),
    flagged.map((i) => finding(us[i].id)),
  ]
}

const cases: Case[] = [
  users('no users', [], []),
  users('3 owners, max 3', owners(3), []),
  users('4 owners, max 3: one finding per owner', owners(4), [0, 1, 2, 3]),
  users(
    '4 owners, one of them blocked (not counted)',
    [...owners(3), user({ roles: [OWNER], isBlocked: true })],
    []
  ),
  users(
    '5 owners, one blocked: the 4 others reported',
    [user({ roles: [OWNER], isBlocked: true }), ...owners(4)],
    [1, 2, 3, 4]
  ),
  users(
    '3 owners and 2 user administrators',
    [
      ...owners(3),
      user({ roles: [USER_ADMIN] }),
      user({ roles: [USER_ADMIN, CALL_CENTER] }),
    ],
    []
  ),
  users(
    '3 owners and a user with an isAdmin role',
    [
      ...owners(3),
      user({
        roles: [
          CALL_CENTER,
          role({ name: 'Everything', roleType: 1, isAdmin: true }),
        ],
      }),
    ],
    [0, 1, 2, 3]
  ),
  users(
    '3 owners and a user with a custom role merely named Owner',
    [...owners(3), user({ roles: [role({ name: 'Owner', roleType: 1 })] })],
    []
  ),
  users('maxOwnerUsers 1: 1 owner', owners(1), [], { maxOwnerUsers: 1 }),
  users('maxOwnerUsers 1: 2 owners', owners(2), [0, 1], { maxOwnerUsers: 1 }),
  users('maxOwnerUsers 5: 5 owners', owners(5), [], { maxOwnerUsers: 5 }),
  users('maxOwnerUsers 5: 6 owners', owners(6), [0, 1, 2, 3, 4, 5], {
    maxOwnerUsers: 5,
  }),
]

describe('user-owner-role', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it("reports the user's email, the count and the maximum", () => {
    const us = owners(4)
    const findings = run(
      rule,
      input({ users: [...us, user({ roles: [OWNER], isBlocked: true })] })
    )

    expect(findings.map((f) => f.subjectLabel)).toEqual(us.map((u) => u.email))
    expect(findings.map((f) => f.params)).toEqual(
      us.map((u) => ({ email: u.email, count: 4, max: 3 }))
    )
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
