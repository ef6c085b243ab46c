// A storefront scan run while a review is open changes what the review is about (a kept key may
// turn out exposed), so the review's own log records it between the decisions: who ran it, when,
// and which keys it found. Only entries are added; what was logged before is never rewritten.
import type { Review, ReviewEvidence } from './types'

/** The log action of a scan run during the review (its subject: the scan's time). */
export const SCAN_ACTION = 'SCAN'

type Scan = NonNullable<ReviewEvidence['leakScan']>

/**
 * The detail of a scan's log entry: "<n> keys exposed", " (incomplete)" when it could not read
 * every URL, then ": " and the exposed keys as "Label (appKey)" (the appKey alone for a key the
 * review does not hold). react/admin/Review/logEntry.ts reads it back.
 */
export function scanDetail(review: Review, scan: Scan): string {
  const byAppKey = new Map(review.keys.map((k) => [k.appKey, k]))
  const named = (scan.appKeys ?? []).map((appKey) => {
    const label = byAppKey.get(appKey)?.label

    return label ? `${label} (${appKey})` : appKey
  })

  const head = `${scan.exposedKeys} ${
    scan.exposedKeys === 1 ? 'key' : 'keys'
  } exposed${scan.complete === false ? ' (incomplete)' : ''}`

  return named.length ? `${head}: ${named.join(', ')}` : head
}

/**
 * The open review with the scan logged, or null when there is nothing to log: the review is
 * signed (its record never changes), the scan ran before the review started (the start's
 * evidence holds it), or this scan is logged already (a retried write).
 */
export function logScan(
  review: Review,
  scan: ReviewEvidence['leakScan'],
  by: string
): Review | null {
  if (review.status !== 'OPEN' || !scan || scan.at < review.startedAt)
    return null
  if (
    review.audit.some((a) => a.action === SCAN_ACTION && a.subject === scan.at)
  )
    return null

  return {
    ...review,
    audit: [
      ...review.audit,
      {
        at: scan.at,
        by,
        action: SCAN_ACTION,
        subject: scan.at,
        detail: scanDetail(review, scan),
      },
    ],
  }
}
