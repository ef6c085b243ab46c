// A finding raised during a review is in the review: the storefront scan the checklist asks for
// finds "Store locator widget" exposed (CRITICAL) after the review started; its row says so,
// "Keep every key without findings" leaves it undecided, and sign-off stores what was seen.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { after, before, it } from 'node:test'

import type { Browser, Frame, Page } from 'playwright-core'

import type { Fixture } from '../platform/fixture'
import type { Stack } from '../stack'
import { startStack } from '../stack'
import { DEFAULT_FIXTURE, ROOT } from '../paths'
import { assertNoTokens, gql, loadJson } from './helpers'
import { launchChromium, openAdmin, screenshotAdmin } from './browser'

const ARTIFACTS = join(ROOT, 'dev', 'artifacts', 'screenshots')
const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'
const exposed = fixture.appKeys.find((k) => k.label === 'Store locator widget')!
const qa = fixture.appKeys.find((k) => k.label === 'Product Q&A widget')!

let stack: Stack
let browser: Browser
let page: Page
const pageErrors: string[] = []

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
  assertNoTokens(fixture, stack.logs, 'service log line')
})

async function ana(query: string, variables: Record<string, unknown> = {}) {
  const r = await gql(stack, ANA, query, variables)

  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors))
  assertNoTokens(fixture, [r.text], 'GraphQL answer')

  return r.body.data
}

const KEY = `query($f: DecisionFilter, $id: ID) { reviewDecisions(reviewId: $id, filter: $f, limit: 200) { total rules findingsNowKnown keys { id findings { rule severity } newFindings { rule severity } risky decision { decision } } } }`
const keyIn = (page: { keys: Array<{ id: string }> }) =>
  page.keys.find((k) => k.id === exposed.id) as any

/** The cells of the CSV row of a key (every field quoted; no field of these rows holds a newline). */
function csvRow(csv: string, keyId: string) {
  const [head, ...lines] = csv.split('\r\n')
  const cells = (line: string) =>
    (line.match(/"(?:[^"]|"")*"/g) ?? []).map((c) =>
      c.slice(1, -1).replace(/""/g, '"')
    )

  const header = cells(head)
  const row = cells(lines.find((l) => l.includes(`"${keyId}"`))!)

  return (name: string) => row[header.indexOf(name)]
}

