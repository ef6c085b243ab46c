// The keys behind each evidence line of the checklist, so an admin can open exactly those keys
// (the key list filtered to them). Taken from the review's snapshot (findings at start) and, for
// exposures, from the storefront scan the review recorded.
import { severityRank } from '../findings'
import { findingsOf } from './findingsNow'
import type { Review, ReviewKey } from './types'

const HIGH = severityRank('HIGH')
const withRule = (rule: string) => (k: ReviewKey, _r?: Review) =>
  k.findings.some((f) => f.rule === rule)

const SELECTORS: Record<string, (k: ReviewKey, r: Review) => boolean> = {
  activeWithinRotation: (k, r) =>
    !k.external && k.isActive && withRule('key-age-exceeded')(k, r),
  unfinishedRenewals: withRule('renewal-unfinished'),
  keysHighOrWorse: (k) =>
    k.findings.some((f) => severityRank(f.severity) <= HIGH),
  // with the findings raised since the start (findingsOf: at start and new)
  keysHighOrWorseNow: (k) =>
    findingsOf(k).some((f) => severityRank(f.severity) <= HIGH),
  keysWithoutOwner: withRule('no-owner'),
  genericLabels: withRule('generic-label'),
  duplicateLabels: withRule('duplicate-label'),
  sharedKeys: withRule('shared-key'),
  exposedKeys: (k, r) => {
    const exposed = r.evidence.leakScan?.appKeys

    return exposed
      ? exposed.includes(k.appKey)
      : withRule('exposed-client-side')(k, r)
  },
}

/** Evidence lines that count keys: the key list opens on one of them by name (?evidence=). */
export const EVIDENCE_WITH_KEYS = Object.keys(SELECTORS)

/** Ids of the review's keys an evidence line counts (empty when it counts no keys, e.g. users). */
export function keysBehind(review: Review, evidenceId: string): string[] {
  const select = SELECTORS[evidenceId]

  return select
    ? review.keys.filter((k) => select(k, review)).map((k) => k.id)
    : []
}
