// The completed review's "N kept keys had a CRITICAL finding when the review was signed" counts
// the findings stored with it: at start and those raised during the review (newFindings, stored
// at sign-off). A review signed before the app stored them holds the findings at start only, so
// its count could be one the signer never saw (lower: an exposure found during the review is
// missing). Such a review gets no number rather than a wrong one (attack12).
import { keptCritical } from './keptAtRisk'
import type { Review } from './types'

/**
 * Whether a review holds the findings its signer saw: an open review (worked out when read), or
 * a completed one signed since the sign-off stores them. That sign-off always stores the count
 * of HIGH or CRITICAL keys now (keysHighOrWorseNow); a key's newFindings also tells.
 */
export const holdsFindingsSeen = (review: Review): boolean =>
  review.status === 'OPEN' ||
  review.evidence.keysHighOrWorseNow !== undefined ||
  review.keys.some((k) => k.newFindings !== undefined)

/** Kept keys with a CRITICAL finding, or null when the review does not hold what its signer saw
 * and a key was kept (with none kept, nothing could have been counted: 0). */
export function keptCriticalAtSignOff(review: Review): number | null {
  if (holdsFindingsSeen(review)) return keptCritical(review).length
  const keptAny = Object.values(review.decisions).some(
    (d) => d?.decision === 'KEEP'
  )

  return keptAny ? null : 0
}
