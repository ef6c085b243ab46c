import { say } from '../services/wording'
import type { InventoryParts, RolesResult } from './inventory'
import { assembleInventory, fromStoredCopy } from './inventory'
import type { Inventory } from './types'
import type { Locale } from './wording'
import { wording } from './wording'

/** Why a call failed as loadInventory words it: an HTTP status after some attempts. */
const failed = (status: number, attempts: number) =>
  wording('inventory.reason.upstream', {
    cause: wording('upstream.cause', { cause: `HTTP ${status}` }),
    attempts,
    deadline: 'no',
  })

const missingIn = (locale: Locale, inv: Inventory) =>
  inv.missing.map((m) => (typeof m === 'string' ? m : say(locale, m)))

const now = new Date('2026-11-26T12:00:00Z')
const owner = {
  id: 1,
  name: 'Owner (Admin Super)',
  isAdmin: true,
  roleType: 0,
  products: [{ name: 'License Manager' }],
}

const callCenter = {
  id: 957,
  name: 'Call center operator',
  isAdmin: false,
  roleType: 0,
  products: [{ name: 'Catalog' }, { name: 'OMS' }],
}

function parts(overrides: Partial<InventoryParts> = {}): InventoryParts {
  return {
    now,
    keys: [
      {
        id: 'k1',
        appKey: 'vtexappkey-acme-AAAAAA',
        label: 'ERP',
        createdIn: '2026-10-27T12:00:00Z',
        isActive: true,
      },
      {
        id: 'k2',
        appKey: 'vtexappkey-acme-BBBBBB',
        label: 'Feed',
        createdIn: '2025-11-26T12:00:00Z',
        isActive: false,
      },
    ],
    roles: [owner, callCenter],
    users: [
      {
        id: 'u1',
        email: 'ana@acme.com',
        name: 'Ana',
        isAdmin: true,
        isBlocked: false,
      },
    ],
    externalKeys: [],
    rolesOf: new Map<string, RolesResult>([
      ['k1', { ok: true, roles: [{ id: 957, name: 'Call center operator' }] }],
      ['k2', { ok: true, roles: [] }],
      ['u1', { ok: true, roles: [{ id: 1, name: 'Owner (Admin Super)' }] }],
    ]),
    ...overrides,
  }
}

describe('assembleInventory', () => {
  it('joins keys and users with the full role details and computes ages from now', () => {
    const inv = assembleInventory(parts())

    expect(inv.complete).toBe(true)
    expect(inv.missing).toEqual([])
    expect(inv.generatedAt).toBe('2026-11-26T12:00:00.000Z')
    expect(
      inv.keys.map((k) => [
        k.id,
        k.ageDays,
        k.rolesKnown,
        k.roles.map((r) => r.name),
      ])
    ).toEqual([
      ['k1', 30, true, ['Call center operator']],
      ['k2', 365, true, []],
    ])
    expect(inv.keys[0].roles[0].products).toEqual(['Catalog', 'OMS'])
    // the creation time parsed once, with the entry (the rules read it: keyAgeExceeded)
    expect(inv.keys.map((k) => k.createdMs)).toEqual([
      Date.parse('2026-10-27T12:00:00Z'),
      Date.parse('2025-11-26T12:00:00Z'),
    ])
    expect(inv.users[0].roles[0]).toEqual({
      id: 1,
      name: 'Owner (Admin Super)',
      isAdmin: true,
      roleType: 0,
      products: ['License Manager'],
    })
  })

  it('marks a key whose roles failed as unknown, never as holding no roles, and says so', () => {
    const { rolesOf } = parts()

    rolesOf.set('k1', { ok: false, reason: failed(500, 4) })
    const inv = assembleInventory(parts({ rolesOf }))

    expect(inv.complete).toBe(false)
    expect(inv.keys[0]).toMatchObject({ rolesKnown: false, roles: [] })
    expect(inv.keys[1]).toMatchObject({ rolesKnown: true, roles: [] })
    expect(missingIn('en', inv)).toEqual([
      'roles of key “ERP” (vtexappkey-acme-AAAAAA) (HTTP 500 after 4 attempts)',
    ])
    // in the admin's language: a pt or es page never reads English here
    expect(missingIn('pt', inv)).toEqual([
      'perfis da chave “ERP” (vtexappkey-acme-AAAAAA) (HTTP 500 após 4 tentativas)',
    ])
    expect(missingIn('es', inv)).toEqual([
      'roles de la clave “ERP” (vtexappkey-acme-AAAAAA) (HTTP 500 tras 4 intentos)',
    ])
  })

  it('treats a subject never fetched as unknown too', () => {
    const { rolesOf } = parts()

    rolesOf.delete('u1')
    const inv = assembleInventory(parts({ rolesOf }))

    expect(inv.users[0].rolesKnown).toBe(false)
    expect(inv.complete).toBe(false)
    // no reason known: nothing in brackets
    expect(missingIn('en', inv)).toEqual([
      `roles of user ${inv.users[0].email}`,
    ])
    expect(missingIn('pt', inv)).toEqual([
      `perfis do usuário ${inv.users[0].email}`,
    ])
  })

  it('keeps assigned roles by id and name when the role list could not be loaded', () => {
    const inv = assembleInventory(
      parts({ roles: null, failures: { roles: failed(503, 4) } })
    )

    expect(inv.complete).toBe(false)
    expect(inv.roles).toEqual([])
    expect(inv.keys[0].roles).toEqual([
      {
        id: 957,
        name: 'Call center operator',
        isAdmin: false,
        roleType: 0,
        products: [],
      },
    ])
    expect(missingIn('en', inv)).toEqual([
      'the account role list, so role products are missing (HTTP 503 after 4 attempts)',
    ])
  })

  it('reports a missing user list and other failures', () => {
    const inv = assembleInventory(
      parts({
        users: null,
        failures: {
          users: failed(500, 4),
          externalKeys: failed(500, 4),
        },
      })
    )

    expect(inv.users).toEqual([])
    expect(missingIn('en', inv)).toEqual([
      'the list of registered external keys (HTTP 500 after 4 attempts)',
      'the admin user list (HTTP 500 after 4 attempts)',
    ])
    expect(missingIn('pt', inv)).toEqual([
      'a lista de chaves externas registradas (HTTP 500 após 4 tentativas)',
      'a lista de usuários administradores (HTTP 500 após 4 tentativas)',
    ])
  })

  it('names what is missing account-wide before any single key or user (the banner shows five)', () => {
    const { rolesOf } = parts()

    rolesOf.set('k1', { ok: false, reason: failed(500, 4) })
    rolesOf.set('k2', { ok: false, reason: failed(500, 4) })
    const inv = assembleInventory(
      parts({
        rolesOf,
        roles: null,
        users: null,
        failures: {
          roles: failed(503, 4),
          users: failed(500, 4),
          externalKeys: failed(500, 4),
        },
      })
    )

    expect(missingIn('en', inv)).toEqual([
      'the list of registered external keys (HTTP 500 after 4 attempts)',
      'the account role list, so role products are missing (HTTP 503 after 4 attempts)',
      'the admin user list (HTTP 500 after 4 attempts)',
      'roles of key “ERP” (vtexappkey-acme-AAAAAA) (HTTP 500 after 4 attempts)',
      'roles of key “Feed” (vtexappkey-acme-BBBBBB) (HTTP 500 after 4 attempts)',
    ])
  })

  it('includes external keys with their roles looked up by appKey', () => {
    const { rolesOf } = parts()

    rolesOf.set('vtexappkey-partner-XYZABC', {
      ok: true,
      roles: [{ id: 1, name: 'Owner (Admin Super)' }],
    })
    const inv = assembleInventory(
      parts({
        rolesOf,
        externalKeys: [
          {
            appKey: 'vtexappkey-partner-XYZABC',
            account: 'partner',
            addedDate: '2025-05-02T00:00:00Z',
            isActive: true,
          },
        ],
      })
    )

    expect(inv.externalKeys[0]).toMatchObject({
      account: 'partner',
      rolesKnown: true,
    })
    expect(inv.externalKeys[0].roles[0].isAdmin).toBe(true)
  })
})

