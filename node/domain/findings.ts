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
 * `plain(a.toLowerCase(), b.toLowerCase())` without making the lower-cased copies: labels
 * usually differ in their first characters, so comparing ASCII codes folded on the fly settles
 * most pairs at once. Anything beyond ASCII is left to toLowerCase.
 */
export function compareIgnoringCase(a: string, b: string): number {
  const n = Math.min(a.length, b.length)

  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i)
    let cb = b.charCodeAt(i)

    if (ca === cb) continue
    if (ca > 0x7f || cb > 0x7f) return plain(a.toLowerCase(), b.toLowerCase())
    if (ca >= 65 && ca <= 90) ca += 32
    if (cb >= 65 && cb <= 90) cb += 32
    if (ca !== cb) return ca - cb
  }

  return a.length - b.length
}

/**
 * How subjects are ordered within one severity and rule: by label ignoring case, then label,
 * then id. Plain comparisons, not a collator: this order only has to be stable and readable
 * (pages sort their own lists), and a collator costs ~10× more at 100,000 findings.
 * assembleInventory keeps keys and users in this order, so their findings arrive sorted.
 */
export function compareSubjects(
  aLabel: string,
  aId: string,
  bLabel: string,
  bId: string
): number {
  return (
    compareIgnoringCase(aLabel, bLabel) ||
    plain(aLabel, bLabel) ||
    plain(aId, bId)
  )
}

/** Most severe first; then by rule and subject so the order is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    plain(a.rule, b.rule) ||
    compareSubjects(a.subjectLabel, a.subjectId, b.subjectLabel, b.subjectId)
  )
}

export const compareBySubject = (a: Finding, b: Finding) =>
  compareSubjects(a.subjectLabel, a.subjectId, b.subjectLabel, b.subjectId)

/** One rule's findings, with what the caller keeps beside each (a key position, …). */
export interface RuleFindings {
  rule: string
  findings: Finding[]
  at: number[]
  /** known to be in subject order (the rule walked a list kept in that order) */
  ordered: boolean
}

/**
 * Every rule's findings in compareFindings order, each with its `at`, in linear time for the
 * usual input: by severity, then rule, and within them in subject order — as they came when the
 * rule is known to be ordered, checked (and sorted only if need be) when it is not.
 */
export function inFindingOrder(rules: RuleFindings[]): {
  findings: Finding[]
  at: number[]
} {
  const findings: Finding[] = []
  const at: number[] = []
  const byRule = [...rules].sort((a, b) => plain(a.rule, b.rule))

  for (const severity of SEVERITIES)
    for (const r of byRule) {
      const start = findings.length

      for (let j = 0; j < r.findings.length; j++)
        if (r.findings[j].severity === severity) {
          findings.push(r.findings[j])
          at.push(r.at[j])
        }

      if (!r.ordered) bySubjectFrom(start, findings, at)
    }

  return { findings, at }
}

/** Puts findings[start..] (and what is beside them) in subject order, if they are not already. */
function bySubjectFrom(start: number, findings: Finding[], at: number[]) {
  let sorted = true

  for (let j = start + 1; j < findings.length && sorted; j++)
    sorted = compareBySubject(findings[j - 1], findings[j]) <= 0
  if (sorted) return
  const order = findings
    .slice(start)
    .map((_, n) => start + n)
    .sort((x, y) => compareBySubject(findings[x], findings[y]) || x - y)
  const f = order.map((j) => findings[j])
  const a = order.map((j) => at[j])

  for (let n = 0; n < order.length; n++) {
    findings[start + n] = f[n]
    at[start + n] = a[n]
  }
}
