// The URLs a scan could not fetch that answered 404 or 410 (the completeness rule's `answered`):
// nothing is there, an answer that does not leave the scan incomplete, so the Exposure page
// lists them apart from the URLs the scan could not read (walk15 #2: two 404s read as two unread
// scripts). `errors` keeps every URL not fetched, these too, as it always has (the GraphQL
// contract grows, it does not change); `notFound` is the part of it that was an answer.
import { answered } from './completeness'

interface Note {
  url: string
  reason: string
}

/**
 * Of the URLs noted (the first ones), those that answered 404 or 410, and how many did in all:
 * the scan's own count, which takes in those beyond the notes (left12: they stayed "could not be
 * fetched"); a scan stored before it counted them knows only the ones it noted.
 */
export function notFoundOf(errors: Note[], counted?: number) {
  const notFound = errors.filter((e) => answered(e.reason))

  return {
    notFound,
    notFoundCount: Math.max(notFound.length, counted ?? 0),
  }
}
