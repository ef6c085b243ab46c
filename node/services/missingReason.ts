// Why a part of a live read is missing (a role list, a user list, a key's roles), as data worded
// in the reader's language (inventory.reason.*, upstream.cause): never an upstream's free text.
import { shownCause, UpstreamError } from '../clients/retry'
import type { Wording } from '../domain/wording'
import { wording } from '../domain/wording'

/** Why a part of the live read failed, worded for the partial banner and the daily scan. */
export function reasonOf(e: unknown): Wording {
  if (!(e instanceof UpstreamError))
    return wording('inventory.reason.unexpected')
  // never sent (no time left before the deadline): no "after 0 attempts"
  if (e.attempts === 0) return shownCause(e)

  return wording('inventory.reason.upstream', {
    cause: shownCause(e),
    attempts: e.attempts,
    deadline: e.deadlineReached ? 'yes' : 'no',
  })
}
