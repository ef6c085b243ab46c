import { keyFinding } from './helpers'
import type { Rule } from './types'

export const noOwner: Rule = {
  id: 'no-owner',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['INFO'],
  docs: 'An active key with no owner recorded in Key Steward: nobody is accountable for rotating it or answering for it in a review.',
  evaluate(input) {
    return input.inventory.keys
      .filter((k) => k.isActive && !input.annotations[k.id]?.owner?.trim())
      .map((k) => keyFinding(this, k, 'INFO'))
  },
}
