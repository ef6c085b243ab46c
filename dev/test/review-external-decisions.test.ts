// Decisions on external keys (keys of other accounts: Keep or Reduce roles only) attacked through
// the whole stack: every decision on a key of this account and on an external key, one at a time
// and in bulk; mixed and repeated lists; ids that are no key; justifications that show nothing or
// hold a token. A refusal changes nothing, and no answer, log line or stored document holds a
// token (useStack's check after the file).
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import type { GqlResult } from './helpers'
import { errorCode, gql, loadJson, useStack } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'
const CARLA = 'session-carla-readonly'
const TOKEN = fixture.appKeys[0].token

const DECIDE =
  'mutation($k: ID!, $d: Decision!, $j: String) { decideKey(keyId: $k, decision: $d, justification: $j) { progress { keysDecided } } }'
const BULK =
  'mutation($ids: [ID!], $d: Decision!, $j: String) { decideKeys(keyIds: $ids, decision: $d, justification: $j) { changed { id decision { decision justification } } } }'
const PAGE =
  'query($f: DecisionFilter, $l: Int) { reviewDecisions(filter: $f, limit: $l) { total keys { id label risky external decision { decision justification } } } }'

type Row = {
  id: string
  risky: boolean
  external: boolean
  decision: { decision: string; justification: string } | null
}

// The stack's storage is kept across these tests: one review, attacked step by step.
const stack = useStack({ fixture: DEFAULT_FIXTURE }, { resetEach: false })

const rows = async (): Promise<Row[]> => {
  const r = await gql(stack, ANA, PAGE, { l: 200 })

  assert.equal(r.body.errors, undefined, r.text.slice(0, 300))

  return r.body.data.reviewDecisions.keys
}

const decided = async () => (await rows()).filter((k) => k.decision)

const refusedOn = (r: GqlResult, field: string) => {
  assert.equal(errorCode(r), 'BAD_USER_INPUT', r.text.slice(0, 300))
  const fields = r.body.errors![0].extensions!.fields as Array<{
    field: string
  }>

  assert.deepEqual(
    fields.map((f) => f.field),
    [field],
    r.text.slice(0, 300)
  )
}

let own: Row
let risky: Row
let external: Row
let riskyExternal: Row | undefined

let started: Promise<void> | undefined

/** The review, started once (the stack starts in useStack's hook, before the first test). */
const ready = () =>
  (started ??= (async () => {
    const r = await gql(stack, ANA, 'mutation { startReview { id } }')

    assert.equal(r.body.errors, undefined, r.text)
    const all = await rows()

    own = all.find((k) => !k.external && !k.risky)!
    risky = all.find((k) => !k.external && k.risky)!
    external = all.find((k) => k.external)!
    riskyExternal = all.find((k) => k.external && k.risky)
    assert.ok(own && risky && external, 'the fixture has each kind of key')
  })())

