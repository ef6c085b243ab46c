import type { Rule } from './types'

export const duplicateLabel: Rule = {
  id: 'duplicate-label',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['LOW'],
  docs: 'Two or more keys share a label (ignoring case, accents and extra spaces); one finding per key. Empty labels are left to generic-label.',
  reads: [],
  evaluate(input, shared, report) {
    const { keys } = input.inventory

    for (let i = 0; i < keys.length; i++) {
      const count = shared.labelCountOf[i]

      if (count > 1) report.key(i, 'LOW', { count })
    }
  },
}
