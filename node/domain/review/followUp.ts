// The follow-up of a review's decisions: a decision other than KEEP asks for a change in VTEX,
// and signing the review does not make it. These counts say how many such changes were carried
// out through Key Steward, are in progress or have not started, so a signed review never reads
// as "all handled" while its changes wait.
import type { CarryOutStatus } from './machine'
import { carryOutStatus } from './machine'
import type { KeyDecision, Review } from './types'
import { findingsOf } from './findingsNow'

export interface FollowUp {
  /** decisions that ask for a change (ROTATE, REDUCE_ROLES, DEACTIVATE) */
  changesAsked: number
  changesCarriedOut: number
  changesInProgress: number
  changesNotStarted: number
  /** changes not carried out yet on keys with a CRITICAL finding (sign-off reminds of them) */
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

/** KEEP leaves the key as it is: there is nothing to carry out. */
export const asksForChange = (d: KeyDecision | undefined): d is KeyDecision =>
  !!d && d.decision !== 'KEEP'

/** Whether a key's decision fits a carry-out filter (only decisions asking for a change do). */
export function carryOutMatches(
  d: KeyDecision | undefined,
  filter: CarryOutFilter
): boolean {
  if (!asksForChange(d)) return false
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

  // Only the review's keys: a decision is stored per key id of the snapshot.
  for (const k of review.keys) {
    const d = review.decisions[k.id]

    if (!asksForChange(d)) continue
    const status = carryOutStatus(d)

    counts[status] += 1
    if (
      status !== 'CARRIED_OUT' &&
      findingsOf(k).some((f) => f.severity === 'CRITICAL')
    )
      criticalChangesPending += 1
  }

  return {
    changesAsked: counts.NOT_STARTED + counts.IN_PROGRESS + counts.CARRIED_OUT,
    changesCarriedOut: counts.CARRIED_OUT,
    changesInProgress: counts.IN_PROGRESS,
    changesNotStarted: counts.NOT_STARTED,
    criticalChangesPending,
  }
}
