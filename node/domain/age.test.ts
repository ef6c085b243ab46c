import { ageInDays } from './age'

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
