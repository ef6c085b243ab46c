// walk7 items 9 and 10 in the browser: where keyboard focus goes after Start review, a row's
// Save (refused for a missing justification, then saved), "Keep every key without findings" and
// Sign off; the decisions table at 1024 px in Portuguese without sideways scrolling; the Show
// filter kept in the URL across a reload; every row laid out alike at 1440 px whatever is chosen
// or refused (walk10 #16). Screenshots: dev/artifacts/screenshots/walk7/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { before, it } from 'node:test'

import type { Frame } from 'playwright-core'

import { PRACTICES } from '../../node/domain/findings'
import { DEFAULT_FIXTURE, ROOT } from '../paths'
import { reviewPage } from './reviewPage'
import {
  axeViolations,
  screenshotAdmin,
  useBrowserStack,
  watchConsole,
} from './browser'

const SHOTS = join(ROOT, 'dev', 'artifacts', 'screenshots', 'walk7')
const suite = useBrowserStack({ fixture: DEFAULT_FIXTURE })
const problems: string[] = []

before(() => mkdirSync(SHOTS, { recursive: true }))

const { open, ok } = reviewPage(suite)

/** What has focus in the app's frame: its tag, text and where it is. */
const focused = (app: Frame) =>
  app.evaluate(() => {
    const el = document.activeElement as HTMLElement | null

    return {
      tag: el?.tagName ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 200),
      inDecisions: !!el?.closest('[data-decisions-block]'),
      inSummary: !!el?.closest('[data-completed-summary]'),
      notice: el?.hasAttribute('data-decide-notice') ?? false,
      row: el?.closest('tr[data-review-key]')?.getAttribute('data-review-key'),
    }
  })

it('puts focus on the decisions heading after Start review', async () => {
  watchConsole(suite.page, problems)
  const app = await open('en')

  await app.getByRole('button', { name: 'Start review' }).click()
  await app.waitForFunction(() => document.activeElement?.tagName === 'H2')
  const f = await focused(app)

  assert.equal(f.text, 'Decisions per key')
  assert.ok(f.inDecisions)
})

it('keeps the decisions table inside its card at 1024 px in Portuguese (nothing scrolls sideways)', async () => {
  for (const width of [1024, 1366]) {
    // eslint-disable-next-line no-await-in-loop
    await suite.page.setViewportSize({ width, height: 900 })
    // eslint-disable-next-line no-await-in-loop
    const app = await open('pt')

    // eslint-disable-next-line no-await-in-loop
    await app.waitForSelector('tr[data-review-key] form')
    // eslint-disable-next-line no-await-in-loop
    const fit = await app.evaluate(() => {
      const table = document.querySelector('[data-decisions-block] table')!
      const box = table.parentElement!
      const frame = document.documentElement.clientWidth
      const saves = Array.from(
        document.querySelectorAll(
          'tr[data-review-key] form button[type="submit"]'
        )
      ).map((b) => b.getBoundingClientRect().right)

      return {
        scrollWidth: box.scrollWidth,
        clientWidth: box.clientWidth,
        frame,
        rightmostSave: Math.max(...saves),
      }
    })

    assert.ok(
      fit.scrollWidth <= fit.clientWidth + 1,
      `${width} px: the table's box scrolls sideways (${fit.scrollWidth} > ${fit.clientWidth})`
    )
    assert.ok(
      fit.rightmostSave <= fit.frame,
      `${width} px: a row's Save is outside the frame (${fit.rightmostSave} > ${fit.frame})`
    )
    // eslint-disable-next-line no-await-in-loop
    await app.locator('[data-decisions-block]').scrollIntoViewIfNeeded()
    // eslint-disable-next-line no-await-in-loop
    await screenshotAdmin(
      suite.page,
      app,
      join(SHOTS, `review-decisions-pt-${width}.png`),
      { fullPage: false }
    )
  }

  await suite.page.setViewportSize({ width: 1440, height: 1000 })
})

