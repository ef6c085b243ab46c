// `npm run bench:inventory`: a cold live read of a generated account (5,000 keys, 1,000 users)
// through the whole local stack, at 0, 20 and 40 ms per VTEX call, against its lower bound
// ⌈calls ÷ concurrency⌉ × latency: what a client making exactly `concurrency` calls at once,
// with no overhead at all, would need. A ratio near 1 means the fan-out keeps VTEX busy.
// Prints figures side by side; asserts nothing (this machine is small and shared).
// A read longer than one request (≈ 25 s) goes on in the background: the request answers
// READING and the time is taken when the status query says the read ended.
import { performance } from 'perf_hooks'
import { cpus, loadavg } from 'os'

import { generateFixture } from '../fixtures/generate'
import { startStack } from '../stack'

const LATENCIES = [0, 20, 40]
const CONCURRENCY = 8

async function main() {
  const fixture = generateFixture({ keys: 5000, users: 1000, seed: 11 })
  const stack = await startStack({ fixture })
  const cookie = Object.keys(fixture.sessions)[0]
  const query = async (q: string) => {
    const res = await fetch(`${stack.url}/_v/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `VtexIdclientAutCookie=${cookie}`,
      },
      body: JSON.stringify({ query: q }),
    })

    return res.json() as Promise<{
      data?: any
      errors?: Array<{ extensions?: { code?: string } }>
    }>
  }

  const rows: string[] = []

  try {
    for (const latencyMs of LATENCIES) {
      stack.platform.resetAppStorage() // no recent copy: a cold read
      await query(
        `mutation { updateSettings(settings: { roleFetchConcurrency: ${CONCURRENCY} }) { roleFetchConcurrency } }`
      )
      // Latency on VTEX's APIs only (not on VBase, which is the app's own storage).
      stack.platform.faults.set(
        latencyMs ? [{ path: '^/api/', latencyMs }] : []
      )
      stack.platform.requests.length = 0
      const t0 = performance.now()
      const r = await query('{ inventory(live: true) { complete } }')

      if (r.errors && r.errors[0]?.extensions?.code !== 'READING')
        throw new Error(
          `inventory failed: ${JSON.stringify(r.errors).slice(0, 300)}`
        )
      if (r.errors) {
        for (;;) {
          const s = (await query('{ inventoryStatus { reading lastError } }'))
            .data.inventoryStatus

          if (!s.reading) {
            if (s.lastError) throw new Error(s.lastError)
            break
          }

          await new Promise((res) => setTimeout(res, 50))
        }
      } else if (!r.data.inventory.complete) throw new Error('partial read')
      const seconds = (performance.now() - t0) / 1000
      const vtex = stack.platform.requests.filter((q) =>
        q.path.startsWith('/api/')
      )

      const roleCalls = vtex.filter((q) =>
        /\/users\/[^/]+\/roles$/.test(q.path)
      ).length

      const bound = latencyMs
        ? (Math.ceil(vtex.length / CONCURRENCY) * latencyMs) / 1000
        : 0

      rows.push(
        `${String(latencyMs).padStart(4)} ms   ${String(vtex.length).padStart(
          6
        )}   ${String(roleCalls).padStart(6)}   ${String(CONCURRENCY).padStart(
          3
        )}   ${seconds.toFixed(2).padStart(8)} s   ${
          bound ? `${bound.toFixed(2).padStart(7)} s` : '      — '
        }   ${bound ? (seconds / bound).toFixed(2).padStart(5) : '  n/a'}`
      )
    }
  } finally {
    await stack.stop()
  }

  console.log(
    `Cold live read, ${fixture.appKeys.length} keys + ${
      fixture.users.length
    } users (${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)})`
  )
  console.log(
    'latency   VTEX calls   role calls   at once   read time   lower bound   ratio (target ≤ 1.3 at 40 ms)'
  )
  for (const r of rows) console.log(r)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
