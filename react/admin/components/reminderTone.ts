// A reminder's colour, from the severity of the finding behind it, as the findings' badges are
// coloured: a Medium finding (an unfinished renewal, walk 11 #14) is a yellow warning, not a red
// error. Keys past their rotation period can be HIGH, a failing daily scan leaves every warning
// stale, and an overdue review is past its date: those stay red. A review never done is due now,
// not overdue (it shows on the day of install), and one due soon is not due yet.
import type { ReminderKind } from '../graphql/types.generated'

export type ReminderTone = 'warning' | 'error'

const TONE: Record<ReminderKind, ReminderTone> = {
  REVIEW_DUE_SOON: 'warning',
  REVIEW_OVERDUE: 'error',
  KEYS_CROSSED_ROTATION: 'error',
  RENEWALS_UNFINISHED: 'warning',
  RENEWALS_POSSIBLY_PENDING: 'warning',
  DAILY_SCAN_FAILING: 'error',
}

export function reminderTone(r: {
  kind: ReminderKind
  dueDate?: string | null
}): ReminderTone {
  if (r.kind === 'REVIEW_OVERDUE' && !r.dueDate) return 'warning'

  return TONE[r.kind]
}
