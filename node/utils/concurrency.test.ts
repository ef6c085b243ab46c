import { mapWithConcurrency } from './concurrency'

describe('mapWithConcurrency', () => {
  it('keeps order and never exceeds the limit', async () => {
    let inFlight = 0
    let peak = 0
    const out = await mapWithConcurrency(
      [5, 1, 4, 2, 3, 0, 6],
      3,
      async (n) => {
        inFlight++
        peak = Math.max(peak, inFlight)
        await new Promise((r) => setTimeout(r, n))
        inFlight--

        return n * 10
      }
    )

    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60])
    expect(peak).toBe(3)
  })

  it('handles an empty list and refuses a bad limit', async () => {
    await expect(mapWithConcurrency([], 4, async (x) => x)).resolves.toEqual([])
    await expect(mapWithConcurrency([1], 0, async (x) => x)).rejects.toThrow(
      'positive integer'
    )
  })
})
