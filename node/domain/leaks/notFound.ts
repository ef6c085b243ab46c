// The URLs a scan could not fetch, split by the completeness rule (answered): a 404 or 410 is an
// answer (nothing is there) and does not leave the scan incomplete, so the Exposure page lists it
// apart from the URLs the scan could not read (walk15 #2: two 404s read as two unread scripts).
import { answered } from './completeness'

interface Note {
  url: string
  reason: string
}

/**
 * `errors` keeps the first URLs noted, `errorCount` counts them all: beyond the listed ones what
 * each answered is not known, so they stay counted as not fetched (never taken as answered).
 */
export function splitNotFound(errors: Note[], errorCount: number) {
  const notFound = errors.filter((e) => answered(e.reason))

  return {
    errors: errors.filter((e) => !answered(e.reason)),
    errorCount: Math.max(0, errorCount - notFound.length),
    notFound,
    notFoundCount: notFound.length,
  }
}
