// Before a storefront scan has run in the review, "keys without findings" may include keys whose
// token is in storefront code (walk7: two such keys were kept). The bulk bar says so and leads to
// "Run scan now" beside it (Checklist.tsx RunScan).

/** True when a storefront scan ran since the review started (its findings are in the table). */
export const scannedDuring = (r: {
  startedAt: string
  leakScanAt?: string | null
}) => !!r.leakScanAt && r.leakScanAt >= r.startedAt
