import { daysSince } from '../age'
import { isPending, renewalStatus, tokenAge } from '../renewals'
import type { PolicyInput, Rule } from './types'

/** Grace beyond the period before MEDIUM becomes HIGH (VTEX shows orange, then red). */
export const HIGH_AFTER_OVERDUE_DAYS = 90

/** When the token in use was last rotated, as far as Key Steward knows (domain/renewals). */
export function rotatedAt(
  input: PolicyInput,
  keyId: string,
  createdAt: string
): string {
  return tokenAge({ createdAt }, input.renewals[keyId], input.now).since
}

export const keyAgeExceeded: Rule = {
  id: 'key-age-exceeded',
  practice: 'ROTATE_KEYS',
  severities: ['HIGH', 'MEDIUM'],
  docs: "An active key whose token age, counted in whole days from the latest of the key's creation, a token renewal finished through Key Steward, a renewal done in VTEX's Admin that an admin recorded, or (while a renewal is pending) the creation of the token in use as VTEX reported it, is more than the rotation period. MEDIUM up to 90 days past the period, HIGH beyond. Inactive keys never. While a renewal is pending the message asks to finish it; when Key Steward asked VTEX to renew and never learned the answer, it says one may be pending and asks to check in VTEX's Admin before renewing.",
  reads: ['renewals', 'settings', 'now'],
  evaluate(input, shared, report) {
    const period = input.settings.rotationDays

    const { keys } = input.inventory
    const { renewals } = shared // worked out once, when first asked

    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]

      if (!key.isActive) continue
      const renewal = renewals[i]
      // Without a renewal the token is as old as the key: one number, no object per key.
      const age = renewal ? tokenAge(key, renewal, input.now) : null
      const days = age ? age.days : daysSince(key.createdMs, input.now)
      const overdue = days - period

      if (overdue <= 0) continue
      report.key(i, overdue > HIGH_AFTER_OVERDUE_DAYS ? 'HIGH' : 'MEDIUM', {
        ageDays: days,
        overdueDays: overdue,
        periodDays: period,
        since: age ? age.since : key.createdAt,
        basis: age ? age.basis : 'KEY_CREATED',
        // the advice is to finish that renewal, not to start one (VTEX refuses a second)
        ...(isPending(renewal) ? { renewalStarted: renewal!.startedAt } : {}),
        // asked with no answer: one may be pending, so "renew" may be refused; check VTEX first
        ...(renewal && renewalStatus(renewal) === 'POSSIBLY_PENDING'
          ? { renewalAsked: renewal.outcomeUnknownAt ?? renewal.startedAt }
          : {}),
      })
    }
  },
}
