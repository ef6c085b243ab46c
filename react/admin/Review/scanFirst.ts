// Before a storefront scan has run in the review, "keys without findings" may include keys whose
// token is in storefront code (walk7: two such keys were kept). The bulk bar says so and leads to
// the checklist's "Run scan now".

/** The checklist's "Run scan now" (Checklist.tsx). */
export const RUN_SCAN_ID = 'review-run-scan'

/** True when a storefront scan ran since the review started (its findings are in the table). */
export const scannedDuring = (r: {
  startedAt: string
  leakScanAt?: string | null
}) => !!r.leakScanAt && r.leakScanAt >= r.startedAt

/** Scrolls to "Run scan now" and focuses it. */
export function goToScan() {
  const at = document.getElementById(RUN_SCAN_ID)

  at?.scrollIntoView?.({ block: 'center' })
  at?.querySelector('button')?.focus()
}
