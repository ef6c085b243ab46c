// Query.inventory through the whole stack: gateway → real @vtex/api runtime → platform.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import { errorCode, gql, loadJson, useStack } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const OWNER = 'session-ana-owner'
const INVENTORY = `{ inventory { generatedAt complete missing
  keys { id appKey label createdAt isActive ageDays rolesKnown roles { id name isAdmin roleType products } }
  externalKeys { appKey account rolesKnown roles { name } }
  users { id email rolesKnown roles { name } }
  roles { id name products } } }`

// The secret test runs after the file: nothing it received or the service logged holds a token.
const stack = useStack({ fixture: DEFAULT_FIXTURE })

const dayMs = 86_400_000
const expectedAge = (iso: string) =>
  Math.floor((Date.parse(fixture.now) - Date.parse(iso)) / dayMs)

const roleName = (id: number) => fixture.roles.find((r) => r.id === id)!.name

describe('Query.inventory for an admin', () => {
  it('returns every key with its roles and its age from the fixture clock', async () => {
    const r = await gql(stack, OWNER, INVENTORY)

    assert.equal(r.body.errors, undefined, r.text)
    const inv = r.body.data.inventory

    assert.equal(inv.complete, true)
    assert.deepEqual(inv.missing, [])
    assert.equal(inv.generatedAt, new Date(fixture.now).toISOString())
    assert.equal(inv.keys.length, fixture.appKeys.length)
    for (const k of fixture.appKeys) {
      const got = inv.keys.find((x: { id: string }) => x.id === k.id)

      assert.ok(got, `key ${k.label} missing`)
      assert.equal(got.label, k.label)
      assert.equal(got.appKey, k.appKey)
      assert.equal(got.isActive, k.isActive)
      assert.equal(got.ageDays, expectedAge(k.createdIn))
      assert.equal(got.rolesKnown, true)
      assert.deepEqual(
        got.roles.map((x: { name: string }) => x.name).sort(),
        (fixture.roleAssignments[k.id] ?? []).map(roleName).sort()
      )
    }
  })

  it('returns users with their roles, roles with their products, and registered external keys', async () => {
    const inv = (await gql(stack, OWNER, INVENTORY)).body.data.inventory

    assert.equal(inv.users.length, fixture.users.length)
    const known = await gql(stack, OWNER, '{ inventory { usersKnown } }')

    assert.equal(known.body.data.inventory.usersKnown, true)
    const ana = inv.users.find(
      (u: { email: string }) => u.email === 'ana@acme.com'
    )

    assert.ok(
      ana.roles.some((x: { name: string }) => x.name === 'Owner (Admin Super)')
    )
    const owner = inv.roles.find((x: { id: number }) => x.id === 1)

    assert.deepEqual(
      owner.products,
      fixture.roles.find((x) => x.id === 1)!.products.map((p) => p.name)
    )
    assert.equal(
      inv.externalKeys.length,
      (fixture.appStorage?.externalKeys as unknown[] | undefined)?.length ?? 0
    )
    for (const e of inv.externalKeys) assert.equal(e.rolesKnown, true)
  })

  it('has no token field in the schema', async () => {
    const r = await gql(stack, OWNER, '{ inventory { keys { token } } }')

    assert.match(
      r.body.errors![0].message,
      /Cannot query field "token" on type "ApiKey"/
    )
    assert.equal(r.body.data, undefined)
  })
})

