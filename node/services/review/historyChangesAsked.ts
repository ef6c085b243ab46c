// The history list's "changes asked" per completed review. The index holds the count since it
// was recorded; a review signed before that (or an index whose value is damaged: null, NaN, a
// negative or fractional number) is counted from its own document. One document that cannot be
// read (VBase 5xx after the client's retries, or gone) makes that row's count unknown (null),
// never the whole list fail: owners and auditors still see every other review. Free of @vtex/api
// (the reader is given), so Jest can load it.
import { changesAskedIn } from '../../domain/review/machine'
import type { Review, ReviewIndex } from '../../domain/review/types'

type Completed = ReviewIndex['completed'][number]

export type ReviewSummary = Omit<Completed, 'changesAsked'> & {
  /** null: the review's document could not be read this time (asked again next time) */
  changesAsked: number | null
}

/** A count as the index should hold it: a whole number, 0 or more. */
export const isCount = (n: unknown): n is number =>
  Number.isInteger(n) && (n as number) >= 0

/** Whether a document read has the shape a review's count is read from (keys, decisions). */
function countable(r: unknown): r is Review {
  const doc = r as Partial<Review> | null

  return (
    typeof doc === 'object' &&
    doc !== null &&
    Array.isArray(doc.keys) &&
    doc.keys.every((k) => typeof k?.id === 'string') &&
    typeof doc.decisions === 'object' &&
    doc.decisions !== null
  )
}

/**
 * Counts of reviews read from their documents, by where they are stored (account and workspace:
 * each has its own VBase) and review id: a signed review's decisions never change, so each is
 * read once per replica. Only counts read are kept: a document not read now (a failed read, none,
 * or one of another shape: JSON that is not a review) is asked again on the next request, and
 * makes its row's count null, never the list fail.
 */
export function changesAskedCounter() {
  const known = new Map<string, number>()

  return async (
    where: string,
    id: string,
    read: () => Promise<Review | null>
  ): Promise<number | null> => {
    const name = `${where}\n${id}`
    const kept = known.get(name)

    if (kept !== undefined) return kept
    let n: number

    try {
      const r: unknown = await read()

      if (!countable(r)) return null
      n = changesAskedIn(r)
    } catch {
      return null
    }

    known.set(name, n)

    return n
  }
}

/** The completed reviews with their changes asked: from the index when it holds a count, else
 * counted (null when that review could not be read). */
export function withChangesAsked(
  list: Completed[],
  count: (id: string) => Promise<number | null>
): Promise<ReviewSummary[]> {
  return Promise.all(
    list.map(async (c) =>
      isCount(c.changesAsked)
        ? { ...c, changesAsked: c.changesAsked }
        : { ...c, changesAsked: await count(c.id) }
    )
  )
}
