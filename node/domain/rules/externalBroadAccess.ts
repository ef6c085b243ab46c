import { canManageKeys, grantsEverything } from '../roleGrants'
import type { Rule } from './types'

export const externalBroadAccess: Rule = {
  id: 'external-broad-access',
  practice: 'REASSESS_ACCESS',
  severities: ['HIGH'],
  docs: 'A key of another account, registered in Key Steward, that holds Owner or a key-managing role here (decided as for owner-role and can-manage-keys).',
  reads: ['externalKeys', 'settings'],
  evaluate(input, _shared, report) {
    for (const e of input.inventory.externalKeys) {
      const roles = e.roles.filter(
        (r) => grantsEverything(r) || canManageKeys(r, input.settings)
      )

      if (!roles.length) continue

      report.other({
        rule: this.id,
        severity: 'HIGH' as const,
        practice: this.practice,
        subjectType: 'EXTERNAL_KEY' as const,
        subjectId: e.appKey,
        // named by its account, as the key list and the review name it (with an External tag)
        subjectLabel: e.account,
        params: {
          appKey: e.appKey,
          account: e.account,
          roles: roles.map((r) => r.name).join(', '),
        },
      })
    }
  },
}
