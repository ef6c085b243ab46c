// What an admin is told when a filter names no usable rule or the app's storage does not answer,
// through the real service: the key list and the review refuse a blank rule alike and name only
// the rules about keys; a storage failure is a plain sentence, its path only in the service log.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { errorCode, gql, useStack } from './helpers'

const ANA = 'session-ana-owner'
const stack = useStack({ fixture: DEFAULT_FIXTURE })

const KEY_LIST =
  'query($r: String) { keyList(rule: $r, pageSize: 5) { total rows { id } } }'

const PAGE =
  'query($f: DecisionFilter) { reviewDecisions(filter: $f, limit: 5) { total } }'

describe('a rule filter over keys', () => {
  it('is refused when blank, the same way by the key list and the review', async () => {
    await gql(stack, ANA, 'mutation { startReview { id } }')
    const list = await gql(stack, ANA, KEY_LIST, { r: '' })
    const review = await gql(stack, ANA, PAGE, {
      f: { status: 'ALL', rule: '' },
    })

    for (const r of [list, review]) {
      assert.equal(errorCode(r), 'BAD_USER_INPUT', r.text)
      // nothing listed (data is null or left out when the root field fails)
      assert.ok(!r.body.data?.keyList && !r.body.data?.reviewDecisions, r.text)
      assert.match(
        r.body.errors![0].message,
        /^The rule filter \((rule|filter\.rule)\) is empty: name one of these rules: key-age-exceeded, /
      )
    }

    // a control: no rule lists the keys
    const all = await gql(stack, ANA, KEY_LIST, { r: null })

    assert.equal(all.body.errors, undefined, all.text)
    assert.ok(all.body.data.keyList.total > 5)
  })

  it('names only the rules about keys when it refuses one', async () => {
    await gql(stack, ANA, 'mutation { startReview { id } }')
    for (const rule of ['owner-rol', 'review-overdue', 'user-owner-role']) {
      const list = await gql(stack, ANA, KEY_LIST, { r: rule })
      const review = await gql(stack, ANA, PAGE, {
        f: { status: 'ALL', rule },
      })

      for (const r of [list, review]) {
        assert.equal(errorCode(r), 'BAD_USER_INPUT', r.text)
        const { message, extensions } = r.body.errors![0]

        assert.match(message, /owner-role, can-manage-keys/)
        assert.match(message, /external-broad-access/)
        // the list of rules named back leaves the user and account rules out
        assert.doesNotMatch(
          message.replace(`“${rule}”`, ''),
          /user-owner-role|review-overdue/
        )
        assert.ok(!(extensions!.allowed as string[]).includes('review-overdue'))
      }
    }
  })
})

describe('a filter value no list could need', () => {
  it('is refused for its length, not quoted back: a rule (key list, findings) and a status or sort', async () => {
    const huge = 'x'.repeat(1_000_000)

    for (const [query, field, message] of [
      [KEY_LIST, 'rule', 'rule must be at most 100 characters'],
      [
        'query($r: String) { findings(rule: $r) { rule } }',
        'rule',
        'rule must be at most 100 characters',
      ],
      [
        'query($r: String) { keyList(status: $r) { total } }',
        'status',
        'status must be one of all, active, inactive',
      ],
      [
        'query($r: String) { keyList(sort: $r) { total } }',
        'sort',
        'sort must be one of label, createdAt, ageDays, severity',
      ],
    ] as const) {
      const r = await gql(stack, ANA, query, { r: huge })

      assert.equal(errorCode(r), 'BAD_USER_INPUT', r.text.slice(0, 300))
      assert.equal(r.body.errors![0].extensions?.field, field)
      assert.equal(r.body.errors![0].message, message)
      assert.ok(!r.text.includes('xxxx'), r.text.slice(0, 300))
    }

    // a short unknown value is still named back
    const named = await gql(
      stack,
      ANA,
      'query($r: String) { keyList(status: $r) { total } }',
      { r: 'retired' }
    )

    assert.match(named.body.errors![0].message, /got “retired”/)
  })
})

describe('paging arguments of the review', () => {
  const DECISIONS =
    'query($o: Int, $l: Int) { reviewDecisions(offset: $o, limit: $l) { total offset keys { id } } }'
  const LOG =
    'query($id: ID!, $o: Int, $l: Int) { reviewById(id: $id) { audit(offset: $o, limit: $l) { action } } }'

  it('are refused when not a whole number in range, naming the argument (not clamped to a page of 1)', async () => {
    const started = await gql(stack, ANA, 'mutation { startReview { id } }')
    const id = started.body.data.startReview.id as string

    for (const [query, vars, field, message] of [
      [
        DECISIONS,
        { l: -5 },
        'limit',
        'limit must be a whole number from 1 to 200',
      ],
      [
        DECISIONS,
        { l: 0 },
        'limit',
        'limit must be a whole number from 1 to 200',
      ],
      [
        DECISIONS,
        { l: 201 },
        'limit',
        'limit must be a whole number from 1 to 200',
      ],
      [DECISIONS, { o: -1 }, 'offset', 'offset must be a whole number from 0'],
      [LOG, { id, l: -5 }, 'limit', 'limit must be a whole number from 1'],
      [LOG, { id, l: 0 }, 'limit', 'limit must be a whole number from 1'],
      [LOG, { id, o: -3 }, 'offset', 'offset must be a whole number from 0'],
    ] as const) {
      const r = await gql(stack, ANA, query, vars)

      assert.equal(errorCode(r), 'BAD_USER_INPUT', r.text.slice(0, 300))
      assert.equal(r.body.errors![0].extensions?.field, field, r.text)
      assert.equal(r.body.errors![0].message, message)
      assert.ok(!r.body.data?.reviewDecisions && !r.body.data?.reviewById)
    }

    // in the admin's language
    const pt = await gql(stack, ANA, DECISIONS, { l: -5 }, 'pt-BR')

    assert.equal(
      pt.body.errors![0].message,
      'limit deve ser um número inteiro de 1 a 200'
    )

    // a control: the bounds themselves are taken
    const ok = await gql(stack, ANA, DECISIONS, { o: 0, l: 200 })

    assert.equal(ok.body.errors, undefined, ok.text)
    assert.ok(ok.body.data.reviewDecisions.keys.length > 1)
    const log = await gql(stack, ANA, LOG, { id, o: 0, l: 1 })

    assert.equal(log.body.errors, undefined, log.text)
    assert.deepEqual(log.body.data.reviewById.audit, [{ action: 'START' }])
  })
})

describe('the storage not answering', () => {
  it('is told in plain words, with the document path in the log only', async () => {
    const before = stack.logs.length

    stack.platform.faults.set([
      { method: 'PUT', path: '/files/review-', status: 503 },
    ])
    const r = await gql(stack, ANA, 'mutation { startReview { id } }')

    stack.platform.faults.set([])
    assert.equal(errorCode(r), 'UPSTREAM_UNAVAILABLE', r.text)
    assert.equal(
      r.body.errors![0].message,
      'Could not save the review: the storage did not answer. Try again.'
    )
    assert.doesNotMatch(r.text, /VBase|review-[^"]*\.json|\/files\//)
    const logged = stack.logs.slice(before).join('\n')

    assert.match(logged, /upstream unavailable/)
    assert.match(logged, /VBase PUT reviews\/review-[^ "]+\.json/)
  })
})
