import { groupBySubject } from './groupFindings'
import type { Finding } from '../types'

const f = (
  subjectId: string,
  rule: string,
  severity: Finding['severity'],
  subjectType: Finding['subjectType'] = 'KEY'
): Finding => ({
  subjectId,
  rule,
  severity,
  practice: 'ROTATE_KEYS',
  subjectType,
  subjectLabel: subjectId,
  message: `${rule} on ${subjectId}`,
  neverReviewed: null,
})

describe('groupBySubject', () => {
  it('lists a key with several findings once, with its worst finding and all of them', () => {
    const groups = groupBySubject([
      f('owner-key', 'owner-role', 'CRITICAL'),
      f('k2', 'exposed-client-side', 'HIGH'),
      f('owner-key', 'can-manage-keys', 'HIGH'),
      f('owner-key', 'no-owner', 'INFO'),
    ])

    expect(groups.map((g) => g.subjectId)).toEqual(['owner-key', 'k2'])
    expect(groups[0].worst.rule).toBe('owner-role')
    expect(groups[0].findings.map((x) => x.rule)).toEqual([
      'owner-role',
      'can-manage-keys',
      'no-owner',
    ])
  })

  it('keeps subjects of different types apart even with the same id', () => {
    expect(
      groupBySubject([
        f('x', 'owner-role', 'CRITICAL'),
        f('x', 'user-owner-role', 'MEDIUM', 'USER'),
      ])
    ).toHaveLength(2)
  })
})
