import type { KeyAction, Severity } from '../types'

export type Decision = 'KEEP' | 'ROTATE' | 'REDUCE_ROLES' | 'DEACTIVATE'
export const DECISIONS: Decision[] = ['KEEP', 'ROTATE', 'REDUCE_ROLES', 'DEACTIVATE']
export type CheckStatus = 'OPEN' | 'DONE' | 'NOT_APPLICABLE'

export interface ChecklistItem {
  practice: string
  status: CheckStatus
  note: string
  checkedBy: string | null
  checkedAt: string | null
  attested: boolean
  evidence: Array<{ id: string; value: string; ok: boolean }>
}

/** An action done through Key Steward that carried out a decision. */
export interface CarriedOut { action: KeyAction; detail: string; by: string; at: string }

export interface ReviewKey {
  id: string
  appKey: string
  label: string
  isActive: boolean
  ageDays: number
  roles: string[]
  risky: boolean
  findings: Array<{ rule: string; severity: Severity }>
  decision: { decision: Decision; justification: string; decidedBy: string; decidedAt: string; carriedOut?: CarriedOut[]; carryOutStatus?: 'NOT_STARTED' | 'IN_PROGRESS' | 'CARRIED_OUT' } | null
}

export interface Review {
  id: string
  status: 'OPEN' | 'COMPLETED'
  startedAt: string
  startedBy: string
  inventoryComplete: boolean
  progress: { keysTotal: number; keysDecided: number; practicesTotal: number; practicesClosed: number }
  checklist: ChecklistItem[]
  keys: ReviewKey[]
}

export interface ReviewSummary { id: string; startedAt: string; completedAt: string; signedBy: string; keys: number }
