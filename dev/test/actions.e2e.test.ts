// Token renewal and remediation in headless Chromium against the whole local setup: an admin
// renews a stale key's token (the new token shown once), finishes the renewal and sees the
// stale warning clear; another decides to deactivate a key in the review and carries it out from
// there. The secret check covers what the browser received: the new token is in exactly one
// GraphQL answer (the renew answer, sent no-store), and in no log line, stored document, or page
// DOM once its window is closed.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { after, before, describe, it } from 'node:test'

import type { Browser, Frame, Page } from 'playwright-core'

import type { Fixture } from '../platform/fixture'
import type { Stack } from '../stack'
import { startStack } from '../stack'
import { DEFAULT_FIXTURE, ROOT } from '../paths'
import {
  assertIssuedTokensShownOnce,
  assertNoTokens,
  loadJson,
  vbaseTexts,
} from './helpers'
import { launchChromium, openAdmin, screenshotAdmin } from './browser'

const ARTIFACTS = join(ROOT, 'dev', 'artifacts', 'screenshots')
const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const stale = fixture.appKeys.find(
  (k) => k.label === 'Affiliate commissions (Awin)'
)!

const unused = fixture.appKeys.find((k) => k.label === 'temp')!

let stack: Stack
let browser: Browser
let page: Page
/** The app's page, in the Admin's frame. */
let app: Frame
const pageErrors: string[] = []
/** Every GraphQL answer the browser received, and the headers of the renew answer. */
const answers: string[] = []
const renewHeaders: Array<Record<string, string>> = []
/** The Admin's DOM (top-level page and the app's frame) at moments no token window is open. */
const domSnapshots: string[] = []

/** Opens the Admin at its own URL (/admin/key-steward/…); the app's page is in its frame. */
async function open(path: string): Promise<void> {
  app = await openAdmin(page, `${stack.url}/admin/key-steward${path}`)
}

async function snapshot(): Promise<string> {
  const dom = `${await page.content()}\n${await app.content()}`

  domSnapshots.push(dom)

  return dom
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  stack = await startStack({ fixture: DEFAULT_FIXTURE })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('response', async (res) => {
    if (!res.url().includes('/_v/graphql')) return
    const text = await res.text().catch(() => '')

    answers.push(text)
    if ((res.request().postData() ?? '').includes('KeyStewardRenewToken'))
      renewHeaders.push(res.headers())
  })
})

after(async () => {
  await browser?.close()
  await stack?.stop()
  const { fixtureTokens, issuedTokens } = stack.platform.state

  assertNoTokens(
    fixtureTokens,
    [...answers, ...domSnapshots, ...stack.logs, ...vbaseTexts(stack)],
    'browser answer, page DOM, log line or VBase document'
  )
  assertIssuedTokensShownOnce(issuedTokens, answers, {
    'page DOM after the token window closed': domSnapshots,
    'service log line': stack.logs,
    'VBase document': vbaseTexts(stack),
  })
})