describe('who may read', () => {
  it('UNAUTHENTICATED without the admin cookie', async () => {
    const r = await gql(stack, null, '{ inventory { complete } }')

    assert.equal(errorCode(r), 'UNAUTHENTICATED')
    assert.equal(r.body.data?.inventory, null)
  })
  it('UNAUTHENTICATED for a cookie VTEX ID does not know', async () => {
    assert.equal(
      errorCode(
        await gql(stack, 'forged-session', '{ inventory { complete } }')
      ),
      'UNAUTHENTICATED'
    )
  })
  it('FORBIDDEN naming the resources a call-center user lacks', async () => {
    const r = await gql(
      stack,
      'session-diego-callcenter',
      '{ inventory { complete } }'
    )

    assert.equal(errorCode(r), 'FORBIDDEN')
    const ext = r.body.errors![0].extensions!

    assert.deepEqual(ext.missingResources, [
      'Find user by email',
      'Get paged roles',
      'Get paged users',
      'Save user',
    ])
    assert.match(r.body.errors![0].message, /Save user/)
  })
  it('FORBIDDEN naming Save user for a read-only auditor (VTEX requires it to list keys)', async () => {
    const r = await gql(
      stack,
      'session-carla-readonly',
      '{ inventory { complete } }'
    )

    assert.equal(errorCode(r), 'FORBIDDEN')
    assert.deepEqual(r.body.errors![0].extensions!.missingResources, [
      'Save user',
    ])
  })
  it('a custom security-auditor role is enough', async () => {
    const r = await gql(
      stack,
      'session-bruno-security',
      '{ inventory { complete keys { id } } }'
    )

    assert.equal(r.body.errors, undefined, r.text)
    assert.equal(r.body.data.inventory.keys.length, fixture.appKeys.length)
  })
})

