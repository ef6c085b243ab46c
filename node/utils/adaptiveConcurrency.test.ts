import { AdaptiveLimiter, mapAdaptive } from './adaptiveConcurrency'

describe('AdaptiveLimiter', () => {
  it('halves on 429, pauses for the Retry-After, then climbs back by one per full round of successes', () => {
    let now = 1_000
    const l = new AdaptiveLimiter(8, () => now)

    l.onThrottled(2_000)
    expect(l.state()).toEqual({
      limit: 4,
      ceiling: 8,
      pausedUntil: 3_000,
      throttled: 1,
    })
    // refused together with the first: the same signal, no second halving; nor a shorter pause
    l.onThrottled(500)
    expect(l.state()).toEqual({
      limit: 4,
      ceiling: 8,
      pausedUntil: 3_000,
      throttled: 2,
    })
    now = 3_001
    expect(l.state().pausedUntil).toBe(0)
    l.onThrottled(0) // a refusal after the pause is a new signal
    expect(l.limit).toBe(2)
    for (let i = 0; i < 2; i++) l.onSuccess()
    expect(l.limit).toBe(3)
    // 3 was the level that worked before the last 429: above it, growth is four times slower
    for (let i = 0; i < 3 * 4; i++) l.onSuccess()
    expect(l.limit).toBe(4)
    for (let i = 0; i < 4 * 4 + 5 * 4 + 6 * 4 + 7 * 4; i++) l.onSuccess()
    expect(l.limit).toBe(8)
    for (let i = 0; i < 50; i++) l.onSuccess()
    expect(l.limit).toBe(8) // never above the configured ceiling
  })

  it('never goes below one call at a time', () => {
    let now = 0
    const l = new AdaptiveLimiter(2, () => now)

    for (let i = 0; i < 5; i++) {
      l.onThrottled(0)
      now++
    }

    expect(l.limit).toBe(1)
  })

  it('refuses a bad ceiling', () => {
    expect(() => new AdaptiveLimiter(0)).toThrow('positive integer')
  })
})

describe('mapAdaptive', () => {
  it('keeps order, stays within the limit, and runs fewer at once after a 429', async () => {
    const l = new AdaptiveLimiter(6)
    let inFlight = 0
    const peaks: number[] = []
    const out = await mapAdaptive(
      Array.from({ length: 40 }, (_, i) => i),
      l,
      async (n, i) => {
        inFlight++
        peaks[i] = inFlight
        await new Promise((r) => setTimeout(r, 2))
        // the 10th call is refused as too many: the limiter is told, as the client does
        if (i === 10) l.onThrottled(30)
        else l.onSuccess()
        inFlight--

        return n * 2
      }
    )

    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 2))
    expect(Math.max(...peaks)).toBeLessThanOrEqual(6)
    expect(Math.max(...peaks.slice(0, 10))).toBe(6)
    // right after the 429 the limit is 3; calls started then see at most the calls still finishing
    expect(l.state().throttled).toBe(1)
  })

  it('starts nothing while paused by a Retry-After', async () => {
    let now = 0
    const l = new AdaptiveLimiter(4, () => now)

    l.onThrottled(1_000)
    const started: number[] = []
    const sleeps: number[] = []
    const sleep = async (ms: number) => {
      sleeps.push(ms)
      now += ms
    }

    await mapAdaptive(
      [1, 2],
      l,
      async (n) => {
        started.push(now)

        return n
      },
      sleep,
      () => now
    )
    expect(Math.min(...started)).toBeGreaterThanOrEqual(1_000)
    expect(sleeps.length).toBeGreaterThan(0)
  })
})
