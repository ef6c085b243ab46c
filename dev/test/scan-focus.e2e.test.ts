// The storefront scan pressed by the admin, in the browser (walk 10): Enter on "Scan storefront
// now" (Exposure) or "Run scan now" (the review's bulk bar and checklist) disabled the button and
// dropped keyboard focus to the page's body, and a scan that found what the last one found left
// the page unchanged and silent. Focus now goes to a polite status line that says the scan runs,
// then how it ended. Screenshots: dev/artifacts/screenshots/scan-focus/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { before, it } from 'node:test'

import type { Frame } from 'playwright-core'

import { DEFAULT_FIXTURE, ROOT } from '../paths'
import {
  openAdmin,
  screenshotAdmin,
  useBrowserStack,
  whenLoaded,
} from './browser'
import { reviewPage } from './reviewPage'

const SHOTS = join(ROOT, 'dev', 'artifacts', 'screenshots', 'scan-focus')
const suite = useBrowserStack({ fixture: DEFAULT_FIXTURE })
const { open, ok } = reviewPage(suite)

before(() => mkdirSync(SHOTS, { recursive: true }))

/** The focused element's data-scan-status ('' when focus is elsewhere, e.g. on the body). */
const focusedStatus = (app: Frame) =>
  app.evaluate(
    () => document.activeElement?.getAttribute('data-scan-status') ?? ''
  )

/** Presses `button` with Enter and follows the status line it moves focus to, to its outcome. */
async function scanByKeyboard(app: Frame, scope: string, name: string) {
  const button = app.locator(scope).getByRole('button', { name })

  await button.focus()
  await button.press('Enter')
  // at once: not the body, while the button is disabled
  assert.notEqual(await focusedStatus(app), '')
  const status = app.locator(`${scope} [data-scan-status]`)

  await app.waitForSelector(`${scope} [data-scan-status="done"]`, {
    timeout: 60_000,
  })
  assert.equal(await status.getAttribute('role'), 'status')
  assert.equal(await focusedStatus(app), 'done')

  return (await status.textContent())!
}

it('Exposure: focus stays on the scan’s status line, which says the outcome, each time (pt, 1024 px)', async () => {
  const { stack, page } = suite

  await page.setViewportSize({ width: 1024, height: 900 })
  const app = await openAdmin(
    page,
    `${stack.url}/admin/key-steward/exposure?locale=pt&session=session-ana-owner`
  )

  await whenLoaded(app)
  const first = await scanByKeyboard(app, 'body', 'Varrer a loja agora')

  assert.match(
    first,
    /^Varredura concluída: \d+ páginas? lidas? e \d+ scripts? lidos?; 2 chaves expostas encontradas\./
  )
  // the same scan again changes nothing on the page: the status line still says it ran
  const again = await scanByKeyboard(app, 'body', 'Varrer a loja agora')

  assert.equal(again, first)
  await screenshotAdmin(page, app, join(SHOTS, 'exposure-pt-1024.png'), {
    fullPage: false,
  })
})

it('Review, bulk bar: focus stays on the status line after Run scan now, though the note holding it goes', async () => {
  suite.stack.platform.resetAppStorage()
  await ok('mutation { startReview { id } }')
  const app = await open('en')
  const bar = '[data-bulk-bar]'

  await app.waitForSelector(`${bar} [data-no-scan-yet] [data-run-scan]`, {
    timeout: 60_000,
  })
  const said = await scanByKeyboard(app, bar, 'Run scan now')

  assert.match(said, /^Scan finished: .* 2 exposed keys found\./)
  // the note "No storefront scan in this review yet" went with the scan
  assert.equal(await app.locator(`${bar} [data-no-scan-yet]`).count(), 0)
})

it('Review, checklist: focus stays on the status line after Run scan now (pt, 1024 px)', async () => {
  suite.stack.platform.resetAppStorage()
  await ok('mutation { startReview { id } }')
  const app = await open('pt')
  const practice = '[data-practice="NO_CLIENT_SIDE"]'

  await app.waitForSelector(`${practice} [data-done-needs="FRESH_SCAN"]`, {
    timeout: 60_000,
  })
  const said = await scanByKeyboard(app, practice, 'Executar varredura agora')

  assert.match(said, /^Varredura concluída: /)
  // the scan ran in this review: the note and its button are gone, the status line stays
  await app.waitForSelector(`${practice} [data-done-needs="FRESH_SCAN"]`, {
    state: 'detached',
  })
  await app.locator(practice).scrollIntoViewIfNeeded()
  await screenshotAdmin(
    suite.page,
    app,
    join(SHOTS, 'review-checklist-pt-1024.png'),
    {
      fullPage: false,
    }
  )
})
