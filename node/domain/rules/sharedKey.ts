import { keyFinding } from './helpers'
import type { Rule } from './types'

export const sharedKey: Rule = {
  id: 'shared-key',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['MEDIUM'],
  docs: 'A key whose recorded integrations name more than one integration (ignoring case and spaces): one key per integration limits the damage of a leak.',
  evaluate(input) {
    return input.inventory.keys.flatMap(k => {
      const names = [...new Set((input.annotations[k.id]?.integrations ?? []).map(i => i.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))]
      return names.length > 1 ? [keyFinding(this, k, 'MEDIUM', { count: names.length, integrations: (input.annotations[k.id]?.integrations ?? []).join(', ') })] : []
    })
  },
}
