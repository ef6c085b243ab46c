// `npm run bench:pages`: what an admin waits for in headless Chromium, on a generated account
// of 5,000 keys and 1,000 users with 40 ms per VTEX call: from navigation to the keys table,
// the users table, the overview's score and one key's page being visible, cold (no recent copy:
// the page shows the read's progress until it lands) and warm (served from the recent copy), with
// the bytes of GraphQL answers each visit received, and where a warm visit's time goes. The Admin
// is served as VTEX serves it (minified, React's production build, bundles revalidated by ETag).
// Prints figures; asserts nothing. Names given as arguments measure only those pages
// (`… pages.ts key`: the key page).
import { performance } from 'perf_hooks'
import { cpus, loadavg } from 'os'

import type { Page, Request, Response } from 'playwright-core'

import { generateFixture } from '../fixtures/generate'
import type { Fixture } from '../platform/fixture'
import { buildShell } from '../shell/build'
import { startStack } from '../stack'
import { appFrame, launchChromium } from '../test/browser'

const LATENCY_MS = 40

interface BenchPage {
  name: string
  /** what to pass on the command line to measure only this page */
  arg: string
  path: (fixture: Fixture) => string
  ready: string
}

const PAGES: BenchPage[] = [
  {
    name: 'API keys',
    arg: 'keys',
    path: () => '/keys',
    ready: 'tbody tr[data-key-id]',
  },
  {
    name: 'Users and roles',
    arg: 'users',
    path: () => '/users',
    ready: 'tbody tr[data-owner]',
  },
  {
    name: 'Overview',
    arg: 'overview',
    path: () => '',
    ready: '[data-testid="hygiene-score"]',
  },
  // One key of the middle of the list: its page must not cost what the whole inventory costs.
  {
    name: 'Key detail',
    arg: 'key',
    path: (f) => `/keys/${f.appKeys[Math.floor(f.appKeys.length / 2)].id}`,
    ready: '[data-testid="key-age"]',
  },
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

  const counting: Array<Promise<void>> = []
  const count = (r: Response) => {
    if (!r.url().includes('/_v/graphql')) return
    if (Number.isNaN(firstAnswer)) firstAnswer = since()
    counting.push(sizeOf(r).then((b) => void (bytes += b)))
  }

  // What came over the wire for the body (as sent); its length as read when Chromium has no size
  // for it (a warm API keys visit once counted 5 KB for a 140 KB answer). Awaited before the visit
  // ends, so no late answer goes uncounted.
  const sizeOf = (r: Response): Promise<number> =>
    r
      .request()
      .sizes()
      .then(
        (z) => z.responseBodySize,
        () => 0
      )
      .then((n) =>
        n > 0
          ? n
          : r.body().then(
              (b) => b.length,
              () => 0
            )
      )

  page.on('request', asked)
  page.on('response', count)
  const t0 = performance.now()

  await page.goto(url)
  const frame = await appFrame(page)

  // A page that never shows its content (e.g. an error left on screen) is reported, not fatal.
  const seconds = await frame
    .waitForSelector(ready, { state: 'visible', timeout: 180_000 })
    .then(
      () => (performance.now() - t0) / 1000,
      () => NaN
    )

  await new Promise((r) => setTimeout(r, 300)) // answers still arriving for this visit
  page.off('request', asked)
  page.off('response', count)
  await Promise.all(counting)

  return { seconds, bytes, firstQuery, firstAnswer }
}

async function main() {
  const only = process.argv.slice(2)
  const pages = only.length ? PAGES.filter((p) => only.includes(p.arg)) : PAGES

  if (!pages.length)
    throw new Error(`pages to measure: ${PAGES.map((p) => p.arg).join(', ')}`)
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

    for (const p of pages) {
      const url = `${stack.url}/admin/key-steward${p.path(fixture)}`

      stack.platform.resetAppStorage() // no recent copy
      const cold = await visit(page, url, p.ready)
      const warm = await visit(page, url, p.ready)
      const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`

      if (p.arg === 'keys') keystrokes = await typing(page)
      steps.push(
        `${p.name.padEnd(16)} ${warm.firstQuery
          .toFixed(2)
          .padStart(8)} s ${warm.firstAnswer
          .toFixed(2)
          .padStart(8)} s ${warm.seconds.toFixed(2).padStart(8)} s`
      )
      const time = (s: number) =>
        Number.isNaN(s) ? 'not shown' : `${s.toFixed(2).padStart(8)} s`

      rows.push(
        `${p.name.padEnd(16)} ${time(cold.seconds).padStart(10)} ${time(
          warm.seconds
        ).padStart(10)} ${(warm.seconds / cold.seconds)
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

  if (!sorted.length) return
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
