import { keyFinding } from './helpers'
import type { Rule } from './types'

export const canManageKeysRule: Rule = {
  id: 'can-manage-keys',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['HIGH'],
  docs: 'A key holding a role able to create keys or change roles (Save user / Edit API keys): Owner-like roles, VTEX’s predefined User Administrator - RESTRICTED, and custom roles the store declares as key-managing in the settings (VTEX’s API does not expose a custom role’s resources).',
  evaluate(input, shared) {
    const out = []

    for (const key of input.inventory.keys) {
      if (!key.roles.length) continue
      const roles = key.roles.filter(shared.managesKeys)

      if (roles.length)
        out.push(
          keyFinding(this, key, 'HIGH', {
            roles: roles.map((r) => r.name).join(', '),
          })
        )
    }

    return out
  },
}
