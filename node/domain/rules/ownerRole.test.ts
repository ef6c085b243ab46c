import type { KeyEntry } from '../types'
import type { Case, Summary } from '../testing/build'
import {
  CALL_CENTER,
  CUSTOM_AUDITOR,
  input,
  key,
  OWNER,
  paramsText,
  role,
  run,
  summary,
  TOKEN_RUN,
  USER_ADMIN,
} from '../testing/build'
import { ownerRole as rule } from './ownerRole'

const finding = (subjectId: string): Summary => ({
  rule: 'owner-role',
  severity: 'CRITICAL',
  practice: 'INDIVIDUAL_KEYS',
  subjectType: 'KEY',
  subjectId,
})

function holding(
  name: string,
  overrides: Partial<KeyEntry>,
  fires: boolean
): Case {
  const k = key(overrides)

  return [name, input({ keys: [k] }), fires ? [finding(k.id)] : []]
}

const cases: Case[] = [
  holding('Owner (Admin Super)', { roles: [OWNER] }, true),
  holding(
    'a custom role VTEX flags isAdmin',
    { roles: [role({ name: 'Everything', roleType: 1, isAdmin: true })] },
    true
  ),
  holding(
    'a predefined role named "Owner" (not flagged isAdmin)',
    { roles: [role({ name: 'Owner', roleType: 0, isAdmin: false })] },
    true
  ),
  holding(
    'a predefined "owner (admin super)" in other case and spaces',
    {
      roles: [
        role({ name: '  OWNER (ADMIN SUPER) ', roleType: 0, isAdmin: false }),
      ],
    },
    true
  ),
  holding(
    'a custom role merely NAMED "Owner"',
    { roles: [role({ name: 'Owner', roleType: 1, isAdmin: false })] },
    false
  ),
  holding(
    'a custom role merely NAMED "Owner (Admin Super)"',
    {
      roles: [
        role({ name: 'Owner (Admin Super)', roleType: 1, isAdmin: false }),
      ],
    },
    false
  ),
  holding(
    'User Administrator - RESTRICTED (key-managing, not everything)',
    { roles: [USER_ADMIN] },
    false
  ),
  holding('a narrow predefined role', { roles: [CALL_CENTER] }, false),
  holding('a custom role', { roles: [CUSTOM_AUDITOR] }, false),
  holding('Owner and a narrow role', { roles: [CALL_CENTER, OWNER] }, true),
  holding(
    'an inactive key holding Owner',
    { roles: [OWNER], isActive: false },
    true
  ),
  holding('no roles', { roles: [] }, false),
  holding('roles could not be read', { rolesKnown: false, roles: [] }, false),
]

describe('owner-role', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('names only the roles that grant everything', () => {
    const k = key({ roles: [CALL_CENTER, OWNER, USER_ADMIN] })

    expect(run(rule, input({ keys: [k] }))[0].params).toMatchObject({
      roles: 'Owner (Admin Super)',
    })
  })

  it('one finding per key', () => {
    const a = key({ roles: [OWNER] })
    const b = key({ roles: [CALL_CENTER] })
    const c = key({ roles: [OWNER], isActive: false })

    expect(
      run(rule, input({ keys: [a, b, c] })).map((f) => f.subjectId)
    ).toEqual([a.id, c.id])
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
