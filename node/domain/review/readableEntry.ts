// One rule for a completed review's entry in the review index (a VBase document the app writes,
// which a hand edit or a bad restore may damage): it is a review only when every field the
// history row shows can be read, and its id is one Open and Export can ask for (reviewId.ts: an
// id the app never makes was a row they refused, and the Overview's latest review failed on it).
// The history leaves the others out and says how many; the Overview's latest review
// (latestCompleted), score and reminders skip the same ones, so both agree on which review came
// last. One damaged entry used to fail the whole history list.
import { isReviewId } from './reviewId'
import type { ReviewIndex } from './types'

export type CompletedEntry = ReviewIndex['completed'][number]

const isCount = (n: unknown): n is number =>
  Number.isInteger(n) && (n as number) >= 0

const isText = (s: unknown): s is string => typeof s === 'string' && s !== ''

export function readableEntry(c: unknown): c is CompletedEntry {
  const e = c as Partial<Record<keyof CompletedEntry, unknown>> | null

  return (
    typeof e === 'object' &&
    e !== null &&
    isReviewId(e.id) &&
    isText(e.startedAt) &&
    isText(e.completedAt) &&
    !Number.isNaN(Date.parse(e.completedAt)) &&
    isText(e.signedBy) &&
    isCount(e.keys)
  )
}

/** The index's completed reviews that can be read, and how many could not. */
export function readableEntries(
  index: { completed?: unknown } | null | undefined
): {
  readable: CompletedEntry[]
  unreadable: number
} {
  const completed: unknown = index?.completed
  const list: unknown[] = Array.isArray(completed) ? completed : []
  const readable = list.filter(readableEntry)

  return { readable, unreadable: list.length - readable.length }
}
