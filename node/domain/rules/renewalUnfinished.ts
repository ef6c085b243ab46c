import { ageInDays } from '../age'
import { isPending } from '../renewals'
import { keyFinding } from './helpers'
import type { Rule } from './types'

export const renewalUnfinished: Rule = {
  id: 'renewal-unfinished',
  practice: 'RENEW_TOKENS',
  severities: ['MEDIUM'],
  docs: 'An active key whose token renewal was started (through Key Steward) and not finished more than the grace period ago (whole days): its old token is still valid. Finish the renewal once integrations use the new token. A renewal VTEX later said was no longer pending, or one whose renew request got no answer, does not count.',
  evaluate(input) {
    return input.inventory.keys.flatMap((key) => {
      const renewal = input.renewals[key.id]

      // Only a renewal VTEX confirmed: one whose outcome is unknown is explained on the key page.
      if (!key.isActive || !isPending(renewal)) return []
      const days = ageInDays(renewal.startedAt, input.now)

      return days > input.settings.renewalGraceDays
        ? [
            keyFinding(this, key, 'MEDIUM', {
              startedDaysAgo: days,
              graceDays: input.settings.renewalGraceDays,
            }),
          ]
        : []
    })
  },
}
