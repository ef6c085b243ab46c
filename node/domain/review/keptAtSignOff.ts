// The completed review's kept keys at risk as at sign-off ("N kept keys had a CRITICAL finding",
// "N kept keys' token was found in storefront code") count the findings stored with it: at start
// and those raised during the review (newFindings, stored at sign-off). A review signed before the
// app stored them holds the findings at start only, so its counts could be ones the signer never
// saw (lower: an exposure found during the review is missing). Such a review gets no number
// rather than a wrong one (attack12; fixQ for keptCritical, left12 for keptExposed).
import { keptCritical, keptExposed } from './keptAtRisk'
import type { Review, ReviewKey } from './types'

/**
 * Whether a review holds the findings its signer saw: an open review (worked out when read), or
 * a completed one signed since the sign-off stores them. That sign-off always stores the count
 * of HIGH or CRITICAL keys now (keysHighOrWorseNow); a key's newFindings also tells.
 */
export const holdsFindingsSeen = (review: Review): boolean =>
  review.status === 'OPEN' ||
  review.evidence.keysHighOrWorseNow !== undefined ||
  review.keys.some((k) => k.newFindings !== undefined)

/** How many of `kept`'s keys, or null when the review does not hold what its signer saw and a
 * key was kept (with none kept, nothing could have been counted: 0). */
function atSignOff(
  review: Review,
  kept: (r: Review) => ReviewKey[]
): number | null {
  if (holdsFindingsSeen(review)) return kept(review).length
  const keptAny = Object.values(review.decisions).some(
    (d) => d?.decision === 'KEEP'
  )

  return keptAny ? null : 0
}

/** Kept keys with a CRITICAL finding, as at sign-off (null: not recorded). */
export const keptCriticalAtSignOff = (review: Review): number | null =>
  atSignOff(review, keptCritical)

/** Kept keys whose token a storefront scan found, as at sign-off (null: not recorded). */
export const keptExposedAtSignOff = (review: Review): number | null =>
  atSignOff(review, keptExposed)
