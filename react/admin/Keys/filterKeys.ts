// Search, filters, sort and paging of the key table: pure, so it is tested directly and stays
// fast at thousands of keys (one pass to filter, one sort, a slice per page).
import { ApiKey, Severity, SEVERITIES, worstSeverity } from '../types'

export type SortField = 'label' | 'createdAt' | 'ageDays' | 'severity'
export type Status = 'all' | 'active' | 'inactive'

export interface KeyQuery {
  search: string
  severity: Severity | ''
  rule: string
  status: Status
  roleId: number | null
  sort: SortField
  descending: boolean
  page: number
  pageSize: number
}

export const DEFAULT_QUERY: KeyQuery = { search: '', severity: '', rule: '', status: 'all', roleId: null, sort: 'severity', descending: false, page: 1, pageSize: 100 }
export const PAGE_SIZES = [25, 50, 100, 250, 500]

const rank = (k: ApiKey) => {
  const worst = worstSeverity(k.findings)
  return worst ? SEVERITIES.indexOf(worst) : SEVERITIES.length
}

export function filterKeys(keys: ApiKey[], q: KeyQuery): ApiKey[] {
  const needle = q.search.trim().toLowerCase()
  return keys.filter(k =>
    (!needle || k.label.toLowerCase().includes(needle) || k.appKey.toLowerCase().includes(needle) || k.roles.some(r => r.name.toLowerCase().includes(needle)))
    && (!q.severity || k.findings.some(f => f.severity === q.severity))
    && (!q.rule || k.findings.some(f => f.rule === q.rule))
    && (q.status === 'all' || (q.status === 'active') === k.isActive)
    && (q.roleId === null || k.roles.some(r => r.id === q.roleId)))
}

export function sortKeys(keys: ApiKey[], field: SortField, descending: boolean): ApiKey[] {
  const dir = descending ? -1 : 1
  const by: Record<SortField, (a: ApiKey, b: ApiKey) => number> = {
    label: (a, b) => a.label.localeCompare(b.label),
    createdAt: (a, b) => a.createdAt.localeCompare(b.createdAt),
    ageDays: (a, b) => a.ageDays - b.ageDays,
    severity: (a, b) => rank(a) - rank(b) || b.ageDays - a.ageDays,
  }
  return [...keys].sort((a, b) => dir * by[field](a, b) || a.label.localeCompare(b.label))
}

export function pageOf<T>(items: T[], page: number, pageSize: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / pageSize))
  const current = Math.min(Math.max(1, page), pages)
  return { items: items.slice((current - 1) * pageSize, current * pageSize), page: current, pages }
}

export function queryKeys(keys: ApiKey[], q: KeyQuery) {
  const filtered = filterKeys(keys, q)
  return { total: filtered.length, ...pageOf(sortKeys(filtered, q.sort, q.descending), q.page, q.pageSize) }
}
