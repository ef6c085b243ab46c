import { keyFinding } from './helpers'
import type { Rule } from './types'

export const genericLabel: Rule = {
  id: 'generic-label',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['LOW'],
  docs: 'A key whose label is empty or generic (test, temp, key, api, new key, … and the store’s extra generic labels), ignoring case, accents, punctuation and trailing numbers.',
  evaluate(input, shared) {
    return input.inventory.keys
      .filter((k) => shared.label(k.label).generic)
      .map((k) => keyFinding(this, k, 'LOW'))
  },
}
