import { scanClock, scanTime, signOffTime } from './scanTime'

describe('scanTime', () => {
  it('writes a daily scan time in UTC on a 24-hour clock, like "Every day at 06:00 UTC"', () => {
    expect(scanTime('en', '2026-11-27T06:00:00Z')).toBe(
      'Nov 27, 2026, 06:00 UTC'
    )
    expect(scanTime('es-AR', '2026-11-27T06:00:00Z')).toMatch(/06:00 UTC$/)
    expect(scanTime('pt-BR', '2026-11-27T06:00:00Z')).toMatch(/06:00 UTC$/)
  })

  it('writes midnight as 00:00, not 24:00', () =>
    expect(scanTime('en', '2026-11-27T00:00:00Z')).toBe(
      'Nov 27, 2026, 00:00 UTC'
    ))
})

describe('scanClock', () => {
  it('writes only the time, in UTC on a 24-hour clock, and says UTC', () => {
    expect(scanClock('en', '2026-11-26T12:00:00Z')).toBe('12:00 UTC')
    expect(scanClock('pt-BR', '2026-11-26T23:30:00Z')).toBe('23:30 UTC')
    expect(scanClock('es-AR', '2026-11-27T00:00:00Z')).toBe('00:00 UTC')
  })
})

describe('signOffTime', () => {
  it('writes the day and time of a sign-off in UTC, saying so, the day not padded', () => {
    expect(signOffTime('en', '2026-11-07T12:00:00Z')).toBe(
      'November 7, 2026 at 12:00 UTC'
    )
    expect(signOffTime('pt-BR', '2026-11-26T23:30:00Z')).toBe(
      '26 de novembro de 2026 às 23:30 UTC'
    )
    expect(signOffTime('es-AR', '2026-11-27T00:00:00Z')).toBe(
      '27 de noviembre de 2026 a las 00:00 UTC'
    )
  })
})
