import { keyFinding } from './helpers'
import type { Rule } from './types'

export const ownerRole: Rule = {
  id: 'owner-role',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['CRITICAL'],
  docs: 'A key (active or not) holding Owner (Admin Super) or any role VTEX flags as admin (isAdmin), i.e. every resource. Decided by VTEX’s admin flag, not by a custom role’s name.',
  evaluate(input, shared) {
    const out = []

    for (const key of input.inventory.keys) {
      if (!key.roles.length) continue
      const roles = key.roles.filter(shared.grantsEverything)

      if (roles.length)
        out.push(
          keyFinding(this, key, 'CRITICAL', {
            roles: roles.map((r) => r.name).join(', '),
          })
        )
    }

    return out
  },
}
