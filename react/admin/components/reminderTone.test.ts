import { reminderTone } from './reminderTone'

describe('reminderTone', () => {
  it('shows an unfinished renewal (a Medium finding) as a warning, not an error', () =>
    expect(reminderTone({ kind: 'RENEWALS_UNFINISHED' })).toBe('warning'))

  it('keeps keys past their rotation period, a failing daily scan and an overdue review red', () => {
    expect(reminderTone({ kind: 'KEYS_CROSSED_ROTATION' })).toBe('error')
    expect(reminderTone({ kind: 'DAILY_SCAN_FAILING' })).toBe('error')
    expect(
      reminderTone({ kind: 'REVIEW_OVERDUE', dueDate: '2026-11-01' })
    ).toBe('error')
  })

  it('shows a review due soon, or never done, as a warning', () => {
    expect(reminderTone({ kind: 'REVIEW_DUE_SOON' })).toBe('warning')
    expect(reminderTone({ kind: 'REVIEW_OVERDUE', dueDate: null })).toBe(
      'warning'
    )
  })
})
