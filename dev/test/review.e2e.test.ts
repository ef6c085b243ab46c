// A whole access review in the browser with bulk actions (a few dozen actions for the default
// fixture), the page after sign-off, the evidence export; then the auditor reading it.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'fs'
import { join } from 'path'
import { after, before, it } from 'node:test'

import type { Browser, Frame, Page } from 'playwright-core'

import type { Fixture } from '../platform/fixture'
import type { Stack } from '../stack'
import { startStack } from '../stack'
import { DEFAULT_FIXTURE, ROOT } from '../paths'
import { assertNoTokens, loadJson } from './helpers'
import { appFrame, launchChromium, openAdmin, screenshotAdmin } from './browser'

const ARTIFACTS = join(ROOT, 'dev', 'artifacts', 'screenshots')
const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const REVIEW_KEYS =
  fixture.appKeys.length +
  ((fixture.appStorage?.externalKeys as unknown[] | undefined)?.length ?? 0)

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
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''))
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }

  return rows
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  stack = await startStack({ fixture: DEFAULT_FIXTURE })
  browser = await launchChromium()
  page = await (
    await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1440, height: 1000 },
    })
  ).newPage()
  page.on('pageerror', (e) => pageErrors.push(e.message))
})

after(async () => {
  await browser?.close()
  await stack?.stop()
  assertNoTokens(fixture, stack.logs, 'service log line')
})

/** The admin's actions (clicks, choices, typing into a field), counted to keep the review short. */
let actions = 0
const act = async <T>(work: Promise<T>): Promise<T> => {
  actions++

  return work
}

