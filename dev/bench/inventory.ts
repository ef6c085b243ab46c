// `npm run bench:inventory`: time to load the inventory (and findings) through the whole local
// stack for a generated account of 5,000 keys and 1,000 users, at two role-read concurrencies,
// with and without 5 ms of platform latency per call. Prints figures; asserts nothing.
import { performance } from 'perf_hooks'
import { generateFixture } from '../fixtures/generate'
import { startStack } from '../stack'

async function main() {
  const fixture = generateFixture({ keys: 5000, users: 1000, seed: 11 })
  const stack = await startStack({ fixture })
  const cookie = Object.keys(fixture.sessions)[0]
  const query = async (q: string) => {
    const res = await fetch(`${stack.url}/_v/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `VtexIdclientAutCookie=${cookie}` }, body: JSON.stringify({ query: q }) })
    return res.json() as Promise<{ data?: any; errors?: unknown[] }>
  }
  console.log('keys  users  concurrency  latency   median s   (3 runs)   role calls')
  try {
    for (const latencyMs of [0, 5]) {
      for (const concurrency of [8, 16]) {
        await query(`mutation { updateSettings(settings: { roleFetchConcurrency: ${concurrency} }) { roleFetchConcurrency } }`)
        stack.platform.faults.set([], latencyMs)
        const times: number[] = []
        for (let i = 0; i < 3; i++) {
          stack.platform.requests.length = 0
          const t0 = performance.now()
          const r = await query('{ inventory { complete keys { id findings { rule } } } hygiene { score } }')
          times.push((performance.now() - t0) / 1000)
          if (r.errors || !r.data.inventory.complete) throw new Error(`inventory failed: ${JSON.stringify(r.errors ?? r.data).slice(0, 300)}`)
        }
        const calls = stack.platform.requests.filter(r => r.path.endsWith('/roles')).length
        times.sort((a, b) => a - b)
        console.log(`${fixture.appKeys.length}  ${fixture.users.length}   ${String(concurrency).padEnd(11)}  ${String(latencyMs).padEnd(2)} ms   ${times[1].toFixed(2).padStart(8)}               ${calls}`)
      }
    }
  } finally {
    await stack.stop()
  }
}

main().catch(e => { console.error(e); process.exit(1) })
