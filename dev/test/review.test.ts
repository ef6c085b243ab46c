// The access review through the whole stack: start → decide → checklist → sign-off → history,
// evidence export, permissions, and two admins deciding at once.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import { errorCode, gql, loadJson, useStack } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'
const BRUNO = 'session-bruno-security'
const REVIEW = '{ review { id status progress { keysTotal keysDecided practicesTotal practicesClosed } keys { id label risky decision { decision justification decidedBy } } checklist { practice status attested evidence { id value ok } } audit { action by subject } } }'
const DECIDE = 'mutation($k: ID!, $d: Decision!, $j: String) { decideKey(keyId: $k, decision: $d, justification: $j) { progress { keysDecided } } }'
const CHECK = 'mutation($p: Practice!, $s: CheckStatus!, $n: String) { checkPractice(practice: $p, status: $s, note: $n) { progress { practicesClosed } } }'

const stack = useStack({ fixture: DEFAULT_FIXTURE })

async function decideAll(cookie: string, keys: Array<{ id: string; risky: boolean }>) {
  for (const k of keys) {
    const r = await gql(stack, cookie, DECIDE, { k: k.id, d: k.risky ? 'ROTATE' : 'KEEP' })
    assert.equal(r.body.errors, undefined, r.text)
  }
}

async function closeChecklist(cookie: string) {
  for (const p of ['ROTATE_KEYS', 'RENEW_TOKENS', 'REASSESS_ACCESS', 'INDIVIDUAL_KEYS', 'NO_CLIENT_SIDE']) {
    assert.equal((await gql(stack, cookie, CHECK, { p, s: 'DONE' })).body.errors, undefined)
  }
  assert.equal((await gql(stack, cookie, CHECK, { p: 'AWARENESS', s: 'DONE', n: 'Credential-handling training on 2026-11-10 for the integration team' })).body.errors, undefined)
  assert.equal((await gql(stack, cookie, CHECK, { p: 'NO_SHARING', s: 'DONE', n: 'Tokens go through the vault; no ticket or chat contains one (checked 2026-11-20)' })).body.errors, undefined)
}

describe('a whole review', () => {
  it('starts with a snapshot, refuses a second one, and is signed off once everything is decided', async () => {
    const started = await gql(stack, ANA, 'mutation { startReview { id status progress { keysTotal practicesTotal } } }')
    assert.equal(started.body.errors, undefined, started.text)
    assert.equal(started.body.data.startReview.progress.keysTotal, fixture.appKeys.length)
    assert.equal(errorCode(await gql(stack, BRUNO, 'mutation { startReview { id } }')), 'CONFLICT')

    const review = (await gql(stack, ANA, REVIEW)).body.data.review
    const risky = review.keys.find((k: { risky: boolean }) => k.risky)
    const keep = await gql(stack, ANA, DECIDE, { k: risky.id, d: 'KEEP' })
    assert.equal(errorCode(keep), 'BAD_USER_INPUT')
    assert.match(keep.body.errors![0].message, /needs a justification/)

    const early = await gql(stack, ANA, 'mutation { completeReview { id } }')
    assert.equal(errorCode(early), 'BAD_USER_INPUT')
    assert.match(early.body.errors![0].message, new RegExp(`${fixture.appKeys.length} keys without a decision.*practices still open`))

    await decideAll(ANA, review.keys)
    assert.equal((await gql(stack, ANA, DECIDE, { k: risky.id, d: 'KEEP', j: 'Contract with the agency ends in December; rotation scheduled' })).body.errors, undefined)
    await closeChecklist(BRUNO)

    const done = await gql(stack, BRUNO, 'mutation { completeReview(note: "Quarterly review Q4") { id status signedBy completedAt } }')
    assert.equal(done.body.errors, undefined, done.text)
    assert.equal(done.body.data.completeReview.status, 'COMPLETED')
    assert.equal(done.body.data.completeReview.signedBy, 'bruno@acme.com')

    const after = (await gql(stack, ANA, '{ review { id } reviews { id signedBy keys } hygiene { overdue nextReviewDue lastReviewCompletedAt } findings(rule: "review-overdue") { rule } }')).body.data
    assert.equal(after.review, null)
    assert.equal(after.reviews[0].id, review.id)
    assert.equal(after.hygiene.overdue, false)
    assert.equal(after.hygiene.nextReviewDue, new Date(Date.parse(fixture.now) + 90 * 86_400_000).toISOString())
    assert.deepEqual(after.findings, [])

    const byId = (await gql(stack, ANA, `{ reviewById(id: "${review.id}") { status keys { id decision { decision justification decidedBy } } audit { action by } } }`)).body.data.reviewById
    assert.equal(byId.keys.find((k: { id: string }) => k.id === risky.id).decision.justification, 'Contract with the agency ends in December; rotation scheduled')
    assert.ok(byId.audit.some((a: { action: string; by: string }) => a.action === 'COMPLETE' && a.by === 'bruno@acme.com'))

    // Evidence export: CSV has a row per key with its decision and decider.
    const csv = (await gql(stack, ANA, `{ reviewExport(id: "${review.id}", format: CSV) { filename contentType content } }`)).body.data.reviewExport
    assert.match(csv.filename, /\.csv$/)
    const lines = csv.content.split('\r\n')
    assert.match(lines[0], /"key_id","app_key","label"/)
    const riskyLine = lines.find((l: string) => l.includes(risky.id))!
    assert.match(riskyLine, /"KEEP","Contract with the agency ends in December; rotation scheduled","ana@acme.com"/)
    const json = JSON.parse((await gql(stack, ANA, `{ reviewExport(id: "${review.id}", format: JSON) { content } }`)).body.data.reviewExport.content)
    assert.equal(json.signedBy, 'bruno@acme.com')
    assert.equal(json.checklist.length, 7)
  })
})

