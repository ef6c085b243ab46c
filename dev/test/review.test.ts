// The access review through the whole stack: start → decide → checklist → sign-off → history,
// evidence export, permissions, and two admins deciding at once.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import { errorCode, gql, loadJson, useStack } from './helpers'
import { CHECK, closeChecklist } from './reviewChecklist'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'
const BRUNO = 'session-bruno-security'
const REVIEW =
  '{ review { id status progress { keysTotal keysDecided practicesTotal practicesClosed } keys { id label risky external decision { decision justification decidedBy } } checklist { practice status attested evidence { id value ok } } audit { action by subject } } }'

const DECIDE =
  'mutation($k: ID!, $d: Decision!, $j: String) { decideKey(keyId: $k, decision: $d, justification: $j) { progress { keysDecided } } }'

const BULK =
  'mutation($ids: [ID!], $m: DecisionFilter, $d: Decision!, $j: String) { decideKeys(keyIds: $ids, matching: $m, decision: $d, justification: $j) { reviewId changed { id decision { decision justification decidedBy decidedAt } } progress { keysTotal keysDecided openPractices decisionCounts { decision count } } } }'

const PAGE =
  'query($r: ID, $f: DecisionFilter, $s: DecisionSort, $o: Int, $l: Int) { reviewDecisions(reviewId: $r, filter: $f, sort: $s, offset: $o, limit: $l) { reviewId total offset keys { id label risky external account findings { rule severity } decision { decision justification decidedBy } } } }'

const CARLA = 'session-carla-readonly'
/** Every key the review holds: the account's own and the registered external keys (fixture appStorage). */
const REVIEW_KEYS =
  fixture.appKeys.length +
  ((fixture.appStorage?.externalKeys as unknown[] | undefined)?.length ?? 0)

const stack = useStack({ fixture: DEFAULT_FIXTURE })

async function decideAll(
  cookie: string,
  keys: Array<{ id: string; risky: boolean; external: boolean }>
) {
  for (const k of keys) {
    const r = await gql(stack, cookie, DECIDE, {
      k: k.id,
      // another account's key cannot be rotated here: its roles are reduced in VTEX
      d: !k.risky ? 'KEEP' : k.external ? 'REDUCE_ROLES' : 'ROTATE',
    })

    assert.equal(r.body.errors, undefined, r.text)
  }
}

/**
 * The checklist's storefront scan (closeChecklist) exposes keys kept without a justification
 * (Store locator widget, Product Q&A widget: no finding at start): sign-off is refused until they
 * are decided again. Rotates such keys, as the reviewer would; returns their labels.
 */
async function rotateKeptNowRisky(cookie: string): Promise<string[]> {
  const page = await gql(stack, cookie, PAGE, {
    f: { status: 'DECIDED', risky: true },
    l: 200,
  })

  assert.equal(page.body.errors, undefined, page.text)
  const kept = (
    page.body.data.reviewDecisions.keys as Array<{
      id: string
      label: string
      decision: { decision: string; justification: string }
    }>
  ).filter((k) => k.decision.decision === 'KEEP' && !k.decision.justification)

  for (const k of kept)
    assert.equal(
      (await gql(stack, cookie, DECIDE, { k: k.id, d: 'ROTATE' })).body.errors,
      undefined
    )

  return kept.map((k) => k.label)
}

