import { compareCreated } from './creationOrder'

const order = (times: string[]) =>
  [...times].sort((a, b) => compareCreated(Date.parse(a), Date.parse(b)))

describe('compareCreated: the created sort compares times, not text', () => {
  it('puts a later time of the same second after, whatever its precision', () => {
    expect(order(['2026-01-10T09:00:08.270Z', '2026-01-10T09:00:08Z'])).toEqual(
      ['2026-01-10T09:00:08Z', '2026-01-10T09:00:08.270Z']
    )
  })

  it('reads an offset: 11:00 at +02:00 is before 10:00 UTC', () => {
    expect(
      order(['2026-01-10T10:00:00Z', '2026-01-10T11:00:00+02:00'])
    ).toEqual(['2026-01-10T11:00:00+02:00', '2026-01-10T10:00:00Z'])
  })

  it('puts a time that cannot be read after every readable one, and ties two of them', () => {
    expect(order(['not a time', '2026-01-10T10:00:00Z'])).toEqual([
      '2026-01-10T10:00:00Z',
      'not a time',
    ])
    expect(compareCreated(NaN, NaN)).toBe(0)
    expect(compareCreated(5, 5)).toBe(0)
  })
})
