// What the browser walk found on the API keys list and the Overview, seen in the page: the
// worst-finding sort says descending while the most severe keys come first, and an external
// key under the Overview's "Most urgent" is a link that opens its row on the key list.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { before, describe, it } from 'node:test'

import { DEFAULT_FIXTURE, ROOT } from '../paths'
import { openAdmin, screenshotAdmin, useBrowserStack } from './browser'

const SHOTS = join(ROOT, 'dev', 'artifacts', 'screenshots', 'keys-polish')

const suite = useBrowserStack({ fixture: DEFAULT_FIXTURE })

before(() => mkdirSync(SHOTS, { recursive: true }))

describe('API keys list and Overview polish', () => {
  it('shows the default worst-finding order (Critical first) as descending, and the other way as ascending', async () => {
    const { stack, page } = suite

    const app = await openAdmin(page, `${stack.url}/admin/key-steward/keys`)

    await app.waitForSelector('tbody tr[data-key-id]', { timeout: 60_000 })
    const header = app.locator('th', {
      has: app.getByRole('button', { name: /^Worst finding/ }),
    })

    assert.equal(await header.getAttribute('aria-sort'), 'descending')
    assert.match((await header.textContent())!, /▼/)
    assert.equal(
      await app
        .locator('tbody tr[data-key-id]')
        .first()
        .locator('[data-severity]')
        .first()
        .getAttribute('data-severity'),
      'CRITICAL'
    )
    await screenshotAdmin(page, app, `${SHOTS}/keys-worst-first.png`, {
      fullPage: false,
    })
    await header.getByRole('button').click()
    await page.waitForFunction(() => window.location.search.includes('desc=1'))
    await app.waitForFunction(
      () =>
        document
          .querySelector('th[aria-sort="ascending"]')
          ?.textContent?.includes('▲') ?? false
    )
  })

  it('links an external key under Most urgent to its row on the key list', async () => {
    const { stack, page } = suite

    const app = await openAdmin(page, `${stack.url}/admin/key-steward`)
    const link = app.locator('a:has([data-external-subject])').first()

    await link.waitFor({ timeout: 60_000 })
    const appKey = (await link.textContent())!.trim()

    assert.match(appKey, /^vtexappkey-/)
    await screenshotAdmin(page, app, `${SHOTS}/overview-urgent.png`)
    await link.click()
    await page.waitForFunction(
      (k) =>
        window.location.pathname.endsWith('/keys') &&
        new URLSearchParams(window.location.search).get('ids') === k,
      appKey,
      { timeout: 20_000 }
    )
    const row = app.locator(`tr[data-key-id="${appKey}"][data-external]`)

    await row.waitFor({ timeout: 60_000 })
    assert.equal(await app.locator('tbody tr[data-key-id]').count(), 1)
    await screenshotAdmin(page, app, `${SHOTS}/external-row.png`, {
      fullPage: false,
    })
  })
})