it('lays every row out alike at 1440 px whatever is chosen or refused, and asks a CRITICAL Keep for its justification before any dialog', async () => {
  await suite.page.setViewportSize({ width: 1440, height: 1000 })
  const app = await open('en')

  await app.waitForSelector('tr[data-review-key] form')
  /** Each row: the justification field's offset from the decision's, and the column's width. */
  const layout = () =>
    app.evaluate(() =>
      Array.from(document.querySelectorAll('tr[data-review-key]')).map((tr) => {
        const select = tr.querySelector('form select')!.getBoundingClientRect()
        const field = tr
          .querySelector('form input:not([type="checkbox"])')!
          .getBoundingClientRect()

        return {
          id: tr.getAttribute('data-review-key')!,
          beside: field.left > select.right && field.top - select.top < 30,
          column: Math.round(
            tr.querySelector('td:last-child')!.getBoundingClientRect().width
          ),
        }
      })
    )

  const before = await layout()

  assert.ok(
    before.every((r) => r.beside),
    JSON.stringify(before)
  )
  // a CRITICAL key kept without a justification: stopped at the field, no "Keep 1 key" dialog
  const critical = app
    .locator('tr[data-review-key]')
    .filter({ has: app.locator('[data-severity="CRITICAL"]') })
    .first()

  await critical.locator('select').selectOption('KEEP')
  await critical.locator('button[type="submit"]').click()
  await app.waitForFunction(
    () =>
      document.activeElement?.tagName === 'INPUT' &&
      !!document.activeElement.closest('tr[data-review-key]')
  )
  assert.equal(
    await app.locator('[data-testid="row-critical-confirm"]').count(),
    0
  )
  assert.match(
    (await critical.textContent()) ?? '',
    /Keeping a key with a HIGH or CRITICAL finding needs a justification/
  )
  // the longest decision name chosen on another row, and an external key's Reduce roles
  await app
    .locator('tr[data-review-key]:not([data-review-key^="external:"])')
    .nth(1)
    .locator('select')
    .selectOption('ROTATE')
  const external = app.locator('tr[data-review-key^="external:"]').first()

  assert.deepEqual(
    await external
      .locator('select option')
      .evaluateAll((os) =>
        os.map((o) => (o as HTMLOptionElement).value).filter(Boolean)
      ),
    ['KEEP', 'REDUCE_ROLES']
  )
  await external.locator('select').selectOption('REDUCE_ROLES')
  await external.locator('[data-external-reduce-here]').waitFor()
  const after = await layout()

  // the same layout in every row, and the table's columns did not move
  assert.deepEqual(
    after.map((r) => [r.id, r.beside, r.column]),
    before.map((r) => [r.id, true, before[0].column])
  )
  await screenshotAdmin(
    suite.page,
    app,
    join(SHOTS, 'review-rows-alike-en-1440.png'),
    { fullPage: false }
  )
})

