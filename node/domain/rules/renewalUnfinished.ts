import { ageInDays } from '../age'
import { isPending } from '../renewals'
import type { Rule } from './types'

export const renewalUnfinished: Rule = {
  id: 'renewal-unfinished',
  practice: 'RENEW_TOKENS',
  severities: ['MEDIUM'],
  docs: 'An active key whose token renewal was started (through Key Steward) and not finished more than the grace period ago (whole days): its old token is still valid. Finish the renewal once integrations use the new token. A renewal VTEX later said was no longer pending, or one whose renew request got no answer, does not count.',
  reads: ['renewals', 'settings', 'now'],
  evaluate(input, shared, report) {
    const grace = input.settings.renewalGraceDays

    const { keys } = input.inventory
    const { renewals } = shared // worked out once, when first asked

    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]
      const renewal = renewals[i]

      // Only a renewal VTEX confirmed: one whose outcome is unknown is explained on the key page.
      if (!key.isActive || !renewal || !isPending(renewal)) continue
      const days = ageInDays(renewal.startedAt, input.now)

      if (days > grace)
        report.key(i, 'MEDIUM', {
          startedDaysAgo: days,
          graceDays: grace,
        })
    }
  },
}
