import type { Rule } from './types'

export const noRoles: Rule = {
  id: 'no-roles',
  practice: 'REASSESS_ACCESS',
  severities: ['LOW'],
  docs: 'An active key whose roles were read and are none: it serves nothing and can be removed. A key whose roles could not be read is never reported here.',
  reads: [],
  evaluate(input, _shared, report) {
    input.inventory.keys.forEach((k, i) => {
      if (k.isActive && k.rolesKnown && k.roles.length === 0)
        report.key(i, 'LOW')
    })
  },
}
