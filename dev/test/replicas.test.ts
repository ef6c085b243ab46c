// A service runs in several replicas on VTEX IO and a page's requests may land on any of them.
// One replica's live read is shared with the others through VBase (node/services/
// sharedProgress.ts): they report its progress and follow it instead of reading the account
// again. Here "another replica" is its progress document, planted in the VBase stand-in.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { errorCode, gql, useStack } from './helpers'

const OWNER = 'session-ana-owner'
const LIST =
  '{ keyList(pageSize: 5) { total inventory { source version revalidating } } }'

const STATUS =
  '{ inventoryStatus { reading lastError progress { phase done total concurrency maxConcurrency rateLimited } } }'

const stack = useStack({ fixture: DEFAULT_FIXTURE })

const roleCalls = () =>
  stack.platform.requests.filter(
    (r) => /\/users\/[^/]+\/roles$/.test(r.path) && r.method === 'GET'
  ).length

/** `master/<app>/<bucket>/<path>` of the app's VBase (the app from what the fixture seeded). */
function vbaseKey(bucket: string, path: string): string {
  const app = [...stack.platform.state.vbase.keys()][0].split('/')[1]

  return `master/${app}/${bucket}/${path}`
}

/** Another replica's read, as it publishes it. */
function plant(over: Record<string, unknown> = {}): void {
  const now = Date.now()

  stack.platform.state.vbase.set(vbaseKey('snapshots', 'reading.json'), {
    body: Buffer.from(
      JSON.stringify({
        readId: 'read-on-replica-2',
        phase: 'ROLES',
        done: 1240,
        total: 6000,
        startedAtMs: now - 30_000,
        heartbeatAtMs: now,
        throttle: { limit: 4, ceiling: 8, pausedUntil: 0, throttled: 3 },
        ended: null,
        ...over,
      })
    ),
    contentType: 'application/json',
    etag: stack.platform.state.nextEtag(),
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Waits until the progress document says a read ended (this replica's last write of it). */
async function readEnded(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const file = stack.platform.state.vbase.get(
      vbaseKey('snapshots', 'reading.json')
    )

    if (file && JSON.parse(file.body.toString('utf8')).ended) return
    await sleep(50)
  }

  throw new Error('the read never said it ended')
}

describe('a read on another replica', () => {
  it("is reported by this one's status query, with its progress", async () => {
    plant()
    const r = await gql(stack, OWNER, STATUS)

    assert.equal(r.body.errors, undefined, r.text.slice(0, 300))
    assert.deepEqual(r.body.data.inventoryStatus, {
      reading: true,
      lastError: null,
      progress: {
        phase: 'ROLES',
        done: 1240,
        total: 6000,
        concurrency: 4,
        maxConcurrency: 8,
        rateLimited: 3,
      },
    })
  })

  it('is followed by a page here instead of reading the account again, and its failure is told', async () => {
    plant()
    const before = roleCalls()
    const page = gql(stack, OWNER, LIST)

    await sleep(2_500)
    assert.equal(roleCalls(), before, 'no role was read while replica 2 reads')
    // it failed there as VTEX was down: here, the same error, in this admin's language
    const unavailable = {
      id: 'refusal.upstream.unavailable',
      values: {
        what: 'rolesOf',
        endpoint: 'GET /api/license-manager/users/{userId}/roles',
        outcome: 'failed',
        attempts: 3,
        reason: { id: 'upstream.cause', values: { cause: 'HTTP 503' } },
        deadline: 'no',
      },
    }

    plant({
      ended: {
        atMs: Date.now(),
        ok: false,
        error: 'VTEX did not answer: License Manager failed after 3 attempts',
        code: 'UPSTREAM_UNAVAILABLE',
        wording: { message: unavailable },
      },
    })
    const r = await page

    assert.equal(errorCode(r), 'UPSTREAM_UNAVAILABLE', r.text.slice(0, 300))
    assert.match(
      r.body.errors?.[0]?.message ?? '',
      /Could not read the roles of a key or user: VTEX failed \(HTTP 503\) after 3 attempts/
    )
    assert.equal(roleCalls(), before)
    const status = (await gql(stack, OWNER, STATUS)).body.data.inventoryStatus

    assert.equal(status.reading, false)
    assert.match(status.lastError, /VTEX did not answer/)
  })

  it('revalidates a stale copy by following it, and serves the copy it leaves', async () => {
    const first = await gql(stack, OWNER, LIST) // a read here leaves a copy

    assert.equal(first.body.data.keyList.inventory.source, 'LIVE')
    await readEnded() // this replica's own read has said it ended
    // the copy is old: the next page revalidates it, while replica 2 is reading
    const metaKey = vbaseKey('snapshots', 'recent-meta.json')
    const file = stack.platform.state.vbase.get(metaKey)!
    const meta = JSON.parse(file.body.toString('utf8'))

    file.body = Buffer.from(
      JSON.stringify({ ...meta, readAtMs: meta.readAtMs - 60 * 60_000 })
    )
    plant()
    const calls = roleCalls()
    const second = await gql(stack, OWNER, LIST)

    assert.equal(second.body.data.keyList.inventory.source, 'RECENT')
    assert.equal(second.body.data.keyList.inventory.revalidating, true)
    await sleep(2_500)
    assert.equal(roleCalls(), calls, 'the revalidation followed replica 2')
  })

  it('is ignored once its replica stops beating: this one reads', async () => {
    plant({ heartbeatAtMs: Date.now() - 60_000 })
    const before = roleCalls()
    const r = await gql(stack, OWNER, LIST)

    assert.equal(r.body.errors, undefined, r.text.slice(0, 300))
    assert.equal(r.body.data.keyList.inventory.source, 'LIVE')
    assert.ok(roleCalls() > before)
    assert.equal(
      (await gql(stack, OWNER, STATUS)).body.data.inventoryStatus.reading,
      false
    )
  })
})
