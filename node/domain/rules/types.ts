import type { Practice, Severity } from '../findings'
import type { Settings } from '../settings'
import type { Inventory, RoleInfo } from '../types'
import type { KeyFacts } from '../keyFacts'
import type { Exposure } from '../leaks/scanText'
import type { Report } from './report'

/** What an admin recorded about a key (stored by Key Steward). */
export interface Annotation {
  owner?: string
  integrations?: string[]
  purpose?: string
  notes?: string
}

/**
 * The latest token renewal Key Steward knows of for a key: started (and maybe finished) through
 * Key Steward, or done in VTEX's Admin and recorded by an admin. Never holds a token.
 * (Records written before `source` existed are renewals started through Key Steward.)
 */
export interface Renewal {
  /** when the renewal started; for a recorded one, the date the admin gave */
  startedAt: string
  /** when it was finished (the old token stopped working); null while both tokens work */
  finishedAt: string | null
  source?: 'KEY_STEWARD' | 'RECORDED'
  /** who started it through Key Steward (VTEX ID email) */
  startedBy?: string | null
  finishedBy?: string | null
  /** who recorded a renewal done elsewhere, when, and their note */
  recordedBy?: string | null
  recordedAt?: string | null
  note?: string | null
  /** VTEX ID's renew answer, `creationDateToken`: when the token in use was created */
  tokenCreatedAt?: string | null
  /** `creationDateNewToken`: when the new token was created */
  newTokenCreatedAt?: string | null
  /** `expirationPeriod`: days the token stays valid by the account's token duration */
  expirationPeriodDays?: number | null
  /**
   * When VTEX answered, asked to finish this renewal, that none was pending (404): it was
   * finished or undone elsewhere. The renewal no longer counts as unfinished; the token age
   * stays where it was until an admin records the renewal.
   */
  vtexNotPendingAt?: string | null
  /**
   * When Key Steward asked VTEX to renew and never learned the answer (timed out or cut off
   * after the request was sent): VTEX may have started a renewal whose new token nobody saw.
   * `startedAt`/`startedBy` say who asked and when. Never holds a token.
   */
  outcomeUnknownAt?: string | null
  /**
   * The renewal before this one, while this one is open: the token in use dates from it, so the
   * token's age does not jump back to the key's creation when a renewal starts.
   */
  previousRenewalAt?: string | null
  previousSource?: 'KEY_STEWARD' | 'RECORDED' | null
}

/** What the domain reads of a stored storefront scan (node/scanner/types.ts LeakScanResult). */
export interface StoredScan {
  at: string
  exposures: Exposure[]
  /** absent on scans stored before it existed: see scanCompleteness */
  complete?: boolean
  unreadCount?: number
  pagesScanned?: number
  errors?: Array<{ reason: string }>
}

/** Everything a rule may look at. Plain data; `now` is given, never read. */
export interface PolicyInput {
  account: string
  now: Date
  inventory: Inventory
  settings: Settings
  annotations: Record<string, Annotation>
  renewals: Record<string, Renewal>
  /** completion time of the latest completed access review, if any */
  lastReviewCompletedAt: string | null
  /** exposures found by the latest storefront scan, if one ran (with those kept from earlier
   * scans for URLs it could not read, each with its lastSeenAt) */
  leakScan?: StoredScan | null
}

/** What a rule may read of the input besides `inventory.keys` (engine.ts inputPart). */
export type InputPart =
  | 'users'
  | 'externalKeys'
  | 'settings'
  | 'annotations'
  | 'renewals'
  | 'now'
  | 'lastReview'
  | 'leakScan'
  | 'account'

export interface Rule {
  id: string
  practice: Practice
  /** the severities it can report, most severe first */
  severities: Severity[]
  /** how it decides, for docs and the UI */
  docs: string
  /**
   * The parts of the input it reads besides the key list. The engine reuses its findings while
   * they are the same (engine.ts): the service evaluates the same copy each minute, and only
   * the rules reading `now` (or a document that changed) need to run again. A test runs every
   * rule on an input whose other parts throw when read.
   */
  reads: readonly InputPart[]
  /** reports its findings (key findings with the key's position: report.ts) */
  evaluate(input: PolicyInput, shared: SharedFacts, report: Report): void
}

/**
 * Facts several rules need, computed once per evaluation (keeps the engine linear). The arrays
 * are by key position: entry i belongs to `input.inventory.keys[i]`.
 */
export interface SharedFacts extends KeyFacts {
  /** each key's label is generic by these generic labels (labels.ts isGenericLabel) */
  genericByKey: boolean[]
  /** each key's annotation, if any */
  annotations: Array<Annotation | undefined>
  /** each key's latest renewal, if any */
  renewals: Array<Renewal | undefined>
  /** roleGrants.ts decisions, memoized per role */
  grantsEverything(role: RoleInfo): boolean
  managesKeys(role: RoleInfo): boolean
}
