// What a rule reports. Messages are rendered later, in the admin's language (messages.ts).

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const
export type Severity = typeof SEVERITIES[number]

/** The seven practices of VTEX's "Best practices for using API keys" (DESIGN.md). */
export const PRACTICES = ['ROTATE_KEYS', 'RENEW_TOKENS', 'REASSESS_ACCESS', 'INDIVIDUAL_KEYS', 'AWARENESS', 'NO_CLIENT_SIDE', 'NO_SHARING'] as const
export type Practice = typeof PRACTICES[number]

export type SubjectType = 'KEY' | 'EXTERNAL_KEY' | 'USER' | 'ACCOUNT'

export interface Finding {
  rule: string
  severity: Severity
  practice: Practice
  subjectType: SubjectType
  /** key id, external appKey, user id, or account name */
  subjectId: string
  /** what an admin recognises the subject by: key label, user email, account name */
  subjectLabel: string
  /** values the message needs (days, role names, …); never a token */
  params: Record<string, string | number>
}

const RANK: Record<Severity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFO: 4 }
export const severityRank = (s: Severity): number => RANK[s]

// The same order as String.prototype.localeCompare (the default locale), without building a
// collator on every comparison: sorting 100,000 findings calls this about 1.7 million times.
const collator = new Intl.Collator()
const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Most severe first; then by rule and subject so the order is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return RANK[a.severity] - RANK[b.severity]
    || (a.rule === b.rule ? 0 : plain(a.rule, b.rule))
    || (a.subjectLabel === b.subjectLabel ? 0 : collator.compare(a.subjectLabel, b.subjectLabel))
    || (a.subjectId === b.subjectId ? 0 : collator.compare(a.subjectId, b.subjectId))
}
