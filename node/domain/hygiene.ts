// The hygiene score (0–100), documented in docs/README.md:
// each active key (and each registered external key) starts healthy and loses weight per
// finding — CRITICAL 25, HIGH 10, MEDIUM 4, LOW 1, INFO 0 — capped at 25 (a key cannot be
// worse than fully unhealthy). The key part of the score is 100 × (1 − lost / (25 × keys)).
// Account findings then subtract fixed points: an overdue review 10, too many Owner users 5.
// An active key whose roles could not be read counts as fully unhealthy (25) until they are:
// its findings are unknown, and partial data must never raise the score. For the same reason an
// unreadable user list (or users whose roles are unknown) keeps the too-many-Owners penalty.
// An average can hide the worst: one Owner key among 40 healthy ones would still score in the
// healthy band. So while any CRITICAL finding exists (or an active key's roles are unknown: it
// may hold Owner) the score is capped below the amber band.
// `costs` says, per key (or account rule), how many points it takes off, so the Overview can
// name what to fix first.
import { SEVERITIES, severityRank } from './findings'
import type { Finding, SubjectType, Severity } from './findings'
import type { Inventory } from './types'

export const SEVERITY_WEIGHT: Record<Severity, number> = {
  CRITICAL: 25,
  HIGH: 10,
  MEDIUM: 4,
  LOW: 1,
  INFO: 0,
}
export const KEY_CAP = 25
export const ACCOUNT_PENALTY: Record<string, number> = {
  'review-overdue': 10,
  'user-owner-role': 5,
}

/** The Overview's colour bands (react/admin/Overview: green from 80, amber from 50, red below). */
export const BANDS = { healthyFrom: 80, amberFrom: 50 } as const
/** The highest score an account with a CRITICAL finding can have: just below the amber band. */
export const CRITICAL_CAP = BANDS.amberFrom - 1

export type Band = 'HEALTHY' | 'AMBER' | 'RED'
export const bandOf = (score: number): Band =>
  score >= BANDS.healthyFrom
    ? 'HEALTHY'
    : score >= BANDS.amberFrom
    ? 'AMBER'
    : 'RED'

/** What one subject (a key, an external key, or an account rule) costs the score. */
export interface ScoreCost {
  subjectType: SubjectType
  subjectId: string
  subjectLabel: string
  /** its costliest rule; null when the cost is that the key's roles could not be read */
  rule: string | null
  /** every rule that costs points on it, most severe first */
  rules: string[]
  /** its most severe finding; null when its roles could not be read */
  severity: Severity | null
  /** points it takes off the 0–100 score (with its share of the CRITICAL cap), to one decimal */
  points: number
}

export interface Hygiene {
  score: number
  counts: Record<Severity, number>
  /** the score the formula gives before the CRITICAL cap */
  uncapped: number
  /** true when the CRITICAL cap lowered the score */
  capped: boolean
  band: Band
  /** every subject that costs points, costliest first */
  costs: ScoreCost[]
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10
const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)))

