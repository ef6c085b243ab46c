// The daily scan's storefront step says what the Exposure page says of the same scan: a script
// that answers 404 or 410 is an answer (nothing is there), not a URL that could not be read, so
// it does not make the daily scan "partial" (walk14 #2); a 503 does, on both.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import type { Stack } from '../stack'
import { gql, useStack } from './helpers'

const ANA = 'session-ana-owner'
const STATUS = `{ schedule { lastRun { storefront { state problem unreadUrls limitReached } } }
  leakScan { complete unreadCount errorCount errors { url reason } notFoundCount notFound { url reason } } }`

const stack = useStack({ fixture: DEFAULT_FIXTURE })

/** Opens Key Steward (registers the daily scan), lets a day pass (it runs), reads what it did. */
async function dailyScan(s: Stack) {
  await gql(s, ANA, '{ reminders { id } }')
  await fetch(`${s.platform.url}/_platform/clock`, {
    method: 'POST',
    body: JSON.stringify({ days: 1 }),
  })
  const r = await gql(s, ANA, STATUS)

  assert.equal(r.body.errors, undefined, r.text)

  return r.body.data
}

const pathsOf = (errors: Array<{ url: string; reason: string }>) =>
  errors.map((e) => `${new URL(e.url).pathname} ${e.reason}`).sort()

describe('the daily scan’s storefront step', () => {
  it('is OK when the only URLs not read answered 404, as the Exposure page says', async () => {
    const { schedule, leakScan } = await dailyScan(stack)

    // the default store links two scripts that are not there: not fetched (errors, as always),
    // and of them the answers the Exposure page lists apart as not found (walk15 #2)
    const missing = [
      '/arquivos/jquery-3.7.1.min.js HTTP 404',
      '/arquivos/qa-widget.js HTTP 404',
    ]

    assert.deepEqual(pathsOf(leakScan.errors), missing)
    assert.equal(leakScan.errorCount, 2)
    assert.deepEqual(pathsOf(leakScan.notFound), missing)
    assert.equal(leakScan.notFoundCount, 2)
    assert.equal(leakScan.complete, true)
    assert.deepEqual(schedule.lastRun.storefront, {
      state: 'OK',
      problem: null,
      unreadUrls: null,
      limitReached: null,
    })
  })

  it('is partial, counting the URLs that could not be read (not the 404s), as the Exposure page says', async () => {
    stack.platform.faults.set([{ path: '^/arquivos/app\\.js$', status: 503 }])
    const { schedule, leakScan } = await dailyScan(stack)

    assert.equal(leakScan.complete, false)
    assert.equal(leakScan.unreadCount, 1)
    assert.deepEqual(schedule.lastRun.storefront, {
      state: 'PARTIAL',
      problem: 'INCOMPLETE',
      unreadUrls: 1,
      limitReached: false,
    })
  })
})
