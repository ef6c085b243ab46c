import { noOwner } from './noOwner'
import { Report } from './report'

const key = (id: string, label: string) => ({
  id,
  appKey: `vtexappkey-acme-${id.toUpperCase()}`,
  label,
  createdAt: '2026-01-01T00:00:00Z',
  createdMs: Date.parse('2026-01-01T00:00:00Z'),
  isActive: true,
  ageDays: 0,
  rolesKnown: true,
  roles: [],
})

describe('Report', () => {
  const keys = [key('k1', ''), key('k2', 'ERP')]

  it('makes a key finding from the key at the position given: named by its label, or its appKey when it has none, with the params given', () => {
    const report = new Report(noOwner, keys)

    report.key(0, 'INFO', { count: 2 })
    report.key(1, 'INFO')

    expect(report.findings).toEqual([
      {
        rule: 'no-owner',
        severity: 'INFO',
        practice: noOwner.practice,
        subjectType: 'KEY',
        subjectId: 'k1',
        subjectLabel: 'vtexappkey-acme-K1',
        params: { count: 2 },
      },
      expect.objectContaining({
        subjectId: 'k2',
        subjectLabel: 'ERP',
        params: {},
      }),
    ])
    expect(report.at).toEqual([0, 1])
    expect(report.inKeyOrder).toBe(true)
  })

  it('refuses a position that holds no key, and tells when positions went back', () => {
    const report = new Report(noOwner, keys)

    expect(() => report.key(2, 'INFO')).toThrow(
      'no-owner: no key at position 2'
    )
    expect(() => report.key(-1, 'INFO')).toThrow(RangeError)
    report.key(1, 'INFO')
    report.key(0, 'INFO')
    expect(report.inKeyOrder).toBe(false)
    expect(report.findings).toHaveLength(2)
  })

  it('keeps other findings with no key position', () => {
    const report = new Report(noOwner, keys)
    const f = {
      ...new Report(noOwner, keys).findings[0],
      rule: 'review-overdue',
      severity: 'HIGH' as const,
      practice: 'REASSESS_ACCESS' as const,
      subjectType: 'ACCOUNT' as const,
      subjectId: 'acme',
      subjectLabel: 'acme',
      params: {},
    }

    report.other(f)
    expect(report.findings).toEqual([f])
    expect(report.at).toEqual([-1])
  })
})
