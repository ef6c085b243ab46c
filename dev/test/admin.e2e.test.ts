// The admin pages in headless Chromium against the whole local setup (npm start's stack), opened
// as VTEX Admin v4 shows them: the Admin at /admin/key-steward/… with the page in its frame.
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
import {
  appFrame,
  launchChromium,
  openAdmin,
  screenshotAdmin,
  whenLoaded,
} from './browser'
import { PAGING_WORDS, pageForwardByKeyboard } from './keyboardPaging'

const ARTIFACTS = join(ROOT, 'dev', 'artifacts', 'screenshots')
const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const expected = loadJson<{
  findings: Array<{ rule: string; severity: string; subjectId: string }>
}>(DEFAULT_FIXTURE.replace('.json', '.expected.json'))

const ownerKey = fixture.appKeys.find((k) =>
  (fixture.roleAssignments[k.id] ?? []).includes(1)
)!

let stack: Stack
let browser: Browser
let page: Page
/** The app's page in the Admin's frame (set by open()). */
let app: Frame
const pageErrors: string[] = []
const domSnapshots: string[] = []

async function open(path: string): Promise<void> {
  app = await openAdmin(page, `${stack.url}/admin/key-steward${path}`)
  await whenLoaded(app)
}

/** The key list is searched, filtered and paged by the service: wait for its answer. */
async function listSettled(): Promise<void> {
  await new Promise((r) => setTimeout(r, 50))
  await app.waitForSelector('[data-testid="key-list"][aria-busy="false"]', {
    timeout: 20_000,
  })
}

async function capture(name: string): Promise<void> {
  await screenshotAdmin(page, app, join(ARTIFACTS, `${name}.png`))
  domSnapshots.push(await page.content(), await app.content())
}

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
  // No page ever showed a token, and the service never logged one.
  assertNoTokens(fixture, domSnapshots, 'page DOM')
  assertNoTokens(fixture, stack.logs, 'service log line')
})

