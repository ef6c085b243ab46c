export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFO'
export const SEVERITIES: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']

export interface Role { id: number; name: string; isAdmin: boolean; roleType?: number; products?: string[] }
export interface KeyFinding { rule: string; severity: Severity; practice?: string; message: string }
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

/** A row of the server-paged key list (Query.keyList): a key, or an external key marked as such. */
export interface KeyRow {
  id: string
  appKey: string
  label: string
  createdAt: string
  isActive: boolean
  ageDays: number
  external: boolean
  account: string | null
  rolesKnown: boolean
  roles: Array<Pick<Role, 'id' | 'name'>>
  findings: KeyFinding[]
}

/** Where a page's data comes from and how fresh it is (Inventory's scalar fields). */
export interface InventoryMeta {
  source: 'LIVE' | 'SNAPSHOT' | 'RECENT'
  generatedAt: string
  version?: string | null
  ageSeconds?: number | null
  revalidating?: boolean | null
  complete: boolean
  missing: string[]
}

export interface KeyPage {
  total: number
  allTotal: number
  page: number
  pages: number
  pageSize: number
  rules: string[]
  roles: Array<Pick<Role, 'id' | 'name'>>
  inventory: InventoryMeta
  rows: KeyRow[]
}

export interface UserPage {
  total: number
  allTotal: number
  page: number
  pages: number
  pageSize: number
  ownerCount: number
  inventory: InventoryMeta
  rows: AdminUser[]
}

export const worstSeverity = (findings: KeyFinding[]): Severity | null =>
  findings.reduce<Severity | null>((worst, f) => (worst === null || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(worst) ? f.severity : worst), null)
