import type { Snapshot } from './snapshot'
import { buildSnapshot, diffSnapshots, inventoryFromSnapshot } from './snapshot'

const r = (name: string, id = 1) => ({
  id,
  name,
  isAdmin: false,
  roleType: 0,
  products: [],
})

const base: Snapshot = {
  at: '2026-11-26T06:00:00.000Z',
  complete: true,
  keys: [
    {
      id: 'k1',
      appKey: 'vtexappkey-acme-AAAAAA',
      label: 'ERP',
      createdAt: '2026-11-01T00:00:00Z',
      isActive: true,
      rolesKnown: true,
      roles: [r('OMS - Read only', 2)],
    },
    {
      id: 'k2',
      appKey: 'vtexappkey-acme-BBBBBB',
      label: 'Feed',
      createdAt: '2026-11-01T00:00:00Z',
      isActive: true,
      rolesKnown: true,
      roles: [],
    },
    {
      id: 'k3',
      appKey: 'vtexappkey-acme-CCCCCC',
      label: 'Old',
      createdAt: '2026-11-01T00:00:00Z',
      isActive: false,
      rolesKnown: true,
      roles: [],
    },
    {
      id: 'k4',
      appKey: 'vtexappkey-acme-DDDDDD',
      label: 'Gone',
      createdAt: '2026-11-01T00:00:00Z',
      isActive: true,
      rolesKnown: true,
      roles: [],
    },
  ],
  users: [
    {
      id: 'u1',
      email: 'ana@acme.com',
      name: 'Ana',
      isAdmin: false,
      isBlocked: false,
      rolesKnown: true,
      roles: [r('Call center operator', 957)],
    },
  ],
  roles: [],
  externalKeys: [],
  missing: [],
  staleKeyIds: ['k2'],
  findings: [],
}

