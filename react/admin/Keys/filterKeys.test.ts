import { inventory, key, OWNER_KEY, STALE, UNKNOWN_ROLES } from '../testing/data'
import { DEFAULT_QUERY, filterKeys, pageOf, queryKeys, sortKeys } from './filterKeys'

const keys = [...inventory().keys, UNKNOWN_ROLES, key({ id: 'k-off', label: 'Old feed', isActive: false, ageDays: 400 })]
const labels = (ks: Array<{ label: string }>) => ks.map(k => k.label)

describe('filterKeys', () => {
  it.each([
    [{ search: 'legacy' }, ['Legacy OMS export']],
    [{ search: 'OWNERK' }, ['Agency deploy pipeline']],
    [{ search: 'call center' }, ['ERP orders sync', 'Legacy OMS export', 'Old feed']],
    [{ severity: 'CRITICAL' as const }, ['Agency deploy pipeline']],
    [{ rule: 'key-age-exceeded' }, ['Legacy OMS export']],
    [{ status: 'inactive' as const }, ['Old feed']],
    [{ roleId: 1 }, ['Agency deploy pipeline']],
  ])('%o', (change, expected) => {
    expect(labels(filterKeys(keys, { ...DEFAULT_QUERY, ...change }))).toEqual(expected)
  })
})

describe('sortKeys', () => {
  it('puts the worst findings first by default, then the oldest', () => {
    expect(labels(sortKeys(keys, 'severity', false)).slice(0, 2)).toEqual([OWNER_KEY.label, STALE.label])
  })
  it('sorts by age both ways', () => {
    expect(sortKeys(keys, 'ageDays', true)[0].label).toBe('Old feed')
    expect(sortKeys(keys, 'ageDays', false)[0].ageDays).toBeLessThanOrEqual(sortKeys(keys, 'ageDays', false)[1].ageDays)
  })
})

describe('paging', () => {
  it('clamps the page and counts pages', () => {
    const items = Array.from({ length: 60 }, (_, i) => i)
    expect(pageOf(items, 3, 25)).toEqual({ items: items.slice(50), page: 3, pages: 3 })
    expect(pageOf(items, 9, 25).page).toBe(3)
    expect(pageOf([], 1, 25)).toEqual({ items: [], page: 1, pages: 1 })
  })
  it('stays quick on 5,000 keys (one filter pass, one sort, one slice)', () => {
    const many = Array.from({ length: 5000 }, (_, i) => key({ id: `k${i}`, label: `Integration ${i}`, ageDays: i % 400 }))
    const result = queryKeys(many, { ...DEFAULT_QUERY, search: 'integration 4', page: 2, pageSize: 25 })
    expect(result.total).toBe(1111)
    expect(result.items).toHaveLength(25)
  })
})
