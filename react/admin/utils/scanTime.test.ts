import { scanTime } from './scanTime'

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
