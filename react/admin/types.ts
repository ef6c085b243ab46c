export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFO'

/** The policy's rule ids (node/domain/rules); each has a human name in messages (rule.<id>). */
export type RuleId =
  | 'key-age-exceeded' | 'renewal-unfinished' | 'owner-role' | 'can-manage-keys' | 'no-roles' | 'inactive-with-roles' | 'generic-label'
  | 'duplicate-label' | 'shared-key' | 'no-owner' | 'exposed-client-side' | 'external-broad-access' | 'user-owner-role' | 'review-overdue'
export const SEVERITIES: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']

export interface Role { id: number; name: string; isAdmin: boolean; roleType?: number; products?: string[] }
export interface KeyFinding { rule: string; severity: Severity; practice?: string; message: string; daysPastPeriod?: number | null }
export interface Finding extends KeyFinding { subjectType: string; subjectId: string; subjectLabel: string }

export type TokenAgeBasis = 'KEY_CREATED' | 'TOKEN_CREATED' | 'RENEWAL_FINISHED' | 'RENEWAL_RECORDED'
export type RenewalStatus = 'NONE' | 'PENDING' | 'FINISHED' | 'RECORDED' | 'NOT_PENDING_IN_VTEX'

/** The latest token renewal Key Steward knows of (never a token). */
export interface TokenRenewal {
  status: RenewalStatus
  startedAt: string | null
  startedBy: string | null
  finishedAt: string | null
  finishedBy: string | null
  recordedBy: string | null
  recordedAt: string | null
  note: string | null
  tokenCreatedAt: string | null
  newTokenCreatedAt: string | null
  expirationPeriodDays: number | null
  vtexNotPendingAt: string | null
}

export const NO_RENEWAL: TokenRenewal = {
  status: 'NONE', startedAt: null, startedBy: null, finishedAt: null, finishedBy: null, recordedBy: null, recordedAt: null,
  note: null, tokenCreatedAt: null, newTokenCreatedAt: null, expirationPeriodDays: null, vtexNotPendingAt: null,
}

export interface ApiKey {
  id: string
  appKey: string
  label: string
  createdAt: string
  isActive: boolean
  ageDays: number
  /** days since the token in use was created or last renewed, as far as Key Steward knows */
  tokenAgeDays: number
  tokenAgeSince: string
  tokenAgeBasis: TokenAgeBasis
  renewal: TokenRenewal
  rolesKnown: boolean
  roles: Role[]
  findings: KeyFinding[]
  annotation?: Annotation | null
}

/** Whether the admin's session may do a key action, and what it lacks if not. */
export interface ActionPermission { field: string; allowed: boolean; missingResources: string[]; acceptedResources: string[][] }

/** What Key Steward can do on a key (GraphQL enum KeyAction). */
export type KeyAction = 'RENEW_TOKEN' | 'FINISH_RENEWAL' | 'RECORD_RENEWAL' | 'DEACTIVATE' | 'REACTIVATE' | 'REMOVE_ROLE'

export interface AuditEntry {
  id: string
  at: string
  by: string
  action: KeyAction
  before: string
  after: string
  vtexCall: string | null
  vtexStatus: number | null
  vtexAnswer: string | null
  outcome: 'DONE' | 'REFUSED' | 'FAILED'
  reviewId: string | null
  note: string | null
}

export interface Annotation { owner: string | null; integrations: string[]; purpose: string | null; notes: string | null }

export interface AdminUser {
  id: string
  email: string
  name: string
  isAdmin: boolean
  isBlocked: boolean
  rolesKnown: boolean
  roles: Role[]
  findings: KeyFinding[]
}

export interface Inventory {
  source: 'LIVE' | 'SNAPSHOT'
  generatedAt: string
  complete: boolean
  missing: string[]
  keys: ApiKey[]
  users: AdminUser[]
  roles: Role[]
}

export const worstSeverity = (findings: KeyFinding[]): Severity | null =>
  findings.reduce<Severity | null>((worst, f) => (worst === null || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(worst) ? f.severity : worst), null)
