// A key renamed in VTEX during an open review: the review's record keeps the label it had at the
// start (decisions, log, export, the signed review); the page is told the label now beside it.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import { ageRecentCopy, gql, loadJson, useStack } from './helpers'
import { closeChecklist } from './reviewChecklist'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'

const KEYS = '{ id appKey label labelNow external }'

type Key = {
  id: string
  appKey: string
  label: string
  labelNow: string | null
  external: boolean
}

const stack = useStack({ fixture: DEFAULT_FIXTURE }, { resetEach: false })

describe('a key renamed in VTEX during an open review', () => {
  const target = fixture.appKeys.find((k) => k.label && k.isActive)!
  const NEW_LABEL = `${target.label} (moved to Bling)`
  const RISKY_LABEL = '000 Zanzibar warehouse feed'

  it('is named by its label now beside the label at start; the record and the signed review keep the label at start', async () => {
    const started = await gql(stack, ANA, 'mutation { startReview { id } }')

    assert.equal(started.body.errors, undefined, started.text)
    const id = started.body.data.startReview.id as string

    // renamed in VTEX's Admin; a live read (the copy read at start is a minute old) brings it in
    ageRecentCopy(stack, 1)
    stack.platform.state.fixture.appKeys.find(
      (k) => k.id === target.id
    )!.label = NEW_LABEL
    const live = await gql(stack, ANA, '{ inventory(live: true) { complete } }')

    assert.equal(live.body.errors, undefined, live.text)

    const page = await gql(
      stack,
      ANA,
      `{ reviewDecisions(limit: 200) { keys ${KEYS} } review { keys ${KEYS} } }`
    )

    assert.equal(page.body.errors, undefined, page.text)
    for (const keys of [
      page.body.data.reviewDecisions.keys as Key[],
      page.body.data.review.keys as Key[],
    ]) {
      const k = keys.find((x) => x.id === target.id)!

      assert.equal(k.label, target.label, 'the label at start stays')
      assert.equal(k.labelNow, NEW_LABEL)
      // every other key: not renamed, nothing to say
      assert.deepEqual(
        keys.filter((x) => x.id !== target.id && x.labelNow !== null),
        []
      )
    }

    // found by the words of its new label, in the table and when deciding by the same search
    const found = await gql(
      stack,
      ANA,
      `query($s: String) { reviewDecisions(limit: 50, filter: { search: $s }) { total keys ${KEYS} } }`,
      { s: 'moved to Bling' }
    )

    assert.equal(found.body.errors, undefined, found.text)
    assert.deepEqual(
      (found.body.data.reviewDecisions.keys as Key[]).map((x) => x.id),
      [target.id]
    )
    const bySearch = await gql(
      stack,
      ANA,
      'mutation($s: String, $d: Decision!) { decideKeys(matching: { search: $s }, decision: $d) { changed { id } } }',
      { s: 'moved to Bling', d: 'ROTATE' }
    )

    assert.equal(bySearch.body.errors, undefined, bySearch.text)
    assert.deepEqual(
      bySearch.body.data.decideKeys.changed.map((x: { id: string }) => x.id),
      [target.id]
    )

    // a risky key renamed too: the table's sort by label and a bulk refusal name it as VTEX does
    // now (the record keeps the label at start: the export below)
    const riskyPage = await gql(
      stack,
      ANA,
      `{ reviewDecisions(limit: 200, filter: { risky: true }) { keys ${KEYS} } }`
    )

    const risky = (riskyPage.body.data.reviewDecisions.keys as Key[]).find(
      (x) => !x.external && x.label && x.id !== target.id
    )!

    ageRecentCopy(stack, 1)
    stack.platform.state.fixture.appKeys.find((k) => k.id === risky.id)!.label =
      RISKY_LABEL
    assert.equal(
      (await gql(stack, ANA, '{ inventory(live: true) { complete } }')).body
        .errors,
      undefined
    )
    const byLabel = async () =>
      (
        await gql(
          stack,
          ANA,
          `{ reviewDecisions(limit: 200, sort: LABEL) { keys ${KEYS} } }`
        )
      ).body.data.reviewDecisions.keys as Key[]

    const sorted = await byLabel()
    const shown = (k: Key) => (k.labelNow ?? k.label) || k.appKey
    const order = (name: (k: Key) => string) =>
      [...sorted]
        .sort(
          (a, b) => name(a).localeCompare(name(b)) || a.id.localeCompare(b.id)
        )
        .map((k) => k.id)

    assert.equal(sorted.find((k) => k.id === risky.id)!.labelNow, RISKY_LABEL)
    assert.deepEqual(
      sorted.map((k) => k.id),
      order(shown),
      'sorted by the names the table shows'
    )
    assert.notDeepEqual(
      order(shown),
      order((k) => k.label || k.appKey),
      'the renames move keys in the order'
    )
    const refused = await gql(
      stack,
      ANA,
      'mutation($ids: [ID!], $d: Decision!) { decideKeys(keyIds: $ids, decision: $d) { changed { id } } }',
      { ids: [risky.id], d: 'KEEP' }
    )

    const error = refused.body.errors?.[0]

    assert.ok(error, refused.text)
    assert.deepEqual(error.extensions?.keys, [
      { id: risky.id, label: RISKY_LABEL },
    ])
    assert.ok(error.message.includes(`“${RISKY_LABEL}”`), error.message)
    // the row's own Save (one key) names it as VTEX does now too
    const refusedOne = await gql(
      stack,
      ANA,
      'mutation($id: ID!, $d: Decision!) { decideKey(keyId: $id, decision: $d) { id } }',
      { id: risky.id, d: 'KEEP' }
    )

    const one = refusedOne.body.errors?.[0]

    assert.ok(one, refusedOne.text)
    assert.ok(one.message.includes(RISKY_LABEL), one.message)
    assert.ok(!one.message.includes(risky.label), one.message)

    // the evidence export keeps what the review recorded
    const csv = (
      await gql(
        stack,
        ANA,
        `{ reviewExport(id: "${id}", format: CSV) { content } }`
      )
    ).body.data.reviewExport.content as string

    assert.ok(csv.includes(target.label), 'the export names the label at start')
    assert.ok(
      !csv.includes(NEW_LABEL) && !csv.includes(RISKY_LABEL),
      'the export does not take the new labels'
    )

    // signed: the completed review is the record (no label now is worked out for it)
    const decided = await gql(
      stack,
      ANA,
      'mutation($d: Decision!, $j: String) { decideKeys(matching: { status: UNDECIDED }, decision: $d, justification: $j) { changed { id } } }',
      { d: 'KEEP', j: 'Owners confirmed each integration on 2026-11-20' }
    )

    assert.equal(decided.body.errors, undefined, decided.text)
    await closeChecklist(stack, ANA)
    const done = await gql(
      stack,
      ANA,
      'mutation { completeReview(note: "Q4") { status } }'
    )

    assert.equal(done.body.errors, undefined, done.text)
    const signed = await gql(
      stack,
      ANA,
      `{ reviewById(id: "${id}") { status keys ${KEYS} } }`
    )

    assert.equal(signed.body.errors, undefined, signed.text)
    assert.equal(signed.body.data.reviewById.status, 'COMPLETED')
    const k = (signed.body.data.reviewById.keys as Key[]).find(
      (x) => x.id === target.id
    )!

    assert.equal(k.label, target.label)
    assert.equal(k.labelNow, null)
  })
})
