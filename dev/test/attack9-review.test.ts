// attack9 through the stack: what the eighth session's review fields do when VBase does not answer
// or holds damaged documents. The review page reads without the settings (its findings now are then
// unknown): the sign-off dialog's date must not fail it. A damaged review index entry must not make
// an account with a completed review read "never reviewed", and one review document of another
// shape must not fail the history.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { readManifest } from '../stack'
import { gql, useStack } from './helpers'

const ANA = 'session-ana-owner'
const stack = useStack({ fixture: DEFAULT_FIXTURE })
const m = readManifest()
const APP = `${m.vendor}.${m.name}`

function plant(bucket: string, path: string, value: unknown) {
  stack.platform.state.vbase.set(`master/${APP}/${bucket}/${path}`, {
    body: Buffer.from(JSON.stringify(value)),
    contentType: 'application/json',
    etag: stack.platform.state.nextEtag(),
  })
}

const OPEN_REVIEW =
  '{ review { id status nextDueIfSignedNow findingsNowKnown progress { keysTotal } } }'

describe('the open review when the settings cannot be read', () => {
  it('answers the review with no next due date while VBase fails on the settings, and the date once it answers', async () => {
    const started = await gql(stack, ANA, 'mutation { startReview { id } }')

    assert.equal(started.body.errors, undefined, started.text)
    stack.platform.faults.set([
      { method: 'GET', path: '/settings/files/settings\\.json', status: 503 },
    ])
    const failing = await gql(stack, ANA, OPEN_REVIEW)

    assert.equal(failing.body.errors, undefined, failing.text)
    assert.equal(failing.body.data.review.status, 'OPEN')
    assert.equal(failing.body.data.review.nextDueIfSignedNow, null)
    assert.ok(failing.body.data.review.progress.keysTotal > 0)

    stack.platform.faults.set([])
    const again = await gql(stack, ANA, OPEN_REVIEW)

    assert.equal(again.body.errors, undefined, again.text)
    assert.match(again.body.data.review.nextDueIfSignedNow, /^\d{4}-\d\d-\d\dT/)
  })

  // Since the settings are held to their limits on read (withDefaults), a damaged cadence gives
  // the date of the cadence as used: its limit, or the default for one that is no number.
  it('answers it with the date of the cadence as used when the stored one is damaged', async () => {
    const started = await gql(stack, ANA, 'mutation { startReview { id } }')

    assert.equal(started.body.errors, undefined, started.text)
    const dueWith = async (reviewCadenceDays: unknown) => {
      plant('settings', 'settings.json', { reviewCadenceDays })
      const r = await gql(stack, ANA, OPEN_REVIEW)

      assert.equal(r.body.errors, undefined, r.text)
      assert.match(r.body.data.review.nextDueIfSignedNow, /^\d{4}-\d\d-\d\dT/)

      return Date.parse(r.body.data.review.nextDueIfSignedNow)
    }

    const days = (ms: number) => Math.round(ms / 86_400_000)
    const base = await dueWith(90)

    for (const [damaged, used] of [
      [1e300, 365],
      [-1e300, 7],
      ['ninety', 90],
      [null, 90],
    ] as const)
      assert.equal(
        days((await dueWith(damaged)) - base),
        used - 90,
        `${damaged}`
      )
  })
})

describe('a damaged review index', () => {
  const signed = (id: string, completedAt?: unknown) => ({
    id,
    startedAt: '2026-11-01T10:00:00.000Z',
    ...(completedAt === undefined ? {} : { completedAt }),
    signedBy: 'bruno@acme.com',
    keys: 3,
    changesAsked: 0,
  })

  it('does not read "never reviewed" when a review was completed and an entry has no readable time', async () => {
    for (const damaged of [undefined, null, 'yesterday', 7]) {
      plant('reviews', 'reviews.json', {
        openId: null,
        completed: [
          signed('2026-11-01-aaaa0001', '2026-11-01T12:00:00.000Z'),
          signed('2026-11-02-bbbb0002', damaged),
        ],
      })
      const r = await gql(
        stack,
        ANA,
        '{ hygiene { overdue lastReviewCompletedAt nextReviewDue topCosts { rule neverReviewed } } reminders { id } }'
      )

      assert.equal(r.body.errors, undefined, `${damaged}: ${r.text}`)
      const h = r.body.data.hygiene

      assert.equal(
        h.lastReviewCompletedAt,
        '2026-11-01T12:00:00.000Z',
        `${damaged}`
      )
      assert.equal(h.overdue, false, `${damaged}`)
      assert.ok(
        !h.topCosts.some(
          (c: { rule: string | null; neverReviewed: boolean }) =>
            c.rule === 'review-overdue' || c.neverReviewed
        ),
        `${damaged}: ${JSON.stringify(h.topCosts)}`
      )
      assert.ok(
        !r.body.data.reminders.some((x: { id: string }) =>
          x.id.startsWith('review-overdue:never')
        ),
        `${damaged}: ${JSON.stringify(r.body.data.reminders)}`
      )
    }
  })

  it('answers the history when one review document is JSON of another shape', async () => {
    plant('reviews', 'reviews.json', {
      openId: null,
      completed: [
        {
          ...signed('2026-11-01-aaaa0001', '2026-11-01T12:00:00.000Z'),
          changesAsked: undefined,
        },
        signed('2026-11-02-bbbb0002', '2026-11-02T12:00:00.000Z'),
      ],
    })
    plant('reviews', 'review-2026-11-01-aaaa0001.json', { keys: 'not a list' })
    const r = await gql(stack, ANA, '{ reviews { id changesAsked } }')

    assert.equal(r.body.errors, undefined, r.text)
    assert.deepEqual(r.body.data.reviews, [
      { id: '2026-11-02-bbbb0002', changesAsked: 0 },
      { id: '2026-11-01-aaaa0001', changesAsked: null },
    ])
  })
})

