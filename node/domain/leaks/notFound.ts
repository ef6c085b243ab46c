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
 * Of the URLs noted (the first ones: beyond them what each answered is not kept, so they are
 * never taken as answered), those that answered 404 or 410.
 */
export function notFoundOf(errors: Note[]) {
  const notFound = errors.filter((e) => answered(e.reason))

  return { notFound, notFoundCount: notFound.length }
}