it('shows a CRITICAL finding raised by a scan during the review in its row, and "Keep every key without findings" leaves the key undecided', async () => {
  assert.ok(exposed, 'the fixture has the Store locator widget key')
  const app: Frame = await openAdmin(
    page,
    `${stack.url}/admin/key-steward/review`
  )

  await app.getByRole('button', { name: 'Start review' }).click()
  await app.waitForSelector('[data-practice="NO_CLIENT_SIDE"]')
  // At start no scan had run: the key had no finding.
  const atStart = keyIn((await ana(KEY)).reviewDecisions)

  assert.deepEqual(atStart.findings, [])
  assert.deepEqual(atStart.newFindings, [])
  // Before any scan in this review, "keep every key without findings" says to run the scan first.
  const noScan = app.locator('[data-bulk-bar] [data-no-scan-yet]')

  await noScan.waitFor()
  assert.match(
    (await noScan.textContent())!,
    /No storefront scan in this review yet: run it first/
  )
  // A key kept while it had no finding (its appKey is in storefront code: the scan will say so).
  await ana(
    `mutation($k: ID!) { decideKey(keyId: $k, decision: KEEP) { id } }`,
    { k: qa.id }
  )

  // The checklist's storefront scan, run from the review, finds its token in /arquivos/app.js.
  await app.waitForSelector(
    '[data-practice="NO_CLIENT_SIDE"] [data-done-needs="FRESH_SCAN"]'
  )
  await app
    .locator('[data-practice="NO_CLIENT_SIDE"] [data-run-scan] button')
    .click()
  await app.waitForSelector(
    '[data-practice="NO_CLIENT_SIDE"] [data-done-needs="FRESH_SCAN"]',
    { state: 'detached', timeout: 60_000 }
  )

  const row = app.locator(`tr[data-review-key="${exposed.id}"]`)
  const fresh = row.locator('[data-new-finding="exposed-client-side"]')

  // The scan ran in this review: the note is gone, and the review's log says what it found.
  await noScan.waitFor({ state: 'detached' })
  const scanned = (
    await ana('{ review { audit { action by detail } } }')
  ).review.audit.filter((a: { action: string }) => a.action === 'SCAN')

  assert.equal(scanned.length, 1)
  assert.equal(scanned[0].by, 'ana@acme.com')
  assert.match(scanned[0].detail, /^\d+ keys? exposed/)
  assert.ok(
    scanned[0].detail.includes(`Store locator widget (${exposed.appKey})`)
  )

  await fresh.waitFor({ timeout: 30_000 })
  assert.match((await fresh.textContent())!, /Critical/i)
  assert.match((await fresh.textContent())!, /Exposed in storefront code/)
  assert.match(
    (await row.locator('[data-new-since-start]').textContent())!,
    /New since the review started/
  )
  assert.doesNotMatch((await row.textContent())!, /No problems/)
  await screenshotAdmin(page, app, join(ARTIFACTS, 'review-new-finding.png'))
  await row.screenshot({ path: join(ARTIFACTS, 'review-new-finding-row.png') })

  // The service counts it like any finding.
  const seen = (await ana(KEY)).reviewDecisions

  assert.equal(seen.findingsNowKnown, true)
  assert.ok(seen.rules.includes('exposed-client-side'))
  assert.deepEqual(keyIn(seen).findings, [], 'the findings at start stay')
  assert.deepEqual(keyIn(seen).newFindings, [
    { rule: 'exposed-client-side', severity: 'CRITICAL' },
  ])
  assert.equal(keyIn(seen).risky, true)
  const critical = (await ana(KEY, { f: { worstSeverity: 'CRITICAL' } }))
    .reviewDecisions

  assert.ok(keyIn(critical), 'counted by the CRITICAL confirmation')

  // "Keep every key without findings" keeps the others and not this one.
  await app.locator('[data-keep-healthy] button').click()
  await app
    .locator('[data-testid="bulk-healthy-confirm"] button')
    .filter({ hasText: /^Keep \d+ keys?$/ })
    .click()
  await app.waitForSelector('[data-decide-notice]')
  await row.waitFor()
  assert.equal(await row.getAttribute('data-decided'), 'false')
  const after = (await ana(KEY)).reviewDecisions

  assert.equal(keyIn(after).decision, null)
  // the log says it was one bulk decision, and how its keys were chosen
  const bulk = (
    await ana('{ review { audit { action detail } } }')
  ).review.audit.filter((a: { action: string }) => a.action === 'DECIDE_BULK')

  assert.equal(bulk.length, 1)
  assert.match(bulk[0].detail, /^KEEP \d+ WITHOUT_FINDINGS$/)
  assert.ok(
    (await ana(KEY, { f: { status: 'DECIDED' } })).reviewDecisions.total > 0,
    'the keys without findings were kept'
  )

  // Keeping it without a justification is refused, as for any CRITICAL key.
  const refused = await gql(
    stack,
    ANA,
    `mutation($k: ID!) { decideKey(keyId: $k, decision: KEEP) { id } }`,
    { k: exposed.id }
  )

  assert.equal(refused.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT')

  // The open review's export lists it in new_findings; the findings at start stay empty.
  const { id } = (await ana('{ review { id } }')).review
  const open = (
    await ana(
      'query($id: ID!) { reviewExport(id: $id, format: CSV) { content } }',
      { id }
    )
  ).reviewExport.content

  assert.equal(
    csvRow(open, exposed.id)('new_findings'),
    'CRITICAL:exposed-client-side'
  )
  assert.equal(csvRow(open, exposed.id)('findings'), '')
  // The key kept without a justification now has a finding: the sign-off names it and leads
  // to it (Show: Decided, most severe first).
  const named = app.locator('[data-kept-without-reason-keys]')

  await named.waitFor()
  assert.match((await named.textContent())!, /Product Q&A widget/)
  await app.locator('[data-show-kept-without-reason]').click()
  await app
    .locator(`tr[data-review-key="${qa.id}"][data-decided="true"]`)
    .waitFor()
  // justified now (the sign-off below needs it)
  await ana(
    `mutation($k: ID!) { decideKey(keyId: $k, decision: KEEP, justification: "Public widget key; no token in the page") { id } }`,
    { k: qa.id }
  )
  assert.deepEqual(pageErrors, [])
})

it('sign-off stores the new findings the signer saw: the completed review and its export keep them', async () => {
  await ana(
    `mutation($k: [ID!]) { decideKeys(keyIds: $k, decision: ROTATE) { reviewId } }`,
    { k: [exposed.id] }
  )
  await ana(
    `mutation { decideKeys(matching: { status: UNDECIDED }, decision: KEEP, justification: "Owners confirmed in SEC-44") { reviewId } }`
  )
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
      { p: practice, n: `Checked ${practice}; follow-up in SEC-44` }
    )
  const signed = (await ana('{ review { id } }')).review

  const done = (
    await ana(
      'mutation { completeReview(note: "Q4") { id status progress { criticalChangesPending keptExposed keptCritical } checklist { practice evidence { id value } } } }'
    )
  ).completeReview

  assert.equal(done.status, 'COMPLETED')
  // the Owner keys kept with a justification ask for no change; the exposed key's rotation is pending
  assert.ok(done.progress.criticalChangesPending >= 1)

  const completed = (await ana(KEY, { id: signed.id })).reviewDecisions

  assert.deepEqual(keyIn(completed).newFindings, [
    { rule: 'exposed-client-side', severity: 'CRITICAL' },
  ])
  const csv = (
    await ana(
      'query($id: ID!) { reviewExport(id: $id, format: CSV) { content } }',
      { id: signed.id }
    )
  ).reviewExport.content

  assert.equal(
    csvRow(csv, exposed.id)('new_findings'),
    'CRITICAL:exposed-client-side'
  )
  assert.equal(csvRow(csv, exposed.id)('review_status'), 'COMPLETED')
  // the rotation asked for is not started: said, unlike a KEEP's empty cell
  assert.equal(csvRow(csv, exposed.id)('carry_out_status'), 'NOT_STARTED')
  assert.equal(csvRow(csv, qa.id)('carry_out_status'), '')
  // the Product Q&A widget is kept (justified) with its appKey alone in storefront code, no token
  // (HIGH): the sign-off's "token in storefront code" does not count it (walk14 #1); the Store
  // locator widget's token was found, but it is to be rotated
  assert.deepEqual(
    (completed.keys as any[]).find((k) => k.id === qa.id).newFindings,
    [{ rule: 'exposed-client-side', severity: 'HIGH' }]
  )
  assert.equal(done.progress.keptExposed, 0)
  // the kept keys with a CRITICAL finding (at start or since), as the completed review gives them
  // (walk14 #10): the same number, from the findings stored at sign-off
  assert.equal(completed.keys.length, completed.total)
  const keptCritical = (completed.keys as any[]).filter(
    (k) =>
      k.decision?.decision === 'KEEP' &&
      [...k.findings, ...k.newFindings].some(
        (f: { severity: string }) => f.severity === 'CRITICAL'
      )
  ).length

  assert.ok(keptCritical > 0)
  assert.equal(done.progress.keptCritical, keptCritical)
  assert.equal(
    (
      await ana(
        'query($id: ID!) { reviewById(id: $id) { progress { keptCritical keptExposed } } }',
        { id: signed.id }
      )
    ).reviewById.progress.keptCritical,
    keptCritical
  )
  // the HIGH/CRITICAL count at start stays; the count now, with the scan's findings, is stored too
  const reassess = Object.fromEntries(
    done.checklist
      .find((c: { practice: string }) => c.practice === 'REASSESS_ACCESS')
      .evidence.map((e: { id: string; value: string }) => [
        e.id,
        Number(e.value),
      ])
  )

  assert.equal(reassess.keysHighOrWorseNow, reassess.keysHighOrWorse + 2)
  // the review's log names each key by label and appKey, and holds the scan
  const log = csv
    .split('\r\n')
    .filter((l: string) => l.startsWith('"#review_log"'))

  assert.match(log[0], /"detail","label","app_key"$/)
  assert.ok(
    log.some((l: string) =>
      l.endsWith(`"Store locator widget","${exposed.appKey}"`)
    )
  )
  assert.ok(log.some((l: string) => l.includes('"SCAN"')))
})
