// Day arithmetic, in one place: the rules, the reminders and the Overview must agree on when a
// key is stale and a review is overdue (they once disagreed at 90.5 days).
export const DAY_MS = 86_400_000

/** Whole days elapsed from `since` to `now` (0 on the creation day; never negative). */
export function ageInDays(since: string, now: Date): number {
  const start = Date.parse(since)

  if (Number.isNaN(start)) throw new Error(`not a date: ${since}`)

  return daysSince(start, now)
}

/** ageInDays for a time already parsed (keyFacts.ts keeps each key's creation time). */
export function daysSince(startMs: number, now: Date): number {
  if (Number.isNaN(startMs)) throw new Error(`not a date: ${startMs}`)

  return Math.max(0, Math.floor((now.getTime() - startMs) / DAY_MS))
}

export function addDays(at: string | Date, days: number): Date {
  return new Date(
    (typeof at === 'string' ? Date.parse(at) : at.getTime()) + days * DAY_MS
  )
}

/** The day the next access review is due: `cadenceDays` after the last one (null: none yet). */
export function nextReviewDue(
  lastCompletedAt: string | null,
  cadenceDays: number
): Date | null {
  return lastCompletedAt ? addDays(lastCompletedAt, cadenceDays) : null
}

/**
 * Overdue once more whole days than the cadence have passed since the last completed review
 * (with a 90-day cadence, day 90 is still on time, day 91 is overdue), or when there was none.
 */
export function isReviewOverdue(
  lastCompletedAt: string | null,
  cadenceDays: number,
  now: Date
): boolean {
  return (
    lastCompletedAt === null || ageInDays(lastCompletedAt, now) > cadenceDays
  )
}