describe('a whole review', () => {
  it('starts with a snapshot, refuses a second one, and is signed off once everything is decided', async () => {
    const started = await gql(
      stack,
      ANA,
      'mutation { startReview { id status progress { keysTotal practicesTotal } } }'
    )

    assert.equal(started.body.errors, undefined, started.text)
    assert.equal(started.body.data.startReview.progress.keysTotal, REVIEW_KEYS)
    assert.equal(
      errorCode(await gql(stack, BRUNO, 'mutation { startReview { id } }')),
      'CONFLICT'
    )

    const { review } = (await gql(stack, ANA, REVIEW)).body.data
    const risky = review.keys.find((k: { risky: boolean }) => k.risky)
    const keep = await gql(stack, ANA, DECIDE, { k: risky.id, d: 'KEEP' })

    assert.equal(errorCode(keep), 'BAD_USER_INPUT')
    assert.match(keep.body.errors![0].message, /needs a justification/)

    const early = await gql(stack, ANA, 'mutation { completeReview { id } }')

    assert.equal(errorCode(early), 'BAD_USER_INPUT')
    assert.match(
      early.body.errors![0].message,
      new RegExp(
        `${REVIEW_KEYS} keys without a decision.*practices still open: Rotate keys`
      )
    )
    assert.deepEqual(early.body.errors![0].extensions!.missing, {
      undecidedKeys: REVIEW_KEYS,
      openPractices: [
        'ROTATE_KEYS',
        'RENEW_TOKENS',
        'REASSESS_ACCESS',
        'INDIVIDUAL_KEYS',
        'AWARENESS',
        'NO_CLIENT_SIDE',
        'NO_SHARING',
      ],
    })

    await decideAll(ANA, review.keys)
    assert.equal(
      (
        await gql(stack, ANA, DECIDE, {
          k: risky.id,
          d: 'KEEP',
          j: 'Contract with the agency ends in December; rotation scheduled',
        })
      ).body.errors,
      undefined
    )
    await closeChecklist(stack, BRUNO)
    // the scan found the token of a key kept without a reason: signing is refused, naming it
    const unjustified = await gql(
      stack,
      BRUNO,
      'mutation { completeReview(note: "Quarterly review Q4") { id } }'
    )

    assert.equal(errorCode(unjustified), 'BAD_USER_INPUT', unjustified.text)
    assert.match(
      unjustified.body.errors![0].message,
      /2 keys kept without a justification have had a HIGH or CRITICAL finding raised since \(“Product Q&A widget”, “Store locator widget”\)\. Decide again or add a justification\. Nothing was signed\./
    )
    assert.equal(
      (await gql(stack, ANA, '{ review { status } }')).body.data.review.status,
      'OPEN'
    )
    assert.deepEqual((await rotateKeptNowRisky(ANA)).sort(), [
      'Product Q&A widget',
      'Store locator widget',
    ])

    // the sign-off dialog names the date the next review will be due, on the service's clock:
    // the one the Overview gives once signed (walk 11 #12)
    const dialog = await gql(stack, BRUNO, '{ review { nextDueIfSignedNow } }')

    assert.equal(dialog.body.errors, undefined, dialog.text)
    const promised = dialog.body.data.review.nextDueIfSignedNow

    const done = await gql(
      stack,
      BRUNO,
      'mutation { completeReview(note: "Quarterly review Q4") { id status signedBy completedAt nextDueIfSignedNow } }'
    )

    assert.equal(done.body.errors, undefined, done.text)
    assert.equal(done.body.data.completeReview.status, 'COMPLETED')
    assert.equal(done.body.data.completeReview.signedBy, 'bruno@acme.com')

    const after = (
      await gql(
        stack,
        ANA,
        '{ review { id } reviews { id signedBy keys } hygiene { overdue nextReviewDue lastReviewCompletedAt } findings(rule: "review-overdue") { rule } }'
      )
    ).body.data

    assert.equal(after.review, null)
    assert.equal(after.reviews[0].id, review.id)
    assert.equal(after.hygiene.overdue, false)
    assert.equal(
      after.hygiene.nextReviewDue,
      new Date(Date.parse(fixture.now) + 90 * 86_400_000).toISOString()
    )
    assert.equal(promised, after.hygiene.nextReviewDue)
    // a completed review promises nothing
    assert.equal(done.body.data.completeReview.nextDueIfSignedNow, null)
    assert.deepEqual(after.findings, [])

    const byId = (
      await gql(
        stack,
        ANA,
        `{ reviewById(id: "${review.id}") { status keys { id decision { decision justification decidedBy } } audit { action by } } }`
      )
    ).body.data.reviewById

    assert.equal(
      byId.keys.find((k: { id: string }) => k.id === risky.id).decision
        .justification,
      'Contract with the agency ends in December; rotation scheduled'
    )
    assert.ok(
      byId.audit.some(
        (a: { action: string; by: string }) =>
          a.action === 'COMPLETE' && a.by === 'bruno@acme.com'
      )
    )

    // Evidence export: CSV has a row per key with its decision and decider.
    const csv = (
      await gql(
        stack,
        ANA,
        `{ reviewExport(id: "${review.id}", format: CSV) { filename contentType content } }`
      )
    ).body.data.reviewExport

    assert.match(csv.filename, /\.csv$/)
    const lines = csv.content.split('\r\n')

    assert.match(lines[0], /"key_id","app_key","label"/)
    const riskyLine = lines.find((l: string) => l.includes(risky.id))!

    assert.match(
      riskyLine,
      /"KEEP","Contract with the agency ends in December; rotation scheduled","ana@acme.com"/
    )
    const json = JSON.parse(
      (
        await gql(
          stack,
          ANA,
          `{ reviewExport(id: "${review.id}", format: JSON) { content } }`
        )
      ).body.data.reviewExport.content
    )

    assert.equal(json.signedBy, 'bruno@acme.com')
    assert.equal(json.checklist.length, 7)
  })
})

