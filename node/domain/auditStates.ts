// A key's state before or after an action of the audit log, as a code with its values, so the
// Admin words it in the admin's language. The record also keeps the same state in English
// (englishOf): the review's evidence export and records of earlier versions read that text.
// Pure. Never a token: values are days, a renewal status and role names (cut like any text).
import type { RenewalStatus } from './renewals'
import { redactTokens } from './secrets'

export type AuditStateCode =
  | 'RENEWAL'
  | 'RENEWAL_MAY_HAVE_STARTED'
  | 'RENEWAL_MAY_HAVE_FINISHED'
  | 'NO_RENEWAL_PENDING_IN_VTEX'
  | 'UNCHANGED'
  | 'ONE_TOKEN'
  | 'BOTH_TOKENS'
  | 'BOTH_TOKENS_UNTIL_FINISHED'
  | 'NEW_TOKEN_ONLY'
  | 'LAST_RENEWAL'
  | 'RENEWED_IN_VTEX'
  | 'ACTIVE'
  | 'INACTIVE'
  | 'KEY_NOT_FOUND'
  | 'KEY_UNREADABLE'
  | 'ROLES'
  | 'ROLES_UNREADABLE'

export interface AuditState {
  code: AuditStateCode
  /** a day (YYYY-MM-DD) the state names; null when VTEX did not say */
  date?: string | null
  /** RENEWAL: the renewal's status then */
  renewal?: RenewalStatus
  /** ROLES: the key's roles' names (empty: none) */
  roles?: string[]
}

const DAY = /^\d{4}-\d{2}-\d{2}/

/** The day of an ISO date, or null (never anything else: a day is all a state may carry). */
export const dayOf = (iso: string | null | undefined): string | null => {
  const m = iso ? DAY.exec(iso) : null

  return m ? m[0] : null
}

export const state = {
  renewal: (renewal: RenewalStatus): AuditState => ({
    code: 'RENEWAL',
    renewal,
  }),
  dated: (
    code:
      | 'ONE_TOKEN'
      | 'BOTH_TOKENS_UNTIL_FINISHED'
      | 'NEW_TOKEN_ONLY'
      | 'LAST_RENEWAL'
      | 'RENEWED_IN_VTEX',
    iso: string | null | undefined
  ): AuditState => ({ code, date: dayOf(iso) }),
  active: (active: boolean): AuditState => ({
    code: active ? 'ACTIVE' : 'INACTIVE',
  }),
  roles: (names: string[]): AuditState => ({
    code: 'ROLES',
    roles: names.map((n) => redactTokens(n)),
  }),
  of: (
    code: Exclude<
      AuditStateCode,
      | 'RENEWAL'
      | 'ONE_TOKEN'
      | 'BOTH_TOKENS_UNTIL_FINISHED'
      | 'NEW_TOKEN_ONLY'
      | 'LAST_RENEWAL'
      | 'RENEWED_IN_VTEX'
      | 'ROLES'
    >
  ): AuditState => ({ code }),
}

const day = (d: string | null | undefined) => d ?? 'unknown date'

/** The state in English, as records have always said it (the export and older readers use it). */
export function englishOf(s: AuditState): string {
  switch (s.code) {
    case 'RENEWAL':
      return `renewal ${(s.renewal ?? 'NONE').toLowerCase().replace(/_/g, ' ')}`

    case 'RENEWAL_MAY_HAVE_STARTED':
      return 'unknown: VTEX may have started a renewal; its new token, if any, was never shown'

    case 'RENEWAL_MAY_HAVE_FINISHED':
      return 'unknown: VTEX may have finished the renewal'

    case 'NO_RENEWAL_PENDING_IN_VTEX':
      return 'VTEX has no pending renewal'

    case 'UNCHANGED':
      return 'unchanged'

    case 'ONE_TOKEN':
      return `one token, created ${day(s.date)}`

    case 'BOTH_TOKENS':
      return 'old and new token both valid'

    case 'BOTH_TOKENS_UNTIL_FINISHED':
      return `old token and a new one (created ${day(
        s.date
      )}) both valid until the renewal is finished`

    case 'NEW_TOKEN_ONLY':
      return `only the new token (created ${day(s.date)}) is valid`

    case 'LAST_RENEWAL':
      return `last renewal ${day(s.date)}`

    case 'RENEWED_IN_VTEX':
      return `renewed in VTEX's Admin on ${day(s.date)} (recorded)`

    case 'ACTIVE':
      return 'active'

    case 'INACTIVE':
      return 'inactive'

    case 'KEY_NOT_FOUND':
      return 'not found when read again'

    case 'KEY_UNREADABLE':
      return 'unknown: the key could not be read again from VTEX'

    case 'ROLES':
      return s.roles?.join(', ') || 'no roles'

    case 'ROLES_UNREADABLE':
      return 'roles could not be read again'

    default:
      // a code this version does not know (a newer record read by an older service): as stored
      return String((s as { code: unknown }).code)
  }
}