export function hygieneScore(
  inventory: Inventory,
  findings: Finding[]
): Hygiene {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<
    Severity,
    number
  >

  findings.forEach((f) => {
    counts[f.severity]++
  })

  const scored = new Set([
    ...inventory.keys.filter((k) => k.isActive).map((k) => k.id),
    ...inventory.externalKeys.map((e) => e.appKey),
  ])

  const unknown = inventory.keys.filter((k) => k.isActive && !k.rolesKnown)
  const lost = new Map<string, number>(unknown.map((k) => [k.id, KEY_CAP]))
  const bySubject = new Map<string, Finding[]>()

  for (const f of findings) {
    if (
      (f.subjectType === 'KEY' || f.subjectType === 'EXTERNAL_KEY') &&
      scored.has(f.subjectId) &&
      SEVERITY_WEIGHT[f.severity] > 0
    ) {
      lost.set(
        f.subjectId,
        Math.min(
          KEY_CAP,
          (lost.get(f.subjectId) ?? 0) + SEVERITY_WEIGHT[f.severity]
        )
      )
      bySubject.set(f.subjectId, [...(bySubject.get(f.subjectId) ?? []), f])
    }
  }

  const denominator = KEY_CAP * scored.size
  const totalLost = [...lost.values()].reduce((a, b) => a + b, 0)
  const keyPart = scored.size ? 100 * (1 - totalLost / denominator) : 100

  const accountFindings = new Map<string, Finding[]>()

  for (const f of findings)
    if (f.rule in ACCOUNT_PENALTY)
      accountFindings.set(f.rule, [...(accountFindings.get(f.rule) ?? []), f])
  // Users whose roles are unknown may hold Owner: their penalty stays until they are read.
  if (
    inventory.usersKnown === false ||
    inventory.users.some((u) => !u.rolesKnown && !u.isBlocked)
  ) {
    if (!accountFindings.has('user-owner-role'))
      accountFindings.set('user-owner-role', [])
  }

  const penalty = [...accountFindings.keys()].reduce(
    (sum, r) => sum + ACCOUNT_PENALTY[r],
    0
  )

  const uncapped = clamp(keyPart - penalty)
  // A key whose roles are unknown may hold Owner: partial data must not lift the cap either.
  const capped =
    (counts.CRITICAL > 0 || unknown.length > 0) && uncapped > CRITICAL_CAP

  const score = capped ? CRITICAL_CAP : uncapped

  // Who costs what: each scored key its share of the key part; each account rule its penalty;
  // the cap's points shared by the subjects of CRITICAL findings (fixing them lifts it). So the
  // costs add up to what the score lacks of 100 (up to rounding).
  const costs = new Map<
    string,
    {
      type: SubjectType
      id: string
      label: string
      findings: Finding[]
      points: number
      rolesUnknown: boolean
    }
  >()

  const cost = (key: string, type: SubjectType, id: string, label: string) => {
    if (!costs.has(key))
      costs.set(key, {
        type,
        id,
        label,
        findings: [],
        points: 0,
        rolesUnknown: false,
      })

    return costs.get(key)!
  }

  for (const k of unknown)
    Object.assign(cost(k.id, 'KEY', k.id, k.label || k.appKey), {
      rolesUnknown: true,
    })
  for (const [id, points] of lost) {
    const fs = bySubject.get(id) ?? []
    const c = cost(
      id,
      fs[0]?.subjectType ?? 'KEY',
      id,
      fs[0]?.subjectLabel ?? id
    )

    c.findings.push(...fs)
    c.points += (100 * points) / denominator
  }

  for (const [rule, fs] of accountFindings) {
    // several users behind one penalty are named together, once
    const c = cost(
      `rule:${rule}`,
      fs.length === 1 ? fs[0].subjectType : 'ACCOUNT',
      fs.length === 1 ? fs[0].subjectId : '',
      fs
        .map((f) => f.subjectLabel)
        .sort()
        .join(', ')
    )

    c.findings.push(...fs)
    c.points += ACCOUNT_PENALTY[rule]
  }

  if (capped) {
    const critical = findings.filter((f) => f.severity === 'CRITICAL')
    const subjects = [
      ...new Set([
        ...critical.map((f) => f.subjectId),
        ...unknown.map((k) => k.id),
      ]),
    ]

    for (const f of critical) {
      const c = cost(f.subjectId, f.subjectType, f.subjectId, f.subjectLabel)

      if (!c.findings.includes(f)) c.findings.push(f)
    }

    for (const id of subjects)
      costs.get(id)!.points += (uncapped - score) / subjects.length
  }

  const ranked: ScoreCost[] = [...costs.values()]
    .map((c) => {
      const fs = [...c.findings].sort(
        (a, b) =>
          severityRank(a.severity) - severityRank(b.severity) ||
          a.rule.localeCompare(b.rule)
      )

      const rules = [...new Set(fs.map((f) => f.rule))]

      return {
        subjectType: c.type,
        subjectId: c.id,
        subjectLabel: c.label,
        rule: c.rolesUnknown ? null : rules[0] ?? null,
        rules,
        severity: c.rolesUnknown ? null : fs[0]?.severity ?? null,
        points: oneDecimal(c.points),
      }
    })
    .filter((c) => c.points > 0)
    .sort(
      (a, b) =>
        b.points - a.points ||
        a.subjectLabel.localeCompare(b.subjectLabel) ||
        a.subjectId.localeCompare(b.subjectId)
    )

  return { score, counts, uncapped, capped, band: bandOf(score), costs: ranked }
}
