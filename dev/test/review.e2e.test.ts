// A whole access review in the browser: start, checklist, a decision on every key, sign-off,
// then the evidence export downloaded and parsed.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'fs'
import { join } from 'path'
import { after, before, it } from 'node:test'
import type { Browser, Frame, Page } from 'playwright-core'
import type { Fixture } from '../platform/fixture'
import { startStack, Stack } from '../stack'
import { DEFAULT_FIXTURE, ROOT } from '../paths'
import { assertNoTokens, loadJson } from './helpers'
import { launchChromium, openAdmin, screenshotAdmin } from './browser'

const ARTIFACTS = join(ROOT, 'dev', 'artifacts', 'screenshots')
const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
let stack: Stack
let browser: Browser
let page: Page
const pageErrors: string[] = []

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++ } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') { row.push(field); field = '' }
    else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = '' }
    else field += c
  }
  return rows
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  stack = await startStack({ fixture: DEFAULT_FIXTURE })
  browser = await launchChromium()
  page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1000 } })).newPage()
  page.on('pageerror', e => pageErrors.push(e.message))
})

after(async () => {
  await browser?.close()
  await stack?.stop()
  assertNoTokens(fixture, stack.logs, 'service log line')
})

it('runs a whole review from start to sign-off and exports its evidence', async () => {
  // The Admin at /admin/key-steward/…; the page is in its frame.
  let app: Frame = await openAdmin(page, `${stack.url}/admin/key-steward/review`)
  await app.getByRole('button', { name: 'Start review' }).click()
  await app.waitForSelector('[data-practice="ROTATE_KEYS"]')
  await page.screenshot({ path: join(ARTIFACTS, 'review-started.png'), fullPage: false })

  // Checklist: evidence-backed practices are DONE; the attested ones need a note.
  for (const practice of ['ROTATE_KEYS', 'RENEW_TOKENS', 'REASSESS_ACCESS', 'INDIVIDUAL_KEYS', 'NO_CLIENT_SIDE', 'AWARENESS', 'NO_SHARING']) {
    const item = app.locator(`[data-practice="${practice}"]`)
    await item.locator('select').selectOption('DONE')
    if (practice === 'AWARENESS') {
      await item.getByRole('button', { name: 'Save' }).click()
      await item.getByText(/Add a note/).waitFor()
    }
    if (practice === 'AWARENESS' || practice === 'NO_SHARING') await item.locator('textarea').fill(`Attested for ${practice} on 2026-11-26 by the security lead`)
    await item.getByRole('button', { name: 'Save' }).click()
    await app.waitForSelector(`[data-practice="${practice}"][data-status="DONE"]`)
  }

  // Decisions: the risky keys first (sorted), each needs a justification to be kept.
  let decided = 0
  for (;;) {
    const row = app.locator('tr[data-review-key]').first()
    if ((await row.count()) === 0) break
    const id = await row.getAttribute('data-review-key')
    const risky = (await row.locator('[data-severity="HIGH"], [data-severity="CRITICAL"]').count()) > 0
    await row.locator('select').selectOption(risky ? 'KEEP' : 'KEEP')
    if (risky && decided === 0) {
      await row.getByRole('button', { name: 'Save' }).click()
      await row.getByText(/needs a justification/).waitFor()
      await page.screenshot({ path: join(ARTIFACTS, 'review-justification-needed.png') })
    }
    if (risky) await row.locator('input').fill('Owner confirmed; rotation scheduled this quarter')
    await row.getByRole('button', { name: 'Save' }).click()
    await app.waitForSelector(`tr[data-review-key="${id}"]`, { state: 'detached' })
    decided++
  }
  assert.equal(decided, fixture.appKeys.length)
  await page.screenshot({ path: join(ARTIFACTS, 'review-decided.png'), fullPage: false })

  await app.getByRole('button', { name: 'Sign off review' }).click()
  await app.getByRole('button', { name: 'Sign off', exact: true }).click()
  await app.waitForSelector('[data-review-id]')
  await screenshotAdmin(page, app, join(ARTIFACTS, 'review-history.png'))
  assert.ok(await app.isVisible('text=signed by ana@acme.com'))

  const [download] = await Promise.all([page.waitForEvent('download'), app.locator('[data-review-id]').first().getByRole('button', { name: 'Export CSV' }).click()])
  const csv = readFileSync((await download.path())!, 'utf8')
  assertNoTokens(fixture, [csv], 'exported CSV')
  const rows = parseCsv(csv)
  const header = rows[0]
  const keyRows = rows.slice(1).filter(r => r.length === header.length && r[header.indexOf('key_id')])
  assert.equal(keyRows.length, fixture.appKeys.length)
  for (const r of keyRows) {
    assert.equal(r[header.indexOf('decision')], 'KEEP')
    assert.equal(r[header.indexOf('decided_by')], 'ana@acme.com')
    assert.equal(r[header.indexOf('signed_by')], 'ana@acme.com')
    assert.equal(r[header.indexOf('review_status')], 'COMPLETED')
  }
  assert.ok(keyRows.some(r => r[header.indexOf('justification')] === 'Owner confirmed; rotation scheduled this quarter'))
  assert.ok(rows.some(r => r[0] === '#checklist' && r[1] === 'AWARENESS' && r[2] === 'DONE'))

  // The overview now shows the next review date instead of an overdue review.
  app = await openAdmin(page, `${stack.url}/admin/key-steward`)
  await app.waitForSelector('text=Next review due on')
  assert.deepEqual(pageErrors, [])
})
