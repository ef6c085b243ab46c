import { isBlank, keyFinding, roleNames } from './helpers'
import { noOwner } from './noOwner'

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

describe('keyFinding', () => {
  const key = {
    id: 'k1',
    appKey: 'vtexappkey-acme-K1',
    label: '',
    createdAt: '2026-01-01T00:00:00Z',
    isActive: true,
    ageDays: 0,
    rolesKnown: true,
    roles: [],
  }

  it('names the key by its label, or its appKey when it has none, and keeps the params it was given', () => {
    expect(keyFinding(noOwner, key, 'INFO', { count: 2 })).toEqual({
      rule: 'no-owner',
      severity: 'INFO',
      practice: noOwner.practice,
      subjectType: 'KEY',
      subjectId: 'k1',
      subjectLabel: 'vtexappkey-acme-K1',
      params: { count: 2 },
    })
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
