// External keys in the Admin, in headless Chromium against the whole local setup: the API keys
// page lists the default fixture's registered external keys with their roles and findings; an
// admin removes one after a confirmation, registers it again (a refusal first, in their words),
// and sees it listed with its finding; the Overview names what costs the score the most.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { after, before, describe, it } from 'node:test'

import type { Browser, Frame, Page } from 'playwright-core'

import type { Fixture } from '../platform/fixture'
import type { Stack } from '../stack'
import { startStack } from '../stack'
import { DEFAULT_FIXTURE, ROOT } from '../paths'
import { assertNoTokens, gql, loadJson } from './helpers'
import { launchChromium, openAdmin, screenshotAdmin } from './browser'

const ARTIFACTS = join(ROOT, 'dev', 'artifacts', 'screenshots')
const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ORBITA = fixture.externalKeys.find((e) => e.account === 'agenciaorbita')!
const OUTLET = fixture.externalKeys.find((e) => e.account === 'acmeoutlet')!

let stack: Stack
let browser: Browser
let page: Page
let app: Frame
const pageErrors: string[] = []
const domSnapshots: string[] = []

async function open(path: string): Promise<void> {
  app = await openAdmin(page, `${stack.url}/admin/key-steward${path}`)
}

async function capture(name: string): Promise<void> {
  await screenshotAdmin(page, app, join(ARTIFACTS, `${name}.png`))
  domSnapshots.push(await page.content(), await app.content())
}

const item = (appKey: string) => `[data-external-key="${appKey}"]`

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  stack = await startStack({ fixture: DEFAULT_FIXTURE })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  page.on('pageerror', (e) => pageErrors.push(e.message))
})

after(async () => {
  await browser?.close()
  await stack?.stop()
  assertNoTokens(fixture, domSnapshots, 'page DOM')
  assertNoTokens(fixture, stack.logs, 'service log line')
})

describe('external keys in the Admin', () => {
  it('lists the registered external keys on the API keys page with their roles and findings', async () => {
    await open('/keys')
    await app.waitForSelector(item(ORBITA.appKey), { timeout: 30_000 })
    for (const e of fixture.externalKeys)
      assert.ok(await app.isVisible(item(e.appKey)), `${e.appKey} listed`)
    const orbita = await app.textContent(item(ORBITA.appKey))

    // named as the key list names it: its account and the External tag (walk 11 #6)
    assert.equal(
      (
        await app.textContent(`${item(ORBITA.appKey)} [data-external-key-name]`)
      )?.trim(),
      'agenciaorbita External'
    )
    assert.match(orbita ?? '', /Owner \(Admin Super\)/)
    assert.ok(
      await app.isVisible(
        `${item(
          ORBITA.appKey
        )} [data-rule="external-broad-access"] [data-severity="HIGH"]`
      )
    )
    assert.match(
      (await app.textContent(item(OUTLET.appKey))) ?? '',
      /IntegrationProfile - Fulfillment[\s\S]*No problems found/
    )
    await capture('external-keys')
  })

  it('removes one after a confirmation, registers it again, and lists it with its finding', async () => {
    await open('/keys')
    await app.waitForSelector(item(ORBITA.appKey), { timeout: 30_000 })

    // Remove, with the keyboard: the confirmation says VTEX keeps its roles.
    await app.locator(`${item(ORBITA.appKey)} button`).focus()
    await page.keyboard.press('Enter')
    const dialog = app.locator('[data-testid="confirm-dialog"]')

    await dialog.waitFor()
    assert.match(
      (await dialog.textContent()) ?? '',
      new RegExp(`${ORBITA.appKey}[\\s\\S]*Its roles in VTEX do not change`)
    )
    await capture('external-keys-remove')
    await app.getByRole('button', { name: 'Remove', exact: true }).click()
    await app
      .getByText(`${ORBITA.appKey} was removed from Key Steward`)
      .waitFor()
    await app.waitForSelector(item(ORBITA.appKey), { state: 'detached' })

    // A typo in the appKey: VTEX shows no roles for it; the admin reads why, nothing registered.
    const typo =
      ORBITA.appKey.slice(0, -1) + (ORBITA.appKey.endsWith('X') ? 'Y' : 'X')

    await app.fill('#external-key-appkey', typo)
    assert.equal(await app.inputValue('#external-key-account'), ORBITA.account)
    await app.getByRole('button', { name: 'Register' }).click()
    await app
      .getByText(`VTEX shows no roles for ${typo} in this account`)
      .waitFor()

    await app.fill('#external-key-appkey', ORBITA.appKey)
    await app.getByRole('button', { name: 'Register' }).click()
    await app
      .getByText(`${ORBITA.appKey} is registered and written to the audit log`)
      .waitFor()
    await app.waitForSelector(
      `${item(ORBITA.appKey)} [data-rule="external-broad-access"]`,
      { timeout: 30_000 }
    )
    assert.match(
      (await app.textContent(item(ORBITA.appKey))) ?? '',
      /by ana@acme\.com/
    )
    await capture('external-keys-registered')

    // Both changes are in the audit log, by whom.
    const audit = (
      await gql(
        stack,
        'session-ana-owner',
        'query($k: ID!) { keyAudit(keyId: $k) { action by } }',
        { k: ORBITA.appKey }
      )
    ).body.data.keyAudit

    assert.deepEqual(
      audit.map(
        (a: { action: string; by: string }) => `${a.action} by ${a.by}`
      ),
      [
        'REGISTER_EXTERNAL_KEY by ana@acme.com',
        'REMOVE_EXTERNAL_KEY by ana@acme.com',
      ]
    )
    assert.deepEqual(pageErrors, [])
  })

  it('the Overview holds the score below amber and names what costs the most, once per key', async () => {
    await open('')
    await app.waitForSelector('[data-testid="score-costs"] li', {
      timeout: 30_000,
    })
    assert.equal(
      Number(await app.textContent('[data-testid="hygiene-score"]')),
      49
    )
    assert.match(
      (await app.textContent('[data-testid="score-capped"]')) ?? '',
      /Held at 49 while a CRITICAL finding remains/
    )
    const subjects = await app.$$eval('[data-testid="score-costs"] li', (lis) =>
      lis.map((li) => li.getAttribute('data-cost-subject'))
    )

    assert.equal(subjects.length, 5)
    assert.equal(new Set(subjects).size, subjects.length)
    await capture('overview-costs')
  })
})
