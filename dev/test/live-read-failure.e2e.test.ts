// "Load live data" seen in the page (walk 10): a live read VTEX refuses must not leave the old
// table passing for fresh data, a live read that succeeded says so and keeps its button, and a
// live read slowed down by VTEX shows its progress.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { before, describe, it } from 'node:test'

import type { Frame } from 'playwright-core'

import { DEFAULT_FIXTURE, ROOT } from '../paths'
import {
  openAdmin,
  screenshotAdmin,
  useBrowserStack,
  whenLoaded,
} from './browser'
import { ageRecentCopy, gql, setFaults } from './helpers'

const SHOTS = join(ROOT, 'dev', 'artifacts', 'screenshots', 'live-read')

const suite = useBrowserStack({ fixture: DEFAULT_FIXTURE })

before(() => mkdirSync(SHOTS, { recursive: true }))

/** Opens a page on a recent copy read a minute ago, so "Load live data" reads VTEX again. */
async function openOnMinuteOldCopy(
  path: string,
  locale = 'en'
): Promise<Frame> {
  const { stack, page } = suite

  await gql(stack, 'session-ana-owner', '{ inventory { complete } }')
  ageRecentCopy(stack, 1)
  const app = await openAdmin(
    page,
    `${stack.url}/admin/key-steward${path}?session=session-ana-owner&locale=${locale}`
  )

  await whenLoaded(app)
  await app.waitForSelector('[data-source="RECENT"]')

  return app
}

const liveButton = (app: Frame) =>
  app.locator('[data-source] button', {
    hasText: /^Load live data$|^Carregar dados ao vivo$/,
  })

describe('Load live data', () => {
  for (const [path, name] of [
    ['/keys', 'API keys'],
    ['', 'Overview'],
  ])
    it(`on ${name}: VTEX failing says so, says which copy is still shown, and Try again reads again`, async () => {
      const { stack, page } = suite
      const app = await openOnMinuteOldCopy(path)

      await setFaults(stack, [{ path: '^/api/vlm/appkeys$', status: 502 }])
      try {
        await liveButton(app).click()
        const failed = app.locator('[data-testid="live-read-failed"]')

        await failed.waitFor({ timeout: 60_000 })
        const text = (await failed.textContent())!

        assert.match(text, /^Key Steward could not load fresh data\. /)
        assert.match(text, /VTEX failed \(HTTP 502\)/)
        assert.equal(
          await failed
            .locator('[data-testid="live-read-failed-copy"]')
            .textContent(),
          'Still shown: the copy read from VTEX 1 minute ago.'
        )
        assert.equal(await failed.locator('[role="alert"]').count(), 1)
        await screenshotAdmin(
          page,
          app,
          join(SHOTS, `failed${path.replace('/', '-') || '-overview'}.png`),
          {
            fullPage: false,
          }
        )
      } finally {
        await setFaults(stack, [])
      }

      // VTEX answers again: Try again reads live, and the page says it did, keeping the button
      // (from the keyboard: the notice and its button go away, focus must not fall to the body)
      await app.getByRole('button', { name: 'Try again' }).press('Enter')
      await app.waitForSelector('[data-source="LIVE"]', { timeout: 60_000 })
      assert.equal(
        await app.locator('[data-testid="live-read-failed"]').count(),
        0
      )
      assert.equal(
        await app.evaluate(
          () =>
            document.activeElement?.hasAttribute('data-source-line') ?? false
        ),
        true,
        'focus is on the data line after Try again'
      )
      assert.match(
        (await app.locator('[data-source="LIVE"]').textContent())!,
        /^Data read live from VTEX just now\./
      )
      // pressed again at once: answered by that read, and the page says when a new one can be made
      await liveButton(app).click()
      await app.waitForSelector('[data-testid="live-read-answered"]', {
        timeout: 30_000,
      })
    })

  it('shows the read’s progress while VTEX is slow to answer the roles, in pt', async () => {
    const { stack, page } = suite
    const app = await openOnMinuteOldCopy('/keys', 'pt')

    await setFaults(stack, [{ path: '/roles$', latencyMs: 400 }])
    try {
      await liveButton(app).click()
      const progress = app.locator('[data-testid="read-progress"]')

      await progress.waitFor({ timeout: 30_000 })
      assert.match(
        (await progress.textContent())!,
        /^(Começando|Lendo|Guardando)/
      )
      await screenshotAdmin(page, app, join(SHOTS, 'progress-pt.png'), {
        fullPage: false,
      })
    } finally {
      await setFaults(stack, [])
    }
    await app.waitForSelector('[data-source="LIVE"]', { timeout: 60_000 })
  })
})
