// How long a live read of the roles still takes at the pace it has kept so far: at 5,000 keys and
// 1,000 users the read takes from half a minute to several minutes (VTEX's latency, its rate
// limits), and the progress alone ("1,230 of 6,000 … 8 seconds so far") left the admin to work it
// out (walk12). Nothing is said before the pace means anything.

/** Wait this long and this much of the read before estimating. */
const MIN_ELAPSED_SECONDS = 5
const MIN_SHARE_DONE = 0.02

/**
 * Whole minutes left at the average pace so far (0: under a minute), or null while too early to
 * tell or when nothing is left.
 */
export function minutesLeft(
  done: number,
  total: number,
  elapsedSeconds: number
): number | null {
  if (
    done <= 0 ||
    done >= total ||
    elapsedSeconds < MIN_ELAPSED_SECONDS ||
    done / total < MIN_SHARE_DONE
  )
    return null
  const seconds = (elapsedSeconds * (total - done)) / done

  return seconds < 45 ? 0 : Math.max(1, Math.round(seconds / 60))
}
