// Where reviews live in VBase: an index (the open review's id, a summary of each completed one)
// and one document per review. Every change is a pure transition (domain/review) applied with
// AppStorage.update (ETag/If-Match), so concurrent reviewers' changes all land.
import type { AppStorage } from '../../clients/appStorage'
import { wording } from '../../domain/wording'
import { leakScanEvidence } from '../../domain/review/checklist'
import { EMPTY_INDEX, indexWith } from '../../domain/review/machine'
import { isReviewId } from '../../domain/review/reviewId'
import type {
  Outcome,
  Review,
  ReviewEvidence,
  ReviewIndex,
} from '../../domain/review/types'
import type { StoredScan } from '../../domain/rules/types'
import { refusalError } from '../../resolvers/refusals'
import { LATEST_SCAN } from '../requestData'

export const INDEX = 'reviews.json'
export const fileOf = (id: string) => `review-${id}.json`

export function safeId(id: string): string {
  if (!isReviewId(id))
    throw refusalError({
      ok: false,
      code: 'BAD_USER_INPUT',
      message: wording('refusal.review.badId'),
      field: 'id',
    })

  return id
}

/**
 * The review index, repaired if a completion was written but the index update after it failed
 * (then openId still names a COMPLETED review, which would block every later review).
 */
export async function readIndex(storage: AppStorage): Promise<ReviewIndex> {
  const idx =
    (await storage.read<ReviewIndex>('reviews', INDEX)).value ?? EMPTY_INDEX

  if (!idx.openId) return idx
  const open = (await storage.read<Review>('reviews', fileOf(idx.openId))).value

  if (open?.status !== 'COMPLETED') return idx

  return storage.update<ReviewIndex, ReviewIndex>(
    'reviews',
    (current) => {
      const repaired = indexWith(current ?? EMPTY_INDEX, open)

      return { value: repaired, result: repaired }
    },
    INDEX
  )
}

export async function readOpen(storage: AppStorage): Promise<Review | null> {
  const { openId } = await readIndex(storage)

  return openId
    ? (await storage.read<Review>('reviews', fileOf(openId))).value
    : null
}

export async function readById(
  storage: AppStorage,
  id: string
): Promise<Review | null> {
  return (await storage.read<Review>('reviews', fileOf(safeId(id)))).value
}

/** The latest storefront scan as review evidence (a scan run during the review counts for it). */
export async function latestLeakScan(
  storage: AppStorage
): Promise<ReviewEvidence['leakScan']> {
  return leakScanEvidence(
    (await storage.read<StoredScan>('leakScans', LATEST_SCAN)).value
  )
}

/** A transition that changed nothing: answered without writing the document again. */
class Unchanged<R> {
  constructor(readonly result: R) {}
}

/**
 * Applies a transition to the open review, re-reading and re-applying on concurrent writes. A
 * transition that returns the review it was given writes nothing.
 */
export async function changeOpen<R>(
  storage: AppStorage,
  transition: (r: Review) => Outcome<{ review: Review; result: R }>
): Promise<R> {
  const { openId } = await readIndex(storage)

  if (!openId)
    throw refusalError({
      ok: false,
      code: 'NOT_FOUND',
      message: wording('refusal.review.noneOpen'),
    })
  try {
    return await storage.update<Review, R>(
      'reviews',
      (current) => {
        if (!current)
          return {
            refused: refusalError({
              ok: false,
              code: 'NOT_FOUND',
              message: wording('refusal.review.openMissing'),
            }),
          }
        const out = transition(current)

        if (!out.ok) return { refused: refusalError(out) }

        return out.value.review === current
          ? { refused: new Unchanged(out.value.result) }
          : { value: out.value.review, result: out.value.result }
      },
      fileOf(openId)
    )
  } catch (e) {
    if (e instanceof Unchanged) return e.result as R
    throw e
  }
}

export async function recordInIndex(
  storage: AppStorage,
  review: Review
): Promise<void> {
  await storage.update<ReviewIndex, void>(
    'reviews',
    (current) => ({
      value: indexWith(current ?? EMPTY_INDEX, review),
      result: undefined,
    }),
    INDEX
  )
}
