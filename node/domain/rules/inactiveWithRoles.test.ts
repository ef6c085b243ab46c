import type { KeyEntry } from '../types'
import type { Case, Summary } from '../testing/build'
import {
  CALL_CENTER,
  input,
  key,
  OWNER,
  paramsText,
  run,
  summary,
  TOKEN_RUN,
} from '../testing/build'
import { inactiveWithRoles as rule } from './inactiveWithRoles'

const finding = (subjectId: string): Summary => ({
  rule: 'inactive-with-roles',
  severity: 'LOW',
  practice: 'REASSESS_ACCESS',
  subjectType: 'KEY',
  subjectId,
})

function aKey(
  name: string,
  overrides: Partial<KeyEntry>,
  fires: boolean
): Case {
  const k = key(overrides)

  return [name, input({ keys: [k] }), fires ? [finding(k.id)] : []]
}

const cases: Case[] = [
  aKey(
    'inactive with a narrow role',
    { isActive: false, roles: [CALL_CENTER] },
    true
  ),
  aKey(
    'inactive with Owner and a narrow role',
    { isActive: false, roles: [OWNER, CALL_CENTER] },
    true
  ),
  aKey('inactive with no roles', { isActive: false, roles: [] }, false),
  aKey(
    'inactive, roles could not be read',
    { isActive: false, rolesKnown: false, roles: [] },
    false
  ),
  aKey('active with roles', { isActive: true, roles: [CALL_CENTER] }, false),
  aKey('active with no roles', { isActive: true, roles: [] }, false),
]

describe('inactive-with-roles', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('names the roles to remove', () => {
    const k = key({ isActive: false, roles: [OWNER, CALL_CENTER] })

    expect(run(rule, input({ keys: [k] }))[0].params).toMatchObject({
      roles: 'Owner (Admin Super), Call center operator',
    })
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
