import { keyFinding } from './helpers'
import type { Rule } from './types'

export const sharedKey: Rule = {
  id: 'shared-key',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['MEDIUM'],
  docs: 'A key whose recorded integrations name more than one integration (ignoring case and spaces): one key per integration limits the damage of a leak.',
  evaluate(input, shared) {
    const out = []
    const { keys } = input.inventory

    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]
      const integrations = shared.annotations[i]?.integrations

      if (!integrations || integrations.length < 2) continue
      const names = new Set(
        integrations
          .map((name) => name.trim().toLowerCase().replace(/\s+/g, ' '))
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
