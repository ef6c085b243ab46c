// The history list answers every row when one old review's document cannot be read.
import { evaluatePolicy } from '../../domain/engine'
import { NOW } from '../../domain/testing/build'
import { policyInputFromFixture } from '../../domain/testing/fromFixture'
import {
  decideKey,
  EMPTY_INDEX,
  startReview,
} from '../../domain/review/machine'
import type { Outcome, Review, ReviewIndex } from '../../domain/review/types'
import {
  changesAskedCounter,
  isCount,
  withChangesAsked,
} from './historyChangesAsked'

function ok<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(o.message.id)

  return o.value
}

const policy = policyInputFromFixture()

/** A review whose first two keys are to be rotated and deactivated: 2 changes asked. */
function twoChangesAsked(): Review {
  let r = ok(
    startReview(EMPTY_INDEX, {
      id: 'old-1',
      now: NOW,
      by: 'ana@acme.com',
      policy,
      findings: evaluatePolicy(policy),
    })
  )

  for (const [i, decision] of ['ROTATE', 'DEACTIVATE'].entries())
    r = ok(
      decideKey(r, {
        keyId: r.keys[i].id,
        decision,
        justification: 'agreed with the owner',
        by: 'ana@acme.com',
        now: NOW,
      })
    )

  return r
}

type Completed = ReviewIndex['completed'][number]

const summary = (id: string, changesAsked?: unknown): Completed =>
  ({
    id,
    startedAt: '2026-01-01T00:00:00.000Z',
    completedAt: '2026-01-02T00:00:00.000Z',
    signedBy: 'ana@acme.com',
    keys: 3,
    ...(changesAsked === undefined ? {} : { changesAsked }),
  } as Completed)

const vbase5xx = () =>
  Promise.reject(new Error('Request failed with status code 503'))

test('a review whose document fails to read is null; the others are counted and the list answered', async () => {
  const count = changesAskedCounter()
  const docs: Record<string, () => Promise<Review | null>> = {
    'old-1': () => Promise.resolve(twoChangesAsked()),
    'old-2': vbase5xx,
  }

  const list = await withChangesAsked(
    [summary('new-1', 4), summary('old-1'), summary('old-2')],
    (id) => count('acme', id, docs[id])
  )

  expect(list.map((r) => [r.id, r.changesAsked])).toEqual([
    ['new-1', 4],
    ['old-1', 2],
    ['old-2', null],
  ])
  expect(list[2]).toMatchObject({ signedBy: 'ana@acme.com', keys: 3 })
})

test('a review whose document is gone is null too (never a made-up 0)', async () => {
  const count = changesAskedCounter()
  const [row] = await withChangesAsked([summary('old-3')], (id) =>
    count('acme', id, () => Promise.resolve(null))
  )

  expect(row.changesAsked).toBeNull()
})

test('a failed read is not kept: the next request reads again; a count read is kept', async () => {
  const count = changesAskedCounter()
  const read = jest
    .fn<Promise<Review | null>, []>()
    .mockImplementationOnce(vbase5xx)
    .mockImplementation(() => Promise.resolve(twoChangesAsked()))

  expect(await count('acme', 'old-1', read)).toBeNull()
  expect(await count('acme', 'old-1', read)).toBe(2)
  expect(await count('acme', 'old-1', read)).toBe(2)
  expect(read).toHaveBeenCalledTimes(2)
  // another account's review of the same id is its own
  expect(await count('other', 'old-1', () => Promise.resolve(null))).toBeNull()
})

// attack9 #4: valid JSON of another shape failed the whole list (TypeError outside the read's catch)
test.each([
  ['a number', 7],
  ['a string', 'review'],
  ['an array', [1, 2]],
  ['an object without keys', { id: 'old-1', decisions: {} }],
  ['keys that are not a list', { keys: 'k1', decisions: {} }],
  ['a key that is null', { keys: [null], decisions: {} }],
  ['decisions that are null', { keys: [{ id: 'k1' }], decisions: null }],
  ['no decisions', { keys: [{ id: 'k1' }] }],
])(
  'a review document that is %s is null for its row, not kept, and the other rows are counted',
  async (_, doc) => {
    const count = changesAskedCounter()
    const read = jest.fn(() => Promise.resolve(doc as unknown as Review))
    const list = await withChangesAsked(
      [summary('old-1'), summary('old-2'), summary('new-1', 4)],
      (id) =>
        count(
          'acme/master',
          id,
          id === 'old-1' ? read : () => Promise.resolve(twoChangesAsked())
        )
    )

    expect(list.map((r) => [r.id, r.changesAsked])).toEqual([
      ['old-1', null],
      ['old-2', 2],
      ['new-1', 4],
    ])
    expect(await count('acme/master', 'old-1', read)).toBeNull()
    expect(read).toHaveBeenCalledTimes(2)
  }
)

test('a huge review document is counted once', async () => {
  const count = changesAskedCounter()
  const big = twoChangesAsked()
  const keys = Array.from({ length: 50_000 }, (_, i) => ({
    ...big.keys[0],
    id: `k${i}`,
  }))

  const decisions = Object.fromEntries(
    keys.map((k, i) => [
      k.id,
      {
        decision: i % 2 ? 'KEEP' : 'ROTATE',
        justification: '',
        by: 'a',
        at: 'b',
      },
    ])
  )

  const read = jest.fn(() =>
    Promise.resolve({ ...big, keys, decisions } as Review)
  )

  expect(await count('acme/master', 'old-1', read)).toBe(25_000)
  expect(await count('acme/master', 'old-1', read)).toBe(25_000)
  expect(read).toHaveBeenCalledTimes(1)
})

test.each([
  ['null', null],
  ['NaN', NaN],
  ['negative', -1],
  ['fractional', 1.5],
  ['a string', '2'],
  ['Infinity', Infinity],
])(
  'an index count that is %s is unknown: the document is read',
  async (_, damaged) => {
    const count = changesAskedCounter()
    const [row] = await withChangesAsked([summary('old-1', damaged)], (id) =>
      count('acme', id, () => Promise.resolve(twoChangesAsked()))
    )

    expect(row.changesAsked).toBe(2)
  }
)

test('counts the index may hold as they are', () => {
  expect([0, 1, 12].every(isCount)).toBe(true)
  expect([null, undefined, NaN, -1, 0.5, '1'].some(isCount)).toBe(false)
})
