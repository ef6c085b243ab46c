import { ageInDays, isReviewOverdue } from '../age'
import type { Rule } from './types'

export const reviewOverdue: Rule = {
  id: 'review-overdue',
  practice: 'REASSESS_ACCESS',
  severities: ['MEDIUM'],
  docs: 'No access review was completed within the review cadence (default 90 days, whole days since the last completion), or none ever.',
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
        ...(days !== null ? { daysSince: days } : {}),
      },
    })
  },
}
