// Whether a stored storefront scan can vouch for the whole store. A URL that could not be read is
// not known to be clean, so a scan that missed some (or read no page) is incomplete.
import type { StoredScan } from '../rules/types'

/** A 404 or 410 is an answer (nothing is there); any other failure leaves a URL unknown. The
 * scanner (what it keeps of a URL), the Exposure page and the daily scan's status read it here. */
export const answered = (reason: string) => /^HTTP (404|410)\b/.test(reason)

/**
 * `complete` and `unreadCount` as the scanner stored them; for scans stored before they existed,
 * judged from what they kept: the pages read and the errors that are not a 404 or 410.
 */
export function scanCompleteness(scan: StoredScan): {
  complete: boolean
  unreadCount: number
} {
  if (scan.complete !== undefined)
    return { complete: scan.complete, unreadCount: scan.unreadCount ?? 0 }
  const unreadCount = (scan.errors ?? []).filter(
    (e) => !answered(e.reason)
  ).length

  return {
    complete: unreadCount === 0 && (scan.pagesScanned ?? 0) > 0,
    unreadCount,
  }
}

/** Distinct appKeys the scan holds (found now or kept from an earlier scan). */
export function exposedKeys(scan: StoredScan): number {
  return new Set(scan.exposures.filter((e) => e.appKey).map((e) => e.appKey))
    .size
}
