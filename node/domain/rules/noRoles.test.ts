import type { KeyEntry } from '../types'
import type { Case, Summary } from '../testing/build'
import {
  CALL_CENTER,
  input,
  key,
  paramsText,
  run,
  summary,
  TOKEN_RUN,
} from '../testing/build'
import { noRoles as rule } from './noRoles'

const finding = (subjectId: string): Summary => ({
  rule: 'no-roles',
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
    'active, roles read, none',
    { isActive: true, rolesKnown: true, roles: [] },
    true
  ),
  aKey(
    'active, roles could NOT be read (not the same as none)',
    { isActive: true, rolesKnown: false, roles: [] },
    false
  ),
  aKey(
    'inactive, roles read, none',
    { isActive: false, rolesKnown: true, roles: [] },
    false
  ),
  aKey(
    'inactive, roles could not be read',
    { isActive: false, rolesKnown: false, roles: [] },
    false
  ),
  aKey(
    'active with a role',
    { isActive: true, rolesKnown: true, roles: [CALL_CENTER] },
    false
  ),
]

describe('no-roles', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