it('shows every decision option whole in en, pt and es at 1024 and 1440 px, each row laid out as the others', async () => {
  /** The chosen option's caption (the styleguide cuts it with "…") and where the justification is. */
  const rowState = (app: Frame, id: string) =>
    app.evaluate((k) => {
      const tr = document.querySelector(`tr[data-review-key="${k}"]`)!
      const select = tr.querySelector('form select') as HTMLSelectElement
      const caption = tr.querySelector('.vtex-dropdown__caption')!
      const box = select.getBoundingClientRect()
      const field = tr
        .querySelector('form input:not([type="checkbox"])')!
        .getBoundingClientRect()

      return {
        chosen: select.options[select.selectedIndex]?.textContent ?? '',
        cut: caption.scrollWidth > caption.clientWidth,
        beside: field.left > box.right && field.top - box.top < 30,
      }
    }, id)

  for (const width of [1024, 1440]) {
    for (const locale of ['en', 'pt', 'es']) {
      // eslint-disable-next-line no-await-in-loop
      await suite.page.setViewportSize({ width, height: 1000 })
      // eslint-disable-next-line no-await-in-loop
      const app = await open(locale)

      // eslint-disable-next-line no-await-in-loop
      await app.waitForSelector('tr[data-review-key] form')
      const ids = [
        // eslint-disable-next-line no-await-in-loop
        await app
          .locator('tr[data-review-key]:not([data-review-key^="external:"])')
          .first()
          .getAttribute('data-review-key'),
        // eslint-disable-next-line no-await-in-loop
        await app
          .locator('tr[data-review-key^="external:"]')
          .first()
          .getAttribute('data-review-key'),
      ] as string[]

      // eslint-disable-next-line no-await-in-loop
      const before = await rowState(app, ids[1])

      for (const id of ids) {
        const select = app.locator(`tr[data-review-key="${id}"] select`)
        // eslint-disable-next-line no-await-in-loop
        const values = await select
          .locator('option')
          .evaluateAll((os) =>
            os.map((o) => (o as HTMLOptionElement).value).filter(Boolean)
          )

        for (const value of values) {
          // eslint-disable-next-line no-await-in-loop
          await select.selectOption(value)
          // eslint-disable-next-line no-await-in-loop
          const row = await rowState(app, id)

          assert.ok(!row.cut, `${locale} ${width} px: "${row.chosen}" is cut`)
          // the field's width does not depend on the option: the row keeps the others' layout
          assert.equal(row.beside, before.beside, `${locale} ${width} px`)
        }
      }

      // at 1440 px the justification is beside the decision (at 1024 px under it, in every row)
      assert.equal(before.beside, width === 1440, `${locale} ${width} px`)
      // eslint-disable-next-line no-await-in-loop
      await app
        .locator(`tr[data-review-key="${ids[0]}"] select`)
        .selectOption('ROTATE')
      // eslint-disable-next-line no-await-in-loop
      await app
        .locator(`tr[data-review-key="${ids[0]}"]`)
        .scrollIntoViewIfNeeded()
      // eslint-disable-next-line no-await-in-loop
      await screenshotAdmin(
        suite.page,
        app,
        join(SHOTS, `review-options-${locale}-${width}.png`),
        { fullPage: false }
      )
    }
  }

  await suite.page.setViewportSize({ width: 1440, height: 1000 })
})

it('takes a keyboard user from the search to the page buttons past the 50 rows, and one page on, with Tab and Enter', async () => {
  await suite.page.setViewportSize({ width: 1024, height: 900 })
  const app = await open('en')
  const { keyboard } = app.page()
  const at = () =>
    app.evaluate(() => {
      const el = document.activeElement as HTMLElement | null

      return {
        skip: !!el?.hasAttribute('data-skip-to-pages'),
        text: (el?.textContent ?? '').trim(),
        pager: el?.id === 'review-pages',
        inPager: !!el?.closest('#review-pages'),
        width: el?.getBoundingClientRect().width ?? 0,
      }
    })

  await app.waitForSelector('tr[data-review-key] form')
  await app
    .getByRole('textbox', { name: 'Search label, appKey or account' })
    .focus()
  let tabs = 0

  // eslint-disable-next-line no-await-in-loop
  for (; tabs < 4 && !(await at()).skip; tabs++) await keyboard.press('Tab')
  const link = await at()

  assert.ok(link.skip, 'the skip link a few Tabs after the search')
  assert.equal(link.text, 'Skip to the page buttons')
  // out of view until focused
  assert.ok(link.width > 50, `the focused link is visible (${link.width} px)`)
  await screenshotAdmin(
    suite.page,
    app,
    join(SHOTS, 'review-skip-to-pages-en-1024.png'),
    { fullPage: false }
  )
  await keyboard.press('Enter')
  assert.ok((await at()).pager, 'Enter moved focus to the pager')
  // on the first page Previous is disabled: the next Tab is Next
  await keyboard.press('Tab')
  const next = await at()

  assert.ok(next.inPager && next.text === 'Next', JSON.stringify(next))
  await keyboard.press('Enter')
  await app.waitForFunction(() =>
    /^51–\d+ of \d+$/.test(
      document.querySelector('#review-pages [aria-live]')?.textContent ?? ''
    )
  )
  await suite.page.setViewportSize({ width: 1440, height: 1000 })
})

