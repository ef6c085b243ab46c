// What the key page's partial-data banner lists: a failing VTEX can leave many keys' roles
// unread, and on one key's page the others' names crowd out what matters there. This key's
// own failure comes first, then what the whole account lacks (its role list, user list,
// external keys list), and the other keys', users' and external keys' roles only as a count.
import type { Missing } from './types'
import { wording } from './wording'

const SUBJECT_ROLES = new Set<string>([
  'inventory.missing.keyRoles',
  'inventory.missing.userRoles',
  'inventory.missing.externalKeyRoles',
])

export function keyPageMissing(missing: Missing[], appKey: string): Missing[] {
  const own: Missing[] = []
  const account: Missing[] = []
  let others = 0

  for (const m of missing) {
    // text a daily scan saved in English: which subject it names is unknown, shown as is
    if (typeof m === 'string') account.push(m)
    else if (
      m.id === 'inventory.missing.keyRoles' &&
      m.values?.appKey === appKey
    )
      own.push(m)
    else if (SUBJECT_ROLES.has(m.id)) others++
    else account.push(m)
  }

  return others
    ? [
        ...own,
        ...account,
        wording('inventory.missing.otherRoles', { count: others }),
      ]
    : [...own, ...account]
}
