import type { ActionPermission } from '../types'
import { mayCarryOut, opensKeyPages } from './opensKeyPages'
import type { KeyActionField } from './usePermissions'

const allowed = (field: string, ok: boolean): ActionPermission => ({
  field,
  allowed: ok,
  missingResources: ok ? [] : ['Save user'],
  acceptedResources: ok ? [] : [['Save user', 'Edit Admin Users']],
})

/** A session that holds the read resources, not Renew API Token (or, with `reads: false`, nothing). */
const session =
  ({ reads }: { reads: boolean }) =>
  (field: KeyActionField) =>
    allowed(field, reads && field !== 'renewToken')

describe('links to keys and key actions', () => {
  it('are offered to a session that reads the inventory', () => {
    expect(opensKeyPages(session({ reads: true }))).toBe(true)
    expect(mayCarryOut('DEACTIVATE', session({ reads: true }))).toBe(true)
    expect(mayCarryOut('REDUCE_ROLES', session({ reads: true }))).toBe(true)
    // a renewal needs Renew API Token besides
    expect(mayCarryOut('ROTATE', session({ reads: true }))).toBe(false)
  })

  it('are not offered to an auditor, who holds none of the read resources', () => {
    const auditor = session({ reads: false })

    expect(opensKeyPages(auditor)).toBe(false)
    for (const d of ['ROTATE', 'DEACTIVATE', 'REDUCE_ROLES'])
      expect(mayCarryOut(d, auditor)).toBe(false)
  })

  it('stay while the permissions are not known (the page then says why)', () => {
    expect(opensKeyPages(() => undefined)).toBe(true)
    expect(mayCarryOut('ROTATE', () => undefined)).toBe(true)
  })

  it('has nothing to carry out for Keep', () => {
    expect(mayCarryOut('KEEP', session({ reads: true }))).toBe(false)
    expect(mayCarryOut(undefined, session({ reads: true }))).toBe(false)
  })
})
