import type { Settings } from '../settings'
import type { ExternalKeyEntry } from '../types'
import type { Case, Summary } from '../testing/build'
import {
  CALL_CENTER,
  CUSTOM_AUDITOR,
  external,
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
import { externalBroadAccess as rule } from './externalBroadAccess'

const finding = (appKey: string): Summary => ({
  rule: 'external-broad-access',
  severity: 'HIGH',
  practice: 'REASSESS_ACCESS',
  subjectType: 'EXTERNAL_KEY',
  subjectId: appKey,
})

function holding(
  name: string,
  overrides: Partial<ExternalKeyEntry>,
  fires: boolean,
  settings: Partial<Settings> = {}
): Case {
  const e = external(overrides)

  return [
    name,
    input({ externalKeys: [e], settings }),
    fires ? [finding(e.appKey)] : [],
  ]
}

const cases: Case[] = [
  holding('external key with Owner (Admin Super)', { roles: [OWNER] }, true),
  holding(
    'external key with User Administrator - RESTRICTED',
    { roles: [USER_ADMIN] },
    true
  ),
  holding(
    'external key with an isAdmin custom role',
    { roles: [role({ name: 'Everything', roleType: 1, isAdmin: true })] },
    true
  ),
  holding(
    'external key with a custom role declared key-managing',
    { roles: [CUSTOM_AUDITOR] },
    true,
    { keyManagingRoleIds: [CUSTOM_AUDITOR.id] }
  ),
  holding(
    'external key with the same custom role, not declared',
    { roles: [CUSTOM_AUDITOR] },
    false
  ),
  holding(
    'external key with a custom role merely NAMED "Owner"',
    { roles: [role({ name: 'Owner', roleType: 1 })] },
    false
  ),
  holding('external key with a narrow role', { roles: [CALL_CENTER] }, false),
  holding('external key with no roles', { roles: [] }, false),
  holding(
    'external key whose roles could not be read',
    { rolesKnown: false, roles: [] },
    false
  ),
  [
    "an own key with Owner is not this rule's concern",
    input({ keys: [key({ roles: [OWNER] })] }),
    [],
  ],
]

describe('external-broad-access', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('names the external key, its account and the broad roles', () => {
    const e = external({
      account: 'partnerco',
      roles: [CALL_CENTER, OWNER, USER_ADMIN],
    })

    const [f] = run(rule, input({ externalKeys: [e] }))

    // by its account, as the key list names it (its appKey is the subject's id)
    expect(f.subjectLabel).toBe('partnerco')
    expect(f.subjectId).toBe(e.appKey)
    expect(f.params).toEqual({
      appKey: e.appKey,
      account: 'partnerco',
      roles: 'Owner (Admin Super), User Administrator - RESTRICTED',
    })
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