it('completes the whole review with bulk actions in a few dozen actions, and shows the completed review after sign-off', async () => {
  let app: Frame = await openAdmin(
    page,
    `${stack.url}/admin/key-steward/review`
  )

  // no review yet: the reminder to do the first one is there, until the review starts
  await app.waitForSelector('[data-reminder="REVIEW_OVERDUE"]')
  await act(app.getByRole('button', { name: 'Start review' }).click())
  await app.waitForSelector('[data-practice="ROTATE_KEYS"]')
  // The sign-off button stays short; what remains is the list beside it, its description.
  const signOff = app.getByRole('button', { name: 'Sign off review' })

  assert.ok(await signOff.isDisabled())
  assert.match(
    await signOff.evaluate((b) => {
      const id = b.getAttribute('aria-describedby')

      return (id && document.getElementById(id)?.innerText) ?? ''
    }),
    /^To sign off, finish:\s+\d+ keys still need a decision\.\s+Practices still open: Rotate keys, /
  )
  // No "Start the review" banner while the review is open (the banner refetches on start).
  await app
    .locator('[data-reminder="REVIEW_OVERDUE"]')
    .waitFor({ state: 'detached', timeout: 10_000 })
  await page.screenshot({
    path: join(ARTIFACTS, 'review-started.png'),
    fullPage: false,
  })

  // Evidence links open the key list on the keys behind a line, named by the review and the
  // line (the service works them out): never a list of ids that outgrows a URL.
  const href = await app
    .locator(
      '[data-practice="ROTATE_KEYS"] [data-evidence="activeWithinRotation"] a'
    )
    .getAttribute('href')

  assert.match(href!, /\/keys\?evidence=activeWithinRotation&review=[\w-]+$/)

  // "No keys in client-side code" needs a scan run since the review started: run it inline.
  await app.waitForSelector(
    '[data-practice="NO_CLIENT_SIDE"] [data-done-needs="FRESH_SCAN"]'
  )
  await act(
    app
      .locator('[data-practice="NO_CLIENT_SIDE"] [data-run-scan] button')
      .click()
  )
  await app.waitForSelector(
    '[data-practice="NO_CLIENT_SIDE"] [data-done-needs="FRESH_SCAN"]',
    { state: 'detached', timeout: 60_000 }
  )

  // Checklist: every practice Done, with a note (the fixture's evidence needs attention on most).
  for (const practice of [
    'ROTATE_KEYS',
    'RENEW_TOKENS',
    'REASSESS_ACCESS',
    'INDIVIDUAL_KEYS',
    'NO_CLIENT_SIDE',
    'AWARENESS',
    'NO_SHARING',
  ]) {
    const item = app.locator(`[data-practice="${practice}"]`)

    await act(item.locator('select').selectOption('DONE'))
    await act(
      item
        .locator('textarea')
        .fill(
          `Done for ${practice} on 2026-11-26: owners asked to act, tracked in SEC-42`
        )
    )
    await act(item.getByRole('button', { name: 'Save' }).click())
    await app.waitForSelector(
      `[data-practice="${practice}"][data-status="DONE"]`
    )
  }

  // Decisions: keep every key without findings, confirmed with its count …
  await act(app.locator('[data-keep-healthy] button').click())
  await act(
    app
      .locator('[data-testid="bulk-healthy-confirm"] button')
      .filter({ hasText: /^Keep \d+ keys?$/ })
      .click()
  )
  await app.waitForSelector('[data-decide-notice]')
  // The Finding filter narrows the table to the keys with a finding of one rule, by its name …
  const shown = async () =>
    Number(
      await app
        .locator('[data-decisions-total]')
        .getAttribute('data-decisions-total')
    )

  const undecided = await shown()

  await act(
    app
      .locator('[data-rule-filter] select')
      .selectOption({ label: 'Generic label' })
  )
  await app.waitForFunction((n) => {
    const t = document
      .querySelector('[data-decisions-total]')
      ?.getAttribute('data-decisions-total')

    return !!t && Number(t) < n
  }, undecided)
  const narrowed = await shown()

  assert.ok(narrowed > 0, 'the fixture has keys with a generic label')
  assert.equal(
    await app.locator('tr[data-review-key]').count(),
    Math.min(narrowed, 50)
  )
  assert.equal(
    await app
      .locator('tr[data-review-key]:not(:has([data-rule="generic-label"]))')
      .count(),
    0,
    'every row shown has a Generic label finding'
  )
  await page.screenshot({ path: join(ARTIFACTS, 'review-rule-filter.png') })
  // … and back to every finding.
  await act(app.locator('[data-rule-filter] select').selectOption(''))
  await app.waitForSelector(`[data-decisions-total="${undecided}"]`)
  // … then every key still undecided, at once: select all matching, keep with one justification.
  await act(app.locator('[data-select-matching-top] button').click())
  const bar = app.locator('[data-bulk-bar]')

  // Rotate on every key matching, external keys included: refused in the bar, naming them as the
  // service would, before any CRITICAL confirmation (walk 11 #1), with focus on the message.
  await act(bar.locator('select').selectOption('ROTATE'))
  await act(bar.locator('button[type="submit"]').click())
  const externalRefused = bar.locator('[data-bulk-external-refused]')

  await externalRefused.waitFor()
  assert.match(
    (await externalRefused.textContent())!,
    /^Rotate does not fit \d+ keys of other accounts \(“[^”]+”.*\): Key Steward cannot renew or deactivate another account’s key\..*Nothing was decided\.$/
  )
  assert.equal(await app.getByRole('dialog').count(), 0)
  assert.equal(
    await app.evaluate(() =>
      document.activeElement?.hasAttribute('data-bulk-external-refused')
    ),
    true
  )
  await act(bar.locator('select').selectOption('KEEP'))
  assert.equal(await externalRefused.count(), 0)
  await act(bar.locator('button[type="submit"]').click())
  // Keeping keys with a CRITICAL finding is confirmed first, in a dialog that counts them.
  const confirmCritical = async () => {
    const dialog = app.getByRole('dialog', {
      name: 'Include keys with a CRITICAL finding?',
    })

    await dialog.waitFor()
    assert.match(
      (await dialog.locator('[data-critical-count]').textContent())!,
      /: [1-9]\d* of \d+\.$/
    )
    assert.equal(
      await app.evaluate(() => document.activeElement?.textContent),
      'Cancel'
    )
    await act(dialog.getByRole('button', { name: /^Keep \d+ keys$/ }).click())
    await dialog.waitFor({ state: 'detached' })
  }

  // Keeping CRITICAL keys without a justification: the field asks for one before any dialog
  // (confirming first, then being refused, was a step in vain); nothing is sent.
  await bar
    .getByText(
      'Keeping keys with a HIGH or CRITICAL finding needs a justification: write one, then decide.'
    )
    .waitFor()
  assert.equal(await app.getByRole('dialog').count(), 0)
  await page.screenshot({ path: join(ARTIFACTS, 'review-bulk-refused.png') })
  await act(
    bar
      .locator('input[type="text"], input:not([type])')
      .first()
      .fill('Owner confirmed; rotation scheduled this quarter')
  )
  await act(bar.locator('button[type="submit"]').click())
  await confirmCritical()
  await app.getByText('Every key has a decision.').waitFor()
  await page.screenshot({
    path: join(ARTIFACTS, 'review-decided.png'),
    fullPage: false,
  })

  await act(app.getByRole('button', { name: 'Sign off review' }).click())
  // A modal dialog named by its title, with focus on Cancel.
  await app
    .getByRole('dialog', { name: 'Sign off this access review?' })
    .waitFor()
  assert.equal(
    await app.evaluate(() => document.activeElement?.textContent),
    'Cancel'
  )
  const counts = await app.locator('[data-sign-off-counts]').textContent()

  assert.match(
    counts!,
    new RegExp(
      `You confirm the decisions on ${REVIEW_KEYS} keys \\(${REVIEW_KEYS} to keep\\) and the checklist of 7 practices \\(7 done\\)\\. `
    )
  )
  await act(app.getByRole('button', { name: 'Sign off', exact: true }).click())

  // After sign-off: success, the completed review, and no overdue banner.
  await app.waitForSelector('[data-signed-success]')
  await app.waitForSelector('[data-completed-review]')
  assert.ok(await app.isVisible('[data-review-log]'))
  await app
    .locator('[data-reminder="REVIEW_OVERDUE"]')
    .waitFor({ state: 'detached', timeout: 10_000 })
  assert.equal(await app.locator('text=Start the review').count(), 0)
  await screenshotAdmin(page, app, join(ARTIFACTS, 'review-signed.png'))
  console.log(`review of ${REVIEW_KEYS} keys completed in ${actions} actions`)
  assert.ok(actions <= 40, `${actions} actions`)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app
      .locator('[data-review-id]')
      .first()
      .getByRole('button', { name: 'Export CSV' })
      .click(),
  ])

  const file = readFileSync((await download.path())!, 'utf8')

  // a UTF-8 byte-order mark first, or Excel (pt-BR, es) reads "ação" as "aÃ§Ã£o" (walk12)
  assert.equal(file.charCodeAt(0), 0xfeff, 'the CSV starts with a BOM')
  const csv = file.slice(1)

  assertNoTokens(fixture, [csv], 'exported CSV')
  const rows = parseCsv(csv)
  const header = rows[0]
  const keyRows = rows
    .slice(1)
    .filter((r) => r.length === header.length && r[header.indexOf('key_id')])

  assert.equal(keyRows.length, REVIEW_KEYS)
  for (const r of keyRows) {
    assert.equal(r[header.indexOf('decision')], 'KEEP')
    assert.equal(r[header.indexOf('decided_by')], 'ana@acme.com')
    assert.equal(r[header.indexOf('review_status')], 'COMPLETED')
  }

  assert.ok(
    keyRows.some(
      (r) =>
        r[header.indexOf('justification')] ===
        'Owner confirmed; rotation scheduled this quarter'
    )
  )
  assert.ok(
    rows.some(
      (r) => r[0] === '#checklist' && r[1] === 'AWARENESS' && r[2] === 'DONE'
    )
  )
  assert.ok(rows.some((r) => r[0] === '#signoff' && r[1] === 'ana@acme.com'))

  // The overview now shows the next review date instead of an overdue review.
  app = await openAdmin(page, `${stack.url}/admin/key-steward`)
  await app.waitForSelector('text=Next review due on')
  assert.deepEqual(pageErrors, [])
})

