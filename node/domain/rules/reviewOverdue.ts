import { ageInDays, isReviewOverdue } from '../age'
import type { Rule } from './types'

export const reviewOverdue: Rule = {
  id: 'review-overdue',
  practice: 'REASSESS_ACCESS',
  severities: ['MEDIUM'],
  docs: 'No access review was completed within the review cadence (default 90 days, whole days since the last completion), or none ever: never reviewing is a gap too, and costs the same. The finding then says no review was completed yet (param `never`), not that one is overdue.',
  reads: ['lastReview', 'settings', 'now', 'account'],
  evaluate(input, _shared, report) {
    const last = input.lastReviewCompletedAt
    const days = last ? ageInDays(last, input.now) : null

    if (!isReviewOverdue(last, input.settings.reviewCadenceDays, input.now))
      return

    report.other({
      rule: this.id,
      severity: 'MEDIUM' as const,
      practice: this.practice,
      subjectType: 'ACCOUNT' as const,
      subjectId: input.account,
      subjectLabel: input.account,
      params: {
        account: input.account,
        cadenceDays: input.settings.reviewCadenceDays,
        // day one is not "overdue": the finding and its cost are named as never reviewed
        ...(days !== null ? { daysSince: days } : { never: 1 }),
      },
    })
  },
}
