import type { Finding, Practice, Severity } from '../findings'
import type { Settings } from '../settings'
import type { Inventory } from '../types'
import type { Exposure } from '../leaks/scanText'

/** What an admin recorded about a key (stored by Key Steward). */
export interface Annotation {
  owner?: string
  integrations?: string[]
  purpose?: string
  notes?: string
}

/** A token renewal Key Steward knows of (started through it, or recorded). */
export interface Renewal {
  startedAt: string
  finishedAt: string | null
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

export interface Rule {
  id: string
  practice: Practice
  /** the severities it can report, most severe first */
  severities: Severity[]
  /** how it decides, for docs and the UI */
  docs: string
  evaluate(input: PolicyInput, shared: SharedFacts): Finding[]
}

/** Facts several rules need, computed once per evaluation (keeps the engine linear). */
export interface SharedFacts {
  genericLabels: Set<string>
  /** number of keys per duplicate-key of their label */
  labelCounts: Map<string, number>
}
