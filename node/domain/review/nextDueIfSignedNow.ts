// The day the next access review would be due if the open one were signed off at `now`, for the
// sign-off dialog (resolvers/review.ts): the cadence from now, as the Overview counts it from the
// last sign-off (age.ts nextReviewDue). A cadence that gives no date (a damaged settings
// document: not a number, or so large the date is invalid) gives none, rather than an invalid
// date that fails the field and with it the whole review page.
import { nextReviewDue } from '../age'

export function nextDueFrom(now: Date, cadenceDays: unknown): string | null {
  if (typeof cadenceDays !== 'number' || !Number.isFinite(cadenceDays))
    return null
  const due = nextReviewDue(now.toISOString(), cadenceDays)

  return due && !Number.isNaN(due.getTime()) ? due.toISOString() : null
}
