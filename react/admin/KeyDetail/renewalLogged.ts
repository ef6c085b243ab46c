// Whether the actions log holds the renewal the renewal panel shows. Renewals are kept apart
// from the log (appStorage "renewals"); a renewal made or recorded through Key Steward normally
// has a log entry, but one written before the log kept it, or whose entry failed to save, has
// none: then the log must not say that nothing was done on the key.
import type { AuditEntry, TokenRenewal } from '../types'

const RENEWAL_ACTIONS = new Set([
  'RENEW_TOKEN',
  'FINISH_RENEWAL',
  'RECORD_RENEWAL',
])

// An entry is written as the action happens; the renewal record's date is that same moment.
const SLACK_MS = 60_000

/** True when the renewal names someone who acted through Key Steward and the log has no entry for it. */
export function renewalMissingFromLog(
  renewal: TokenRenewal,
  log: Array<Pick<AuditEntry, 'action' | 'at'>>
): boolean {
  const byKeySteward =
    !!renewal.startedBy || !!renewal.finishedBy || !!renewal.recordedBy

  if (renewal.status === 'NONE' || !byKeySteward) return false
  const since = renewal.startedAt ?? renewal.recordedAt
  const from = since ? Date.parse(since) - SLACK_MS : -Infinity

  return !log.some(
    (e) => RENEWAL_ACTIONS.has(e.action) && Date.parse(e.at) >= from
  )
}
