// A review records each key's findings as they stood at start; a finding raised during the review
// (a storefront scan that finds the key's token, an Owner role added) must count too, or a review
// would sign "no problems" for an exposed key. The open review is read with each key's findings
// now beside those at start: what is new is shown, filtered, counted and confirmed like any
// finding; at sign-off it is stored, so the signed record keeps what the signer saw.
import { SEVERITIES, severityRank } from '../findings'
import type { Review, ReviewFinding, ReviewKey } from './types'

/** A key's findings now, by its review key (none for a key no longer in the account). */
export type FindingsNow = (key: ReviewKey) => ReviewFinding[]

const pair = (f: ReviewFinding) => `${f.severity}:${f.rule}`

/** Findings of `now` whose rule and severity the key did not have at start, once each, most severe first. */
export function newSince(
  atStart: readonly ReviewFinding[],
  now: readonly ReviewFinding[]
): ReviewFinding[] {
  const seen = new Set(atStart.map(pair))
  const fresh: ReviewFinding[] = []

  for (const f of now) {
    if (seen.has(pair(f))) continue
    seen.add(pair(f))
    fresh.push({ rule: f.rule, severity: f.severity, practice: f.practice })
  }

  return fresh.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.rule.localeCompare(b.rule)
  )
}

/**
 * The open review with each key's new findings worked out from its findings now (replacing any
 * worked out before); with `null` (they could not be worked out) it says so. A completed review
 * is returned as signed: its record never changes.
 */
export function withFindingsNow(
  review: Review,
  now: FindingsNow | null
): Review {
  if (review.status !== 'OPEN') return review
  if (!now) return { ...withoutFindingsNow(review), findingsNowUnknown: true }

  const keys = review.keys.map((k) => {
    const fresh = newSince(k.findings, now(k))

    if (fresh.length) return { ...k, newFindings: fresh }
    if (!k.newFindings) return k
    const { newFindings: _gone, ...rest } = k

    return rest
  })

  // The checklist's count at start stays; beside it, the count now (a scan may have found more).
  return {
    ...review,
    keys,
    evidence: {
      ...review.evidence,
      keysHighOrWorseNow: keys.filter((k) =>
        findingsOf(k).some((f) => severityRank(f.severity) <= HIGH)
      ).length,
    },
  }
}

const HIGH = severityRank('HIGH')

/** The open review as stored: without the new findings a read worked out (the record of the start). */
export function withoutFindingsNow(review: Review): Review {
  if (review.status !== 'OPEN') return review
  const { findingsNowUnknown: _unknown, ...stored } = review

  const { keysHighOrWorseNow: _now, ...evidence } = review.evidence
  const atStart = _now === undefined ? stored : { ...stored, evidence }

  if (!review.keys.some((k) => k.newFindings))
    return _unknown || _now !== undefined ? atStart : review

  return {
    ...atStart,
    keys: review.keys.map((k) => {
      if (!k.newFindings) return k
      const { newFindings: _gone, ...rest } = k

      return rest
    }),
  }
}

/** What the review counts for a key: its findings at start and those new since. */
export const findingsOf = (k: ReviewKey): ReviewFinding[] =>
  k.newFindings?.length ? [...k.findings, ...k.newFindings] : k.findings

/** The rank of a key's worst finding (SEVERITIES.length when it has none). */
export const worstRank = (k: ReviewKey): number =>
  Math.min(
    SEVERITIES.length,
    ...findingsOf(k).map((f) => severityRank(f.severity))
  )
