import { keyFinding } from './helpers'
import type { Rule } from './types'

export const inactiveWithRoles: Rule = {
  id: 'inactive-with-roles',
  practice: 'REASSESS_ACCESS',
  severities: ['LOW'],
  docs: 'An inactive key that still holds roles: reactivating it would restore its access. Remove its roles.',
  evaluate(input) {
    return input.inventory.keys
      .filter((k) => !k.isActive && k.roles.length > 0)
      .map((k) =>
        keyFinding(this, k, 'LOW', {
          roles: k.roles.map((r) => r.name).join(', '),
        })
      )
  },
}
