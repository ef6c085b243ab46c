import { keyFinding } from './helpers'
import type { Rule } from './types'

export const noOwner: Rule = {
  id: 'no-owner',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['INFO'],
  docs: 'An active key with no owner recorded in Key Steward: nobody is accountable for rotating it or answering for it in a review.',
  evaluate(input, shared) {
    const out = []
    const { keys } = input.inventory

    for (let i = 0; i < keys.length; i++) {
      if (keys[i].isActive && !shared.annotations[i]?.owner?.trim())
        out.push(keyFinding(this, keys[i], 'INFO'))
    }

    return out
  },
}
