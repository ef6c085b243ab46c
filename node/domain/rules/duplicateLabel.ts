import { keyFinding } from './helpers'
import type { Rule } from './types'

export const duplicateLabel: Rule = {
  id: 'duplicate-label',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['LOW'],
  docs: 'Two or more keys share a label (ignoring case, accents and extra spaces); one finding per key. Empty labels are left to generic-label.',
  evaluate(input, shared) {
    const out = []

    for (const k of input.inventory.keys) {
      const dk = shared.label(k.label).duplicateKey
      const count = dk ? shared.labelCounts.get(dk) ?? 0 : 0

      if (count > 1) out.push(keyFinding(this, k, 'LOW', { count }))
    }

    return out
  },
}
