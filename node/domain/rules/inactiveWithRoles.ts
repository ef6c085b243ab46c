import type { Rule } from './types'

export const inactiveWithRoles: Rule = {
  id: 'inactive-with-roles',
  practice: 'REASSESS_ACCESS',
  severities: ['LOW'],
  docs: 'An inactive key that still holds roles: reactivating it would restore its access. Remove its roles.',
  reads: [],
  evaluate(input, _shared, report) {
    input.inventory.keys.forEach((k, i) => {
      if (!k.isActive && k.roles.length > 0)
        report.key(i, 'LOW', {
          roles: k.roles.map((r) => r.name).join(', '),
        })
    })
  },
}
