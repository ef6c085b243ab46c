import { roleNames } from './helpers'
import type { Rule } from './types'

export const canManageKeysRule: Rule = {
  id: 'can-manage-keys',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['HIGH'],
  docs: 'A key holding a role able to create keys or change roles (Save user / Edit API keys): Owner-like roles, VTEX’s predefined User Administrator - RESTRICTED, and custom roles the store declares as key-managing in the settings (VTEX’s API does not expose a custom role’s resources).',
  reads: ['settings'],
  evaluate(input, shared, report) {
    const { keys } = input.inventory

    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]

      if (!key.roles.length) continue
      const roles = roleNames(key.roles, shared.managesKeys)

      if (roles !== null) report.key(i, 'HIGH', { roles })
    }
  },
}
