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
import { severityRank } from './findings'
import type { Finding, SubjectType, Severity } from './findings'
import type { KeyFindings } from './findingsByKey'
import { findingsByKey } from './findingsByKey'
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
  /**
   * of `points`, its share of the CRITICAL cap (to one decimal; 0 when the cap does not hold):
   * what fixing its CRITICAL finding gives back on top of its own findings' points
   */
  capPoints: number
  /**
   * true when the rule could not be checked (the admin user list, or some users' roles, could not
   * be read): its penalty is kept until it can be, and the Overview says why
   */
  unchecked?: boolean
  /**
   * true for the review-overdue cost when no access review was ever completed: the Overview
   * names it "No access review completed yet", not overdue (the rule's `never` param)
   */
  neverReviewed?: boolean
}

export interface Hygiene {
  score: number
  counts: Record<Severity, number>
  /** the score the formula gives before the CRITICAL cap */
  uncapped: number
  /** true when the CRITICAL cap lowered the score */
  capped: boolean
  band: Band
  /** the subjects that cost points, costliest first (all of them, or the `top` asked for) */
  costs: ScoreCost[]
}

/** How many costs the Overview names (and requests work out in full). */
export const TOP_COSTS = 5

const oneDecimal = (n: number) => Math.round(n * 10) / 10
const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)))
const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const weight = (f: Finding) => SEVERITY_WEIGHT[f.severity]
const weighs = (f: Finding) => weight(f) > 0

/** A key's (or external key's) lost weight: every finding's, capped at KEY_CAP. */
function lostBy(findings: Finding[] | undefined): number {
  let lost = 0

  if (findings) for (const f of findings) lost += SEVERITY_WEIGHT[f.severity]

  return Math.min(KEY_CAP, lost)
}

/** A subject that costs points, before it is described: only the costliest are described. */
interface Candidate {
  points: number
  describe(): ScoreCost
}

function describe(
  subjectType: SubjectType,
  subjectId: string,
  subjectLabel: string,
  findings: Finding[],
  rolesUnknown: boolean,
  points: number,
  capPoints = 0
): ScoreCost {
  // its findings most severe first (then by rule), and the distinct rules in that order
  const fs =
    findings.length > 1
      ? [...findings].sort(
          (a, b) =>
            severityRank(a.severity) - severityRank(b.severity) ||
            plain(a.rule, b.rule)
        )
      : findings

  const rules: string[] = []

  for (const f of fs) if (!rules.includes(f.rule)) rules.push(f.rule)

  return {
    subjectType,
    subjectId,
    subjectLabel,
    rule: rolesUnknown ? null : rules[0] ?? null,
    rules,
    severity: rolesUnknown ? null : fs[0]?.severity ?? null,
    points,
    capPoints: Math.min(points, capPoints),
    ...(fs.some(neverReviewed) ? { neverReviewed: true } : {}),
  }
}

/** A review-overdue finding of an account that never completed a review (rules/reviewOverdue.ts). */
export const neverReviewed = (f: Finding): boolean =>
  f.rule === 'review-overdue' && !!f.params.never

/**
 * The `top` costliest, in order; equal points keep the order they were offered in. Keys are
 * offered by position (so by label) as plain numbers, and only the ones kept are described.
 */
class Ranking {
  private kept: Candidate[] = []

  constructor(private readonly top: number) {}

  /** the points a candidate needs to be kept (strictly more than the last one kept) */
  get bar(): number {
    return this.top === Infinity || this.kept.length < this.top
      ? 0
      : this.kept[this.kept.length - 1].points
  }

  offer(points: number, describeIt: () => ScoreCost) {
    if (points <= 0 || (this.kept.length >= this.top && points <= this.bar))
      return
    const candidate = { points, describe: describeIt }

    // Everything asked for: kept in offer order and sorted (stably) once at the end.
    if (this.top === Infinity) {
      this.kept.push(candidate)

      return
    }

    let at = this.kept.length

    while (at > 0 && this.kept[at - 1].points < points) at--
    this.kept.splice(at, 0, candidate)
    if (this.kept.length > this.top) this.kept.pop()
  }

  result(): ScoreCost[] {
    if (this.top === Infinity) this.kept.sort((a, b) => b.points - a.points)

    return this.kept.map((c) => c.describe())
  }
}