describe('upstream trouble', () => {
  it('a key whose roles keep failing is unknown, not roleless, and the inventory says it is partial', async () => {
    const victim = fixture.appKeys.find(
      (k) => (fixture.roleAssignments[k.id] ?? []).length > 0
    )!

    stack.platform.faults.set([
      { path: `/users/${victim.id}/roles$`, status: 500 },
    ])
    const inv = (await gql(stack, OWNER, INVENTORY)).body.data.inventory

    assert.equal(inv.complete, false)
    const got = inv.keys.find((k: { id: string }) => k.id === victim.id)

    assert.equal(got.rolesKnown, false)
    assert.deepEqual(got.roles, [])
    assert.equal(inv.missing.length, 1)
    assert.match(inv.missing[0], new RegExp(victim.appKey))
    assert.match(inv.missing[0], /HTTP 500 after 4 attempts/)
    assert.equal(
      inv.keys.filter((k: { rolesKnown: boolean }) => !k.rolesKnown).length,
      1
    )
  })

  it('rides out a 429 with Retry-After on the key list', async () => {
    stack.platform.faults.set([
      { path: '^/api/vlm/appkeys$', status: 429, retryAfter: 1, times: 1 },
    ])
    const r = await gql(stack, OWNER, '{ inventory { complete keys { id } } }')

    assert.equal(r.body.data.inventory.complete, true)
    assert.equal(r.body.data.inventory.keys.length, fixture.appKeys.length)
  })

  it('a user list that keeps failing makes a partial inventory, keys still shown', async () => {
    stack.platform.faults.set([{ path: '/logins/list/paged$', status: 503 }])
    const inv = (
      await gql(
        stack,
        OWNER,
        '{ inventory { complete missing usersKnown users { id } keys { id } } }'
      )
    ).body.data.inventory

    assert.equal(inv.complete, false)
    assert.deepEqual(inv.users, [])
    // no users is not "none": the Users page says the list could not be read
    assert.equal(inv.usersKnown, false)
    const users = (
      await gql(stack, OWNER, '{ userList { total inventory { usersKnown } } }')
    ).body.data.userList

    assert.deepEqual(users, { total: 0, inventory: { usersKnown: false } })
    assert.equal(inv.keys.length, fixture.appKeys.length)
    assert.match(
      inv.missing.join(' '),
      /admin user list \(HTTP 503 after 4 attempts\)/
    )

    // worded in the admin's language, as the page's partial-data banner shows it
    for (const [locale, said] of [
      [
        'pt-BR',
        'a lista de usuários administradores (HTTP 503 após 4 tentativas)',
      ],
      [
        'es-AR',
        'la lista de usuarios administradores (HTTP 503 tras 4 intentos)',
      ],
    ]) {
      const r = await gql(
        stack,
        OWNER,
        '{ inventory { complete missing } }',
        undefined,
        locale
      )

      assert.ok(r.body.data.inventory.missing.includes(said), r.text)
    }
  })

  it('a key list that keeps failing is an error naming the list and saying VTEX failed (not that it did not answer)', async () => {
    stack.platform.faults.set([{ path: '^/api/vlm/appkeys$', status: 502 }])
    const r = await gql(stack, OWNER, '{ inventory { complete } }')

    assert.equal(errorCode(r), 'UPSTREAM_UNAVAILABLE')
    assert.equal(
      r.body.errors![0].message,
      'Could not read the list of API keys: VTEX failed (HTTP 502) after 4 attempts. Try again in a few minutes.'
    )
    const pt = await gql(
      stack,
      OWNER,
      '{ inventory { complete } }',
      undefined,
      'pt-BR'
    )

    assert.match(
      pt.body.errors![0].message,
      /^Não foi possível ler a lista de chaves de API: a VTEX falhou \(HTTP 502\) após 4 tentativas\./
    )
    assert.doesNotMatch(pt.text, /\/api\/vlm|não respondeu/)
  })

  // A failed role list leaves each user's roles with id and name only (isAdmin false): the Users
  // page counted "0 users hold Owner" beside five rows with the too-many-Owners finding.
  it('a failed role list still counts Owner users as the too-many-Owners rule does, and lists them first', async () => {
    stack.platform.faults.set([{ path: '/roles/list/paged$', status: 500 }])
    const r = await gql(
      stack,
      OWNER,
      `{ userList(pageSize: 100) { ownerCount rows { email holdsOwner roles { name isAdmin grantsEverything } } }
        findings(rule: "user-owner-role") { subjectLabel } inventory { complete } }`
    )

    assert.equal(r.body.errors, undefined, r.text)
    const { userList, findings, inventory } = r.body.data
    const flagged = findings.map(
      (f: { subjectLabel: string }) => f.subjectLabel
    )

    assert.equal(inventory.complete, false)
    assert.equal(flagged.length, 5, 'the fixture has 5 active Owner users')
    assert.equal(userList.ownerCount, flagged.length)
    assert.deepEqual(
      userList.rows
        .slice(0, flagged.length)
        .map((u: { email: string }) => u.email)
        .sort(),
      [...flagged].sort()
    )
    // Each row says what the count counted (the page marks rows by it, not by isAdmin, which is
    // false for every role here), and the Owner role tag is known by its name.
    type Row = {
      email: string
      holdsOwner: boolean
      roles: Array<{
        name: string
        isAdmin: boolean
        grantsEverything: boolean
      }>
    }
    const rows: Row[] = userList.rows

    assert.ok(rows.every((u) => u.roles.every((role) => !role.isAdmin)))
    assert.deepEqual(
      rows
        .filter((u) => u.holdsOwner)
        .map((u) => u.email)
        .sort(),
      [...flagged].sort()
    )
    for (const u of rows.filter((x) => x.holdsOwner))
      assert.ok(
        u.roles.some(
          (role) => role.grantsEverything && /^owner/i.test(role.name)
        ),
        `${u.email}: its Owner role is marked`
      )
    assert.ok(
      rows
        .filter((u) => !u.holdsOwner)
        .every((u) => u.roles.every((role) => !role.grantsEverything))
    )
  })

  it('fetches roles with bounded concurrency', async () => {
    stack.platform.faults.set([{ path: '/roles$', latencyMs: 25 }])
    stack.platform.peakInFlight = 0
    const r = await gql(stack, OWNER, '{ inventory { complete } }')

    assert.equal(r.body.data.inventory.complete, true)
    assert.ok(
      stack.platform.peakInFlight <= 8,
      `peak ${stack.platform.peakInFlight} requests in flight`
    )
    assert.ok(
      stack.platform.peakInFlight >= 2,
      'role fetches should run in parallel'
    )
  })
})
