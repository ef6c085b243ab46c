// `npm run bench:review`: the access review at 5,000 keys through the whole local stack: bytes
// on the wire and time per single decision and per bulk decision. "Before" is how the page
// worked until issue 11 (decideKey, then the whole review fetched again to redraw); "after" is
// decideKeys (answers only what changed) plus the one table page the page fetches again.
// Prints figures; asserts nothing.
import { performance } from 'perf_hooks'

import { generateFixture } from '../fixtures/generate'
import { startStack } from '../stack'

const WHOLE_REVIEW =
  '{ review { id progress { keysDecided } checklist { practice status evidence { id value ok } } keys { id appKey label isActive ageDays roles risky findings { rule severity } decision { decision justification decidedBy decidedAt } } } }'

const DECIDE =
  'mutation($k: ID!) { decideKey(keyId: $k, decision: ROTATE) { id progress { keysDecided } } }'

const BULK =
  'mutation($ids: [ID!], $m: DecisionFilter) { decideKeys(keyIds: $ids, matching: $m, decision: ROTATE) { reviewId changed { id decision { decision justification decidedBy decidedAt } } progress { keysTotal keysDecided practicesClosed openPractices decisionCounts { decision count } } } }'

const PAGE =
  'query($f: DecisionFilter) { reviewDecisions(filter: $f, limit: 50) { reviewId total offset keys { id appKey label isActive ageDays roles risky external account findings { rule severity } decision { decision justification decidedBy decidedAt } } } }'

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  const fixture = generateFixture({ keys: 5000, users: 200, seed: 11 })
  const stack = await startStack({ fixture })
  const cookie = Object.keys(fixture.sessions)[0]
  const call = async (query: string, variables?: Record<string, unknown>) => {
    const t0 = performance.now()
    const res = await fetch(`${stack.url}/_v/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `VtexIdclientAutCookie=${cookie}`,
      },
      body: JSON.stringify({ query, variables }),
    })

    const text = await res.text()
    const body = JSON.parse(text) as { data?: any; errors?: unknown[] }

    if (body.errors)
      throw new Error(`${query.slice(0, 40)}: ${text.slice(0, 300)}`)

    return { body, bytes: Buffer.byteLength(text), ms: performance.now() - t0 }
  }

  try {
    await call('mutation { startReview { id } }')
    const ids: string[] = (await call(WHOLE_REVIEW)).body.data.review.keys.map(
      (k: { id: string }) => k.id
    )

    console.log(`review of ${ids.length} keys`)
    console.log(
      'action                                         bytes (median)   ms (median, 5 runs)'
    )
    const row = (name: string, bytes: number[], ms: number[]) =>
      console.log(
        `${name.padEnd(46)} ${String(median(bytes)).padStart(14)}   ${median(ms)
          .toFixed(0)
          .padStart(8)}`
      )

    let next = 0
    const before = { bytes: [] as number[], ms: [] as number[] }

    for (let i = 0; i < 5; i++) {
      const d = await call(DECIDE, { k: ids[next++] })
      const r = await call(WHOLE_REVIEW)

      before.bytes.push(d.bytes + r.bytes)
      before.ms.push(d.ms + r.ms)
    }

    row('before: decideKey + whole review refetch', before.bytes, before.ms)

    const single = { bytes: [] as number[], ms: [] as number[] }

    for (let i = 0; i < 5; i++) {
      const d = await call(BULK, { ids: [ids[next++]] })
      const p = await call(PAGE, { f: { status: 'UNDECIDED' } })

      single.bytes.push(d.bytes + p.bytes)
      single.ms.push(d.ms + p.ms)
    }

    row('after: decideKeys (1 key) + one page', single.bytes, single.ms)

    const bulk = { bytes: [] as number[], ms: [] as number[] }

    for (let i = 0; i < 5; i++) {
      const chunk = ids.slice(next, next + 100)

      next += 100
      const d = await call(BULK, { ids: chunk })
      const p = await call(PAGE, { f: { status: 'UNDECIDED' } })

      bulk.bytes.push(d.bytes + p.bytes)
      bulk.ms.push(d.ms + p.ms)
    }

    row('after: decideKeys (100 keys) + one page', bulk.bytes, bulk.ms)

    const all = await call(BULK, { m: { status: 'UNDECIDED' } })

    console.log(
      `${'after: decideKeys (every undecided key, by filter)'.padEnd(
        46
      )} ${String(all.bytes).padStart(14)}   ${all.ms
        .toFixed(0)
        .padStart(8)}   (${all.body.data.decideKeys.changed.length} keys)`
    )
  } finally {
    await stack.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