describe('who may review', () => {
  it('refuses a user without Save user and a missing session', async () => {
    assert.equal(
      errorCode(
        await gql(
          stack,
          'session-carla-readonly',
          'mutation { startReview { id } }'
        )
      ),
      'FORBIDDEN'
    )
    assert.equal(
      errorCode(await gql(stack, null, 'mutation { startReview { id } }')),
      'UNAUTHENTICATED'
    )
    assert.equal(
      errorCode(
        await gql(stack, 'session-carla-readonly', '{ review { id } }')
      ),
      'FORBIDDEN'
    )
  })
  it('says there is nothing to decide when no review is open', async () => {
    const r = await gql(stack, ANA, DECIDE, {
      k: fixture.appKeys[0].id,
      d: 'KEEP',
    })

    assert.equal(errorCode(r), 'NOT_FOUND')
  })
})

describe('two admins at once', () => {
  it('never lose each other’s decisions', async () => {
    await gql(stack, ANA, 'mutation { startReview { id } }')
    const keys = (await gql(stack, ANA, REVIEW)).body.data.review.keys
      .filter((k: { risky: boolean }) => !k.risky)
      .slice(0, 6)

    stack.platform.faults.set([
      { method: 'PUT', path: '/files/review-', latencyMs: 120 },
    ])
    const results = await Promise.all(
      keys.map((k: { id: string }, i: number) =>
        gql(stack, i % 2 ? ANA : BRUNO, DECIDE, { k: k.id, d: 'KEEP' })
      )
    )

    for (const r of results) assert.equal(r.body.errors, undefined, r.text)
    stack.platform.faults.set([])
    const { review } = (await gql(stack, ANA, REVIEW)).body.data

    for (const k of keys)
      assert.ok(
        review.keys.find((x: { id: string }) => x.id === k.id).decision,
        `decision on ${k.label} kept`
      )
    assert.equal(review.progress.keysDecided, keys.length)
    assert.equal(
      review.audit.filter((a: { action: string }) => a.action === 'DECIDE')
        .length,
      keys.length
    )
  })
})

