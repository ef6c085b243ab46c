import type { Practice, Severity } from '../findings'
import type { Changes } from '../scan/snapshot'
import type { Wording } from '../wording'

export const DECISIONS = [
  'KEEP',
  'ROTATE',
  'REDUCE_ROLES',
  'DEACTIVATE',
] as const
export type Decision = (typeof DECISIONS)[number]
export const CHECK_STATUSES = ['OPEN', 'DONE', 'NOT_APPLICABLE'] as const
export type CheckStatus = (typeof CHECK_STATUSES)[number]

/** A finding as a review records it: which rule, how severe, which practice. */
export interface ReviewFinding {
  rule: string
  severity: Severity
  practice: Practice
}

/** A key as it stood when the review started. */
export interface ReviewKey {
  id: string
  appKey: string
  label: string
  isActive: boolean
  ageDays: number
  rolesKnown: boolean
  roles: string[]
  findings: ReviewFinding[]
  /** findings the key has now (rule and severity) that it did not have at start, e.g. an
   * exposure found by a storefront scan run during the review (domain/review/findingsNow.ts):
   * worked out when an open review is read, stored at sign-off (what the signer saw) */
  newFindings?: ReviewFinding[]
  /** set for a key of another account that holds roles here (inventory.externalKeys); its id is
   * `external:<appKey>` */
  external?: { account: string }
}

/** What Key Steward can do in VTEX on a key (each audited; see domain/audit). */
export const KEY_ACTIONS = [
  'RENEW_TOKEN',
  'FINISH_RENEWAL',
  'RECORD_RENEWAL',
  'DEACTIVATE',
  'REACTIVATE',
  'REMOVE_ROLE',
] as const
export type KeyAction = (typeof KEY_ACTIONS)[number]

/** An action that carried out a decision, done from Key Steward: which, on what, who, when. */
export interface CarriedOut {
  action: KeyAction
  detail: string
  by: string
  at: string
}

export interface KeyDecision {
  decision: Decision
  justification: string
  by: string
  at: string
  /** actions done through Key Steward that carry the decision out, oldest first */
  carriedOut?: CarriedOut[]
}

/** KEEP leaves the key as it is: there is nothing to carry out. */
export const asksForChange = (d: KeyDecision | undefined): d is KeyDecision =>
  !!d && d.decision !== 'KEEP'

export interface PracticeCheck {
  status: CheckStatus
  note: string
  by: string | null
  at: string | null
}
export interface AuditEntry {
  at: string
  by: string
  action: string
  subject: string
  detail: string
}

/** Figures measured at start, the automatic evidence of the checklist. */
export interface ReviewEvidence {
  activeKeys: number
  activeWithinRotation: number
  rotationDays: number
  unfinishedRenewals: number
  keysHighOrWorse: number
  /** keys with a HIGH or CRITICAL finding now, at start or new since (domain/review/findingsNow.ts):
   * worked out when an open review is read, stored at sign-off (what the signer saw); absent on
   * reviews signed before it existed. keysHighOrWorse stays the count at start. */
  keysHighOrWorseNow?: number
  ownerUsers: number
  maxOwnerUsers: number
  keysWithoutOwner: number
  genericLabels: number
  duplicateLabels: number
  sharedKeys: number
  inventoryComplete: boolean
  /** latest storefront leak scan, when the scanner has run; `complete: false` when it could not
   * read every URL (absent on reviews started before it existed) */
  leakScan: {
    at: string
    exposedKeys: number
    complete?: boolean
    unreadCount?: number
    appKeys?: string[]
  } | null
}

export interface Review {
  id: string
  status: 'OPEN' | 'COMPLETED'
  startedAt: string
  startedBy: string
  keys: ReviewKey[]
  evidence: ReviewEvidence
  checklist: Record<Practice, PracticeCheck>
  decisions: Record<string, KeyDecision>
  completedAt: string | null
  signedBy: string | null
  signatureNote: string | null
  audit: AuditEntry[]
  /** what the daily scans saw change before the review started (evidence of drift) */
  changes?: Changes | null
  /** set on an open review as read when its keys' findings now could not be worked out (its
   * rows show findings at start only); never stored */
  findingsNowUnknown?: true
}

/** The index document: the open review's id and a summary of each completed one. */
export interface ReviewIndex {
  openId: string | null
  completed: Array<{
    id: string
    startedAt: string
    completedAt: string
    signedBy: string
    keys: number
    /** decisions asking for a change when it was signed (absent on reviews signed before it was
     * recorded: worked out from the review when read, services/review/reviews.ts) */
    changesAsked?: number
  }>
}

export type Refusal = {
  ok: false
  code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN'
  /** what to tell the admin, worded in their language by services/wording.ts */
  message: Wording
  field?: string
  /** structured details for the client (e.g. the keys a bulk decision refused, what sign-off misses) */
  details?: Record<string, unknown>
}
export type Outcome<T> = { ok: true; value: T } | Refusal
