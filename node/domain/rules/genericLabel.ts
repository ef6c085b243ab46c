import type { Rule } from './types'

export const genericLabel: Rule = {
  id: 'generic-label',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['LOW'],
  docs: 'A key whose label is empty or generic (test, temp, key, api, new key, … and the store’s extra generic labels), ignoring case, accents, punctuation and trailing numbers.',
  reads: ['settings'],
  evaluate(input, shared, report) {
    const { keys } = input.inventory
    const { genericByKey } = shared // worked out once, when first asked

    for (let i = 0; i < keys.length; i++)
      if (genericByKey[i]) report.key(i, 'LOW')
  },
}
