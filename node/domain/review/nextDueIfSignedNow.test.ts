import { nextDueFrom } from './nextDueIfSignedNow'

const NOW = new Date('2026-11-28T07:30:00.000Z')

describe('nextDueFrom', () => {
  it('is the cadence from now, at the settings’ limits too', () => {
    expect(nextDueFrom(NOW, 90)).toBe('2027-02-26T07:30:00.000Z')
    expect(nextDueFrom(NOW, 7)).toBe('2026-12-05T07:30:00.000Z')
    expect(nextDueFrom(NOW, 365)).toBe('2027-11-28T07:30:00.000Z')
  })

  // attack9 #1: a damaged settings document gave an invalid date, which failed the field
  it.each([
    [1e300],
    [-1e300],
    [Infinity],
    [NaN],
    ['90'],
    [null],
    [undefined],
    [{}],
  ])('gives no date for a cadence of %p', (cadence) => {
    expect(nextDueFrom(NOW, cadence)).toBeNull()
  })
})
