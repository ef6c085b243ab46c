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

const bySubject = (a: Finding, b: Finding) =>
  compareSubjects(a.subjectLabel, a.subjectId, b.subjectLabel, b.subjectId)

/** Sorts one severity-and-rule group by subject; already sorted (the usual case) costs one pass. */
function sortGroup(group: Finding[], presorted: boolean): Finding[] {
  if (presorted) return group
  for (let i = 1; i < group.length; i++)
    if (bySubject(group[i - 1], group[i]) > 0) return group.sort(bySubject)

  return group
}

/**
 * The order of compareFindings in linear time for the usual input: findings are grouped by
 * severity and rule (a handful of groups), and each group arrives in subject order because the
 * rules walk keys and users in the inventory's order (checked once per group, or known).
 */
export function sortFindings(
  findings: Finding[],
  /** rules whose findings are known to be in subject order (engine.ts evaluate) */
  presorted: ReadonlySet<string> = new Set()
): Finding[] {
  const groups = new Map<Severity, Map<string, Finding[]>>()

  for (const f of findings) {
    let byRule = groups.get(f.severity)

    if (!byRule) groups.set(f.severity, (byRule = new Map()))
    const group = byRule.get(f.rule)

    if (group) group.push(f)
    else byRule.set(f.rule, [f])
  }

  const out: Finding[] = []

  for (const severity of SEVERITIES) {
    const byRule = groups.get(severity)

    if (!byRule) continue
    for (const rule of [...byRule.keys()].sort(plain))
      for (const f of sortGroup(byRule.get(rule)!, presorted.has(rule)))
        out.push(f)
  }

  return out
}
