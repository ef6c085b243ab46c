// Day arithmetic, in one place: the rules, the reminders and the Overview must agree on when a
// key is stale and a review is overdue (they once disagreed at 90.5 days).
export const DAY_MS = 86_400_000

/** Whole days elapsed from `since` to `now` (0 on the creation day; never negative). */
export function ageInDays(since: string, now: Date): number {
  const start = parseTime(since)

  if (Number.isNaN(start)) throw new Error(`not a date: ${since}`)

  return daysSince(start, now)
}

const DAYS_BEFORE_MONTH = [
  0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
]
const digit = (s: string, i: number) => s.charCodeAt(i) - 48
const twoDigits = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1)
const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i)

  return c >= 48 && c <= 57
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** Days from 1970-01-01 to the given day (proleptic Gregorian calendar). */
function daysFromEpoch(y: number, month: number, day: number): number {
  const before = y - 1
  const leapDays =
    Math.floor(before / 4) - Math.floor(before / 100) + Math.floor(before / 400)

  return (
    365 * (y - 1970) +
    leapDays -
    477 + // leap days before 1970
    DAYS_BEFORE_MONTH[month - 1] +
    (month > 2 && isLeap(y) ? 1 : 0) +
    day -
    1
  )
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
/** where the digits of YYYY-MM-DDTHH:MM:SS are, and what the first three of a fraction weigh */
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
const PLACE = [100, 10, 1]

/**
 * `Date.parse` for the form VTEX and Key Steward write times in — `2018-07-04T14:09:08Z`, with
 * or without a fraction of a second (`.2718405Z`, kept to the millisecond as Date.parse does) —
 * four times faster (creation times of 50,000 keys are read after every live read). Anything
 * else, or out of range, is left to Date.parse, so the answer is always Date.parse's.
 */
export function parseTime(s: string): number {
  const n = s.length

  if (
    n < 20 ||
    s.charCodeAt(n - 1) !== 90 || // Z
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 || // T
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return Date.parse(s)
  for (const i of DIGITS) if (!isDigit(s, i)) return Date.parse(s)
  let ms = 0

  if (n > 20) {
    if (s.charCodeAt(19) !== 46 || n === 21) return Date.parse(s) // "."
    for (let i = 20; i < n - 1; i++) {
      if (!isDigit(s, i)) return Date.parse(s)
      if (i < 23) ms += digit(s, i) * PLACE[i - 20]
    }
  }

  const y = twoDigits(s, 0) * 100 + twoDigits(s, 2)
  const month = twoDigits(s, 5)
  const day = twoDigits(s, 8)
  const h = twoDigits(s, 11)
  const min = twoDigits(s, 14)
  const sec = twoDigits(s, 17)

  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > (month === 2 && !isLeap(y) ? 28 : DAYS_IN_MONTH[month - 1]) ||
    h > 23 ||
    min > 59 ||
    sec > 59
  )
    return Date.parse(s)

  return (
    daysFromEpoch(y, month, day) * DAY_MS +
    ((h * 60 + min) * 60 + sec) * 1000 +
    ms
  )
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
 * nextReviewDue as an answer gives it: none when it is no valid date. A damaged review index
 * entry signed near the last day a Date holds (+275760-09-13) passed latestCompleted, and adding
 * the cadence made an invalid date whose toISOString failed the whole Overview.
 */
export function nextReviewDueAt(
  lastCompletedAt: string | null,
  cadenceDays: number
): string | null {
  const due = nextReviewDue(lastCompletedAt, cadenceDays)

  return due && !Number.isNaN(due.getTime()) ? due.toISOString() : null
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
