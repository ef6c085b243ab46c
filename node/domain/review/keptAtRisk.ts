// Kept keys the sign-off names: signing leaves them as they are. Worked out from the review's keys
// and their findings at start and since (findingsNow.ts); a completed review holds the new findings
// the signer saw, so on it these are the sign-off's numbers, never recomputed from later data.
import { findingsOf } from './findingsNow'
import type { Review, ReviewFinding, ReviewKey } from './types'

/** exposed-client-side is CRITICAL when a token sits next to the appKey and HIGH for the appKey
 * alone (rules/exposedClientSide.ts): only the first leaves a credential in the code. */
export const isTokenExposed = (f: ReviewFinding) =>
  f.rule === 'exposed-client-side' && f.severity === 'CRITICAL'

const kept = (review: Review, has: (f: ReviewFinding) => boolean) =>
  review.keys.filter(
    (k: ReviewKey) =>
      review.decisions[k.id]?.decision === 'KEEP' && findingsOf(k).some(has)
  )

/** Keys kept (justified or not) whose token a storefront scan found, at start or since: signing
 * leaves that token in use. A key whose appKey alone was found is not one of them. */
export const keptExposed = (review: Review): ReviewKey[] =>
  kept(review, isTokenExposed)

/** Keys kept (justified or not) with a CRITICAL finding, at start or since: Owner access, a token
 * in storefront code… stay as they were. */
export const keptCritical = (review: Review): ReviewKey[] =>
  kept(review, (f) => f.severity === 'CRITICAL')