it('keeps the Show filter in the URL across a reload', async () => {
  let app = await open('en')

  await app.waitForSelector('[data-show-filter] select')
  await app.locator('[data-show-filter] select').selectOption('DECIDED')
  await app.waitForFunction(() =>
    window.location.search.includes('show=DECIDED')
  )
  app = await open('en', '&show=DECIDED')
  await app.waitForSelector(
    '[data-decisions-total]:not([data-decisions-total=""])'
  )
  assert.equal(
    await app.locator('[data-show-filter] select').inputValue(),
    'DECIDED'
  )
})

it('puts focus on the justification a refused Save asks for, then on the notice once saved', async () => {
  const app = await open('en')

  // a key with a HIGH finding (none CRITICAL, which a confirmation asks about first): keeping
  // it needs a justification
  const row = app
    .locator('tr[data-review-key]')
    .filter({ has: app.locator('[data-severity="HIGH"]') })
    .filter({ hasNot: app.locator('[data-severity="CRITICAL"]') })
    .first()

  await row.waitFor()
  const id = await row.getAttribute('data-review-key')

  await row.locator('select').selectOption('KEEP')
  await row.locator('button[type="submit"]').click()
  await app.waitForFunction(
    (k) =>
      document.activeElement?.tagName === 'INPUT' &&
      !!document.activeElement.closest(`tr[data-review-key="${k}"]`),
    id
  )
  await row
    .locator('input:not([type="checkbox"])')
    .fill('Unused since the ERP moved')
  await row.locator('button[type="submit"]').click()
  await app.waitForFunction(() =>
    document.activeElement?.hasAttribute('data-decide-notice')
  )
  assert.match((await focused(app)).text, /decided: Keep/)
})

it('puts focus on the notice after "Keep every key without findings"', async () => {
  const app = await open('en')

  await app.locator('[data-keep-healthy] button').click()
  // confirmed with the keyboard: the dialog's Keep button, then Enter
  const confirm = app
    .locator('[data-testid="bulk-healthy-confirm"] button')
    .filter({ hasText: /^Keep \d+ keys?$/ })

  await confirm.focus()
  await app.page().keyboard.press('Enter')
  await app.waitForFunction(() =>
    document.activeElement?.hasAttribute('data-decide-notice')
  )
  assert.ok((await focused(app)).notice)
})

it('puts focus on the "Completed review" heading after Sign off, which tells the next due date', async () => {
  // the scan first: a key kept without a justification that it finds exposed holds the sign-off
  await ok('mutation { runLeakScan { at } }')
  await ok(
    'mutation($j: String) { decideKeys(matching: { status: ALL }, decision: KEEP, justification: $j) { reviewId } }',
    { j: 'Owners confirmed each key is still needed' }
  )
  // eslint-disable-next-line no-await-in-loop
  for (const p of PRACTICES)
    await ok(
      'mutation($p: Practice!, $n: String) { checkPractice(practice: $p, status: DONE, note: $n) { id } }',
      { p, n: `Handled ${p} with the owners` }
    )
  const app = await open('en')

  await app.getByRole('button', { name: 'Sign off review' }).click()
  await app
    .getByRole('dialog', { name: 'Sign off this access review?' })
    .getByRole('button', { name: 'Sign off', exact: true })
    .click()
  await app.waitForFunction(
    () =>
      document.activeElement?.tagName === 'H2' &&
      !!document.activeElement.closest('[data-completed-summary]')
  )
  assert.equal((await focused(app)).text, 'Completed review')
  await app.waitForSelector(
    'text=/The next review is due on [A-Z][a-z]+ \\d{1,2}, \\d{4}/'
  )
  assert.deepEqual(await axeViolations(app), [])
  await screenshotAdmin(suite.page, app, join(SHOTS, 'review-signed.png'), {
    fullPage: false,
  })
  assert.deepEqual(problems, [])
})
