// Fan-out that adapts to the upstream (issue 13): at most `limit` calls in flight, the limit
// halved when the upstream says it is overloaded (429) and raised by one again after `limit`
// successes in a row, never above the configured ceiling. While a Retry-After is running, no new
// call starts (the calls already in flight finish). Additive increase, multiplicative decrease:
// the same rule TCP uses to share a link it cannot see.

export interface ThrottleState {
  /** calls allowed in flight now */
  limit: number
  /** the configured ceiling */
  ceiling: number
  /** epoch ms until which no new call starts (Retry-After), or 0 */
  pausedUntil: number
  /** 429 answers seen so far */
  throttled: number
}

export class AdaptiveLimiter {
  limit: number
  pausedUntil = 0
  throttled = 0
  private successesAtLimit = 0
  /** the most calls at once that went through before the last 429: above it, probe slowly */
  private safe: number

  constructor(
    readonly ceiling: number,
    private readonly clock: () => number = Date.now
  ) {
    if (!Number.isInteger(ceiling) || ceiling < 1)
      throw new Error(
        `concurrency limit must be a positive integer, got ${ceiling}`
      )
    this.limit = ceiling
    this.safe = ceiling
  }

  /** The upstream refused a call as too many (429): halve the limit, pause for its Retry-After. */
  onThrottled(retryAfterMs: number): void {
    this.throttled++
    const now = this.clock()

    // The calls refused together are one signal: halve once per pause, not once per refusal.
    if (this.pausedUntil <= now) {
      this.safe = Math.max(1, this.limit - 1)
      this.limit = Math.max(1, Math.floor(this.limit / 2))
    }

    this.successesAtLimit = 0
    this.pausedUntil = Math.max(
      this.pausedUntil,
      now + Math.max(0, retryAfterMs)
    )
  }

  onSuccess(): void {
    if (this.limit >= this.ceiling) return
    // Back to the level that worked: one more per round of successes; beyond it, four rounds.
    if (
      ++this.successesAtLimit >=
      this.limit * (this.limit < this.safe ? 1 : 4)
    ) {
      this.limit++
      this.successesAtLimit = 0
    }
  }

  state(): ThrottleState {
    return {
      limit: this.limit,
      ceiling: this.ceiling,
      pausedUntil: this.pausedUntil > this.clock() ? this.pausedUntil : 0,
      throttled: this.throttled,
    }
  }
}

/**
 * Runs fn over items (keeping their order) with at most `limiter.limit` calls in flight, the
 * limit read again before each start, and no start while the limiter is paused.
 */
export async function mapAdaptive<T, R>(
  items: readonly T[],
  limiter: AdaptiveLimiter,
  fn: (item: T, index: number) => Promise<R>,
  sleep: (ms: number) => Promise<void> = (ms) =>
    new Promise((r) => setTimeout(r, ms)),
  clock: () => number = Date.now
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let inFlight = 0
  const worker = async (slot: number) => {
    while (next < items.length) {
      // Slots above the current limit wait; so does everyone during a Retry-After.
      const wait = limiter.pausedUntil - clock()

      if (wait > 0 || slot >= limiter.limit || inFlight >= limiter.limit) {
        await sleep(Math.max(wait, 10))
        continue
      }

      const i = next++

      inFlight++
      try {
        results[i] = await fn(items[i], i)
      } finally {
        inFlight--
      }
    }
  }

  await Promise.all(
    Array.from({ length: Math.min(limiter.ceiling, items.length) }, (_, slot) =>
      worker(slot)
    )
  )

  return results
}
