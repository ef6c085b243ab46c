import {
  ageInDays,
  isReviewOverdue,
  nextReviewDue,
  nextReviewDueAt,
  parseTime,
} from './age'
import { run } from './testing/build'
import { reviewOverdue } from './rules/reviewOverdue'
import { computeReminders } from './scan/reminders'
import { policyInputFromFixture } from './testing/fromFixture'

const now = new Date('2026-11-26T12:00:00Z')

describe('ageInDays', () => {
  it.each([
    ['2026-11-26T12:00:00Z', 0],
    ['2026-11-26T00:00:00Z', 0],
    ['2026-11-25T12:00:00Z', 1],
    ['2026-11-25T12:00:01Z', 0],
    ['2026-08-28T12:00:00Z', 90],
    ['2026-08-27T12:00:00Z', 91],
    ['2025-11-26T12:00:00Z', 365],
  ])('from %s is %d days', (since, days) => {
    expect(ageInDays(since, now)).toBe(days)
  })

  it('is never negative for a date in the future (clock skew)', () => {
    expect(ageInDays('2026-12-01T00:00:00Z', now)).toBe(0)
  })

  it('refuses something that is not a date', () => {
    expect(() => ageInDays('yesterday', now)).toThrow('not a date')
  })
})

describe('one definition of overdue', () => {
  const last = '2026-08-01T00:00:00.000Z'
  const at = (days: number) => new Date(Date.parse(last) + days * 86_400_000)

  it('day 90 (and 90.5) of a 90-day cadence is on time; day 91 is overdue', () => {
    expect(isReviewOverdue(last, 90, at(90))).toBe(false)
    expect(isReviewOverdue(last, 90, at(90.5))).toBe(false)
    expect(isReviewOverdue(last, 90, at(91))).toBe(true)
    expect(isReviewOverdue(null, 90, at(0))).toBe(true)
  })

  it('the rule, the reminder and the due date agree at 90.5 and at 91 days', () => {
    for (const days of [90.5, 91]) {
      const now = at(days)
      const input = {
        ...policyInputFromFixture(),
        now,
        lastReviewCompletedAt: last,
        settings: {
          ...policyInputFromFixture().settings,
          reviewCadenceDays: 90,
        },
      }

      const ruleSays = run(reviewOverdue, input).length > 0

      const reminderSays = computeReminders({
        now,
        reviewCadenceDays: 90,
        remindBeforeDays: 14,
        lastReviewCompletedAt: last,
        changes: null,
        unfinishedRenewals: [],
        snoozes: {},
      }).some((r) => r.kind === 'REVIEW_OVERDUE')

      expect([ruleSays, reminderSays]).toEqual([days >= 91, days >= 91])
    }

    expect(nextReviewDue(last, 90)?.toISOString()).toBe(
      '2026-10-30T00:00:00.000Z'
    )
  })
})

describe('nextReviewDueAt', () => {
  it('gives the due date as text, and none when the last sign-off leaves no valid date', () => {
    expect(nextReviewDueAt('2026-08-01T00:00:00.000Z', 90)).toBe(
      '2026-10-30T00:00:00.000Z'
    )
    expect(nextReviewDueAt(null, 90)).toBeNull()
    // the last day a Date holds: a cadence after it is no date (toISOString threw)
    expect(nextReviewDueAt('+275760-09-13T00:00:00.000Z', 90)).toBeNull()
    expect(nextReviewDueAt('+275760-06-01T00:00:00.000Z', 7)).toBe(
      '+275760-06-08T00:00:00.000Z'
    )
  })
})

describe('parseTime', () => {
  it('answers as Date.parse does for every day from 1900 to 2100, at any time, with any fraction', () => {
    const day = 86_400_000
    let seed = 11
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    const differ: string[] = []
    let checked = 0

    for (let d = Date.UTC(1900, 0, 1); d < Date.UTC(2101, 0, 1); d += day) {
      const at = new Date(d + Math.floor(random() * day)).toISOString()

      for (const s of [
        at, // with milliseconds
        at.replace(/\.\d+Z$/, 'Z'),
        at.replace(/\.\d+Z$/, `.${Math.floor(random() * 1e7)}Z`), // VTEX: 7 digits
      ]) {
        checked++
        if (!Object.is(parseTime(s), Date.parse(s))) differ.push(s)
      }
    }

    expect(checked).toBeGreaterThan(200_000)
    expect(differ).toEqual([])
  })

  it('leaves every other form to Date.parse', () => {
    const forms = [
      '2018-07-04T14:09:08.2718405Z', // License Manager's createdIn
      '2019-12-11T21:06:33', // no zone: local time
      '2021-10-21T20:00:21.308679',
      '2021-10-21T20:00:21+03:00',
      '2026-02-30T00:00:00Z', // Date.parse rolls these over
      '2026-01-01T24:00:00Z',
      '2026-13-01T00:00:00Z',
      '2021-10-21T20:00:21.Z',
      '2021-10-21 20:00:21Z',
      '0000-01-01T00:00:00Z',
      'not a date',
      '',
    ]

    expect(forms.map((s) => [s, parseTime(s)])).toEqual(
      forms.map((s) => [s, Date.parse(s)])
    )
  })
})
