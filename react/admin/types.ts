// The admin pages' data types, taken from the operations' generated result types
// (graphql/types.generated.ts, made by the build from graphql/ and the .gql documents): no
// GraphQL type is declared by hand here.
import type {
  KeyStewardInventoryQuery,
  KeyStewardKeyActionPermissionsQuery,
  KeyStewardKeyAuditQuery,
  KeyStewardKeyListQuery,
  KeyStewardOverviewQuery,
  KeyStewardUserListQuery,
  Severity as SchemaSeverity,
} from './graphql/types.generated'

export type {
  KeyAction,
  RenewalStatus,
  TokenAgeBasis,
} from './graphql/types.generated'

export type Severity = SchemaSeverity
export const SEVERITIES: Severity[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFO',
]

export type Inventory = NonNullable<KeyStewardInventoryQuery['inventory']>
export type ApiKey = Inventory['keys'][number]
export type AdminUser = Inventory['users'][number]
/** A role as the key list and the users page show it (users' roles carry fewer fields). */
export type Role = Inventory['roles'][number] | AdminUser['roles'][number]
/** A finding on a key or a user (users' findings carry no practice). */
export type KeyFinding =
  | ApiKey['findings'][number]
  | AdminUser['findings'][number]
export type Finding = KeyStewardOverviewQuery['findings'][number]
/** The hygiene score as the Overview shows it, and what costs it the most points. */
export type Hygiene = NonNullable<KeyStewardOverviewQuery['hygiene']>
export type ScoreCost = Hygiene['topCosts'][number]

/** The policy's rule ids, generated from node/domain/rules by dev/codegen. */
export type { RuleId } from './graphql/ruleIds.generated'
/** The latest token renewal Key Steward knows of (never a token). */
export type TokenRenewal = ApiKey['renewal']
export type Annotation = NonNullable<ApiKey['annotation']>
/** Whether the admin's session may do a key action, and what it lacks if not. */
export type ActionPermission =
  KeyStewardKeyActionPermissionsQuery['keyActionPermissions'][number]
export type AuditEntry = KeyStewardKeyAuditQuery['keyAudit'][number]

export const NO_RENEWAL: TokenRenewal = {
  status: 'NONE',
  startedAt: null,
  startedBy: null,
  finishedAt: null,
  finishedBy: null,
  recordedBy: null,
  recordedAt: null,
  note: null,
  tokenCreatedAt: null,
  newTokenCreatedAt: null,
  expirationPeriodDays: null,
  vtexNotPendingAt: null,
  outcomeUnknownAt: null,
  previousRenewalAt: null,
}

/** The server-paged key list (Query.keyList) and its rows: keys, and external keys marked as such. */
export type KeyPage = NonNullable<KeyStewardKeyListQuery['keyList']>
export type KeyRow = KeyPage['rows'][number]
/** Where a page's data comes from and how fresh it is (Inventory's scalar fields). */
export type InventoryMeta = KeyPage['inventory']
export type UserPage = NonNullable<KeyStewardUserListQuery['userList']>

export const worstSeverity = (findings: KeyFinding[]): Severity | null =>
  findings.reduce<Severity | null>(
    (worst, f) =>
      worst === null ||
      SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(worst)
        ? f.severity
        : worst,
    null
  )
