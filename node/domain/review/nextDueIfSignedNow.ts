// The day the next access review would be due if the open one were signed off at `now`, for the
// sign-off dialog (resolvers/review.ts). A cadence the settings page would not save (a damaged
// settings document: not a whole number, out of its limits) gives no date, rather than a wrong
// one or an invalid date that fails the field.
import { nextReviewDue } from '../age'
import { INT_LIMITS } from '../settings'

export function nextDueFrom(now: Date, cadenceDays: unknown): string | null {
  const { min, max } = INT_LIMITS.reviewCadenceDays

  if (
    typeof cadenceDays !== 'number' ||
    !Number.isInteger(cadenceDays) ||
    cadenceDays < min ||
    cadenceDays > max
  )
    return null

  return nextReviewDue(now.toISOString(), cadenceDays)?.toISOString() ?? null
}
