// `npm run bench:pages`: what an admin waits for in headless Chromium, on a generated account
// of 5,000 keys and 1,000 users with 40 ms per VTEX call: from navigation to the keys table,
// the users table and the overview's score being visible, cold (no recent copy: the page shows
// the read's progress until it lands) and warm (served from the recent copy), with the bytes
// of GraphQL answers each visit received, and where a warm visit's time goes. The Admin is served
// as VTEX serves it (minified, React's production build, bundles revalidated by ETag).
// Prints figures; asserts nothing.
import { performance } from 'perf_hooks'
import { cpus, loadavg } from 'os'

import type { Page, Request, Response } from 'playwright-core'

import { generateFixture } from '../fixtures/generate'
import { buildShell } from '../shell/build'
import { startStack } from '../stack'
import { appFrame, launchChromium } from '../test/browser'

const LATENCY_MS = 40
const PAGES: Array<{ name: string; path: string; ready: string }> = [
  { name: 'API keys', path: '/keys', ready: 'tbody tr[data-key-id]' },
  { name: 'Users and roles', path: '/users', ready: 'tbody tr[data-owner]' },
  { name: 'Overview', path: '', ready: '[data-testid="hygiene-score"]' },
]

interface Visit {
  seconds: number
  bytes: number
  /** seconds from navigation to the first GraphQL request, and to its answer */
  firstQuery: number
  firstAnswer: number
}

async function visit(page: Page, url: string, ready: string): Promise<Visit> {
  let bytes = 0
  let firstQuery = NaN
  let firstAnswer = NaN
  const since = () => (performance.now() - t0) / 1000
  const asked = (r: Request) => {
    if (r.url().includes('/_v/graphql') && Number.isNaN(firstQuery))
      firstQuery = since()
  }

  const count = async (r: Response) => {
    if (!r.url().includes('/_v/graphql')) return
    if (Number.isNaN(firstAnswer)) firstAnswer = since()
    bytes += (await r.body().catch(() => Buffer.alloc(0))).length
  }

  page.on('request', asked)
  page.on('response', count)
  const t0 = performance.now()

  await page.goto(url)
  const frame = await appFrame(page)

  await frame.waitForSelector(ready, { state: 'visible', timeout: 180_000 })
  const seconds = (performance.now() - t0) / 1000

  await new Promise((r) => setTimeout(r, 300)) // answers still arriving for this visit
  page.off('request', asked)
  page.off('response', count)

  return { seconds, bytes, firstQuery, firstAnswer }
}

async function main() {
  const fixture = generateFixture({ keys: 5000, users: 1000, seed: 11 })
  // The Admin as VTEX serves it to an admin: minified, React's production build (shell/build.ts).
  await buildShell('production')
  const stack = await startStack({
    fixture,
    faults: [{ path: '^/api/', latencyMs: LATENCY_MS }],
    shell: 'production',
  })

  const browser = await launchChromium()
  const rows: string[] = []
  const steps: string[] = []
  let keystrokes: number[] = []

  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
    })

    for (const p of PAGES) {
      const url = `${stack.url}/admin/key-steward${p.path}`

      stack.platform.resetAppStorage() // no recent copy
      const cold = await visit(page, url, p.ready)
      const warm = await visit(page, url, p.ready)
      const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`

      if (p.path === '/keys') keystrokes = await typing(page)
      steps.push(
        `${p.name.padEnd(16)} ${warm.firstQuery
          .toFixed(2)
          .padStart(8)} s ${warm.firstAnswer
          .toFixed(2)
          .padStart(8)} s ${warm.seconds.toFixed(2).padStart(8)} s`
      )
      rows.push(
        `${p.name.padEnd(16)} ${cold.seconds
          .toFixed(2)
          .padStart(8)} s ${warm.seconds.toFixed(2).padStart(8)} s ${(
          warm.seconds / cold.seconds
        )
          .toFixed(3)
          .padStart(8)}   ${kb(cold.bytes).padStart(9)} ${kb(
          warm.bytes
        ).padStart(9)}`
      )
    }
  } finally {
    await browser.close()
    await stack.stop()
  }

  console.log(
    `Pages in headless Chromium, ${fixture.appKeys.length} keys + ${
      fixture.users.length
    } users, ${LATENCY_MS} ms per VTEX call (${
      cpus().length
    } CPUs, load ${loadavg()[0].toFixed(1)})`
  )
  console.log(
    'page               cold        warm    warm/cold   bytes cold  bytes warm   (warm target < 1 s)'
  )
  for (const r of rows) console.log(r)
  console.log(
    'warm visit       first query  first answer  visible   (seconds from navigation)'
  )
  for (const r of steps) console.log(r)
  const sorted = [...keystrokes].sort((a, b) => a - b)

  console.log(
    `Typing in the keys search box (warm): median ${sorted[
      Math.floor(sorted.length / 2)
    ].toFixed(1)} ms, worst ${sorted[sorted.length - 1].toFixed(
      1
    )} ms per keystroke, to the next frame painted (target < 100 ms)`
  )
}

/** Time from a key press in the search box to the next frame the browser paints, per keystroke. */
async function typing(page: Page): Promise<number[]> {
  const frame = await appFrame(page)
  const input = await frame.waitForSelector('[role="search"] input')

  await input.click()
  const times: number[] = []

  for (const ch of 'orders sync') {
    const t0 = performance.now()

    await input.press(ch === ' ' ? 'Space' : ch)
    await frame.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
    )
    times.push(performance.now() - t0)
  }

  return times
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
