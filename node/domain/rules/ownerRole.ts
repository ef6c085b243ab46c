import { grantsEverything } from '../roleGrants'
import { keyFinding } from './helpers'
import type { Rule } from './types'

export const ownerRole: Rule = {
  id: 'owner-role',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['CRITICAL'],
  docs: 'A key (active or not) holding Owner (Admin Super) or any role VTEX flags as admin (isAdmin), i.e. every resource. Decided by VTEX’s admin flag, not by a custom role’s name.',
  evaluate(input) {
    return input.inventory.keys.flatMap(key => {
      const roles = key.roles.filter(grantsEverything)
      return roles.length ? [keyFinding(this, key, 'CRITICAL', { roles: roles.map(r => r.name).join(', ') })] : []
    })
  },
}