it('the auditor (carla, no read resources) opens the completed review read-only', async () => {
  const ana = (q: string) =>
    fetch(`${stack.url}/_v/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: 'VtexIdclientAutCookie=session-ana-owner',
      },
      body: JSON.stringify({ query: q }),
    }).then((r) => r.json() as Promise<{ data?: any; errors?: unknown[] }>)

  const named = await ana(
    'mutation { updateSettings(settings: { auditors: ["carla@acme.com"] }) { auditors } }'
  )

  assert.equal(named.errors, undefined, JSON.stringify(named.errors))
  let app: Frame = await openAdmin(
    page,
    `${stack.url}/admin/key-steward/review`
  )

  await page.selectOption('#shell-session', 'session-carla-readonly')
  app = await appFrame(page)
  await app.waitForSelector('[data-auditor-view]')
  await app.waitForSelector('[data-review-id]')
  await app
    .locator('[data-review-id]')
    .first()
    .getByRole('button', { name: 'Open' })
    .click()
  await app.waitForSelector('[data-completed-review]')
  assert.match(
    (await app.locator('[data-signed-by]').textContent())!,
    /ana@acme.com/
  )
  assert.ok(
    (await app.locator('[data-practice="AWARENESS"] [data-note]').count()) > 0
  )
  await app.waitForSelector('tr[data-review-key]')
  // read-only: no checkbox, no decision form, no sign-off
  assert.equal(
    await app
      .locator(
        'tr[data-review-key] input[type="checkbox"], tr[data-review-key] form, [data-sign-off], [data-bulk-bar]'
      )
      .count(),
    0
  )
  await screenshotAdmin(page, app, join(ARTIFACTS, 'review-auditor.png'))
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.getByRole('button', { name: 'Export CSV' }).first().click(),
  ])

  assert.match(readFileSync((await download.path())!, 'utf8'), /"#review_log"/)
})

it('after sign-off, the changes a review asked for are followed up: counted, listed and named on the Overview until carried out', async () => {
  const ana = async (
    query: string,
    variables: Record<string, unknown> = {}
  ) => {
    const res = await fetch(`${stack.url}/_v/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: 'VtexIdclientAutCookie=session-ana-owner',
      },
      body: JSON.stringify({ query, variables }),
    })

    const body = (await res.json()) as { data?: any; errors?: unknown[] }

    assert.equal(body.errors, undefined, JSON.stringify(body.errors))

    return body.data
  }

  const PAGE = `query($f: DecisionFilter) { reviewDecisions(filter: $f, limit: 200) { total keys { id appKey label isActive external } } }`
  const DECIDE = `mutation($ids: [ID!], $m: DecisionFilter, $d: Decision!, $j: String) { decideKeys(keyIds: $ids, matching: $m, decision: $d, justification: $j) { progress { keysDecided } } }`

  await ana('mutation { startReview { id } }')
  await ana('mutation { runLeakScan { at } }')
  // Rotate a key holding Owner (a CRITICAL finding), deactivate a healthy one, keep the rest
  // (the scan's exposed key is CRITICAL too now: the Owner one is picked by its rule).
  const owner = (
    await ana(PAGE, { f: { worstSeverity: 'CRITICAL', rule: 'owner-role' } })
  ).reviewDecisions.keys.find((k: { external: boolean }) => !k.external)

  const healthy = (
    await ana(PAGE, { f: { risky: false } })
  ).reviewDecisions.keys.find(
    (k: { external: boolean; isActive: boolean }) => !k.external && k.isActive
  )

  assert.ok(owner && healthy, 'the fixture has an Owner key and a healthy one')
  await ana(DECIDE, { ids: [owner.id], d: 'ROTATE' })
  await ana(DECIDE, { ids: [healthy.id], d: 'DEACTIVATE' })
  await ana(DECIDE, {
    m: { status: 'UNDECIDED' },
    d: 'KEEP',
    j: 'Owners confirmed in SEC-43',
  })
  for (const practice of [
    'ROTATE_KEYS',
    'RENEW_TOKENS',
    'REASSESS_ACCESS',
    'INDIVIDUAL_KEYS',
    'NO_CLIENT_SIDE',
    'AWARENESS',
    'NO_SHARING',
  ])
    await ana(
      'mutation($p: Practice!, $n: String) { checkPractice(practice: $p, status: DONE, note: $n) { id } }',
      { p: practice, n: `Checked ${practice}; follow-up in SEC-43` }
    )

  // A bad follow-up filter is refused as the caller's mistake, naming nothing it changed.
  const bad = await fetch(`${stack.url}/_v/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: 'VtexIdclientAutCookie=session-ana-owner',
    },
    body: JSON.stringify({
      query: PAGE,
      variables: { f: { carryOut: 'DONE_SOMEHOW' } },
    }),
  }).then((r) => r.json() as Promise<{ errors?: any[] }>)

  assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')
  assert.match(bad.errors![0].message, /carryOut/)

  let app: Frame = await openAdmin(
    page,
    `${stack.url}/admin/key-steward/review`
  )

  // The test before left the shell on the auditor's session: back to Ana, who signs.
  await page.selectOption('#shell-session', 'session-ana-owner')
  app = await appFrame(page)
  await app.getByRole('button', { name: 'Sign off review' }).click()
  const dialog = app.getByRole('dialog', {
    name: 'Sign off this access review?',
  })

  await dialog.waitFor()
  assert.equal(
    await dialog.locator('[data-sign-off-critical]').textContent(),
    'Signing does not carry out your decisions: 1 key with a CRITICAL finding keeps its access until the change is made.'
  )
  await screenshotAdmin(page, app, '/tmp/followup5/e2e-sign-off-critical.png', {
    fullPage: false,
  })
  await dialog.getByRole('button', { name: 'Sign off', exact: true }).click()

  // The completed review counts the two changes asked for and lists them on request.
  await app.waitForSelector('[data-follow-up-counts]')
  assert.equal(
    await app.locator('[data-follow-up-counts]').textContent(),
    'Carried out: 0 of 2 decisions that ask for a change · 0 in progress · 2 not started'
  )
  await app
    .getByRole('button', { name: 'Show the 2 changes not carried out' })
    .click()
  await app.waitForSelector('[data-decisions-total="2"]')
  assert.equal(await app.locator('tr[data-review-key]').count(), 2)
  assert.match(page.url() + app.url(), /carryOut=NOT_CARRIED_OUT/)
  await screenshotAdmin(page, app, '/tmp/followup5/e2e-completed-follow-up.png')

  // Deactivating the key after sign-off carries its decision out: the count moves.
  const off = await ana(
    'mutation($k: ID!, $c: String!) { deactivateKey(keyId: $k, confirm: $c) { carriedOut } }',
    { k: healthy.id, c: healthy.appKey }
  )

  assert.equal(off.deactivateKey.carriedOut, true)

  // The Overview says what is still to do beside the review line, and links to that list.
  app = await openAdmin(page, `${stack.url}/admin/key-steward`)
  await app.waitForSelector('[data-review-follow-up]')
  assert.equal(
    await app.locator('[data-review-follow-up]').textContent(),
    'The last review asked for 2 changes; 1 is not carried out yet. See the changes not carried out'
  )
  await screenshotAdmin(page, app, '/tmp/followup5/e2e-overview-follow-up.png')
  await app
    .getByRole('link', { name: 'See the changes not carried out' })
    .click()
  await app.waitForSelector('[data-completed-review]')
  await app.waitForSelector('[data-decisions-total="1"]')
  const rows = app.locator('tr[data-review-key]')

  assert.equal(await rows.count(), 1)
  assert.equal(await rows.first().getAttribute('data-review-key'), owner.id)
  assert.equal(
    await rows.first().locator('[data-not-carried-out]').textContent(),
    'Not carried out yet'
  )
  assert.equal(
    await app.locator('[data-follow-up-counts]').textContent(),
    'Carried out: 1 of 2 decisions that ask for a change · 0 in progress · 1 not started'
  )
  await screenshotAdmin(page, app, '/tmp/followup5/e2e-follow-up-list.png')
  assert.deepEqual(pageErrors, [])
})

// walk 10: named an auditor, carla met only dead ends: her Overview told her to ask to be named
// one, the evidence links of a completed review opened a refusal, and each change asked for
// offered "Carry it out on the key page", a page she cannot open and an action she may not take.
it('the auditor is told she is one and led to the reviews, and is offered no link she cannot follow', async () => {
  const as = (session: string, path: string) =>
    openAdmin(
      page,
      `${stack.url}/admin/key-steward${path}${
        path.includes('?') ? '&' : '?'
      }session=${session}`
    )

  // the review the test before signed: a Rotate not carried out yet
  const listed = await fetch(`${stack.url}/_v/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: 'VtexIdclientAutCookie=session-ana-owner',
    },
    body: JSON.stringify({ query: '{ reviews { id } }' }),
  }).then(
    (r) => r.json() as Promise<{ data: { reviews: Array<{ id: string }> } }>
  )
  const latest = listed.data.reviews[0].id
  const carryOut = 'a:has-text("Carry it out on the key page")'
  const evidenceLinks = '[data-practice] [data-evidence] a'

  // the owner is offered both, so their absence below is the auditor's view, not the review's
  let app = await as('session-ana-owner', `/review?review=${latest}`)

  await app.waitForSelector('tr[data-review-key]')
  await app.waitForSelector(carryOut)
  assert.ok((await app.locator(evidenceLinks).count()) > 0)

  app = await as('session-carla-readonly', '')
  const refusal = app.locator('[data-testid="forbidden"]')

  await refusal.waitFor()
  assert.equal(await refusal.locator('[data-forbidden-auditor]').count(), 0)
  assert.match(
    (await refusal.locator('[data-forbidden-is-auditor]').textContent())!,
    /^You are an auditor of this account: you can read its completed access reviews/
  )
  await screenshotAdmin(page, app, join(ARTIFACTS, 'auditor-overview.png'))
  await refusal
    .getByRole('link', { name: 'Open the completed reviews' })
    .click()
  await app.waitForSelector('[data-auditor-view]')

  app = await as('session-carla-readonly', `/review?review=${latest}`)
  await app.waitForSelector('tr[data-review-key] [data-not-carried-out]')
  // the permissions have answered once the evidence counts are text
  await app.waitForSelector('[data-practice] [data-evidence-count]')
  assert.equal(await app.locator(evidenceLinks).count(), 0)
  assert.equal(await app.locator(carryOut).count(), 0)
  await screenshotAdmin(page, app, join(ARTIFACTS, 'auditor-completed.png'))
  assert.deepEqual(pageErrors, [])
})
