import type { KeyFinding, Severity } from './types'
import { worstSeverity } from './types'

const f = (severity: Severity): KeyFinding => ({
  rule: 'r',
  severity,
  message: 'm',
})

describe('worstSeverity (the badge of a key’s row)', () => {
  it.each<[Severity[], Severity | null]>([
    [[], null],
    [['LOW'], 'LOW'],
    [['LOW', 'CRITICAL', 'MEDIUM'], 'CRITICAL'],
    [['INFO', 'HIGH', 'HIGH'], 'HIGH'],
    [['MEDIUM', 'INFO'], 'MEDIUM'],
  ])('%j → %s', (severities, expected) => {
    expect(worstSeverity(severities.map(f))).toBe(expected)
  })
})
