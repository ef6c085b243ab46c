// What a rule reports. Messages are rendered later, in the admin's language (messages.ts).

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const
export type Severity = (typeof SEVERITIES)[number]

/** The seven practices of VTEX's "Best practices for using API keys" (DESIGN.md). */
export const PRACTICES = [
  'ROTATE_KEYS',
  'RENEW_TOKENS',
  'REASSESS_ACCESS',
  'INDIVIDUAL_KEYS',
  'AWARENESS',
  'NO_CLIENT_SIDE',
  'NO_SHARING',
] as const
export type Practice = (typeof PRACTICES)[number]

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

const RANK: Record<Severity, number> = {
  CRITICAL: 0,
  HIGH: 1,
  MEDIUM: 2,
  LOW: 3,
  INFO: 4,
}

export const severityRank = (s: Severity): number => RANK[s]

const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Most severe first; then by rule and subject so the order is stable. Plain comparisons of
 * lower-cased labels, not a collator: sorting 100,000 findings compares about 1.7 million times,
 * and this order only has to be stable and readable (pages sort their own lists).
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    plain(a.rule, b.rule) ||
    plain(a.subjectLabel.toLowerCase(), b.subjectLabel.toLowerCase()) ||
    plain(a.subjectLabel, b.subjectLabel) ||
    plain(a.subjectId, b.subjectId)
  )
}

/** The order of compareFindings, with each label lower-cased once instead of per comparison. */
export function sortFindings(findings: Finding[]): Finding[] {
  const keyed = findings.map((f) => ({
    f,
    rank: RANK[f.severity],
    lower: f.subjectLabel.toLowerCase(),
  }))

  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      plain(a.f.rule, b.f.rule) ||
      plain(a.lower, b.lower) ||
      plain(a.f.subjectLabel, b.f.subjectLabel) ||
      plain(a.f.subjectId, b.f.subjectId)
  )

  return keyed.map((k) => k.f)
}
