// Reminders an admin sees in Key Steward, computed from plain data: review due soon or overdue,
// keys that crossed their rotation period since the last scan, renewals left unfinished, renewals
// that may be pending (VTEX's answer to renew never arrived: check VTEX's Admin), and a daily
// scan that is failing (registration refused, or its last run failed).
// Snoozed reminders stay hidden until their snooze ends.
import { addDays, ageInDays, isReviewOverdue, nextReviewDue } from '../age'
import { renewalStatus } from '../renewals'
import type { Renewal } from '../rules/types'
import type { Changes } from './snapshot'

export const DEFAULT_REMIND_BEFORE_DAYS = 14

export type ReminderKind =
  | 'REVIEW_DUE_SOON'
  | 'REVIEW_OVERDUE'
  | 'KEYS_CROSSED_ROTATION'
  | 'RENEWALS_UNFINISHED'
  | 'RENEWALS_POSSIBLY_PENDING'
  | 'DAILY_SCAN_FAILING'

export interface Reminder {
  /** stable while the situation is the same, so a snooze sticks to it */
  id: string
  kind: ReminderKind
  count: number
  /** due date for review reminders */
  dueDate: string | null
  /** keys concerned (id and label) */
  subjects: Array<{ id: string; label: string }>
}

export interface ReminderInput {
  now: Date
  reviewCadenceDays: number
  remindBeforeDays: number
  lastReviewCompletedAt: string | null
  /** a review is open: no "start the review" reminder while someone is working on it */
  reviewOpen?: boolean
  changes: Changes | null
  unfinishedRenewals: Array<{ id: string; label: string }>
  /** active keys whose renew request got no answer: VTEX may have a renewal pending */
  possiblyPendingRenewals?: Array<{ id: string; label: string }>
  snoozes: Record<string, string>
  /** the daily scan's failure, if any (domain/scan/scanStatus.ts scanFailure) */
  scanFailure?: { at: string; problem: string | null } | null
}

export function computeReminders(input: ReminderInput): Reminder[] {
  const out: Reminder[] = []
  const last = input.lastReviewCompletedAt
  const due = nextReviewDue(last, input.reviewCadenceDays)

  if (input.reviewOpen) {
    // The review page shows its progress; a due or overdue banner would send admins to start one.
  } else if (
    !due ||
    isReviewOverdue(last, input.reviewCadenceDays, input.now)
  ) {
    out.push({
      id: `review-overdue:${last ?? 'never'}`,
      kind: 'REVIEW_OVERDUE',
      count: 1,
      dueDate: due?.toISOString() ?? null,
      subjects: [],
    })
  } else if (
    ageInDays(input.now.toISOString(), due) <= input.remindBeforeDays
  ) {
    out.push({
      id: `review-due:${due.toISOString().slice(0, 10)}`,
      kind: 'REVIEW_DUE_SOON',
      count: 1,
      dueDate: due.toISOString(),
      subjects: [],
    })
  }

  const crossed = input.changes?.keysCrossedRotation ?? []

  if (crossed.length)
    out.push({
      id: `crossed:${input.changes!.to.slice(0, 10)}`,
      kind: 'KEYS_CROSSED_ROTATION',
      count: crossed.length,
      dueDate: null,
      subjects: crossed,
    })
  if (input.unfinishedRenewals.length) {
    out.push({
      id: `renewals:${input.unfinishedRenewals
        .map((r) => r.id)
        .sort()
        .join(',')
        .slice(0, 200)}`,
      kind: 'RENEWALS_UNFINISHED',
      count: input.unfinishedRenewals.length,
      dueDate: null,
      subjects: input.unfinishedRenewals,
    })
  }

  const possibly = input.possiblyPendingRenewals ?? []

  if (possibly.length) {
    out.push({
      id: `renewals-possibly-pending:${possibly
        .map((r) => r.id)
        .sort()
        .join(',')
        .slice(0, 200)}`,
      kind: 'RENEWALS_POSSIBLY_PENDING',
      count: possibly.length,
      dueDate: null,
      subjects: possibly,
    })
  }

  if (input.scanFailure) {
    out.push({
      id: `scan-failing:${
        input.scanFailure.problem ?? 'unknown'
      }:${input.scanFailure.at.slice(0, 10)}`,
      kind: 'DAILY_SCAN_FAILING',
      count: 1,
      dueDate: null,
      subjects: [],
    })
  }

  return out.filter(
    (r) =>
      !(
        input.snoozes[r.id] &&
        Date.parse(input.snoozes[r.id]) > input.now.getTime()
      )
  )
}

export function snoozeUntil(now: Date, days: number): string {
  return addDays(now, days).toISOString()
}

/**
 * Active keys whose renewal may be pending: Key Steward asked VTEX to renew and the answer never
 * came. The renewal-unfinished rule counts only renewals VTEX confirmed; these are named apart,
 * asking the admin to check VTEX's Admin (the key's page says the same).
 */
export function possiblyPendingRenewals(
  keys: Array<{ id: string; appKey: string; label: string; isActive: boolean }>,
  renewals: Record<string, Renewal> | null
): Array<{ id: string; label: string }> {
  if (!renewals) return []

  return keys
    .filter(
      (k) => k.isActive && renewalStatus(renewals[k.id]) === 'POSSIBLY_PENDING'
    )
    .map((k) => ({ id: k.id, label: k.label || k.appKey }))
}
