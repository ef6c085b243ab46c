import type { Finding, Severity } from '../findings'
import type { KeyEntry, RoleInfo } from '../types'
import type { Rule } from './types'

export function keyFinding(
  rule: Rule,
  key: KeyEntry,
  severity: Severity,
  params?: Finding['params']
): Finding {
  const label = key.label || key.appKey

  return {
    rule: rule.id,
    severity,
    practice: rule.practice,
    subjectType: 'KEY',
    subjectId: key.id,
    subjectLabel: label,
    // no copy of an empty object: tens of thousands of findings at 50,000 keys
    params: params
      ? { label, appKey: key.appKey, ...params }
      : { label, appKey: key.appKey },
  }
}

/**
 * The names of a key's roles that `matches` picks, joined for a message; null when none does.
 * Most keys have none: nothing is allocated for them.
 */
export function roleNames(
  roles: RoleInfo[],
  matches: (r: RoleInfo) => boolean
): string | null {
  let names: string | null = null

  for (const r of roles)
    if (matches(r)) names = names === null ? r.name : `${names}, ${r.name}`

  return names
}