describe('key ownership and external keys', () => {
  it('records an owner and integrations, validated, and the rules use them', async () => {
    const target = fixture.appKeys.find(
      (k) =>
        k.isActive &&
        !(
          fixture.appStorage?.annotations as Record<string, { owner?: string }>
        )?.[k.id]?.owner
    )!

    const before = (
      await gql(stack, ANA, '{ findings(rule: "no-owner") { subjectId } }')
    ).body.data.findings

    assert.ok(
      before.some((f: { subjectId: string }) => f.subjectId === target.id)
    )
    const bad = await gql(
      stack,
      ANA,
      'mutation($k: ID!) { annotateKey(keyId: $k, annotation: { owner: "nobody", integrations: [""] }) { owner } }',
      { k: target.id }
    )

    assert.equal(errorCode(bad), 'BAD_USER_INPUT')
    assert.deepEqual(
      (bad.body.errors![0].extensions!.fields as Array<{ field: string }>).map(
        (f) => f.field
      ),
      ['owner', 'integrations']
    )
    const ok = await gql(
      stack,
      ANA,
      'mutation($k: ID!) { annotateKey(keyId: $k, annotation: { owner: "ops@acme.com", integrations: ["ERP", "BI"], purpose: "orders" }) { owner integrations } }',
      { k: target.id }
    )

    assert.equal(ok.body.errors, undefined, ok.text)
    const now = (
      await gql(
        stack,
        ANA,
        '{ findings { rule subjectId } inventory { keys { id annotation { owner integrations } } } }'
      )
    ).body.data

    assert.ok(
      !now.findings.some(
        (f: { rule: string; subjectId: string }) =>
          f.rule === 'no-owner' && f.subjectId === target.id
      )
    )
    assert.ok(
      now.findings.some(
        (f: { rule: string; subjectId: string }) =>
          f.rule === 'shared-key' && f.subjectId === target.id
      )
    )
    assert.deepEqual(
      now.inventory.keys.find((k: { id: string }) => k.id === target.id)
        .annotation,
      { owner: 'ops@acme.com', integrations: ['ERP', 'BI'] }
    )
    assert.equal(
      errorCode(
        await gql(
          stack,
          'session-carla-readonly',
          'mutation($k: ID!) { annotateKey(keyId: $k, annotation: { owner: "x@acme.com" }) { owner } }',
          { k: target.id }
        )
      ),
      'FORBIDDEN'
    )
  })

  it('registers an external key, which then appears with its roles and is judged', async () => {
    stack.platform.state.vbase.clear() // no registry: start from nothing
    const external = fixture.externalKeys[0]
    const bad = await gql(
      stack,
      ANA,
      'mutation { registerExternalKey(appKey: "vtexappkey-x-ABCDEF", account: "acme") { appKey } }'
    )

    assert.equal(errorCode(bad), 'BAD_USER_INPUT')
    const ok = await gql(
      stack,
      ANA,
      'mutation($a: String!, $c: String!) { registerExternalKey(appKey: $a, account: $c) { appKey rolesKnown roles { name } } }',
      { a: external.appKey, c: external.account }
    )

    assert.equal(ok.body.errors, undefined, ok.text)
    assert.equal(
      errorCode(
        await gql(
          stack,
          ANA,
          'mutation($a: String!, $c: String!) { registerExternalKey(appKey: $a, account: $c) { appKey } }',
          { a: external.appKey, c: external.account }
        )
      ),
      'CONFLICT'
    )
    const inv = (
      await gql(
        stack,
        ANA,
        '{ inventory { externalKeys { appKey roles { name } findings { rule } } } }'
      )
    ).body.data.inventory

    assert.equal(inv.externalKeys.length, 1)
    assert.deepEqual(
      inv.externalKeys[0].roles.map((r: { name: string }) => r.name).sort(),
      (fixture.roleAssignments[external.appKey] ?? [])
        .map((id) => fixture.roles.find((r) => r.id === id)!.name)
        .sort()
    )
    assert.equal(
      (
        await gql(
          stack,
          ANA,
          'mutation($a: String!) { removeExternalKey(appKey: $a) }',
          { a: external.appKey }
        )
      ).body.data.removeExternalKey,
      true
    )
  })
})

