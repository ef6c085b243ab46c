// The day the next access review would be due if the open one were signed off at `now`, for the
// sign-off dialog (resolvers/review.ts): the cadence from now, as the Overview counts it from the
// last sign-off (age.ts nextReviewDueAt, which gives none for a date that cannot be). A cadence
// that is not a number (a damaged settings document) gives none too, rather than an error that
// fails the field and with it the whole review page.
import { nextReviewDueAt } from '../age'

export const nextDueFrom = (now: Date, cadenceDays: unknown): string | null =>
  typeof cadenceDays === 'number'
    ? nextReviewDueAt(now.toISOString(), cadenceDays)
    : null
