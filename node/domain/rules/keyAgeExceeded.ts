import { ageInDays } from '../age'
import { keyFinding } from './helpers'
import type { PolicyInput, Rule } from './types'

/** Grace beyond the period before MEDIUM becomes HIGH (VTEX shows orange, then red). */
export const HIGH_AFTER_OVERDUE_DAYS = 90

/** The later of creation and the last renewal Key Steward knows was finished. */
export function rotatedAt(input: PolicyInput, keyId: string, createdAt: string): string {
  const finished = input.renewals[keyId]?.finishedAt
  return finished && Date.parse(finished) > Date.parse(createdAt) ? finished : createdAt
}

export const keyAgeExceeded: Rule = {
  id: 'key-age-exceeded',
  practice: 'ROTATE_KEYS',
  severities: ['HIGH', 'MEDIUM'],
  docs: 'An active key whose age, counted in whole days from creation or from the last finished token renewal Key Steward knows of, is more than the rotation period. MEDIUM up to 90 days past the period, HIGH beyond. Inactive keys never.',
  evaluate(input) {
    return input.inventory.keys.flatMap(key => {
      if (!key.isActive) return []
      const since = rotatedAt(input, key.id, key.createdAt)
      const age = ageInDays(since, input.now)
      const overdue = age - input.settings.rotationDays
      if (overdue <= 0) return []
      return [keyFinding(this, key, overdue > HIGH_AFTER_OVERDUE_DAYS ? 'HIGH' : 'MEDIUM', { ageDays: age, overdueDays: overdue, periodDays: input.settings.rotationDays, since })]
    })
  },
}
