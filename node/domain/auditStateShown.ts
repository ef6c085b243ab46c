// An audit record's stored state as GraphQL shows it. A log is append-only and read as stored, so
// a damaged entry (a hand edit, a bad restore, a newer version's code) must not fail the whole
// log: GraphQL refuses a value its enums do not know, and that refusal took the key page's
// actions log down with it. What cannot be read is null: the record's English text is shown.
// Pure. The values are checked again as on the way in: a day only, role names cut like any text.
import type { AuditOutcome, AuditRecord } from './audit'
import type { AuditState, AuditStateCode } from './auditStates'
import { dayOf } from './auditStates'
import type { RenewalStatus } from './renewals'
import { redactTokens } from './secrets'

// every code, as a record so that a code added to AuditStateCode must be added here too
const CODE_SET: Record<AuditStateCode, true> = {
  RENEWAL: true,
  RENEWAL_MAY_HAVE_STARTED: true,
  RENEWAL_MAY_HAVE_FINISHED: true,
  NO_RENEWAL_PENDING_IN_VTEX: true,
  UNCHANGED: true,
  ONE_TOKEN: true,
  BOTH_TOKENS: true,
  BOTH_TOKENS_UNTIL_FINISHED: true,
  NEW_TOKEN_ONLY: true,
  LAST_RENEWAL: true,
  RENEWED_IN_VTEX: true,
  ACTIVE: true,
  INACTIVE: true,
  KEY_NOT_FOUND: true,
  KEY_UNREADABLE: true,
  ROLES: true,
  ROLES_UNREADABLE: true,
}

const CODES = Object.keys(CODE_SET) as AuditStateCode[]

const RENEWAL_SET: Record<RenewalStatus, true> = {
  NONE: true,
  PENDING: true,
  POSSIBLY_PENDING: true,
  FINISHED: true,
  RECORDED: true,
  NOT_PENDING_IN_VTEX: true,
}

const RENEWALS = Object.keys(RENEWAL_SET) as RenewalStatus[]

export interface ShownState {
  code: AuditStateCode
  date: string | null
  renewal: RenewalStatus | null
  roles: string[] | null
}

const isIn = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v)

/** The stored state with every value present (null when it has none), or null if unreadable. */
export function shownState(raw: unknown): ShownState | null {
  if (!raw || typeof raw !== 'object') return null
  const s = raw as Record<keyof AuditState, unknown>

  if (!isIn(CODES, s.code)) return null
  if (s.code === 'RENEWAL' && !isIn(RENEWALS, s.renewal)) return null
  if (s.code === 'ROLES' && !Array.isArray(s.roles)) return null

  return {
    code: s.code,
    date: typeof s.date === 'string' ? dayOf(s.date) : null,
    renewal: s.code === 'RENEWAL' ? (s.renewal as RenewalStatus) : null,
    roles:
      s.code === 'ROLES'
        ? (s.roles as unknown[])
            .filter((n): n is string => typeof n === 'string')
            .map((n) => redactTokens(n))
        : null,
  }
}

/** A record's stored English text as GraphQL shows it: text only ('' if missing), no token. */
export const shownText = (raw: unknown): string =>
  typeof raw === 'string' ? redactTokens(raw) : ''

/**
 * The records of a stored log as they may be read back (the key page, the review's export): a
 * damaged file (not a list) holds none, an entry that is not a record is left out, and each
 * state is kept only if readable (see shownState), its text with no token.
 */
export function readableAuditLog(stored: unknown): AuditRecord[] {
  if (!Array.isArray(stored)) return []

  return stored
    .filter((r): r is AuditRecord => !!r && typeof r === 'object')
    .map((r) => {
      const beforeState = shownState(r.beforeState)
      const afterState = shownState(r.afterState)

      return {
        ...r,
        before: shownText(r.before),
        after: shownText(r.after),
        beforeState: beforeState ? stateOf(beforeState) : undefined,
        afterState: afterState ? stateOf(afterState) : undefined,
      }
    })
}

/** A shown state as stored: only the values its code has. */
const stateOf = (s: ShownState): AuditState => ({
  code: s.code,
  ...(s.date ? { date: s.date } : {}),
  ...(s.renewal ? { renewal: s.renewal } : {}),
  ...(s.roles ? { roles: s.roles } : {}),
})

const ACTION_SET: Record<AuditRecord['action'], true> = {
  RENEW_TOKEN: true,
  FINISH_RENEWAL: true,
  RECORD_RENEWAL: true,
  DEACTIVATE: true,
  REACTIVATE: true,
  REMOVE_ROLE: true,
  REGISTER_EXTERNAL_KEY: true,
  REMOVE_EXTERNAL_KEY: true,
  SET_AUDITORS: true,
}

const OUTCOME_SET: Record<AuditOutcome, true> = {
  DONE: true,
  REFUSED: true,
  FAILED: true,
  APPLIED_DESPITE_ERROR: true,
  NOT_APPLIED: true,
  UNKNOWN: true,
}

const text = (v: unknown) => typeof v === 'string'

/**
 * Whether GraphQL can answer the record: its non-null fields present, its action and outcome
 * ones it knows. One that cannot is left out of the key page's log (it would fail the whole
 * log); the review's export, plain text, keeps it.
 */
export const answerable = (r: AuditRecord): boolean =>
  text(r.id) &&
  text(r.at) &&
  text(r.by) &&
  text(r.keyId) &&
  text(r.appKey) &&
  text(r.label) &&
  isIn(Object.keys(ACTION_SET), r.action) &&
  isIn(Object.keys(OUTCOME_SET), r.outcome)

/**
 * How many entries of a stored log the key page leaves out (not a record, or not answerable): a
 * file that is not a list counts as one. The page says so; nothing is dropped in silence.
 */
export function unreadableAuditEntries(stored: unknown): number {
  if (stored === null || stored === undefined) return 0
  if (!Array.isArray(stored)) return 1

  return stored.length - readableAuditLog(stored).filter(answerable).length
}
