import type { RoleInfo, UserEntry } from '../domain/types'
import { roleFields, userRowFields } from './ownerFields'

const role = (over: Partial<RoleInfo>): RoleInfo => ({
  id: 1,
  name: 'Owner (Admin Super)',
  isAdmin: true,
  roleType: 0,
  products: [],
  ...over,
})

const user = (roles: RoleInfo[]): UserEntry => ({
  id: 'u1',
  email: 'ana@acme.com',
  name: 'Ana',
  isAdmin: false,
  isBlocked: false,
  rolesKnown: true,
  roles,
})

describe('AdminUser.holdsOwner and Role.grantsEverything', () => {
  it('follow VTEX’s isAdmin when the role list was read', () => {
    expect(userRowFields.holdsOwner(user([role({})]))).toBe(true)
    expect(roleFields.grantsEverything(role({}))).toBe(true)
    expect(
      userRowFields.holdsOwner(
        user([role({ id: 957, name: 'Call center operator', isAdmin: false })])
      )
    ).toBe(false)
  })

  it('know Owner by its predefined name when the role list failed (isAdmin false)', () => {
    // what loadInventory keeps of a role when the role list could not be read: id and name
    const unread = role({ isAdmin: false })

    expect(userRowFields.holdsOwner(user([unread]))).toBe(true)
    expect(roleFields.grantsEverything(unread)).toBe(true)
    expect(
      roleFields.grantsEverything(role({ name: 'owner', isAdmin: false }))
    ).toBe(true)
  })

  it('never judge a custom role by its name', () => {
    const custom = role({ id: 4000, roleType: 1, isAdmin: false })

    expect(userRowFields.holdsOwner(user([custom]))).toBe(false)
    expect(roleFields.grantsEverything(custom)).toBe(false)
  })
})