describe('decisions on keys of this account and of other accounts', () => {
  for (const d of ['ROTATE', 'DEACTIVATE']) {
    it(`${d} on an external key is refused, one at a time and in bulk, mixed with keys of this account, changing nothing`, async () => {
      await ready()
      refusedOn(
        await gql(stack, ANA, DECIDE, { k: external.id, d }),
        'decision'
      )
      const mixed = await gql(stack, ANA, BULK, {
        ids: [own.id, external.id, own.id, external.id],
        d,
        j: 'quarterly',
      })

      refusedOn(mixed, 'decision')
      // the external key is named once, the key of this account not at all
      assert.deepEqual(
        (mixed.body.errors![0].extensions!.keys as Array<{ id: string }>).map(
          (k) => k.id
        ),
        [external.id]
      )
      assert.deepEqual(await decided(), [])
    })
  }

  for (const d of ['ROTATE', 'DEACTIVATE', 'REDUCE_ROLES', 'KEEP']) {
    it(`${d} on a key of this account is taken, once for a repeated id`, async () => {
      await ready()
      const r = await gql(stack, ANA, BULK, {
        ids: [own.id, own.id, own.id],
        d,
        j: 'reviewed with the ERP team',
      })

      assert.equal(r.body.errors, undefined, r.text.slice(0, 300))
      assert.deepEqual(
        r.body.data.decideKeys.changed.map((k: { id: string }) => k.id),
        [own.id]
      )
    })
  }

  for (const d of ['KEEP', 'REDUCE_ROLES']) {
    it(`${d} on an external key is taken, one at a time and in bulk`, async () => {
      await ready()
      const one = await gql(stack, ANA, DECIDE, {
        k: external.id,
        d,
        j: 'the partner still runs the integration',
      })

      assert.equal(one.body.errors, undefined, one.text.slice(0, 300))
      const many = await gql(stack, ANA, BULK, {
        ids: [external.id],
        d,
        j: 'confirmed with the partner',
      })

      assert.equal(many.body.errors, undefined, many.text.slice(0, 300))
    })
  }

  it('ids that are no key of the review are refused as not found, whatever their characters, and changing nothing', async () => {
    await ready()
    const before = await decided()

    for (const id of [
      '__proto__',
      'constructor',
      'external:',
      `external:${own.id}`,
      external.id.toUpperCase(),
      ` ${own.id}`,
      `${own.id}\u200B`,
      'x'.repeat(5000),
      TOKEN,
    ]) {
      const one = await gql(stack, ANA, DECIDE, { k: id, d: 'REDUCE_ROLES' })

      assert.equal(
        errorCode(one),
        'NOT_FOUND',
        `${id.slice(0, 40)}: ${one.text.slice(0, 200)}`
      )
      const many = await gql(stack, ANA, BULK, {
        ids: [own.id, id],
        d: 'REDUCE_ROLES',
      })

      assert.equal(errorCode(many), 'NOT_FOUND', many.text.slice(0, 200))
    }

    assert.deepEqual(await decided(), before)
  })
})

describe('justifications of a Keep on a risky key', () => {
  const blank = ['', '   ', '\u200B', '\u3164 \u3164', '\u2800\u2060']

  for (const j of blank)
    it(`${JSON.stringify(
      j
    )} shows nothing: refused one at a time and in bulk`, async () => {
      await ready()
      const one = await gql(stack, ANA, DECIDE, { k: risky.id, d: 'KEEP', j })

      refusedOn(one, 'justification')
      const many = await gql(stack, ANA, BULK, {
        ids: [risky.id, ...(riskyExternal ? [riskyExternal.id] : [])],
        d: 'KEEP',
        j,
      })

      refusedOn(many, 'justification')
      const row = (await rows()).find((k) => k.id === risky.id)!

      assert.equal(row.decision, null)
    })

  it('a pasted token is refused and not echoed; a long justification is refused by its length', async () => {
    await ready()
    for (const j of [
      TOKEN,
      `keep it, token ${TOKEN.match(/.{1,4}/g)!.join('-')}`,
      `${TOKEN.slice(0, 64)
        .match(/.{1,3}/g)!
        .join(' ')} (half of it)`,
    ])
      refusedOn(
        await gql(stack, ANA, DECIDE, { k: risky.id, d: 'KEEP', j }),
        'justification'
      )
    refusedOn(
      await gql(stack, ANA, DECIDE, {
        k: risky.id,
        d: 'KEEP',
        j: 'a'.repeat(1001),
      }),
      'justification'
    )
  })

  it('a session that may not read the account decides nothing', async () => {
    await ready()
    const r = await gql(stack, CARLA, DECIDE, {
      k: risky.id,
      d: 'KEEP',
      j: 'fine by me',
    })

    assert.equal(errorCode(r), 'FORBIDDEN')
    assert.equal(r.body.errors![0].extensions!.auditor, undefined)
  })
})
