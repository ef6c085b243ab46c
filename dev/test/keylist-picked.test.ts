// The key list on a set a link names without listing it (walk at 5,000 keys: "show the 1,244 keys"
// put 46,055 characters of ids in the URL and the list kept 500): the keys a review's evidence
// line counts, worked out by the service from the review and the line's id, the count said.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { errorCode, gql, useStack } from './helpers'

const ANA = 'session-ana-owner'
const stack = useStack({ fixture: DEFAULT_FIXTURE })

const REVIEW = '{ review { id checklist { evidence { id keyCount keyIds } } } }'
const PICKED =
  'query($rv: ID, $e: String, $rm: ReminderKind, $ids: [ID!]) { keyList(review: $rv, evidence: $e, reminder: $rm, ids: $ids, pageSize: 500) { total selected rows { id } } }'

describe('keyList(review, evidence)', () => {
  it('lists exactly the keys each evidence line counts, and says how many it named', async () => {
    await gql(stack, ANA, 'mutation { startReview { id } }')
    const r = (await gql(stack, ANA, REVIEW)).body.data.review
    const lines = r.checklist.flatMap(
      (c: { evidence: unknown[] }) => c.evidence
    ) as Array<{ id: string; keyCount: number; keyIds: string[] }>

    const counted = lines.filter((l) => l.keyCount > 0)

    assert.ok(
      counted.length > 0,
      'the fixture has evidence lines that count keys'
    )
    for (const line of counted) {
      assert.equal(line.keyCount, line.keyIds.length)
      // eslint-disable-next-line no-await-in-loop
      const page = await gql(stack, ANA, PICKED, { rv: r.id, e: line.id })

      assert.equal(page.body.errors, undefined, page.text)
      const list = page.body.data.keyList

      assert.equal(list.selected, line.keyCount, line.id)
      // an external key is `external:<appKey>` in the review, its appKey in the key list
      assert.deepEqual(
        list.rows.map((k: { id: string }) => k.id).sort(),
        line.keyIds.map((id) => id.replace(/^external:/, '')).sort(),
        line.id
      )
    }

    // without a review id: the open review's line
    const open = await gql(stack, ANA, PICKED, { e: counted[0].id })

    assert.equal(open.body.data.keyList.selected, counted[0].keyCount)
    // with ids too: the keys in both
    const both = await gql(stack, ANA, PICKED, {
      rv: r.id,
      e: counted[0].id,
      ids: [counted[0].keyIds[0], 'not-a-key'],
    })

    assert.equal(both.body.data.keyList.total, 1, both.text)
  })

  it('refuses an unknown line, a review alone, a review that does not exist, and two sets at once', async () => {
    await gql(stack, ANA, 'mutation { startReview { id } }')
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [
        { e: 'noSuchLine' },
        'BAD_USER_INPUT',
        /evidence must be one of activeWithinRotation/,
      ],
      [{ rv: 'x' }, 'BAD_USER_INPUT', /review is given only with evidence/],
      [
        { e: 'keysHighOrWorse', rm: 'RENEWALS_UNFINISHED' },
        'BAD_USER_INPUT',
        /Give reminder or evidence, not both/,
      ],
      [
        { e: 'keysHighOrWorse', rv: '2020-01-01-ffffffff' },
        'NOT_FOUND',
        /No review/,
      ],
      [
        { rm: 'REVIEW_OVERDUE' },
        'BAD_USER_INPUT',
        /reminder must be one of KEYS_CROSSED_ROTATION, RENEWALS_UNFINISHED/,
      ],
    ]

    for (const [vars, code, message] of cases) {
      // eslint-disable-next-line no-await-in-loop
      const r = await gql(stack, ANA, PICKED, vars)

      assert.equal(errorCode(r), code, r.text)
      assert.match(r.body.errors![0].message, message, r.text)
    }
  })
})
