// What the browser walks found on the API keys list, the key page and the Overview, seen in the
// page: the worst-finding sort says descending while the most severe keys come first; an
// external key under the Overview's "Most urgent" is a link that opens its row on the key list;
// keyboard focus after navigating and after saving; the key page's layout and fields (walk6).
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { before, describe, it } from 'node:test'

import type { Frame } from 'playwright-core'

import { DEFAULT_FIXTURE, ROOT } from '../paths'
import {
  axeViolations,
  openAdmin,
  screenshotAdmin,
  useBrowserStack,
  whenLoaded,
} from './browser'

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
    // named as the key list names it (its account, an External tag), linking by its appKey
    const link = app.locator('[data-external-subject] a').first()

    await link.waitFor({ timeout: 60_000 })
    assert.doesNotMatch((await link.textContent())!.trim(), /^vtexappkey-/)
    const appKey = new URLSearchParams(
      (await link.getAttribute('href'))!.split('?')[1]
    ).get('ids')!

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

// Keys of the default fixture: Frenet's token was renewed (key 400 days old, token 100 days);
// Avalara's About block wrapped unevenly.
const FRENET = 'fbee4ded-9ccd-4438-8c84-0d7021233113'
const AVALARA = '597d55ca-5618-49ad-9bfd-6da59594a274'

/** What has focus in the app's frame: its tag and text. */
const focused = (app: Frame) =>
  app.evaluate(() => ({
    tag: document.activeElement?.tagName ?? '',
    text: (document.activeElement?.textContent ?? '').trim(),
  }))

describe('keyboard: focus after navigating and after saving', () => {
  it('keys list → key page → back: focus starts on the key page’s heading, and back on the list on the row of the key opened', async () => {
    const { stack, page } = suite

    const app = await openAdmin(
      page,
      `${stack.url}/admin/key-steward/keys?locale=en`
    )

    const link = app.locator(`tbody tr[data-key-id="${FRENET}"] a`)

    await link.waitFor({ timeout: 60_000 })
    await link.focus()
    await page.keyboard.press('Enter')
    await app.waitForFunction(
      () =>
        window.location.pathname.includes('/keys/') &&
        document.activeElement?.tagName === 'H1'
    )
    await app.getByText('About this key').waitFor({ timeout: 60_000 })
    assert.deepEqual(await focused(app), {
      tag: 'H1',
      text: 'Freight quotes (Frenet)',
    })
    // the next Tab goes on from the heading (the section links), not from the document's top
    await page.keyboard.press('Tab')
    assert.equal((await focused(app)).text, 'Overview')

    await app.getByRole('button', { name: /Back to API keys/i }).focus()
    await page.keyboard.press('Enter')
    // the list's heading first, then the row the admin left from (a walk at 5,000 keys came back
    // to the top of a 500-row page)
    await app.waitForFunction(
      (id) =>
        window.location.pathname.endsWith('/keys') &&
        document.activeElement?.closest('tr')?.getAttribute('data-key-id') ===
          id,
      FRENET
    )
    assert.deepEqual(await focused(app), {
      tag: 'A',
      text: 'Freight quotes (Frenet)',
    })
  })

  it('Enter on Save key details keeps focus on the button once saved; the page passes axe', async () => {
    const { stack, page } = suite

    const app = await openAdmin(
      page,
      `${stack.url}/admin/key-steward/keys/${FRENET}?locale=en`
    )

    const save = app.getByRole('button', { name: 'Save key details' })

    await save.waitFor({ timeout: 60_000 })
    await whenLoaded(app)
    await save.focus()
    await page.keyboard.press('Enter')
    await app.getByText('Key details saved.').waitFor({ timeout: 30_000 })
    await app.waitForFunction(
      () => document.activeElement?.textContent?.trim() === 'Save key details'
    )
    assert.equal((await focused(app)).tag, 'BUTTON')
    assert.deepEqual(await axeViolations(app), [])
  })

  it('Enter on Save settings keeps focus on the button once saved', async () => {
    const { stack, page } = suite

    const app = await openAdmin(
      page,
      `${stack.url}/admin/key-steward/settings?locale=en`
    )

    const save = app.getByRole('button', { name: 'Save settings' })

    await save.waitFor({ timeout: 60_000 })
    await save.focus()
    await page.keyboard.press('Enter')
    await app
      .getByText('Settings saved. Warnings now follow them.')
      .waitFor({ timeout: 30_000 })
    await app.waitForFunction(
      () => document.activeElement?.textContent?.trim() === 'Save settings'
    )
  })
})

