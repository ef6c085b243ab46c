import type { Finding, Severity } from '../findings'
import type { KeyEntry, RoleInfo } from '../types'
import type { Rule } from './types'

/** The params of a finding that needs none: one frozen object for the thousands of them. */
const NO_PARAMS: Finding['params'] = Object.freeze({})

/**
 * A finding about a key. `params` are the values its message needs besides the key's label,
 * which the message reads from `subjectLabel` when it is rendered (messages.ts): nothing is
 * copied into tens of thousands of findings at 50,000 keys that only a page's few are shown.
 */
export function keyFinding(
  rule: Rule,
  key: KeyEntry,
  severity: Severity,
  params: Finding['params'] = NO_PARAMS
): Finding {
  return {
    rule: rule.id,
    severity,
    practice: rule.practice,
    subjectType: 'KEY',
    subjectId: key.id,
    subjectLabel: key.label || key.appKey,
    params,
  }
}

/** Whether a text is missing or only spaces, without making a trimmed copy of it. */
export function isBlank(text: string | undefined): boolean {
  if (!text) return true
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)

    if (
      !(
        c === 32 ||
        (c >= 9 && c <= 13) ||
        c === 0xa0 ||
        c === 0xfeff ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x1680 ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000
      )
    )
      return false
  }

  return true
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
