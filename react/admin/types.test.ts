import { worstSeverity } from './types'

const f = (severity: string) =>
  ({ rule: 'r', severity, practice: 'ROTATE_KEYS', message: 'm' } as never)

describe('worstSeverity (the badge of a key’s row)', () => {
  it.each([
    [[], null],
    [['LOW'], 'LOW'],
    [['LOW', 'CRITICAL', 'MEDIUM'], 'CRITICAL'],
    [['INFO', 'HIGH', 'HIGH'], 'HIGH'],
    [['MEDIUM', 'INFO'], 'MEDIUM'],
  ])('%j → %s', (severities, expected) => {
    expect(worstSeverity((severities as string[]).map(f))).toBe(expected)
  })
})
