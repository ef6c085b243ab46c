import type { KeyAction, Severity } from '../types'

export type Decision = 'KEEP' | 'ROTATE' | 'REDUCE_ROLES' | 'DEACTIVATE'
export const DECISIONS: Decision[] = [
  'KEEP',
  'ROTATE',
  'REDUCE_ROLES',
  'DEACTIVATE',
]
export type CheckStatus = 'OPEN' | 'DONE' | 'NOT_APPLICABLE'

export interface ChecklistItem {
  practice: string
  status: CheckStatus
  note: string
  checkedBy: string | null
  checkedAt: string | null
  attested: boolean
  adverse: boolean
  doneNeeds: 'ATTESTATION_NOTE' | 'ADVERSE_NOTE' | 'FRESH_SCAN' | null
  evidence: Array<{ id: string; value: string; ok: boolean; keyIds: string[] }>
}

/** An action done through Key Steward that carried out a decision. */
export interface CarriedOut {
  action: KeyAction
  detail: string
  by: string
  at: string
}

export interface ReviewKey {
  id: string
  appKey: string
  label: string
  isActive: boolean
  ageDays: number
  roles: string[]
  risky: boolean
  external?: boolean
  account?: string | null
  findings: Array<{ rule: string; severity: Severity }>
  decision: {
    decision: Decision
    justification: string
    decidedBy: string
    decidedAt: string
    carriedOut?: CarriedOut[]
    carryOutStatus?: 'NOT_STARTED' | 'IN_PROGRESS' | 'CARRIED_OUT'
  } | null
}

/** The practices of VTEX's guide (GraphQL enum Practice). */
export type Practice =
  | 'ROTATE_KEYS'
  | 'RENEW_TOKENS'
  | 'REASSESS_ACCESS'
  | 'INDIVIDUAL_KEYS'
  | 'AWARENESS'
  | 'NO_CLIENT_SIDE'
  | 'NO_SHARING'

export interface Progress {
  keysTotal: number
  keysDecided: number
  practicesTotal: number
  practicesClosed: number
  openPractices: Practice[]
  decisionCounts: Array<{ decision: Decision; count: number }>
}

export interface Review {
  id: string
  status: 'OPEN' | 'COMPLETED'
  startedAt: string
  startedBy: string
  completedAt: string | null
  signedBy: string | null
  signatureNote: string | null
  inventoryComplete: boolean
  leakScanAt: string | null
  progress: Progress
  checklist: ChecklistItem[]
  auditTotal?: number
  audit?: Array<{
    at: string
    by: string
    action: string
    subject: string
    detail: string
  }>
}

export type DecisionStatus = 'ALL' | 'UNDECIDED' | 'DECIDED'
export type DecisionSort = 'RISK' | 'LABEL' | 'AGE'
export interface DecisionFilter {
  status?: DecisionStatus
  severity?: Severity
  rule?: string
  withoutFindings?: boolean
  risky?: boolean
  search?: string
}

export interface ReviewSummary {
  id: string
  startedAt: string
  completedAt: string
  signedBy: string
  keys: number
}