describe('Key Steward in the Admin shell', () => {
  it('opens the overview with the score and the most urgent findings', async () => {
    await open('')
    await app.waitForSelector('[data-testid="hygiene-score"]')
    const score = Number(await app.textContent('[data-testid="hygiene-score"]'))

    assert.ok(score > 0 && score < 100)
    assert.ok(await app.isVisible(`text=${ownerKey.label}`))
    await capture('overview')
  })

  it('lists every key by label with visible stale-key warnings and role names', async () => {
    await open('/keys')
    await app.waitForSelector('table tbody tr')
    const caption = await app.textContent('caption')

    // External keys registered in Key Steward are rows of the list too (marked, without a key
    // page), counted apart: they are listed again in the External keys panel.
    const external = (fixture.externalKeys ?? []).length

    assert.match(
      caption ?? '',
      new RegExp(
        `^${fixture.appKeys.length} keys${
          external ? ` and ${external} external keys?` : ''
        } match`
      )
    )
    // An account of this size fits one page: every label is in the DOM at once.
    const onPage = new Set(
      await app.$$eval('tbody tr td:first-child a', (as) =>
        as.map((a) => a.textContent ?? '')
      )
    )

    for (const k of fixture.appKeys)
      assert.ok(
        onPage.has(k.label || '(no label)'),
        `label ${JSON.stringify(k.label)} listed`
      )
    // With a smaller page, paging still reaches every key.
    await app.getByLabel('Keys per page').selectOption('25')
    await listSettled()
    const labels = new Set<string>()

    for (;;) {
      for (const l of await app.$$eval('tbody tr td:first-child a', (as) =>
        as.map((a) => a.textContent ?? '')
      ))
        labels.add(l)
      const next = app.getByRole('button', { name: 'Next page' })

      if (await next.isDisabled()) break
      await next.click()
      await listSettled()
    }

    assert.equal(labels.size, onPage.size)
    await app.getByLabel('Keys per page').selectOption('100')
    await listSettled()
    await capture('keys')
  })

  it('takes a keyboard user from the search to the page buttons in a few Tabs, and a page forward', async () => {
    // 50 a page: two pages here, so Next lands on the last page and turns disabled (the focus
    // must stay with the page buttons, not fall to the top); the link skips every row's link
    await open('/keys?size=50')
    await app.waitForSelector('table tbody tr')
    const rows = await app.locator('tbody tr').count()
    const { tabs, presses } = await pageForwardByKeyboard(
      page,
      app,
      PAGING_WORDS.en,
      { settled: listSettled }
    )

    assert.ok(tabs <= 6, `${tabs} Tabs from the search to the link`)
    assert.ok(presses < rows, `${presses} presses, fewer than the ${rows} rows`)
  })

  it('filters keys by their worst finding, as the severity column shows it', async () => {
    await open('/keys')
    await app.waitForSelector('table tbody tr')
    await app.getByLabel('Worst finding').selectOption('HIGH')
    await listSettled()
    await app.waitForFunction(
      () => document.querySelectorAll('tbody tr').length > 0
    )
    const rows = await app.$$eval('tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-key-id'))
    )

    // keys whose worst finding is HIGH (a key with a CRITICAL one is a Critical key)
    const order = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']
    const worst = new Map<string, number>()

    for (const f of expected.findings)
      if (f.rule !== 'exposed-client-side')
        // the scanner's rule comes later
        worst.set(
          f.subjectId,
          Math.min(worst.get(f.subjectId) ?? 9, order.indexOf(f.severity))
        )
    const high = new Set(
      [...worst].filter(([, r]) => r === 1).map(([id]) => id)
    )

    assert.ok(rows.length > 0)
    for (const id of rows)
      assert.ok(high.has(id!), `row ${id}'s worst finding is HIGH`)
    assert.ok(
      expected.findings.some(
        (f) => f.severity === 'HIGH' && worst.get(f.subjectId) === 0
      ),
      'the fixture has a Critical key with a HIGH finding, which the filter must leave out'
    )
    // keys of the account and external keys (rows of the list too)
    assert.equal(
      rows.length,
      [...high].filter(
        (id) =>
          fixture.appKeys.some((k) => k.id === id) ||
          (fixture.externalKeys ?? []).some((e) => e.appKey === id)
      ).length
    )
    await capture('keys-high')
  })

  it('is usable with the keyboard: search, then sort from the header', async () => {
    await open('/keys')
    await app.waitForSelector('table tbody tr')
    await app.getByLabel('Search keys').focus()
    await page.keyboard.type('legacy')
    await app.waitForFunction(
      () => document.querySelectorAll('tbody tr').length <= 3
    )
    const ageSort = app.getByRole('button', { name: /^Age/ })

    await ageSort.focus()
    await page.keyboard.press('Enter')
    // age sorts the oldest first (descending) on its first press
    assert.equal(
      await app.getAttribute('th[aria-sort="descending"]', 'aria-sort'),
      'descending'
    )
    assert.match((await ageSort.textContent()) ?? '', /▼/)
  })

  it('opens a key with an Owner role and shows its finding', async () => {
    await open('/keys')
    await app.getByRole('link', { name: ownerKey.label }).first().click()
    await app.waitForSelector('[data-rule="owner-role"]')
    assert.ok(
      await app.isVisible('[data-rule="owner-role"] [data-severity="CRITICAL"]')
    )
    assert.ok(await app.isVisible('text=Owner (Admin Super)'))
    await page.waitForURL(`${stack.url}/admin/key-steward/keys/${ownerKey.id}`)
    await capture('key-detail')
  })

  it('keeps the Admin URL on the page in the frame: sidebar, in-page links, back, reload', async () => {
    await open('')
    const sidebar = page.getByRole('navigation', { name: 'Admin' })

    await sidebar.getByRole('link', { name: 'Users and roles' }).click()
    await page.waitForURL(`${stack.url}/admin/key-steward/users`)
    await app.waitForSelector('tr[data-owner="true"]')
    assert.equal(new URL(app.url()).pathname, '/admin/app/key-steward/users')
    assert.equal(
      await sidebar.locator('[aria-current="page"]').textContent(),
      'Users and roles'
    )

    await sidebar.getByRole('link', { name: 'API keys' }).click()
    await page.waitForURL(`${stack.url}/admin/key-steward/keys`)
    const link = app.getByRole('link', { name: ownerKey.label }).first()

    // Opened in a new tab, a link lands in the Admin, not on the bare frame page.
    assert.equal(
      await link.getAttribute('href'),
      `/admin/key-steward/keys/${ownerKey.id}`
    )
    await link.click()
    await page.waitForURL(`${stack.url}/admin/key-steward/keys/${ownerKey.id}`)
    await app.waitForSelector('[data-rule="owner-role"]')
    assert.equal(
      await sidebar.locator('[aria-current="page"]').textContent(),
      'API keys'
    )

    await page.goBack()
    await page.waitForURL(`${stack.url}/admin/key-steward/keys`)
    await app.waitForSelector('table tbody tr')
    await page.goForward()
    await page.waitForURL(`${stack.url}/admin/key-steward/keys/${ownerKey.id}`)
    await app.waitForSelector('[data-rule="owner-role"]')

    await page.reload()
    app = await appFrame(page)
    await app.waitForSelector('[data-rule="owner-role"]')
    assert.equal(
      page.url(),
      `${stack.url}/admin/key-steward/keys/${ownerKey.id}`
    )
    assert.equal(
      new URL(app.url()).pathname,
      `/admin/app/key-steward/keys/${ownerKey.id}`
    )
    await capture('admin-frame-key-detail')
  })

  it("opens the app's page on its own at /admin/app/…, without the Admin around it", async () => {
    await page.goto(`${stack.url}/admin/app/key-steward/users`)
    await page.waitForSelector('tr[data-owner="true"]')
    assert.equal(
      await page.locator('iframe, nav[aria-label="Admin"]').count(),
      0
    )
  })

  it('shows users and roles with Owner holders highlighted', async () => {
    await open('/users')
    await app.waitForSelector('tr[data-owner="true"]')
    assert.equal(
      await app.locator('tr[data-owner="true"]').count(),
      fixture.users.filter((u) =>
        (fixture.roleAssignments[u.id] ?? []).includes(1)
      ).length
    )
    await capture('users')
  })

  // With the role list unreadable, roles keep only id and name (isAdmin false): the page said
  // "5 active users hold Owner" beside rows not marked. Rows follow the server's holdsOwner.
  it('marks Owner holders when the role list could not be read, as the owner count counts them', async () => {
    // The recent copy keeps the last complete read only: without it the page reads VTEX live.
    const dropRecentCopy = () => {
      for (const path of [...stack.platform.state.vbase.keys()])
        if (path.includes('snapshots') && /recent(-meta)?\.json$/.test(path))
          stack.platform.state.vbase.delete(path)
    }

    stack.platform.faults.set([{ path: '/roles/list/paged$', status: 500 }])
    try {
      dropRecentCopy()
      await open('/users')
      await app.waitForSelector('[data-partial]')
      await app.waitForSelector('tr[data-owner="true"]')
      const owners = fixture.users.filter(
        (u) => !u.isBlocked && (fixture.roleAssignments[u.id] ?? []).includes(1)
      ).length

      assert.equal(await app.locator('tr[data-owner="true"]').count(), owners)
      assert.match(
        (await app.textContent('p[data-testid="owner-count"]')) ?? '',
        new RegExp(`^${owners} active users hold Owner`)
      )
      // each marked row's Owner tag is coloured like its finding (not a plain grey tag)
      assert.equal(
        await app
          .locator(
            'tr[data-owner="true"] [data-role-severity]:not([data-role-severity=""])'
          )
          .count(),
        owners
      )
      await capture('users-role-list-unread')
    } finally {
      stack.platform.faults.set([])
      // the next tests read a complete copy again
      dropRecentCopy()
      await gql(stack, 'session-ana-owner', '{ inventory { complete } }')
    }
  })

  it('changes the rotation period, keeps it after a reload, and the warnings follow', async () => {
    await open('/keys')
    await app.getByLabel('Rule').selectOption('key-age-exceeded')
    await listSettled()
    const before = await app.locator('tbody tr').count()

    await open('/settings')
    const input = app.locator('#setting-rotationDays')

    await input.fill('180')
    await app.getByRole('button', { name: /save settings/i }).click()
    await app.waitForSelector('text=Settings saved')
    await page.reload()
    app = await appFrame(page)
    await app.waitForSelector('#setting-rotationDays')
    assert.equal(await app.inputValue('#setting-rotationDays'), '180')
    await capture('settings')
    await app.locator('#setting-rotationDays').fill('10')
    await app.getByRole('button', { name: /save settings/i }).click()
    await app.getByText('Enter a whole number from 30 to 365.').waitFor()
    await capture('settings-error')
    await open('/keys')
    await app
      .getByLabel('Rule')
      .selectOption('key-age-exceeded')
      .catch(() => undefined)
    await listSettled()
    const afterCount = await app.locator('tbody tr').count()

    assert.ok(
      afterCount < before,
      `${afterCount} stale keys at 180 days vs ${before} at 90`
    )
  })

  it('switches to Portuguese', async () => {
    await open('/keys')
    await page.selectOption('#shell-locale', 'pt')
    await app.waitForSelector('text=Chaves de API')
    await app.waitForSelector('table tbody tr')
    assert.ok(await app.isVisible('text=Buscar chaves'))
    await capture('keys-pt')
    await page.selectOption('#shell-locale', 'en')
  })

  it('explains a missing permission to a user without License Manager access', async () => {
    await open('')
    await page.selectOption('#shell-session', 'session-diego-callcenter')
    await app.waitForSelector('text=You need more permissions')
    assert.ok(await app.isVisible('text=/Save user/'))
    await capture('forbidden')
    await page.selectOption('#shell-session', 'session-ana-owner')
  })

  it('scans the storefront from the exposure page and shows each exposed key, masked', async () => {
    await open('/exposure')
    await app
      .getByRole('button', { name: 'Scan storefront now' })
      .first()
      .click()
    await app.waitForSelector('[data-exposure="vtexappkey-acme-XDIUKI"]')
    const critical = app.locator('[data-exposure="vtexappkey-acme-XDIUKI"]')

    assert.ok(await critical.locator('[data-severity="CRITICAL"]').isVisible())
    assert.match(
      (await critical.textContent()) ?? '',
      /[A-Z]{4}… \(128 characters\)/
    )
    assert.ok(
      await app
        .locator(
          '[data-exposure="vtexappkey-acme-JVOAUO"] [data-severity="HIGH"]'
        )
        .isVisible()
    )
    assert.equal(await app.locator('[data-exposure]').count(), 2)
    await capture('exposure')
  })

  it('raised no page errors', () => {
    assert.deepEqual(pageErrors, [])
  })
})