describe('renewal and remediation in the Admin', () => {
  it("renews a stale key's token, shows it once, finishes the renewal, and the stale warning clears", async () => {
    await open(`/keys/${stale.id}`)
    await app.waitForSelector(
      '[data-rule="key-age-exceeded"] [data-severity="HIGH"]'
    )
    assert.equal(
      await app.getAttribute('[data-testid="token-age"]', 'data-basis'),
      'KEY_CREATED'
    )
    assert.match(
      (await app.textContent('[data-testid="age-explained"]')) ?? '',
      /uses the token age/
    )
    await snapshot()

    await app.getByRole('button', { name: 'Renew token…' }).click()
    const confirm = app.locator('[data-testid="confirm-dialog"]')

    await confirm.waitFor()
    assert.match(
      (await confirm.textContent()) ?? '',
      new RegExp(`${stale.label.replace(/[()]/g, '.')}.*${stale.appKey}`)
    )
    await page.screenshot({ path: join(ARTIFACTS, 'renew-confirm.png') })
    await app.getByRole('button', { name: 'Renew token', exact: true }).click()

    const shown = app.locator('[data-testid="new-token"]')

    await shown.waitFor()
    const token = (await shown.textContent()) ?? ''

    assert.match(token, /^[A-Z]{128}$/)
    assert.match(renewHeaders[0]?.['cache-control'] ?? '', /no-store/)
    await app.getByRole('button', { name: 'Hide' }).click()
    assert.ok(!((await shown.textContent()) ?? '').includes(token.slice(0, 32)))
    // Even a test artifact shows the token hidden.
    await page.screenshot({ path: join(ARTIFACTS, 'renew-new-token.png') })
    await app.getByRole('button', { name: 'Show' }).click()
    assert.equal(await shown.textContent(), token)

    // Old and new token both work while the renewal is pending.
    const asKey = async (t: string) =>
      (
        await fetch(
          `${stack.platform.url}/api/license-manager/site/pvt/roles/list/paged`,
          {
            headers: {
              'X-VTEX-API-AppKey': stale.appKey,
              'X-VTEX-API-AppToken': t,
            },
          }
        )
      ).status

    assert.notEqual(await asKey(stale.token), 401)
    assert.notEqual(await asKey(token), 401)

    await app.getByRole('button', { name: 'I have saved it, close' }).click()
    await app
      .locator('[data-testid="new-token-dialog"]')
      .waitFor({ state: 'detached' })
    await app.waitForSelector('[data-renewal-status="PENDING"]')
    const afterClose = await snapshot()

    assert.ok(
      !afterClose.includes(token.slice(0, 32)),
      'the token is gone from the page once its window closed'
    )

    await app.getByRole('button', { name: 'Finish renewal…' }).click()
    await confirm.waitFor()
    assert.match(
      (await confirm.textContent()) ?? '',
      /old token stops working at once/
    )
    await app
      .getByRole('button', { name: 'Finish renewal', exact: true })
      .click()
    await app.waitForSelector(
      'text=Renewal finished: only the new token works now'
    )
    await app.waitForSelector('[data-renewal-status="FINISHED"]')
    // Finish went with the pending renewal: focus is on the notice that says it is done, not on
    // the page's body (walk 10)
    await app.waitForFunction(
      () =>
        document.activeElement?.getAttribute('data-testid') ===
        'renewal-finished',
      undefined,
      { timeout: 10_000 }
    )
    await app.waitForSelector('[data-rule="key-age-exceeded"]', {
      state: 'detached',
    })
    assert.equal(await app.textContent('[data-testid="token-age"]'), '0 days')
    assert.equal(
      await app.getAttribute('[data-testid="token-age"]', 'data-basis'),
      'RENEWAL_FINISHED'
    )
    assert.equal(await asKey(stale.token), 401, 'the old token stopped working')
    assert.notEqual(await asKey(token), 401)

    await app.waitForSelector(
      '[data-testid="audit-log"] [data-audit-action="FINISH_RENEWAL"]'
    )
    assert.equal(
      await app
        .locator('[data-testid="audit-log"] [data-audit-action="RENEW_TOKEN"]')
        .count(),
      1
    )
    await screenshotAdmin(page, app, join(ARTIFACTS, 'renew-finished.png'))
    await snapshot()
  })

  it('a renewal VTEX leaves unconfirmed (503) offers only Close, focuses its error, and the page says it may be pending', async () => {
    const avalara = fixture.appKeys.find(
      (k) => k.label === 'Tax calculation (Avalara)'
    )!

    await open(`/keys/${avalara.id}?locale=pt`)
    await app.waitForSelector('[data-renewal-status="NONE"]')
    stack.platform.faults.set([
      { method: 'PATCH', path: '/apitoken/renew$', status: 503 },
    ])
    try {
      await app.getByRole('button', { name: 'Renovar token…' }).click()
      const confirm = app.locator('[data-testid="confirm-dialog"]')

      await confirm.waitFor()
      await confirm
        .getByRole('button', { name: 'Renovar token', exact: true })
        .click()
      await confirm.locator('[data-testid="confirm-error"]').waitFor()
      // one button: a second renewal would meet VTEX's 409 if it did start this one
      assert.deepEqual(await confirm.getByRole('button').allTextContents(), [
        'Fechar',
      ])
      assert.equal(
        await app.evaluate(
          () =>
            document.activeElement?.getAttribute('data-testid') ?? 'elsewhere'
        ),
        'confirm-error'
      )
      // the page behind read the key again
      await app.waitForSelector('[data-renewal-status="POSSIBLY_PENDING"]')
      await screenshotAdmin(
        page,
        app,
        join(ARTIFACTS, 'renew-unconfirmed-pt.png'),
        { fullPage: false }
      )
      await confirm.getByRole('button', { name: 'Fechar' }).click()
      await confirm.waitFor({ state: 'detached' })
      await snapshot()
    } finally {
      stack.platform.faults.set([])
      // the Admin keeps the language chosen: back to English for the tests after this one
      await open(`/keys/${avalara.id}?locale=en`)
    }
  })

  it('deactivates a key from a review decision and marks the decision carried out', async () => {
    await open('/review')
    await app.getByRole('button', { name: 'Start review' }).click()
    const row = app.locator(`tr[data-review-key="${unused.id}"]`)

    await row.waitFor()
    await row.locator('select').selectOption('DEACTIVATE')
    await row
      .locator('input[type="text"]')
      .fill('Nobody owns it; not called in 30 days')
    await row.getByRole('button', { name: 'Save' }).click()
    await row.waitFor({ state: 'detached' }) // decided: gone from the "undecided" filter
    await app.getByLabel('Show').selectOption('ALL')
    await row.waitFor()
    await row.getByRole('button', { name: 'Deactivate key…' }).click()
    const confirm = app.locator('[data-testid="confirm-dialog"]')

    await confirm.waitFor()
    assert.match(
      (await confirm.textContent()) ?? '',
      new RegExp(`${unused.appKey}.*integrations using it stop working`)
    )
    await page.screenshot({
      path: join(ARTIFACTS, 'review-deactivate-confirm.png'),
    })
    await app.getByRole('button', { name: 'Deactivate', exact: true }).click()
    await row.locator('[data-carried-out="DEACTIVATE"]').waitFor()
    assert.match(
      (await row.textContent()) ?? '',
      /Carried out: Key deactivated, by ana@acme\.com/
    )
    assert.equal(
      stack.platform.state.fixture.appKeys.find((k) => k.id === unused.id)!
        .isActive,
      false
    )
    await page.screenshot({
      path: join(ARTIFACTS, 'review-deactivated.png'),
      fullPage: false,
    })
    await snapshot()

    // The key's page shows it inactive (read again from VTEX), and the action in its log.
    await open(`/keys/${unused.id}`)
    await app.waitForSelector(
      '[data-testid="audit-log"] [data-audit-action="DEACTIVATE"]'
    )
    assert.ok(
      await app.getByRole('button', { name: 'Reactivate key…' }).isVisible()
    )
    await snapshot()
    assert.deepEqual(pageErrors, [])
  })
})
