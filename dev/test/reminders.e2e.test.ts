// Reminders in the browser: the platform clock moves 100 days, the daily scan fires, and every
// Key Steward page shows the overdue review and the keys that crossed their rotation period.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { after, before, it } from 'node:test'

import type { Browser, Frame, Page } from 'playwright-core'

import type { Fixture } from '../platform/fixture'
import type { Stack } from '../stack'
import { startStack } from '../stack'
import { DEFAULT_FIXTURE, ROOT } from '../paths'
import { assertNoTokens, loadJson } from './helpers'
import { launchChromium, openAdmin, screenshotAdmin } from './browser'

const ARTIFACTS = join(ROOT, 'dev', 'artifacts', 'screenshots')
const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
let stack: Stack
let browser: Browser
let page: Page

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  stack = await startStack({ fixture: DEFAULT_FIXTURE })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
})
after(async () => {
  await browser?.close()
  await stack?.stop()
  assertNoTokens(fixture, stack.logs, 'service log line')
})

it('shows the overdue review and the keys past rotation after the clock moves 100 days', async () => {
  // The Admin at /admin/key-steward/…; the page is in its frame.
  let app: Frame = await openAdmin(page, `${stack.url}/admin/key-steward`)

  await app.waitForSelector('[data-reminder="REVIEW_OVERDUE"]')
  assert.equal(
    await app.locator('[data-reminder="KEYS_CROSSED_ROTATION"]').count(),
    0
  )
  // Reminders also go by e-mail to the recipients set in the settings.
  app = await openAdmin(page, `${stack.url}/admin/key-steward/settings`)
  await app.locator('#setting-reminderEmails').fill('security@acme.com')
  await app.getByRole('button', { name: /save settings/i }).click()
  await app.waitForSelector('text=Settings saved')
  const first = (await (
    await fetch(`${stack.platform.url}/_platform/clock`, {
      method: 'POST',
      body: JSON.stringify({ days: 1 }),
    })
  ).json()) as { fired: unknown[] }

  assert.equal(first.fired.length, 1)
  const later = (await (
    await fetch(`${stack.platform.url}/_platform/clock`, {
      method: 'POST',
      body: JSON.stringify({ days: 100 }),
    })
  ).json()) as { fired: Array<{ status: number }> }

  assert.equal(later.fired[0].status, 200)
  for (const path of ['', '/keys', '/settings']) {
    app = await openAdmin(page, `${stack.url}/admin/key-steward${path}`)
    await app.waitForSelector('[data-reminder="KEYS_CROSSED_ROTATION"]')
    assert.ok(await app.isVisible('[data-reminder="REVIEW_OVERDUE"]'))
  }

  app = await openAdmin(page, `${stack.url}/admin/key-steward`)
  await app.waitForSelector('[data-change="keysCrossedRotation"]')
  await screenshotAdmin(page, app, join(ARTIFACTS, 'reminders.png'))
  // The mail went out through Message Center to the configured recipient.
  const outbox = (await (
    await fetch(`${stack.platform.url}/_platform/outbox`)
  ).json()) as Array<{ to: string; jsonData: { reminders: string[] } }>

  assert.ok(
    outbox.some(
      (m) =>
        m.to === 'security@acme.com' &&
        m.jsonData.reminders.some((r) => /access review is overdue/.test(r))
    )
  )
  // Snoozing, for a chosen number of days, hides the reminder.
  const overdue = app.locator('[data-reminder="REVIEW_OVERDUE"]')

  // One labelled control: "Remind me again in [7 days ▾] [Snooze]".
  await overdue
    .getByRole('combobox', { name: 'Remind me again in' })
    .selectOption('30')
  assert.ok(
    await overdue
      .getByRole('group', { name: 'Remind me again in' })
      .getByRole('button', { name: 'Snooze' })
      .isVisible()
  )
  await overdue.getByRole('button', { name: 'Snooze' }).click()
  await app.waitForSelector('[data-reminder="REVIEW_OVERDUE"]', {
    state: 'detached',
  })
})
