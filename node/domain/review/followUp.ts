// The follow-up of a review's decisions: a decision other than KEEP asks for a change in VTEX,
// and signing the review does not make it. These counts say how many such changes were carried
// out through Key Steward, are in progress or have not started, so a signed review never reads
// as "all handled" while its changes wait. A change asked on another account's key is made in
// VTEX, outside Key Steward, which cannot follow it: it is counted apart (changesOutside), never
// as "not carried out yet", which it would read forever.
import type { CarryOutStatus } from './machine'
import { carryOutStatus } from './machine'
import type { KeyDecision, Review, ReviewKey } from './types'
import { asksForChange } from './types'
import { findingsOf } from './findingsNow'
import { changeMadeOutside, standingDecision } from './externalKeyDecisions'

export interface FollowUp {
  /** decisions that ask for a change (ROTATE, REDUCE_ROLES, DEACTIVATE): the sum of the four
   * counts below */
  changesAsked: number
  changesCarriedOut: number
  changesInProgress: number
  changesNotStarted: number
  /** changes asked on external keys: made in VTEX, outside Key Steward, which cannot track them */
  changesOutside: number
  /** changes not made yet as far as Key Steward knows on keys with a CRITICAL finding, external
   * keys included (sign-off reminds that these keys keep their access until the change is made) */
  criticalChangesPending: number
}

/** Which decisions the table shows by their follow-up: a status, or any not carried out yet. */
export const CARRY_OUT_FILTERS = [
  'NOT_CARRIED_OUT',
  'NOT_STARTED',
  'IN_PROGRESS',
  'CARRIED_OUT',
] as const
export type CarryOutFilter = (typeof CARRY_OUT_FILTERS)[number]

export { asksForChange }

/** Whether a key's decision fits a carry-out filter (only decisions asking for a change that
 * Key Steward can follow do: not those on external keys). */
export function carryOutMatches(
  key: ReviewKey,
  d: KeyDecision | undefined,
  filter: CarryOutFilter
): boolean {
  if (!asksForChange(d) || changeMadeOutside(key)) return false
  const status = carryOutStatus(d)

  return filter === 'NOT_CARRIED_OUT'
    ? status !== 'CARRIED_OUT'
    : status === filter
}

export function followUpOf(review: Review): FollowUp {
  const counts: Record<CarryOutStatus, number> = {
    NOT_STARTED: 0,
    IN_PROGRESS: 0,
    CARRIED_OUT: 0,
  }

  let criticalChangesPending = 0
  let changesOutside = 0

  // Only the review's keys: a decision is stored per key id of the snapshot.
  for (const k of review.keys) {
    // an open review's Rotate or Deactivate on an external key asks nothing: it is to be chosen again
    const d = standingDecision(review, k)

    if (!asksForChange(d)) continue
    const outside = changeMadeOutside(k)
    const status = carryOutStatus(d)

    if (outside) changesOutside += 1
    else counts[status] += 1
    if (
      (outside || status !== 'CARRIED_OUT') &&
      findingsOf(k).some((f) => f.severity === 'CRITICAL')
    )
      criticalChangesPending += 1
  }

  return {
    changesAsked:
      counts.NOT_STARTED +
      counts.IN_PROGRESS +
      counts.CARRIED_OUT +
      changesOutside,
    changesCarriedOut: counts.CARRIED_OUT,
    changesInProgress: counts.IN_PROGRESS,
    changesNotStarted: counts.NOT_STARTED,
    changesOutside,
    criticalChangesPending,
  }
}
