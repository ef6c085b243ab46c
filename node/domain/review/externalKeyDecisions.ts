// A key of another account (ReviewKey.external) holds roles here, but its token and its page
// belong to that account: Key Steward cannot renew, deactivate or edit it. What the store can do
// is keep it, or remove or reduce its roles in VTEX's User management, where Key Steward cannot
// follow it. So a review offers only those two decisions on it (the service refuses the others)
// and its follow-up counts them apart, as made outside Key Steward (followUp.ts).
import type { Decision, KeyDecision, Review, ReviewKey } from './types'

/** The decisions a review may take on an external key. */
export const EXTERNAL_KEY_DECISIONS: readonly Decision[] = [
  'KEEP',
  'REDUCE_ROLES',
]

/** Whether a decision fits the key (every decision fits a key of this account). */
export const decisionFitsKey = (key: ReviewKey, decision: Decision) =>
  !key.external || EXTERNAL_KEY_DECISIONS.includes(decision)

/** A change asked on an external key is made outside Key Steward, which cannot track it. */
export const changeMadeOutside = (key: ReviewKey) => !!key.external

/**
 * A key's decision as it stands. In an open review, a decision that does not fit the key (a
 * Rotate or Deactivate stored on an external key before the service refused them) is none: the
 * Admin shows "Choose…" for it, progress counts the key undecided, its follow-up asks nothing,
 * and sign-off waits for Keep or Reduce roles as for any undecided key. A signed review keeps
 * what was signed.
 */
export function standingDecision(
  review: Pick<Review, 'status' | 'decisions'>,
  key: ReviewKey
): KeyDecision | undefined {
  const d = review.decisions[key.id]

  return d && review.status === 'OPEN' && !decisionFitsKey(key, d.decision)
    ? undefined
    : d
}
