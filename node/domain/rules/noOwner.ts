import { isBlank } from './helpers'
import type { Rule } from './types'

export const noOwner: Rule = {
  id: 'no-owner',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['INFO'],
  docs: 'An active key with no owner recorded in Key Steward: nobody is accountable for rotating it or answering for it in a review.',
  reads: ['annotations'],
  evaluate(input, shared, report) {
    const { keys } = input.inventory
    const { annotations } = shared // worked out once, when first asked

    for (let i = 0; i < keys.length; i++) {
      if (keys[i].isActive && isBlank(annotations[i]?.owner))
        report.key(i, 'INFO')
    }
  },
}
