import type { Settings } from '../settings'
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
import { canManageKeysRule as rule } from './canManageKeys'

const finding = (subjectId: string): Summary => ({
  rule: 'can-manage-keys',
  severity: 'HIGH',
  practice: 'INDIVIDUAL_KEYS',
  subjectType: 'KEY',
  subjectId,
})

function holding(
  name: string,
  overrides: Partial<KeyEntry>,
  fires: boolean,
  settings: Partial<Settings> = {}
): Case {
  const k = key(overrides)

  return [name, input({ keys: [k], settings }), fires ? [finding(k.id)] : []]
}

const cases: Case[] = [
  holding('User Administrator - RESTRICTED', { roles: [USER_ADMIN] }, true),
  holding(
    'user administrator - restricted (lower case)',
    { roles: [role({ name: 'user administrator - restricted', roleType: 0 })] },
    true
  ),
  holding(
    '"  USER ADMINISTRATOR - RESTRICTED " (case and spaces)',
    {
      roles: [
        role({ name: '  USER ADMINISTRATOR - RESTRICTED ', roleType: 0 }),
      ],
    },
    true
  ),
  holding('Owner (Admin Super)', { roles: [OWNER] }, true),
  holding(
    'an isAdmin custom role',
    { roles: [role({ name: 'Everything', roleType: 1, isAdmin: true })] },
    true
  ),
  holding(
    'a custom role declared key-managing in the settings',
    { roles: [CUSTOM_AUDITOR] },
    true,
    { keyManagingRoleIds: [CUSTOM_AUDITOR.id] }
  ),
  holding(
    'the same custom role, not declared',
    { roles: [CUSTOM_AUDITOR] },
    false
  ),
  holding(
    'a custom role merely NAMED User Administrator - RESTRICTED',
    { roles: [role({ name: 'User Administrator - RESTRICTED', roleType: 1 })] },
    false
  ),
  holding('a narrow predefined role', { roles: [CALL_CENTER] }, false),
  holding(
    'a narrow role while another role is declared',
    { roles: [CALL_CENTER] },
    false,
    { keyManagingRoleIds: [CUSTOM_AUDITOR.id] }
  ),
  holding(
    'an inactive key holding User Administrator - RESTRICTED',
    { roles: [USER_ADMIN], isActive: false },
    true
  ),
  holding('no roles', { roles: [] }, false),
  holding('roles could not be read', { rolesKnown: false, roles: [] }, false),
]

describe('can-manage-keys', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('names every key-managing role the key holds, and only those, in one finding', () => {
    const k = key({ roles: [OWNER, CALL_CENTER, USER_ADMIN, CUSTOM_AUDITOR] })
    const findings = run(
      rule,
      input({
        keys: [k],
        settings: { keyManagingRoleIds: [CUSTOM_AUDITOR.id] },
      })
    )

    expect(findings).toHaveLength(1)
    expect(findings[0].params).toMatchObject({
      roles: 'Owner (Admin Super), User Administrator - RESTRICTED, Auditor',
    })
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
