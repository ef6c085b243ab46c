const DAY_MS = 86_400_000

/** Whole days elapsed from `since` to `now` (0 on the creation day; never negative). */
export function ageInDays(since: string, now: Date): number {
  const start = Date.parse(since)
  if (Number.isNaN(start)) throw new Error(`not a date: ${since}`)
  return Math.max(0, Math.floor((now.getTime() - start) / DAY_MS))
}
