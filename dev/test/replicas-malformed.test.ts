// The read progress another replica publishes in VBase (snapshots/reading.json) is data this
// replica did not write: a document of the wrong shape (a bad deploy, a half-written file, a clock
// gone wrong) must not break the status query, stop every live read, or put a token in an answer.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { errorCode, gql, useStack } from './helpers'

const OWNER = 'session-ana-owner'
const STATUS =
  '{ inventoryStatus { reading lastError progress { phase done total elapsedSeconds concurrency maxConcurrency waitingSeconds rateLimited } } }'

const LIVE =
  'query L($id: ID!) { keyDetail(id: $id, live: true) { key { id } inventory { source } } }'

const stack = useStack({ fixture: DEFAULT_FIXTURE })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function vbaseKey(bucket: string, path: string): string {
  const [first] = [...stack.platform.state.vbase.keys()]
  const app = first.split('/')[1]

  return `master/${app}/${bucket}/${path}`
}

function plantRaw(body: string): void {
  stack.platform.state.vbase.set(vbaseKey('snapshots', 'reading.json'), {
    body: Buffer.from(body),
    contentType: 'application/json',
    etag: stack.platform.state.nextEtag(),
  })
}

const reading = (over: Record<string, unknown> = {}) => ({
  readId: 'read-on-replica-2',
  phase: 'ROLES',
  done: 10,
  total: 20,
  startedAtMs: Date.now() - 5_000,
  heartbeatAtMs: Date.now(),
  throttle: null,
  ended: null,
  ...over,
})

describe('a malformed read-progress document', () => {
  const shapes: Array<[string, string]> = [
    ['not JSON', '{{{'],
    ['an array', '[1, 2]'],
    ['a number', '42'],
    [
      'numbers out of range',
      JSON.stringify(reading()).replace('"done":10', '"done":1e400'),
    ],
    [
      'a huge count',
      JSON.stringify(reading({ done: 2 ** 40, total: 2 ** 41 })),
    ],
    ['counts as text', JSON.stringify(reading({ done: '12', total: 'many' }))],
    ['an unknown phase', JSON.stringify(reading({ phase: 'HACK' }))],
    ['a start in the future', JSON.stringify(reading({ startedAtMs: 1e15 }))],
    [
      'a throttle of the wrong types',
      JSON.stringify(
        reading({
          throttle: {
            limit: 'x',
            ceiling: 1e300,
            pausedUntil: 1e300,
            throttled: -5,
          },
        })
      ),
    ],
    [
      'an outcome of the wrong types',
      JSON.stringify(
        reading({ ended: { ok: false, atMs: Date.now(), error: { a: 1 } } })
      ),
    ],
  ]

  for (const [name, body] of shapes)
    it(`(${name}) still lets the status query answer`, async () => {
      plantRaw(body)
      const r = await gql(stack, OWNER, STATUS)

      assert.equal(r.body.errors, undefined, r.text.slice(0, 300))
      const s = r.body.data.inventoryStatus

      if (s.progress) {
        assert.ok(['LISTS', 'ROLES', 'SAVING'].includes(s.progress.phase))
        for (const n of Object.values(s.progress).filter(
          (v) => typeof v === 'number'
        ))
          assert.ok((n as number) >= 0, `${JSON.stringify(s.progress)}`)
      }
    })

  for (const [name, over] of [
    ['a heartbeat that is not a number', { heartbeatAtMs: 'soon' }],
    ['no heartbeat', { heartbeatAtMs: undefined }],
    [
      'a heartbeat far in the future',
      { heartbeatAtMs: Date.now() + 365 * 86_400_000 },
    ],
  ] as Array<[string, Record<string, unknown>]>)
    it(`(${name}) is no read: a live read goes ahead here`, async () => {
      plantRaw(JSON.stringify(reading(over)))
      const s = await gql(stack, OWNER, STATUS)

      assert.equal(
        s.body.data.inventoryStatus.reading,
        false,
        s.text.slice(0, 300)
      )
      const r = await gql(stack, OWNER, LIVE, {
        id: stack.fixture.appKeys[0].id,
      })

      assert.equal(r.body.errors, undefined, r.text.slice(0, 300))
      assert.equal(r.body.data.keyDetail.inventory.source, 'LIVE')
    })

  it('never answers a token it holds in its last error', async () => {
    // token-shaped, not a fixture's (the suite's secret check would find it planted in VBase)
    const token = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)

    await sleep(1_000) // the last test's read has written its end (it would replace the plant)

    plantRaw(
      JSON.stringify(
        reading({
          ended: { ok: false, atMs: Date.now(), error: `VTEX said ${token}` },
        })
      )
    )
    const r = await gql(stack, OWNER, STATUS)
    const { lastError } = r.body.data.inventoryStatus as { lastError: string }

    assert.match(String(lastError), /VTEX said/, r.text.slice(0, 300))
    assert.ok(!lastError.includes(token.slice(0, 32)), lastError)
  })

  it('whose failure names a message the service does not have answers a clear error', async () => {
    plantRaw(JSON.stringify(reading()))
    const page = gql(stack, OWNER, LIVE, { id: stack.fixture.appKeys[0].id })

    await sleep(1_500)
    plantRaw(
      JSON.stringify(
        reading({
          ended: {
            ok: false,
            atMs: Date.now(),
            error: 'x',
            code: 'UPSTREAM_UNAVAILABLE',
            wording: { message: { id: 'no.such.message' } },
          },
        })
      )
    )
    const r = await page

    assert.equal(errorCode(r), 'UPSTREAM_UNAVAILABLE', r.text.slice(0, 300))
    assert.doesNotMatch(r.text, /no\.such\.message|no message/)
  })
})