describe('who may review', () => {
  it('refuses a user without Save user and a missing session', async () => {
    assert.equal(errorCode(await gql(stack, 'session-carla-readonly', 'mutation { startReview { id } }')), 'FORBIDDEN')
    assert.equal(errorCode(await gql(stack, null, 'mutation { startReview { id } }')), 'UNAUTHENTICATED')
    assert.equal(errorCode(await gql(stack, 'session-carla-readonly', '{ review { id } }')), 'FORBIDDEN')
  })
  it('says there is nothing to decide when no review is open', async () => {
    const r = await gql(stack, ANA, DECIDE, { k: fixture.appKeys[0].id, d: 'KEEP' })
    assert.equal(errorCode(r), 'NOT_FOUND')
  })
})

describe('two admins at once', () => {
  it('never lose each other’s decisions', async () => {
    await gql(stack, ANA, 'mutation { startReview { id } }')
    const keys = (await gql(stack, ANA, REVIEW)).body.data.review.keys.filter((k: { risky: boolean }) => !k.risky).slice(0, 6)
    stack.platform.faults.set([{ method: 'PUT', path: '/files/review-', latencyMs: 120 }])
    const results = await Promise.all(keys.map((k: { id: string }, i: number) => gql(stack, i % 2 ? ANA : BRUNO, DECIDE, { k: k.id, d: 'KEEP' })))
    for (const r of results) assert.equal(r.body.errors, undefined, r.text)
    stack.platform.faults.set([])
    const review = (await gql(stack, ANA, REVIEW)).body.data.review
    for (const k of keys) assert.ok(review.keys.find((x: { id: string }) => x.id === k.id).decision, `decision on ${k.label} kept`)
    assert.equal(review.progress.keysDecided, keys.length)
    assert.equal(review.audit.filter((a: { action: string }) => a.action === 'DECIDE').length, keys.length)
  })
})

describe('key ownership and external keys', () => {
  it('records an owner and integrations, validated, and the rules use them', async () => {
    const target = fixture.appKeys.find(k => k.isActive && !(fixture.appStorage?.annotations as Record<string, { owner?: string }>)?.[k.id]?.owner)!
    const before = (await gql(stack, ANA, '{ findings(rule: "no-owner") { subjectId } }')).body.data.findings
    assert.ok(before.some((f: { subjectId: string }) => f.subjectId === target.id))
    const bad = await gql(stack, ANA, 'mutation($k: ID!) { annotateKey(keyId: $k, annotation: { owner: "nobody", integrations: [""] }) { owner } }', { k: target.id })
    assert.equal(errorCode(bad), 'BAD_USER_INPUT')
    assert.deepEqual((bad.body.errors![0].extensions!.fields as Array<{ field: string }>).map(f => f.field), ['owner', 'integrations'])
    const ok = await gql(stack, ANA, 'mutation($k: ID!) { annotateKey(keyId: $k, annotation: { owner: "ops@acme.com", integrations: ["ERP", "BI"], purpose: "orders" }) { owner integrations } }', { k: target.id })
    assert.equal(ok.body.errors, undefined, ok.text)
    const now = (await gql(stack, ANA, '{ findings { rule subjectId } inventory { keys { id annotation { owner integrations } } } }')).body.data
    assert.ok(!now.findings.some((f: { rule: string; subjectId: string }) => f.rule === 'no-owner' && f.subjectId === target.id))
    assert.ok(now.findings.some((f: { rule: string; subjectId: string }) => f.rule === 'shared-key' && f.subjectId === target.id))
    assert.deepEqual(now.inventory.keys.find((k: { id: string }) => k.id === target.id).annotation, { owner: 'ops@acme.com', integrations: ['ERP', 'BI'] })
    assert.equal(errorCode(await gql(stack, 'session-carla-readonly', 'mutation($k: ID!) { annotateKey(keyId: $k, annotation: { owner: "x@acme.com" }) { owner } }', { k: target.id })), 'FORBIDDEN')
  })

  it('registers an external key, which then appears with its roles and is judged', async () => {
    stack.platform.state.vbase.clear() // no registry: start from nothing
    const external = fixture.externalKeys[0]
    const bad = await gql(stack, ANA, 'mutation { registerExternalKey(appKey: "vtexappkey-x-ABCDEF", account: "acme") { appKey } }')
    assert.equal(errorCode(bad), 'BAD_USER_INPUT')
    const ok = await gql(stack, ANA, 'mutation($a: String!, $c: String!) { registerExternalKey(appKey: $a, account: $c) { appKey rolesKnown roles { name } } }', { a: external.appKey, c: external.account })
    assert.equal(ok.body.errors, undefined, ok.text)
    assert.equal(errorCode(await gql(stack, ANA, 'mutation($a: String!, $c: String!) { registerExternalKey(appKey: $a, account: $c) { appKey } }', { a: external.appKey, c: external.account })), 'CONFLICT')
    const inv = (await gql(stack, ANA, '{ inventory { externalKeys { appKey roles { name } findings { rule } } } }')).body.data.inventory
    assert.equal(inv.externalKeys.length, 1)
    assert.deepEqual(inv.externalKeys[0].roles.map((r: { name: string }) => r.name).sort(), (fixture.roleAssignments[external.appKey] ?? []).map(id => fixture.roles.find(r => r.id === id)!.name).sort())
    assert.equal((await gql(stack, ANA, 'mutation($a: String!) { removeExternalKey(appKey: $a) }', { a: external.appKey })).body.data.removeExternalKey, true)
  })
})
