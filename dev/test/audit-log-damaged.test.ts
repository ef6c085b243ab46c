// Damaged or hand-edited entries of the audit log (a state code this version does not know, a
// value GraphQL cannot carry, a token where a day or a role name goes, an entry that is not a
// record) on the key page's log and the review's evidence export (attack14).
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import { readManifest } from '../stack'
import { gql, loadJson, useStack } from './helpers'

const ANA = 'session-ana-owner'
const stack = useStack({ fixture: DEFAULT_FIXTURE })
const m = readManifest()
const APP = `${m.vendor}.${m.name}`
const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const key = fixture.appKeys[0]
// shaped as VTEX's tokens are, but none of the fixture's
const TOKEN = 'QWERTYUIOPASDFGHJKLZXCVBNMQWERTYUIOPASDFGHJKLZXCVBNMQWERTYUIOPAS'

function plant(bucket: string, path: string, value: unknown) {
  stack.platform.state.vbase.set(`master/${APP}/${bucket}/${path}`, {
    body: Buffer.from(JSON.stringify(value)),
    contentType: 'application/json',
    etag: stack.platform.state.nextEtag(),
  })
}

const entry = (at: string, n: number, states: Record<string, unknown>) => ({
  id: `${at}-${n}`,
  at,
  by: 'ana@example.com',
  action: 'DEACTIVATE',
  keyId: key.id,
  appKey: key.appKey,
  label: key.label,
  before: 'active',
  after: 'inactive',
  vtex: { endpoint: 'PUT /api/vlm/appkeys/…', status: 200, answer: '' },
  outcome: 'DONE',
  reviewId: null,
  note: null,
  ...states,
})

const damaged = (at: string) => [
  null,
  'not a record',
  entry(at, 1, {
    beforeState: { code: 'SOMETHING_NEWER' },
    afterState: { code: 'RENEWAL', renewal: 'MAYBE' },
  }),
  entry(at, 2, {
    beforeState: { code: 'LAST_RENEWAL', date: `2026-11-20 ${TOKEN}` },
    afterState: { code: 'ROLES', roles: [`Role ${TOKEN}`, 7] },
  }),
  entry(at, 3, { beforeState: 'ACTIVE', afterState: { code: 'ROLES' } }),
  entry(at, 4, { action: 'SOMETHING_NEWER' }),
  entry(at, 5, { outcome: undefined, before: undefined }),
]

const UNREADABLE = `query($k: ID!) { keyAuditUnreadable(keyId: $k) }`
const AUDIT = `query($k: ID!) { keyAudit(keyId: $k) { id before after beforeState { code date renewal roles } afterState { code date renewal roles } } }`

describe('a damaged audit log', () => {
  it('still answers the key page’s log: an unreadable state is null (its text is shown), never a token', async () => {
    plant('audit', `key-${key.id}.json`, damaged('2026-11-20T12:00:00.000Z'))
    const r = await gql(stack, ANA, AUDIT, { k: key.id })

    assert.equal(r.body.errors, undefined, r.text)
    const log = r.body.data.keyAudit as Array<Record<string, any>>

    assert.equal(log.length, 3)
    assert.ok(!r.text.includes(TOKEN.slice(0, 20)), r.text)
    const byId = new Map(log.map((a) => [a.id.slice(-1), a]))

    assert.equal(byId.get('1')!.beforeState, null)
    assert.equal(byId.get('1')!.afterState, null)
    assert.equal(byId.get('1')!.before, 'active')
    assert.equal(byId.get('2')!.beforeState.date, '2026-11-20')
    assert.equal(byId.get('2')!.afterState.roles.length, 1)
    assert.equal(byId.get('3')!.beforeState, null)
    assert.equal(byId.get('3')!.afterState, null)
    // what is left out is counted for the page (two non-records, two GraphQL cannot answer)
    const count = await gql(stack, ANA, UNREADABLE, { k: key.id })

    assert.equal(count.body.errors, undefined, count.text)
    assert.equal(count.body.data.keyAuditUnreadable, 4)
  })

  it('still answers when the file is not a list', async () => {
    plant('audit', `key-${key.id}.json`, { broken: true })
    const r = await gql(stack, ANA, AUDIT, { k: key.id })

    assert.equal(r.body.errors, undefined, r.text)
    assert.deepEqual(r.body.data.keyAudit, [])
    const count = await gql(stack, ANA, UNREADABLE, { k: key.id })

    assert.equal(count.body.data.keyAuditUnreadable, 1, count.text)
  })

  it('still exports the review’s evidence (CSV and JSON)', async () => {
    const started = await gql(
      stack,
      ANA,
      'mutation { startReview { id startedAt } }'
    )

    assert.equal(started.body.errors, undefined, started.text)
    const { id, startedAt } = started.body.data.startReview

    plant('audit', `month-${startedAt.slice(0, 7)}.json`, damaged(startedAt))
    for (const format of ['CSV', 'JSON']) {
      const r = await gql(
        stack,
        ANA,
        `{ reviewExport(id: "${id}", format: ${format}) { content } }`
      )

      assert.equal(r.body.errors, undefined, `${format}: ${r.text}`)
      assert.match(r.body.data.reviewExport.content, /DEACTIVATE/)
      assert.ok(!r.text.includes(TOKEN.slice(0, 20)), `${format}: ${r.text}`)
    }
  })
})
