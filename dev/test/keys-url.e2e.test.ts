// The Keys page's view lives in the URL (issue 14 item 3, with the server-paged list of issue
// 13): search and sort survive a visit to a key page, both by "Back to API keys" and by the
// browser's back button, and a link can open the list filtered.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Frame } from 'playwright-core'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import { appFrame, openAdmin, useBrowserStack } from './browser'
import { loadJson } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const expected = loadJson<{
  findings: Array<{ rule: string; subjectId: string; subjectType: string }>
}>(DEFAULT_FIXTURE.replace('.json', '.expected.json'))

const suite = useBrowserStack({ fixture: DEFAULT_FIXTURE })

const rowIds = (app: Frame) =>
  app.$$eval('tbody tr[data-key-id]', (rows) =>
    rows.map((r) => r.getAttribute('data-key-id')!)
  )

const searchBox = (app: Frame) =>
  app.waitForSelector('input[type="search"], [role="search"] input')

describe('the key list in the URL', () => {
  it('search and sort → key page → "Back to API keys" → the same view; the browser back button too', async () => {
    const { stack, page } = suite

    const target = fixture.appKeys.find((k) => /sync/i.test(k.label))!
    let app = await openAdmin(page, `${stack.url}/admin/key-steward/keys`)

    await app.waitForSelector('tbody tr[data-key-id]', { timeout: 60_000 })
    const all = (await rowIds(app)).length

    await (await searchBox(app)).fill('sync')
    await page.waitForFunction(
      () => window.location.search.includes('q=sync'),
      undefined,
      { timeout: 20_000 }
    )
    await app.click('th[aria-sort] button:has-text("Label")')
    await page.waitForFunction(
      () => window.location.search.includes('sort=label'),
      undefined,
      { timeout: 20_000 }
    )
    await app.waitForFunction(
      (n) => document.querySelectorAll('tbody tr[data-key-id]').length < n,
      all,
      { timeout: 20_000 }
    )
    // the sorted answer may land after the URL changed: wait for rows in label order
    const labelOf = new Map(fixture.appKeys.map((k) => [k.id, k.label]))
    const inLabelOrder = (ids: string[]) =>
      ids.every(
        (id, i) =>
          i === 0 ||
          labelOf.get(ids[i - 1])!.toLowerCase() <=
            labelOf.get(id)!.toLowerCase()
      )

    let view = await rowIds(app)

    for (
      let waited = 0;
      !inLabelOrder(view) && waited < 20_000;
      waited += 100
    ) {
      // eslint-disable-next-line no-await-in-loop
      await app.waitForTimeout(100)
      // eslint-disable-next-line no-await-in-loop
      view = await rowIds(app)
    }

    assert.ok(inLabelOrder(view), 'the rows are sorted by label')
    assert.ok(view.includes(target.id), 'the search found the key')
    const topUrl = page.url()

    await app.click(`tr[data-key-id="${target.id}"] a`)
    await page.waitForFunction(
      (id) => window.location.pathname.endsWith(`/keys/${id}`),
      target.id,
      { timeout: 20_000 }
    )
    await app.waitForSelector('text=Back to API keys')
    await app.click('text=Back to API keys')
    await page.waitForFunction(
      () =>
        window.location.pathname.endsWith('/keys') &&
        window.location.search.includes('q=sync'),
      undefined,
      { timeout: 20_000 }
    )
    await app.waitForSelector('tbody tr[data-key-id]')
    assert.deepEqual(await rowIds(app), view, 'same rows in the same order')
    assert.equal(await (await searchBox(app)).inputValue(), 'sync')
    assert.equal(
      await app.getAttribute('th[aria-sort="ascending"]', 'aria-sort'),
      'ascending'
    )
    assert.equal(new URL(page.url()).search, new URL(topUrl).search)

    // Again through the browser's own back button.
    await app.click(`tr[data-key-id="${target.id}"] a`)
    await page.waitForFunction(
      (id) => window.location.pathname.endsWith(`/keys/${id}`),
      target.id,
      { timeout: 20_000 }
    )
    await page.goBack()
    await page.waitForFunction(
      () => window.location.search.includes('q=sync'),
      undefined,
      { timeout: 20_000 }
    )
    app = page.frames().find((f) => f.url().includes('/admin/app/'))!
    await app.waitForFunction(
      () =>
        (
          document.querySelector(
            '[role="search"] input'
          ) as HTMLInputElement | null
        )?.value === 'sync',
      undefined,
      { timeout: 20_000 }
    )
    await app.waitForSelector('tbody tr[data-key-id]')
    assert.deepEqual(await rowIds(app), view)
  })

  it('a link can open the list filtered by rule, or to the keys it names', async () => {
    const { stack, page } = suite

    const owners = new Set(
      expected.findings
        .filter(
          (f) =>
            f.rule === 'owner-role' && f.subjectType.toUpperCase() === 'KEY'
        )
        .map((f) => f.subjectId)
    )

    let app = await openAdmin(
      page,
      `${stack.url}/admin/key-steward/keys?rule=owner-role`
    )

    await app.waitForSelector('tbody tr[data-key-id]', { timeout: 60_000 })
    assert.deepEqual(new Set(await rowIds(app)), owners)
    const two = fixture.appKeys.slice(0, 2).map((k) => k.id)

    app = await openAdmin(
      page,
      `${stack.url}/admin/key-steward/keys?ids=${two.join(',')}`
    )
    await app.waitForSelector('[data-testid="ids-filter"]', { timeout: 60_000 })
    assert.deepEqual((await rowIds(app)).sort(), [...two].sort())
  })

  // walk12: the address bar lost a deep link's query as the page loaded (the frame told the top
  // frame its bare path), so copying it gave the unfiltered list and a second reload lost the view
  it('keeps a deep link’s view in the address bar, through two reloads', async () => {
    const { stack, page } = suite
    const view = 'rule=owner-role&sort=label&size=25'
    const url = `${stack.url}/admin/key-steward/keys?${view}`
    const owners = expected.findings.filter(
      (f) => f.rule === 'owner-role' && f.subjectType.toUpperCase() === 'KEY'
    ).length

    let app = await openAdmin(page, url)

    await app.waitForSelector('tbody tr[data-key-id]', { timeout: 60_000 })
    for (let i = 0; i < 2; i++) {
      // eslint-disable-next-line no-await-in-loop
      await page.reload()
      // eslint-disable-next-line no-await-in-loop
      app = await appFrame(page)
      // eslint-disable-next-line no-await-in-loop
      await app.waitForSelector('tbody tr[data-key-id]', { timeout: 60_000 })
      assert.equal(new URL(page.url()).search, `?${view}`, `reload ${i + 1}`)
      // eslint-disable-next-line no-await-in-loop
      assert.equal((await rowIds(app)).length, owners)
    }
  })
})
