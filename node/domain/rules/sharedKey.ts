import { keyFinding } from './helpers'
import type { Rule } from './types'

export const sharedKey: Rule = {
  id: 'shared-key',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['MEDIUM'],
  docs: 'A key whose recorded integrations name more than one integration (ignoring case and spaces): one key per integration limits the damage of a leak.',
  evaluate(input) {
    const out = []

    for (const k of input.inventory.keys) {
      const integrations = input.annotations[k.id]?.integrations

      if (!integrations || integrations.length < 2) continue
      const names = new Set(
        integrations
          .map((i) => i.trim().toLowerCase().replace(/\s+/g, ' '))
          .filter(Boolean)
      )

      if (names.size > 1)
        out.push(
          keyFinding(this, k, 'MEDIUM', {
            count: names.size,
            integrations: integrations.join(', '),
          })
        )
    }

    return out
  },
}
