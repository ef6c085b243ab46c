// The audit log of actions Key Steward takes in VTEX (token renewals, deactivations, role
// removals) and of renewals recorded by admins: who, what, when, before → after, and VTEX's
// answer. Append-only: a record, once written, is never changed or removed. No record ever holds
// a token: VTEX's answers are reduced to documented, token-free facts before they get here, and
// anything shaped like a token is cut out again on the way in.
import type { AuditState } from './auditStates'
import type { ExternalKeyAction } from './externalKeys'
import type { KeyAction } from './review/types'
import { redactTokens } from './secrets'

/**
 * DONE, REFUSED (VTEX said no), FAILED (VTEX failed, or reading the key again did not show the
 * change). When VTEX's answer was an error or never came, the key is read again and the record
 * says what is true: APPLIED_DESPITE_ERROR, NOT_APPLIED, or UNKNOWN (the key could not be read
 * again, or VTEX offers no way to read it, as for a token renewal).
 */
export type AuditOutcome =
  | 'DONE'
  | 'REFUSED'
  | 'FAILED'
  | 'APPLIED_DESPITE_ERROR'
  | 'NOT_APPLIED'
  | 'UNKNOWN'

export interface AuditRecord {
  id: string
  at: string
  by: string
  /** an action on a key of this account, a registration or removal of an external key (keyId is then its appKey), or SET_AUDITORS: the auditors named in the settings changed (keyId '') */
  action: KeyAction | ExternalKeyAction | 'SET_AUDITORS'
  keyId: string
  appKey: string
  label: string
  /** the key's state before and after, in short words (e.g. "active" → "inactive") */
  before: string
  after: string
  /**
   * The same states as codes with values, for the Admin to word in the admin's language (key
   * actions only; absent in records written by earlier versions, which keep only their text)
   */
  beforeState?: AuditState
  afterState?: AuditState
  /** the VTEX call and its answer (status, and what it said); null when VTEX was not called */
  vtex: { endpoint: string; status: number | null; answer: string } | null
  outcome: AuditOutcome
  /** the open review whose decision this action carried out, if any */
  reviewId: string | null
  note: string | null
}

export function auditRecord(
  r: Omit<AuditRecord, 'before' | 'after' | 'note'> & {
    before: string
    after: string
    note?: string | null
  }
): AuditRecord {
  return {
    ...r,
    before: redactTokens(r.before),
    after: redactTokens(r.after),
    vtex: r.vtex
      ? { ...r.vtex, answer: redactTokens(r.vtex.answer).slice(0, 500) }
      : null,
    note: r.note ? redactTokens(r.note) : null,
  }
}

/** The log after appending `record`: unchanged if it is already there (a re-applied update). */
export function appended(
  log: AuditRecord[] | null,
  record: AuditRecord
): AuditRecord[] {
  const list = log ?? []

  return list.some((r) => r.id === record.id) ? list : [...list, record]
}

/** The month file a record goes to (YYYY-MM, UTC). */
export const monthOf = (iso: string) => iso.slice(0, 7)

/** Every month from `from` to `to` inclusive, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = monthOf(from).split('-').map(Number)
  const [ty, tm] = monthOf(to).split('-').map(Number)

  while ((y < ty || (y === ty && m <= tm)) && out.length < 600) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }

  return out
}

/**
 * Records of a time window, in the order given (logs are in the order records were appended,
 * which is also the order in time; the stand-in's pinned clock gives many records one instant).
 */
export function within(
  records: AuditRecord[],
  from: string,
  to: string
): AuditRecord[] {
  return records.filter((r) => r.at >= from && r.at <= to)
}
