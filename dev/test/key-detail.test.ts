// The key page asks for its one key (Query.keyDetail, react/admin/graphql/keyDetail.gql), served
// from the recent copy like the lists: its answer carries that key and no other, stays small
// however many keys the account has, and is refused to sessions without the read resources.
import assert from 'node:assert/strict'
import { readFileSync } from 'fs'
import { join } from 'path'
import { describe, it } from 'node:test'

import { generateFixture } from '../fixtures/generate'
import { ROOT } from '../paths'
import { ageRecentCopy, errorCode, gql, recordOwner, useStack } from './helpers'

const OWNER = 'session-ana-owner'
const LACKING = [
  'session-carla-readonly',
  'session-diego-callcenter',
  'session-frank-saveonly',
]

// The page's own document, as the Admin sends it (the gateway drops @context like VTEX's).
const PAGE_QUERY = readFileSync(
  join(ROOT, 'react', 'admin', 'graphql', 'keyDetail.gql'),
  'utf8'
)

const fixture = generateFixture({ keys: 400, users: 60, seed: 7 })
const stack = useStack({ fixture })

const detail = (id: string, cookie = OWNER, live?: boolean) =>
  gql(stack, cookie, PAGE_QUERY, live === undefined ? { id } : { id, live })

/** A key from the middle of the list. */
const target = () => fixture.appKeys[Math.floor(fixture.appKeys.length / 2)]