describe('every key matching, narrowed by external', () => {
  const PAGE =
    'query($f: DecisionFilter, $o: Int, $l: Int) { reviewDecisions(filter: $f, offset: $o, limit: $l) { total keys { id external decision { decision } } } }'
  const BULK =
    'mutation($m: DecisionFilter, $d: Decision!, $j: String) { decideKeys(matching: $m, decision: $d, justification: $j) { changed { id } progress { keysDecided } } }'

  async function decided(): Promise<
    Array<{
      id: string
      external: boolean
      decision: { decision: string } | null
    }>
  > {
    const r = await gql(stack, ANA, PAGE, { f: { status: 'DECIDED' }, l: 200 })

    assert.equal(r.body.errors, undefined, r.text)

    return r.body.data.reviewDecisions.keys
  }

  it('decides only this account’s keys with external: false, refuses external ones whole, and pages them', async () => {
    const started = await gql(stack, ANA, 'mutation { startReview { id } }')

    assert.equal(started.body.errors, undefined, started.text)
    const ext = await gql(stack, ANA, PAGE, { f: { external: true }, l: 1 })
    const extTotal = ext.body.data.reviewDecisions.total

    assert.ok(extTotal > 1, 'the fixture has external keys')
    // paged one at a time, with the undecided filter and an empty search: every one is external
    const seen = new Set<string>()

    for (let o = 0; o < extTotal; o++) {
      const p = await gql(stack, ANA, PAGE, {
        f: { external: true, status: 'UNDECIDED', search: '' },
        o,
        l: 1,
      })

      assert.equal(p.body.errors, undefined, p.text)
      assert.equal(p.body.data.reviewDecisions.total, extTotal)
      assert.equal(p.body.data.reviewDecisions.keys[0].external, true)
      seen.add(p.body.data.reviewDecisions.keys[0].id)
    }
    assert.equal(seen.size, extTotal)

    // Rotate and Deactivate on every external key matching, or on every key: refused, nothing decided
    for (const m of [{ external: true }, {}, { external: null }])
      for (const d of ['ROTATE', 'DEACTIVATE']) {
        const r = await gql(stack, ANA, BULK, { m, d, j: 'attack9' })

        assert.equal(
          r.body.errors?.[0]?.extensions?.code,
          'BAD_USER_INPUT',
          r.text
        )
        assert.deepEqual(await decided(), [])
      }

    // a session that may not decide is refused, whatever the filter
    const carla = await gql(stack, 'session-carla-readonly', BULK, {
      m: { external: false },
      d: 'ROTATE',
    })

    assert.ok(carla.body.errors?.length, carla.text)
    assert.deepEqual(await decided(), [])

    // Rotate on every key of this account that is risky: only those are decided
    const own = await gql(stack, ANA, PAGE, {
      f: { external: false, risky: true },
      l: 200,
    })
    const rotated = await gql(stack, ANA, BULK, {
      m: { external: false, risky: true },
      d: 'ROTATE',
    })

    assert.equal(rotated.body.errors, undefined, rotated.text)
    const ids = rotated.body.data.decideKeys.changed.map(
      (k: { id: string }) => k.id
    )

    assert.deepEqual(
      [...ids].sort(),
      own.body.data.reviewDecisions.keys.map((k: { id: string }) => k.id).sort()
    )
    assert.ok((await decided()).every((k) => !k.external))
  })
})
