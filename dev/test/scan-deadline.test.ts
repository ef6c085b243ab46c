// The scheduled scan fits its route: the inventory read and the storefront crawl run side by side
// under one deadline safely inside service.json's timeout (which the local router enforces, as
// VTEX IO does), and what they could not finish is saved as partial, with what was left out.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { gql, useStack } from './helpers'

const ANA = 'session-ana-owner'
const stack = useStack({ fixture: DEFAULT_FIXTURE }, { resetEach: false })

describe('scheduled scan under slow VTEX and a slow storefront', () => {
  it('answers within the route timeout and saves a partial snapshot naming what is missing', async () => {
    await gql(stack, ANA, '{ reminders { id } }')
    // Role reads take 3 s each (so the whole account would take ~25 s at concurrency 8) and
    // the store's pages take 6 s: one after the other they would pass the 30 s route timeout.
    stack.platform.faults.set([
      { path: '/roles$', latencyMs: 3000 },
      { path: '^/(sitemap.*|)$', latencyMs: 6000 },
    ])
    const started = Date.now()
    const { fired } = (await (
      await fetch(`${stack.platform.url}/_platform/clock`, {
        method: 'POST',
        body: JSON.stringify({ days: 1 }),
      })
    ).json()) as { fired: Array<{ status: number }> }

    const elapsed = Date.now() - started

    stack.platform.faults.set([])
    assert.deepEqual(
      fired.map((f) => f.status),
      [200],
      'the scan answered before the router gave up'
    )
    assert.ok(elapsed < 30_000, `took ${elapsed} ms`)
    const { data } = (
      await gql(
        stack,
        ANA,
        `{ schedule { lastScanAt lastRun { inventory { state problem detail } storefront { state problem } } }
      inventory { source complete missing } }`
      )
    ).body

    assert.equal(data.schedule.lastRun.inventory.state, 'PARTIAL')
    assert.match(
      data.schedule.lastRun.inventory.detail,
      /roles of .*no time left before the deadline/
    )
    assert.ok(
      ['OK', 'PARTIAL'].includes(data.schedule.lastRun.storefront.state)
    )
    assert.ok(data.schedule.lastScanAt, 'the partial snapshot was saved')
    // The same stored status read by a pt and an es admin: worded in their language, not English.
    for (const [locale, words] of [
      ['pt', /^perfis d.*sem tempo antes do prazo/],
      ['es', /^roles de.*sin tiempo antes del plazo/],
    ] as const) {
      const { detail } = (
        await gql(
          stack,
          ANA,
          '{ schedule { lastRun { inventory { detail } } } }',
          undefined,
          locale
        )
      ).body.data.schedule.lastRun.inventory

      assert.match(detail, words)
      assert.doesNotMatch(detail, /roles of|attempt|deadline/)
    }
  })
})