describe('key page: fields, layout and the actions log (walk6)', () => {
  it('a Textarea’s label and text have the sizes of an Input’s (Record a renewal form)', async () => {
    const { stack, page } = suite

    const app = await openAdmin(
      page,
      `${stack.url}/admin/key-steward/keys/${FRENET}?locale=en`
    )

    const open = app.getByRole('button', {
      name: 'Record a renewal done in VTEX’s Admin…',
    })

    await open.waitFor({ timeout: 60_000 })
    await open.click()
    await app.locator('#renewal-note').waitFor()
    // (no helper functions inside evaluate: the test runner's transform would name them)
    const sizes = await app.evaluate(() =>
      Object.fromEntries(
        (
          [
            ['inputLabel', '#renewal-date', true],
            ['textareaLabel', '#renewal-note', true],
            ['input', '#renewal-date', false],
            ['textarea', '#renewal-note', false],
          ] as const
        ).map(([name, selector, ofLabel]) => {
          const field = document.querySelector(selector)
          const el = ofLabel
            ? field?.closest('label')?.querySelector('span')
            : field

          return [name, el ? getComputedStyle(el).fontSize : 'missing']
        })
      )
    )

    assert.equal(sizes.textareaLabel, sizes.inputLabel, 'labels')
    assert.equal(sizes.textarea, sizes.input, 'text')
    await screenshotAdmin(page, app, `${SHOTS}/record-renewal-form.png`)
  })

  it('with no log entry for a renewal made through Key Steward, the log says so instead of "no action was taken"', async () => {
    const { stack, page } = suite

    const app = await openAdmin(
      page,
      `${stack.url}/admin/key-steward/keys/${FRENET}?locale=en`
    )

    await app.getByTestId('renewal-not-logged').waitFor({ timeout: 60_000 })
    assert.equal(
      await app
        .getByText('No action was taken on this key through Key Steward.')
        .count(),
      0
    )
  })

  for (const [width, locale] of [
    [1366, 'en'],
    [1024, 'pt'],
  ] as const)
    it(`${width} px, ${locale}: About this key keeps two rows, and the keys table's dates stay on one line`, async () => {
      const { stack, page } = suite

      await page.setViewportSize({ width, height: 1000 })
      try {
        const app = await openAdmin(
          page,
          `${stack.url}/admin/key-steward/keys/${AVALARA}?locale=${locale}`
        )

        await app.getByTestId('token-age').waitFor({ timeout: 60_000 })
        const tops = await app.evaluate(() =>
          Object.fromEntries(
            Array.from(document.querySelectorAll('[data-about-field]')).map(
              (f) => [
                f.getAttribute('data-about-field'),
                Math.round(f.getBoundingClientRect().top),
              ]
            )
          )
        )

        assert.equal(tops.created, tops.appKey, 'created beside appKey')
        assert.equal(tops.status, tops.appKey, 'status beside appKey')
        assert.equal(tops.tokenAge, tops.age, 'token age beside key age')
        assert.ok(tops.age > tops.appKey, 'ages on the second row')
        await screenshotAdmin(
          page,
          app,
          `${SHOTS}/key-about-${width}-${locale}.png`
        )

        const list = await openAdmin(
          page,
          `${stack.url}/admin/key-steward/keys?locale=${locale}`
        )

        await list.waitForSelector('tbody tr[data-key-id]', {
          timeout: 60_000,
        })
        const wrapped = await list.evaluate(() =>
          Array.from(document.querySelectorAll('[data-created] time'))
            .filter((t) => {
              const { lineHeight } = getComputedStyle(t)
              const line = parseFloat(lineHeight) || 20

              return t.getBoundingClientRect().height > line * 1.5
            })
            .map((t) => t.textContent)
        )

        assert.deepEqual(wrapped, [], 'dates on one line')
        assert.equal(
          await list.evaluate(
            () => document.documentElement.scrollWidth > window.innerWidth
          ),
          false,
          'no sideways scrolling'
        )
        await screenshotAdmin(
          page,
          list,
          `${SHOTS}/keys-${width}-${locale}.png`,
          { fullPage: false }
        )
      } finally {
        await page.setViewportSize({ width: 1440, height: 1000 })
      }
    })
})