// Worked out on every page that shows the score, so at 50,000 keys it must cost milliseconds:
// each key's findings come by its position (the engine's `byKey`, or grouped here), the score
// is added up in plain numbers, and only the costliest `top` subjects are described.
export function hygieneScore(
  inventory: Inventory,
  findings: Finding[],
  byKey: KeyFindings = findingsByKey(inventory.keys, findings),
  top = Infinity
): Hygiene {
  const counts: Record<Severity, number> = {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    INFO: 0,
  }

  // Findings that can cost an external key points; account rules; CRITICAL findings.
  const weighed = new Map<string, Finding[]>()
  const accountFindings = new Map<string, Finding[]>()
  const critical: Finding[] = []

  for (const f of findings) {
    counts[f.severity]++
    if (f.severity === 'CRITICAL') critical.push(f)
    if (f.rule in ACCOUNT_PENALTY) {
      const list = accountFindings.get(f.rule)

      if (list) list.push(f)
      else accountFindings.set(f.rule, [f])
    }

    if (weighs(f) && f.subjectType === 'EXTERNAL_KEY') {
      const list = weighed.get(f.subjectId)

      if (list) list.push(f)
      else weighed.set(f.subjectId, [f])
    }
  }

  // What each scored subject lost: active keys by position, then registered external keys.
  const { keys } = inventory
  const lost = new Float64Array(keys.length)
  const unknown: number[] = []
  let scored = 0
  let totalLost = 0

  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]

    if (!k.isActive) continue
    scored++
    if (!k.rolesKnown) unknown.push(i)
    lost[i] = k.rolesKnown ? Math.min(KEY_CAP, byKey.sum(i, weight)) : KEY_CAP
    totalLost += lost[i]
  }

  const externalLost = inventory.externalKeys.map((e) => {
    const points = lostBy(weighed.get(e.appKey))

    scored++
    totalLost += points

    return points
  })

  const denominator = KEY_CAP * scored
  const keyPart = scored ? 100 * (1 - totalLost / denominator) : 100

  // Users whose roles are unknown may hold Owner: their penalty stays until they are read.
  if (
    inventory.usersKnown === false ||
    inventory.users.some((u) => !u.rolesKnown && !u.isBlocked)
  ) {
    if (!accountFindings.has('user-owner-role'))
      accountFindings.set('user-owner-role', [])
  }

  let penalty = 0

  for (const r of accountFindings.keys()) penalty += ACCOUNT_PENALTY[r]

  const uncapped = clamp(keyPart - penalty)
  // A key whose roles are unknown may hold Owner: partial data must not lift the cap either.
  const capped =
    (counts.CRITICAL > 0 || unknown.length > 0) && uncapped > CRITICAL_CAP

  const score = capped ? CRITICAL_CAP : uncapped

  // Who costs what: each scored key its share of the key part; each account rule its penalty;
  // the cap's points shared by the subjects of CRITICAL findings and keys whose roles are
  // unknown (fixing them lifts it). So the costs add up to what the score lacks of 100.
  const sharing = new Set<string>()

  if (capped) {
    for (const f of critical) sharing.add(f.subjectId)
    for (const i of unknown) sharing.add(keys[i].id)
  }

  const share = sharing.size ? (uncapped - score) / sharing.size : 0
  const shareOf = (id: string) => (sharing.delete(id) ? share : 0)
  const criticalOf = (id: string) => critical.filter((f) => f.subjectId === id)
  const ranking = new Ranking(top)
  // The keys among them, flagged by position: those with a CRITICAL finding of their own, and
  // those whose roles are unknown (no hash per key).
  const sharesCap = new Uint8Array(keys.length)

  if (sharing.size) {
    for (const i of unknown) sharesCap[i] = 1
    // the keys with a CRITICAL finding of their own, by the positions the findings came with
    const { at } = byKey

    byKey.findings.forEach((f, j) => {
      if (f.severity === 'CRITICAL' && at[j] >= 0) sharesCap[at[j]] = 1
    })
  }

  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    let points = lost[i] ? (100 * lost[i]) / denominator : 0
    const capShare = sharesCap[i] ? shareOf(k.id) : 0

    points += capShare
    const rounded = oneDecimal(points)

    if (rounded <= 0 || rounded <= ranking.bar) continue
    ranking.offer(rounded, () =>
      describe(
        'KEY',
        k.id,
        k.label || k.appKey,
        k.isActive ? byKey.of(i).filter(weighs) : criticalOf(k.id), // an inactive key costs only its share of the cap
        k.isActive && !k.rolesKnown,
        rounded,
        oneDecimal(capShare)
      )
    )
  }

  inventory.externalKeys.forEach((e, n) => {
    const fs = weighed.get(e.appKey) ?? []
    const capShare = shareOf(e.appKey)
    const rounded = oneDecimal((100 * externalLost[n]) / denominator + capShare)

    ranking.offer(rounded, () =>
      describe(
        fs[0]?.subjectType ?? 'EXTERNAL_KEY',
        e.appKey,
        // named by its account, as the key list names it (the Admin adds an External tag)
        e.account,
        [...fs, ...criticalOf(e.appKey).filter((f) => !fs.includes(f))],
        false,
        rounded,
        oneDecimal(capShare)
      )
    )
  })

  for (const [rule, fs] of accountFindings) {
    // kept with no finding behind it (users unread): named by its rule, said to be unchecked
    if (!fs.length) {
      ranking.offer(ACCOUNT_PENALTY[rule], () => ({
        subjectType: 'ACCOUNT',
        subjectId: '',
        subjectLabel: '',
        rule,
        rules: [rule],
        severity: null,
        points: ACCOUNT_PENALTY[rule],
        capPoints: 0,
        unchecked: true,
      }))
      continue
    }

    // several users behind one penalty are named together, once
    ranking.offer(ACCOUNT_PENALTY[rule], () =>
      describe(
        fs.length === 1 ? fs[0].subjectType : 'ACCOUNT',
        fs.length === 1 ? fs[0].subjectId : '',
        fs
          .map((f) => f.subjectLabel)
          .sort()
          .join(', '),
        fs,
        false,
        ACCOUNT_PENALTY[rule]
      )
    )
  }

  // CRITICAL subjects that are neither keys nor external keys (the account, a user, an
  // exposed appKey of no key here) cost their share of the cap alone.
  for (const id of sharing) {
    const fs = criticalOf(id)
    const rounded = oneDecimal(share)

    ranking.offer(rounded, () =>
      describe(
        fs[0].subjectType,
        id,
        fs[0].subjectLabel,
        fs,
        false,
        rounded,
        rounded
      )
    )
  }

  return {
    score,
    counts,
    uncapped,
    capped,
    band: bandOf(score),
    costs: ranking.result(),
  }
}