describe('diffSnapshots', () => {
  it('says nothing changed the first time', () => {
    const c = diffSnapshots(null, base)

    expect(c.from).toBeNull()
    expect(c.keysCreated).toEqual([])
  })

  it('finds created, removed, deactivated and reactivated keys, role changes and keys that crossed rotation', () => {
    const next: Snapshot = {
      ...base,
      at: '2026-11-27T06:00:00.000Z',
      keys: [
        {
          ...base.keys[0],
          roles: [r('OMS - Read only', 2), r('Owner (Admin Super)', 1)],
        },
        { ...base.keys[1], isActive: false },
        { ...base.keys[2], isActive: true },
        {
          id: 'k5',
          appKey: 'vtexappkey-acme-EEEEEE',
          label: 'New',
          createdAt: '2026-11-27T00:00:00Z',
          isActive: true,
          rolesKnown: true,
          roles: [],
        },
      ],
      users: [{ ...base.users[0], roles: [] }],
      staleKeyIds: ['k1', 'k2'],
    }

    const c = diffSnapshots(base, next)

    expect(c.keysCreated).toEqual([{ id: 'k5', label: 'New' }])
    expect(c.keysRemoved).toEqual([{ id: 'k4', label: 'Gone' }])
    expect(c.keysDeactivated).toEqual([{ id: 'k2', label: 'Feed' }])
    expect(c.keysReactivated).toEqual([{ id: 'k3', label: 'Old' }])
    expect(c.rolesAdded).toEqual([
      {
        subjectType: 'KEY',
        subjectId: 'k1',
        label: 'ERP',
        role: 'Owner (Admin Super)',
      },
    ])
    expect(c.rolesRemoved).toEqual([
      {
        subjectType: 'USER',
        subjectId: 'u1',
        label: 'ana@acme.com',
        role: 'Call center operator',
      },
    ])
    expect(c.keysCrossedRotation).toEqual([{ id: 'k1', label: 'ERP' }])
  })

  it('does not compare roles that could not be read, and says so', () => {
    const next: Snapshot = {
      ...base,
      keys: [
        { ...base.keys[0], rolesKnown: false, roles: [] },
        ...base.keys.slice(1),
      ],
    }

    const c = diffSnapshots(base, next)

    expect(c.rolesRemoved).toEqual([])
    expect(c.rolesNotCompared).toContainEqual({
      subjectType: 'KEY',
      subjectId: 'k1',
      label: 'ERP',
    })
  })

  it('a partial scan in between does not hide a role granted meanwhile (compares with the last known roles)', () => {
    const inv = (keys: Snapshot['keys'], at: string) =>
      ({
        generatedAt: at,
        complete: keys.every((k) => k.rolesKnown),
        missing: [],
        keys: keys.map((k) => ({ ...k, ageDays: 1 })),
        externalKeys: [],
        users: [],
        roles: [],
      } as never)

    const scan1 = buildSnapshot(
      inv(base.keys, '1'),
      [],
      new Date('2026-11-26T06:00:00Z')
    )

    const scan2 = buildSnapshot(
      inv(
        [
          { ...base.keys[0], rolesKnown: false, roles: [] },
          ...base.keys.slice(1),
        ],
        '2'
      ),
      [],
      new Date('2026-11-27T06:00:00Z'),
      scan1
    )

    expect(scan2.keys[0].knownRoles).toEqual({
      roles: base.keys[0].roles,
      asOf: '2026-11-26T06:00:00.000Z',
    })
    expect(
      diffSnapshots(scan1, scan2).rolesNotCompared.map((s) => s.subjectId)
    ).toEqual(['k1'])
    // Owner was granted while scan 2 could not read k1's roles; scan 3 reads them again.
    const granted = [...base.keys[0].roles, r('Owner (Admin Super)', 1)]
    const scan3 = buildSnapshot(
      inv([{ ...base.keys[0], roles: granted }, ...base.keys.slice(1)], '3'),
      [],
      new Date('2026-11-28T06:00:00Z'),
      scan2
    )

    expect(diffSnapshots(scan2, scan3).rolesAdded).toEqual([
      {
        subjectType: 'KEY',
        subjectId: 'k1',
        label: 'ERP',
        role: 'Owner (Admin Super)',
      },
    ])
    // Two partial scans in a row keep the roles of the last complete read.
    const scan2b = buildSnapshot(
      inv([{ ...base.keys[0], rolesKnown: false, roles: [] }], '2b'),
      [],
      new Date('2026-11-28T06:00:00Z'),
      scan2
    )

    expect(scan2b.keys[0].knownRoles?.asOf).toBe('2026-11-26T06:00:00.000Z')
    expect(
      inventoryFromSnapshot(scan2b, new Date()).keys[0]
    ).not.toHaveProperty('knownRoles')
  })

  it('a scan that could not read the user list keeps the users, and the next one compares their roles', () => {
    const inv = (users: Snapshot['users'], usersKnown: boolean) =>
      ({
        generatedAt: '',
        complete: usersKnown,
        missing: [],
        keys: [],
        externalKeys: [],
        users,
        usersKnown,
        roles: [],
      } as never)

    const scan1 = buildSnapshot(
      inv(base.users, true),
      [],
      new Date('2026-11-26T06:00:00Z')
    )

    const scan2 = buildSnapshot(
      inv([], false),
      [],
      new Date('2026-11-27T06:00:00Z'),
      scan1
    )

    expect(
      diffSnapshots(scan1, scan2).rolesNotCompared.map((s) => s.subjectId)
    ).toEqual(['u1'])
    const scan3 = buildSnapshot(
      inv(
        [
          {
            ...base.users[0],
            roles: [...base.users[0].roles, r('Owner (Admin Super)', 1)],
          },
        ],
        true
      ),
      [],
      new Date('2026-11-28T06:00:00Z'),
      scan2
    )

    expect(diffSnapshots(scan2, scan3).rolesAdded).toEqual([
      {
        subjectType: 'USER',
        subjectId: 'u1',
        label: 'ana@acme.com',
        role: 'Owner (Admin Super)',
      },
    ])
  })

  it('keeps no token: a snapshot is built from the inventory only', () => {
    const s = buildSnapshot(
      {
        generatedAt: '',
        complete: true,
        missing: [],
        keys: [],
        externalKeys: [],
        users: [],
        roles: [],
      },
      [],
      new Date('2026-11-26T00:00:00Z')
    )

    expect(Object.keys(s).sort()).toEqual([
      'at',
      'complete',
      'externalKeys',
      'findings',
      'keys',
      'missing',
      'roles',
      'staleKeyIds',
      'users',
      'usersKnown',
    ])
  })

  it('gives back an inventory marked as a snapshot, with ages as of now', () => {
    const inv = inventoryFromSnapshot(base, new Date('2026-11-26T00:00:00Z'))

    expect(inv.source).toBe('SNAPSHOT')
    expect(inv.generatedAt).toBe(base.at)
    expect(inv.keys[0].ageDays).toBe(25)
    expect(inv.keys[0].roles[0].name).toBe('OMS - Read only')
  })
})
