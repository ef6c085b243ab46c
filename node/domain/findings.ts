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

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s)

/** Most severe first; then by rule and subject so the order is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return severityRank(a.severity) - severityRank(b.severity)
    || a.rule.localeCompare(b.rule)
    || a.subjectLabel.localeCompare(b.subjectLabel)
    || a.subjectId.localeCompare(b.subjectId)
}
