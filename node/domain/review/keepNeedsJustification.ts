// Keeping a key with a HIGH or CRITICAL finding leaves that access in place: the reviewer says why
// (a justification), or the service refuses the decision. One rule, used wherever the review asks:
// the refusal (machine.ts), ReviewKey.risky and the decision table's `risky` filter, which the
// Admin's bulk bar reads to ask for a justification before it sends (react/admin/Review/BulkBar).
import { SEVERITIES, severityRank } from '../findings'
import type { Severity } from '../findings'
import { findingsOf } from './findingsNow'
import type { ReviewKey } from './types'

/** The severities whose findings make keeping a key need a justification. */
export const KEEP_NEEDS_JUSTIFICATION: readonly Severity[] = SEVERITIES.filter(
  (s) => severityRank(s) <= severityRank('HIGH')
)

/** A key with such a finding, at start or new since the review started (findingsNow.ts). */
export const isRiskyKey = (key: ReviewKey) =>
  findingsOf(key).some((f) => KEEP_NEEDS_JUSTIFICATION.includes(f.severity))