describe('the key page asks for one key', () => {
  it('answers that key with its roles and findings, and no other key of the account', async () => {
    const key = target()
    const r = await detail(key.id)

    assert.equal(r.body.errors, undefined, r.text.slice(0, 400))
    const { key: shown, inventory } = r.body.data.keyDetail

    assert.equal(shown.id, key.id)
    assert.equal(shown.appKey, key.appKey)
    assert.equal(shown.label, key.label)
    assert.equal(inventory.complete, true)
    // Content: no other key's appKey or id is in the answer.
    const others = fixture.appKeys.filter((k) => k.id !== key.id)

    assert.ok(others.length >= 399)
    const leaked = others.filter(
      (k) => r.text.includes(k.appKey) || r.text.includes(`"${k.id}"`)
    )

    assert.deepEqual(
      leaked.map((k) => k.appKey),
      [],
      'other keys in the answer'
    )
    // Size: a few KB for one key, whatever the account's size (the inventory is ~100× more).
    const full = await gql(
      stack,
      OWNER,
      '{ inventory { keys { id appKey label roles { name } findings { message } } } }'
    )

    assert.ok(
      r.text.length < 8_000,
      `${r.text.length} bytes for one key's page`
    )
    assert.ok(
      r.text.length * 20 < full.text.length,
      `${r.text.length} vs ${full.text.length} bytes for the whole inventory`
    )
  })

  it('is served from the recent copy, saying its age, and "Load live data" reads VTEX', async () => {
    const key = target()
    const cold = (await detail(key.id)).body.data.keyDetail

    assert.equal(cold.inventory.source, 'LIVE')
    const warm = (await detail(key.id)).body.data.keyDetail

    assert.equal(warm.inventory.source, 'RECENT')
    assert.equal(warm.inventory.version, cold.inventory.version)
    assert.equal(typeof warm.inventory.ageSeconds, 'number')
    assert.deepEqual(warm.key, cold.key)
    ageRecentCopy(stack, 1) // a read under 30 s old answers "Load live data" itself
    const before = stack.platform.requests.length
    const live = await detail(key.id, OWNER, true)

    assert.equal(live.body.errors, undefined, live.text.slice(0, 300))
    assert.equal(live.body.data.keyDetail.inventory.source, 'LIVE')
    assert.ok(stack.platform.requests.length > before, 'VTEX was read again')
  })

  it("an admin's writes through Key Steward show on the key's page at once", async () => {
    const unowned = await gql(
      stack,
      OWNER,
      '{ keyList(rule: "no-owner", pageSize: 1) { rows { id } } }'
    )

    const noted = fixture.appKeys.find(
      (k) => k.id === unowned.body.data.keyList.rows[0].id
    )!

    const off = fixture.appKeys.find((k) => k.isActive && k.id !== noted.id)!
    const before = (await detail(noted.id)).body.data.keyDetail

    assert.ok(
      before.key.findings.some((f: { rule: string }) => f.rule === 'no-owner'),
      'an active key without an owner'
    )
    const deactivated = await gql(
      stack,
      OWNER,
      'mutation($k: ID!, $c: String!) { deactivateKey(keyId: $k, confirm: $c) { carriedOut } }',
      { k: off.id, c: off.appKey }
    )

    assert.equal(
      deactivated.body.errors,
      undefined,
      deactivated.text.slice(0, 300)
    )
    await recordOwner(stack, OWNER, noted.id)
    const offPage = (await detail(off.id)).body.data.keyDetail

    assert.equal(offPage.inventory.source, 'RECENT')
    assert.equal(offPage.key.isActive, false)
    const notedPage = (await detail(noted.id)).body.data.keyDetail

    assert.equal(notedPage.inventory.source, 'RECENT')
    assert.equal(notedPage.key.annotation.owner, 'ops@acme.com')
    assert.ok(
      !notedPage.key.findings.some(
        (f: { rule: string }) => f.rule === 'no-owner'
      )
    )
  })

  it('an id the account has no key for is null, with where the data comes from; a malformed id is refused', async () => {
    const r = await detail('no-such-key')

    assert.equal(r.body.errors, undefined, r.text.slice(0, 300))
    assert.equal(r.body.data.keyDetail.key, null)
    assert.equal(r.body.data.keyDetail.inventory.complete, true)
    for (const bad of ['', 'not a key id', 'x'.repeat(65)]) {
      const refused = await detail(bad)

      assert.equal(errorCode(refused), 'BAD_USER_INPUT', JSON.stringify(bad))
      assert.equal(
        (
          refused.body.errors![0].extensions!.fields as Array<{ field: string }>
        )[0].field,
        'id'
      )
    }
  })

  it("names this key's unread roles first and counts other keys' (the banner of a failing VTEX)", async () => {
    const [own, ...others] = fixture.appKeys.slice(10, 14)

    stack.platform.faults.set([
      {
        path: `/users/(${[own, ...others].map((k) => k.id).join('|')})/roles$`,
        status: 500,
      },
    ])
    try {
      const page = await gql(
        stack,
        OWNER,
        PAGE_QUERY,
        { id: own.id, live: true },
        'pt'
      )
      const { inventory } = page.body.data.keyDetail

      assert.equal(inventory.complete, false)
      assert.match(
        inventory.missing[0],
        new RegExp(`^perfis da chave .*\\(${own.appKey}\\)`)
      )
      assert.equal(
        inventory.missing.at(-1),
        'perfis de 3 outras chaves e usuários'
      )
      for (const k of others)
        assert.doesNotMatch(inventory.missing.join('; '), new RegExp(k.appKey))
      // the lists still name every key they could not read
      const all = await gql(stack, OWNER, '{ inventory { missing } }')

      for (const k of [own, ...others])
        assert.match(
          all.body.data.inventory.missing.join('; '),
          new RegExp(k.appKey)
        )
    } finally {
      stack.platform.faults.set([])
      await detail(own.id, OWNER, true)
    }
  })

  it('is never answered to a session without the read resources, copy or not', async () => {
    const key = target()

    await detail(key.id) // the copy exists
    for (const cookie of LACKING) {
      const r = await detail(key.id, cookie)

      assert.equal(
        errorCode(r),
        'FORBIDDEN',
        `${cookie}: ${r.text.slice(0, 200)}`
      )
      assert.doesNotMatch(r.text, /RECENT|vtexappkey/, `${cookie} saw the key`)
    }
  })
})
