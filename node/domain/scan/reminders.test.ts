import type { ReminderInput } from './reminders'
import {
  computeReminders,
  possiblyPendingRenewals,
  snoozeUntil,
} from './reminders'
import type { Renewal } from '../rules/types'

const NOW = new Date('2026-11-26T12:00:00Z')
const DAY = 86_400_000
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString()
const input = (o: Partial<ReminderInput> = {}): ReminderInput => ({
  now: NOW,
  reviewCadenceDays: 90,
  remindBeforeDays: 14,
  lastReviewCompletedAt: ago(10),
  changes: null,
  unfinishedRenewals: [],
  snoozes: {},
  ...o,
})

const kinds = (o: Partial<ReminderInput>) =>
  computeReminders(input(o)).map((r) => r.kind)

describe('computeReminders', () => {
  it.each([
    ['never reviewed', { lastReviewCompletedAt: null }, ['REVIEW_OVERDUE']],
    ['reviewed 10 days ago', {}, []],
    ['due in 15 days', { lastReviewCompletedAt: ago(75) }, []],
    [
      'due in exactly 14 days',
      { lastReviewCompletedAt: ago(76) },
      ['REVIEW_DUE_SOON'],
    ],
    ['due in 1 day', { lastReviewCompletedAt: ago(89) }, ['REVIEW_DUE_SOON']],
    [
      'due today (day 90 of a 90-day cadence): due soon, not yet overdue (one definition: domain/age.ts)',
      { lastReviewCompletedAt: ago(90) },
      ['REVIEW_DUE_SOON'],
    ],
    [
      'overdue by a day',
      { lastReviewCompletedAt: ago(91) },
      ['REVIEW_OVERDUE'],
    ],
    [
      'custom reminder window of 30 days, due in 20',
      { lastReviewCompletedAt: ago(70), remindBeforeDays: 30 },
      ['REVIEW_DUE_SOON'],
    ],
    // Issue 11: "Start the review" while a review is open sends admins the wrong way.
    [
      'never reviewed, a review open',
      { lastReviewCompletedAt: null, reviewOpen: true },
      [],
    ],
    [
      'overdue, a review open',
      { lastReviewCompletedAt: ago(120), reviewOpen: true },
      [],
    ],
    [
      'due soon, a review open',
      { lastReviewCompletedAt: ago(80), reviewOpen: true },
      [],
    ],
  ])('%s', (_, o, expected) => {
    expect(kinds(o as Partial<ReminderInput>)).toEqual(expected)
  })

  it('lists keys that crossed the rotation period since the last scan and unfinished renewals', () => {
    const changes = {
      from: ago(1),
      to: NOW.toISOString(),
      keysCreated: [],
      keysRemoved: [],
      keysDeactivated: [],
      keysReactivated: [],
      rolesAdded: [],
      rolesRemoved: [],
      keysCrossedRotation: [{ id: 'k1', label: 'ERP' }],
      rolesNotCompared: [],
    }

    const r = computeReminders(
      input({ changes, unfinishedRenewals: [{ id: 'k2', label: 'Feed' }] })
    )

    expect(r.map((x) => [x.kind, x.count])).toEqual([
      ['KEYS_CROSSED_ROTATION', 1],
      ['RENEWALS_UNFINISHED', 1],
    ])
  })

  it('hides a snoozed reminder until the snooze ends', () => {
    const { id } = computeReminders(input({ lastReviewCompletedAt: null }))[0]

    expect(
      kinds({
        lastReviewCompletedAt: null,
        snoozes: { [id]: snoozeUntil(NOW, 7) },
      })
    ).toEqual([])
    expect(
      kinds({ lastReviewCompletedAt: null, snoozes: { [id]: ago(1) } })
    ).toEqual(['REVIEW_OVERDUE'])
    expect(snoozeUntil(NOW, 7)).toBe('2026-12-03T12:00:00.000Z')
  })
})

// walk16 #7: a renewal whose answer never arrived is named too, apart from the unfinished ones
describe('renewals that may be pending', () => {
  const key = (id: string, isActive = true, label = `Key ${id}`) => ({
    id,
    appKey: `vtexappkey-acme-${id}`,
    label,
    isActive,
  })

  const possibly = {
    startedAt: ago(2),
    startedBy: 'ana@acme.com',
    outcomeUnknownAt: ago(2),
  } as unknown as Renewal

  const pending = { startedAt: ago(2), startedBy: 'ana@acme.com' } as Renewal

  it('names the active keys whose renew request got no answer, by label (else appKey)', () => {
    expect(
      possiblyPendingRenewals(
        [key('a'), key('b', false), key('c'), key('d', true, '')],
        { a: possibly, b: possibly, c: pending, d: possibly }
      )
    ).toEqual([
      { id: 'a', label: 'Key a' },
      { id: 'd', label: 'vtexappkey-acme-d' },
    ])
    expect(possiblyPendingRenewals([key('a')], null)).toEqual([])
  })

  it('gets a reminder of its own beside the unfinished ones, snoozable by its keys', () => {
    const both = computeReminders(
      input({
        unfinishedRenewals: [{ id: 'm', label: 'Magalu' }],
        possiblyPendingRenewals: [{ id: 's', label: 'Store locator' }],
      })
    )

    expect(both.map((r) => [r.kind, r.count, r.subjects])).toEqual([
      ['RENEWALS_UNFINISHED', 1, [{ id: 'm', label: 'Magalu' }]],
      ['RENEWALS_POSSIBLY_PENDING', 1, [{ id: 's', label: 'Store locator' }]],
    ])
    const id = both[1].id

    expect(
      kinds({
        possiblyPendingRenewals: [{ id: 's', label: 'Store locator' }],
        snoozes: { [id]: new Date(NOW.getTime() + DAY).toISOString() },
      })
    ).toEqual([])
  })
})
