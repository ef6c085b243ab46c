import { duplicateKey } from '../labels'
import { keyFinding } from './helpers'
import type { Rule } from './types'

export const duplicateLabel: Rule = {
  id: 'duplicate-label',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['LOW'],
  docs: 'Two or more keys share a label (ignoring case, accents and extra spaces); one finding per key. Empty labels are left to generic-label.',
  evaluate(input, shared) {
    return input.inventory.keys.flatMap(k => {
      const dk = duplicateKey(k.label)
      const count = shared.labelCounts.get(dk) ?? 0
      return dk && count > 1 ? [keyFinding(this, k, 'LOW', { count })] : []
    })
  },
}