describe('fromStoredCopy', () => {
  it("gives keys and users read back from JSON the catalog's role objects again", () => {
    const assembled = assembleInventory(parts())
    const read = fromStoredCopy(JSON.parse(JSON.stringify(assembled)))
    const catalog = new Map(read.roles.map((r) => [r.id, r]))

    expect(read).toEqual(assembled)
    expect(read.keys[0].roles[0]).toBe(catalog.get(957))
    expect(read.users[0].roles[0]).toBe(catalog.get(1))
  })

  it('parses creation times again where the copy has none (saved before createdMs) or null (NaN in JSON)', () => {
    const stored = JSON.parse(
      JSON.stringify(assembleInventory(parts()))
    ) as ReturnType<typeof assembleInventory>

    delete (stored.keys[0] as Partial<(typeof stored.keys)[0]>).createdMs
    stored.keys[1].createdAt = 'not a date'
    stored.keys[1].createdMs = null as unknown as number
    const read = fromStoredCopy(stored)

    expect(read.keys[0].createdMs).toBe(Date.parse(read.keys[0].createdAt))
    expect(read.keys[1].createdMs).toBeNaN()
  })

  it('never trusts a stored creation time that disagrees with createdAt (Infinity, 0, a later day, a string)', () => {
    const assembled = assembleInventory(parts())
    const json = JSON.stringify(assembled)
    const k = assembled.keys[0]

    for (const bad of ['1e999', '-1e999', '0', '4102444800000', '"x"']) {
      const read = fromStoredCopy(
        JSON.parse(
          json.replace(`"createdMs":${k.createdMs}`, `"createdMs":${bad}`)
        )
      )

      expect(read.keys[0].createdMs).toBe(Date.parse(k.createdAt))
      expect(read.keys[0]).toEqual(k)
    }
  })

  it('keeps a role that differs from the catalog, or is not in it, as the subject’s own', () => {
    const assembled = JSON.parse(
      JSON.stringify(assembleInventory(parts()))
    ) as ReturnType<typeof assembleInventory>

    assembled.keys[0].roles = [
      { ...assembled.roles[1], name: 'Renamed since' },
      { id: 4242, name: 'Gone', isAdmin: false, roleType: 1, products: [] },
    ]
    const read = fromStoredCopy(assembled)

    expect(read.keys[0].roles).toEqual(assembled.keys[0].roles)
    expect(read.keys[0].roles[0]).not.toBe(read.roles[1])
  })
})
