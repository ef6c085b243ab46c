import { readableReview } from './readableReview'
import { startedReview } from './testing/review'

const review = startedReview()

describe('readableReview: a review document that can be presented', () => {
  it('reads a review as the app writes it', () => {
    expect(readableReview(review)).toBe(true)
    expect(readableReview({ ...review, status: 'COMPLETED' })).toBe(true)
  })

  const damages: Array<[string, unknown]> = [
    ['no evidence', { ...review, evidence: undefined }],
    ['evidence null', { ...review, evidence: null }],
    ['no keys', { ...review, keys: undefined }],
    ['a key that is null', { ...review, keys: [...review.keys, null] }],
    ['a key without findings', { ...review, keys: [{ id: 'k1' }] }],
    ['no checklist', { ...review, checklist: null }],
    [
      'a practice missing from the checklist',
      { ...review, checklist: { ...review.checklist, ROTATE_KEYS: undefined } },
    ],
    ['decisions as a list', { ...review, decisions: [] }],
    ['a decision that is text', { ...review, decisions: { k1: 'KEEP' } }],
    ['no log', { ...review, audit: undefined }],
    ['no id', { ...review, id: '' }],
    ['another status', { ...review, status: 'SIGNED' }],
    ['no start time', { ...review, startedAt: null }],
    ['null', null],
    ['a number', 7],
  ]

  for (const [what, doc] of damages)
    it(`refuses a document with ${what}`, () => {
      expect(readableReview(doc)).toBe(false)
    })
})