describe('bulk decisions and the paged decision table', () => {
  it('pages, filters and sorts on the server; a bulk decision is all or nothing and answers only what changed', async () => {
    const started = await gql(stack, ANA, 'mutation { startReview { id } }')

    assert.equal(started.body.errors, undefined, started.text)
    const reviewId = started.body.data.startReview.id

    const first = (await gql(stack, ANA, PAGE, { l: 10 })).body.data
      .reviewDecisions

    assert.equal(first.reviewId, reviewId)
    assert.equal(first.total, REVIEW_KEYS)
    assert.equal(first.keys.length, 10)
    assert.ok(first.keys[0].risky, 'most severe first')
    const external = (
      await gql(stack, ANA, PAGE, { f: { search: 'agenciaorbita' } })
    ).body.data.reviewDecisions

    assert.ok(
      external.keys.some(
        (k: { external: boolean; account: string }) =>
          k.external && k.account === 'agenciaorbita'
      ),
      'external keys are in the review'
    )

    const healthy = (
      await gql(stack, ANA, PAGE, {
        f: { status: 'UNDECIDED', withoutFindings: true },
        l: 200,
      })
    ).body.data.reviewDecisions

    assert.ok(healthy.total > 3)
    const risky = (await gql(stack, ANA, PAGE, { f: { risky: true }, l: 200 }))
      .body.data.reviewDecisions

    const mixed = [...healthy.keys.slice(0, 2), ...risky.keys.slice(0, 2)].map(
      (k: { id: string }) => k.id
    )

    // All or nothing: the risky keys lack a justification, so nothing is decided, and they are named.
    const refused = await gql(stack, ANA, BULK, { ids: mixed, d: 'KEEP' })

    assert.equal(errorCode(refused), 'BAD_USER_INPUT')
    assert.deepEqual(
      (refused.body.errors![0].extensions!.keys as Array<{ id: string }>).map(
        (k) => k.id
      ),
      mixed.slice(2)
    )
    assert.equal(
      (await gql(stack, ANA, PAGE, { f: { status: 'DECIDED' } })).body.data
        .reviewDecisions.total,
      0
    )
    assert.equal(
      errorCode(
        await gql(stack, ANA, BULK, {
          ids: [mixed[0], 'not-a-key'],
          d: 'ROTATE',
        })
      ),
      'NOT_FOUND'
    )
    assert.equal(
      errorCode(await gql(stack, ANA, BULK, { d: 'ROTATE' })),
      'BAD_USER_INPUT'
    )
    // A rule that does not exist is named as such, in the table's filter and in a bulk decision.
    const noRule = await gql(stack, ANA, PAGE, { f: { rule: 'no-such-rule' } })

    assert.equal(errorCode(noRule), 'BAD_USER_INPUT')
    assert.equal(noRule.body.errors![0].extensions!.field, 'filter.rule')
    assert.match(noRule.body.errors![0].message, /no-such-rule.*owner-role/)
    const noRuleBulk = await gql(stack, ANA, BULK, {
      m: { rule: 'no-such-rule' },
      d: 'ROTATE',
    })

    assert.equal(errorCode(noRuleBulk), 'BAD_USER_INPUT')
    assert.equal(noRuleBulk.body.errors![0].extensions!.field, 'matching.rule')
    // An empty or blank rule is no rule id either: read as "no rule", it matched every key and
    // this justified bulk decision decided them all.
    for (const rule of ['', '   ']) {
      const blank = await gql(stack, ANA, BULK, {
        m: { rule },
        d: 'KEEP',
        j: 'Agency contract until December',
      })

      assert.equal(errorCode(blank), 'BAD_USER_INPUT', blank.text)
      assert.equal(blank.body.errors![0].extensions!.field, 'matching.rule')
      const blankPage = await gql(stack, ANA, PAGE, { f: { rule } })

      assert.equal(errorCode(blankPage), 'BAD_USER_INPUT', blankPage.text)
    }

    // With a justification it applies to all; the answer holds only the changed keys.
    const ok = await gql(stack, ANA, BULK, {
      ids: mixed,
      d: 'KEEP',
      j: 'Agency contract until December',
    })

    assert.equal(ok.body.errors, undefined, ok.text)
    const change = ok.body.data.decideKeys

    assert.deepEqual(
      change.changed.map((k: { id: string }) => k.id),
      mixed
    )
    for (const k of change.changed)
      assert.deepEqual(
        { ...k.decision, decidedAt: undefined },
        {
          decision: 'KEEP',
          justification: 'Agency contract until December',
          decidedBy: 'ana@acme.com',
          decidedAt: undefined,
        }
      )
    assert.equal(change.progress.keysDecided, 4)
    assert.equal(
      change.progress.decisionCounts.find(
        (c: { decision: string }) => c.decision === 'KEEP'
      ).count,
      4
    )
    assert.ok(
      ok.text.length < 4000,
      `a bulk answer carries the changed keys only (${ok.text.length} bytes)`
    )

    // "Keep every key without findings": one call, by filter, evaluated when it is written.
    const keepHealthy = (
      await gql(stack, BRUNO, BULK, {
        m: { status: 'UNDECIDED', withoutFindings: true },
        d: 'KEEP',
      })
    ).body.data.decideKeys

    assert.equal(keepHealthy.changed.length, healthy.total - 2)
    assert.ok(
      keepHealthy.changed.every(
        (k: { decision: { decidedBy: string } }) =>
          k.decision.decidedBy === 'bruno@acme.com'
      )
    )
    // By severity: rotate every HIGH key still undecided. External keys among them cannot be
    // rotated: the bulk decision names them and decides nothing; their roles are reduced first.
    const withExternal = await gql(stack, ANA, BULK, {
      m: { status: 'UNDECIDED', severity: 'HIGH' },
      d: 'ROTATE',
    })
    const undecidedHigh = (
      await gql(stack, ANA, PAGE, {
        f: { status: 'UNDECIDED', severity: 'HIGH' },
        l: 200,
      })
    ).body.data.reviewDecisions.keys as Array<{
      id: string
      external: boolean
      account: string
    }>
    const externals = undecidedHigh.filter((k) => k.external)

    assert.ok(externals.length > 0)
    assert.equal(errorCode(withExternal), 'BAD_USER_INPUT')
    assert.match(
      withExternal.body.errors![0].message,
      new RegExp(
        `Rotate does not fit ${externals.length} keys of other accounts \\(.*“${externals[0].account}”.*Nothing was decided`
      )
    )
    assert.deepEqual(
      (withExternal.body.errors![0].extensions!.keys as Array<{ id: string }>)
        .map((k) => k.id)
        .sort(),
      externals.map((k) => k.id).sort()
    )
    const reduced = (
      await gql(stack, ANA, BULK, {
        ids: externals.map((k) => k.id),
        d: 'REDUCE_ROLES',
        j: 'The partners need the catalog only',
      })
    ).body.data.decideKeys

    assert.equal(reduced.changed.length, externals.length)
    const critical = (
      await gql(stack, ANA, BULK, {
        m: { status: 'UNDECIDED', severity: 'HIGH' },
        d: 'ROTATE',
      })
    ).body.data.decideKeys

    assert.ok(critical.changed.length > 0)
    assert.ok(
      critical.changed.every(
        (k: { decision: { decision: string } }) =>
          k.decision.decision === 'ROTATE'
      )
    )
    const decided = (
      await gql(stack, ANA, PAGE, { f: { status: 'DECIDED' }, l: 200 })
    ).body.data.reviewDecisions

    assert.equal(
      decided.total,
      keepHealthy.progress.keysDecided +
        reduced.changed.length +
        critical.changed.length
    )
  })

  it('refuses a search or rule filter longer than any it could need, naming the limit, and changes nothing', async () => {
    const started = await gql(stack, ANA, 'mutation { startReview { id } }')

    assert.equal(started.body.errors, undefined, started.text)
    const decisions = () =>
      gql(stack, ANA, PAGE, { f: { status: 'DECIDED' }, l: 200 })
    const before = (await decisions()).body.data.reviewDecisions.total
    // one-letter words: each was looked for in every key (1 MB held the service for seconds)
    const words = 'a '.repeat(450_000)

    for (const [f, field, max] of [
      [{ search: words }, 'filter.search', 200],
      [{ search: 'x'.repeat(201) }, 'filter.search', 200],
      [{ rule: 'x'.repeat(1_000_000) }, 'filter.rule', 100],
    ] as const) {
      const r = await gql(stack, ANA, PAGE, { f })

      assert.equal(errorCode(r), 'BAD_USER_INPUT', r.text.slice(0, 300))
      assert.equal(r.body.errors![0].extensions?.field, field)
      assert.equal(
        r.body.errors![0].message,
        `${field} must be at most ${max} characters`
      )
      assert.ok(r.text.length < 5_000, 'the input is not echoed')
      const pt = await gql(stack, ANA, PAGE, { f }, 'pt-BR')

      assert.match(pt.body.errors![0].message, new RegExp(`^${field} .*${max}`))
    }

    const longest = await gql(stack, ANA, PAGE, {
      f: { search: 'x'.repeat(200) },
    })

    assert.equal(longest.body.errors, undefined, longest.text.slice(0, 300))
    assert.equal(longest.body.data.reviewDecisions.total, 0)
    const bulk = await gql(
      stack,
      ANA,
      'mutation($m: DecisionFilter) { decideKeys(matching: $m, decision: KEEP, justification: "ok") { reviewId } }',
      { m: { search: words } }
    )

    assert.equal(errorCode(bulk), 'BAD_USER_INPUT', bulk.text.slice(0, 300))
    assert.equal(bulk.body.errors![0].extensions?.field, 'matching.search')
    assert.equal((await decisions()).body.data.reviewDecisions.total, before)
  })

  it('two reviewers deciding in bulk at once both land', async () => {
    await gql(stack, ANA, 'mutation { startReview { id } }')
    const page = (
      await gql(stack, ANA, PAGE, { l: 200, s: 'LABEL' })
    ).body.data.reviewDecisions.keys.filter((k: { risky: boolean }) => !k.risky)

    const a = page.slice(0, 6).map((k: { id: string }) => k.id)
    const b = page.slice(6, 12).map((k: { id: string }) => k.id)

    stack.platform.faults.set([
      { method: 'PUT', path: '/files/review-', latencyMs: 120 },
    ])
    const [ra, rb] = await Promise.all([
      gql(stack, ANA, BULK, { ids: a, d: 'KEEP' }),
      gql(stack, BRUNO, BULK, { ids: b, d: 'ROTATE' }),
    ])

    stack.platform.faults.set([])
    assert.equal(ra.body.errors, undefined, ra.text)
    assert.equal(rb.body.errors, undefined, rb.text)
    const decided = (
      await gql(stack, ANA, PAGE, { f: { status: 'DECIDED' }, l: 200 })
    ).body.data.reviewDecisions.keys

    assert.deepEqual(
      decided.map((k: { id: string }) => k.id).sort(),
      [...a, ...b].sort()
    )
    for (const k of decided)
      assert.equal(
        k.decision.decidedBy,
        a.includes(k.id) ? 'ana@acme.com' : 'bruno@acme.com'
      )
  })

  it('the checklist links evidence to keys and says what Done needs', async () => {
    await gql(stack, ANA, 'mutation { startReview { id } }')
    const { checklist } = (
      await gql(
        stack,
        ANA,
        '{ review { checklist { practice adverse doneNeeds evidence { id ok keyIds } } } }'
      )
    ).body.data.review

    const rotate = checklist.find(
      (c: { practice: string }) => c.practice === 'ROTATE_KEYS'
    )

    assert.equal(rotate.adverse, true)
    assert.equal(rotate.doneNeeds, 'ADVERSE_NOTE')
    assert.ok(rotate.evidence[0].keyIds.length > 0)
    assert.equal(
      checklist.find(
        (c: { practice: string }) => c.practice === 'NO_CLIENT_SIDE'
      ).doneNeeds,
      'FRESH_SCAN'
    )
    assert.equal(
      errorCode(await gql(stack, ANA, CHECK, { p: 'ROTATE_KEYS', s: 'DONE' })),
      'BAD_USER_INPUT'
    )
    assert.equal(
      errorCode(
        await gql(stack, ANA, CHECK, {
          p: 'NO_CLIENT_SIDE',
          s: 'DONE',
          n: 'we never do that',
        })
      ),
      'BAD_USER_INPUT'
    )
    await gql(stack, ANA, 'mutation { runLeakScan { at } }')
    const after = (
      await gql(
        stack,
        ANA,
        '{ review { leakScanAt checklist { practice doneNeeds } } }'
      )
    ).body.data.review

    assert.ok(after.leakScanAt)
    assert.notEqual(
      after.checklist.find(
        (c: { practice: string }) => c.practice === 'NO_CLIENT_SIDE'
      ).doneNeeds,
      'FRESH_SCAN'
    )
  })
})

