// What it takes to mark a practice Done honestly. A practice whose evidence is adverse (stale
// keys, unfinished renewals, risky keys, too many Owners, exposures …) is Done only with a note
// saying what was done about it; "No keys in client-side code" needs a storefront scan no older
// than the review itself (an older scan cannot vouch for the store as it is now).
import type { Practice } from '../findings'
import { ATTESTED, evidenceFor } from './checklist'
import type { Review } from './types'

export type Gate =
  | { gate: 'ATTESTATION_NOTE' }
  | { gate: 'ADVERSE_NOTE'; evidence: string[] }
  | { gate: 'FRESH_SCAN'; lastScanAt: string | null }

/** Why the practice cannot be marked DONE with this note, or null if it can. */
export function doneGate(
  review: Review,
  practice: Practice,
  note: string
): Gate | null {
  if (practice === 'NO_CLIENT_SIDE') {
    const scan = review.evidence.leakScan

    if (!scan || scan.at < review.startedAt)
      return { gate: 'FRESH_SCAN', lastScanAt: scan?.at ?? null }
  }

  if (ATTESTED.includes(practice))
    return note ? null : { gate: 'ATTESTATION_NOTE' }
  const adverse = evidenceFor(practice, review.evidence)
    .filter((e) => !e.ok)
    .map((e) => e.id)

  return adverse.length && !note
    ? { gate: 'ADVERSE_NOTE', evidence: adverse }
    : null
}

/** Whether a practice's automatic evidence says something needs attention. */
export function isAdverse(review: Review, practice: Practice): boolean {
  return evidenceFor(practice, review.evidence).some((e) => !e.ok)
}
