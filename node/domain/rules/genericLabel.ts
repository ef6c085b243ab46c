import { keyFinding } from './helpers'
import type { Rule } from './types'

export const genericLabel: Rule = {
  id: 'generic-label',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['LOW'],
  docs: 'A key whose label is empty or generic (test, temp, key, api, new key, … and the store’s extra generic labels), ignoring case, accents, punctuation and trailing numbers.',
  evaluate(input, shared) {
    const out = []

    const { keys } = input.inventory

    for (let i = 0; i < keys.length; i++)
      if (shared.genericByKey[i]) out.push(keyFinding(this, keys[i], 'LOW'))

    return out
  },
}