describe('auditors read completed reviews and change nothing', () => {
  it('an admin names an auditor (validated, audited); the auditor reads and exports completed reviews only', async () => {
    // Named during the review, so the naming is in the audit log its export carries.
    const { id } = (await gql(stack, ANA, 'mutation { startReview { id } }'))
      .body.data.startReview

    const bad = await gql(
      stack,
      ANA,
      'mutation { updateSettings(settings: { auditors: ["carla"] }) { auditors } }'
    )

    assert.equal(errorCode(bad), 'BAD_USER_INPUT')
    assert.equal(
      errorCode(await gql(stack, CARLA, '{ reviews { id } }')),
      'FORBIDDEN',
      'not an auditor yet'
    )
    const named = await gql(
      stack,
      ANA,
      'mutation { updateSettings(settings: { auditors: ["Carla@acme.com"] }) { auditors } }'
    )

    assert.equal(named.body.errors, undefined, named.text)
    assert.deepEqual(named.body.data.updateSettings.auditors, [
      'carla@acme.com',
    ])

    // While it is open, the auditor sees nothing of it.
    assert.equal(
      errorCode(await gql(stack, CARLA, '{ review { id } }')),
      'FORBIDDEN'
    )
    assert.equal(
      errorCode(await gql(stack, CARLA, `{ reviewById(id: "${id}") { id } }`)),
      'FORBIDDEN'
    )
    assert.equal(
      errorCode(
        await gql(
          stack,
          CARLA,
          `{ reviewDecisions(reviewId: "${id}") { total } }`
        )
      ),
      'FORBIDDEN'
    )
    assert.equal(
      errorCode(
        await gql(
          stack,
          CARLA,
          `{ reviewExport(id: "${id}", format: CSV) { content } }`
        )
      ),
      'FORBIDDEN'
    )

    assert.equal(
      (
        await gql(stack, ANA, BULK, {
          m: { status: 'UNDECIDED', risky: false },
          d: 'KEEP',
        })
      ).body.errors,
      undefined
    )
    // another account's key cannot be rotated: its roles are reduced in VTEX
    const externalIds = (
      await gql(stack, ANA, PAGE, { f: { status: 'UNDECIDED' }, l: 200 })
    ).body.data.reviewDecisions.keys
      .filter((k: { external: boolean }) => k.external)
      .map((k: { id: string }) => k.id)

    assert.equal(
      (await gql(stack, ANA, BULK, { ids: externalIds, d: 'REDUCE_ROLES' }))
        .body.errors,
      undefined
    )
    assert.equal(
      (await gql(stack, ANA, BULK, { m: { status: 'UNDECIDED' }, d: 'ROTATE' }))
        .body.errors,
      undefined
    )
    await closeChecklist(stack, ANA)
    await rotateKeptNowRisky(ANA)
    const done = await gql(
      stack,
      ANA,
      'mutation { completeReview(note: "Signed for Q4") { status } }'
    )

    assert.equal(done.body.errors, undefined, done.text)

    const list = (await gql(stack, CARLA, '{ reviews { id signedBy } }')).body
      .data.reviews

    assert.deepEqual(
      list.map((r: { id: string }) => r.id),
      [id]
    )
    const read = await gql(
      stack,
      CARLA,
      `{ reviewById(id: "${id}") { status signedBy signatureNote checklist { practice status note evidence { id value } } auditTotal audit(limit: 5) { action by } } }`
    )

    assert.equal(read.body.errors, undefined, read.text)
    assert.equal(read.body.data.reviewById.signatureNote, 'Signed for Q4')
    assert.ok(
      read.body.data.reviewById.checklist.every((c: { note: string }) => c.note)
    )
    assert.equal(read.body.data.reviewById.audit[0].action, 'START')
    const page = (
      await gql(
        stack,
        CARLA,
        `{ reviewDecisions(reviewId: "${id}", limit: 5) { total keys { decision { decision justification } } } }`
      )
    ).body.data.reviewDecisions

    assert.equal(page.total, REVIEW_KEYS)
    const csv = (
      await gql(
        stack,
        CARLA,
        `{ reviewExport(id: "${id}", format: CSV) { content } }`
      )
    ).body.data.reviewExport.content

    assert.match(csv, /"#signoff","ana@acme.com","[^"]+","Signed for Q4"/)
    assert.match(csv, /"#review_log",.*"COMPLETE"/)
    // The naming of the auditor is in the audit log the export carries.
    assert.match(
      csv,
      /"#action",[^\r]*"ana@acme.com","SET_AUDITORS"[^\r]*"\(none\)","carla@acme.com"/
    )
    const json = JSON.parse(
      (
        await gql(
          stack,
          CARLA,
          `{ reviewExport(id: "${id}", format: JSON) { content } }`
        )
      ).body.data.reviewExport.content
    )

    assert.equal(json.signatureNote, 'Signed for Q4')
    assert.ok(
      json.audit.some((a: { action: string }) => a.action === 'COMPLETE')
    )

    // Nothing else: no inventory, no settings, no changes.
    for (const op of [
      '{ inventory { complete } }',
      '{ settings { auditors } }',
      'mutation { startReview { id } }',
      `mutation { decideKeys(matching: {}, decision: KEEP) { reviewId } }`,
      'mutation { updateSettings(settings: { auditors: [] }) { auditors } }',
    ]) {
      assert.equal(errorCode(await gql(stack, CARLA, op)), 'FORBIDDEN', op)
    }
  })
})
