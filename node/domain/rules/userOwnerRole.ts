import { holdsOwnerRole } from '../roleGrants'
import type { Rule } from './types'

export const userOwnerRole: Rule = {
  id: 'user-owner-role',
  practice: 'REASSESS_ACCESS',
  severities: ['MEDIUM'],
  docs: 'More users than the configured maximum (default 3) hold Owner (Admin Super) or another admin-flagged role; one finding per such user. Blocked users are not counted: they cannot sign in.',
  reads: ['users', 'settings'],
  evaluate(input, _shared, report) {
    const owners = input.inventory.users.filter(
      (u) => !u.isBlocked && holdsOwnerRole(u)
    )

    if (owners.length <= input.settings.maxOwnerUsers) return

    for (const u of owners)
      report.other({
        rule: this.id,
        severity: 'MEDIUM' as const,
        practice: this.practice,
        subjectType: 'USER' as const,
        subjectId: u.id,
        subjectLabel: u.email,
        params: {
          email: u.email,
          count: owners.length,
          max: input.settings.maxOwnerUsers,
        },
      })
  },
}
