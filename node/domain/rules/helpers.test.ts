import { isBlank, roleNames } from './helpers'

describe('isBlank', () => {
  it('agrees with trim() on every character', () => {
    const differ: number[] = []

    for (let c = 0; c <= 0xffff; c++) {
      const s = String.fromCharCode(c)

      if (isBlank(` ${s}\t`) !== !` ${s}\t`.trim()) differ.push(c)
    }

    expect(differ).toEqual([])
    expect(isBlank(undefined)).toBe(true)
    expect(isBlank('')).toBe(true)
    expect(isBlank('  ana@acme.com ')).toBe(false)
  })
})

describe('roleNames', () => {
  const role = (name: string, isAdmin = false) => ({
    id: 1,
    name,
    isAdmin,
    roleType: 0,
    products: [],
  })

  it('joins the names picked, and is null when none is', () => {
    const roles = [role('Owner', true), role('Viewer'), role('Admin', true)]

    expect(roleNames(roles, (r) => r.isAdmin)).toBe('Owner, Admin')
    expect(roleNames(roles, () => false)).toBeNull()
    expect(roleNames([], () => true)).toBeNull()
  })
})
