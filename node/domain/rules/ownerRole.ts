import { roleNames } from './helpers'
import type { Rule } from './types'

export const ownerRole: Rule = {
  id: 'owner-role',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['CRITICAL'],
  docs: 'A key (active or not) holding Owner (Admin Super) or any role VTEX flags as admin (isAdmin), i.e. every resource. Decided by VTEX’s admin flag, not by a custom role’s name.',
  reads: [],
  evaluate(input, shared, report) {
    const { keys } = input.inventory

    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]

      if (!key.roles.length) continue
      const roles = roleNames(key.roles, shared.grantsEverything)

      if (roles !== null) report.key(i, 'CRITICAL', { roles })
    }
  },
}
