// The key list as the Keys page asks for it (issue 13): search, filters, sort and one page, done
// here so the browser receives a hundred rows instead of every key of the account. External keys
// (another account's keys holding roles here) are rows too, marked as such. Pure: plain data in,
// rows out; one pass to filter, one sort, a slice.
import { ageInDays, parseTime } from './age'
import type { Finding, Severity } from './findings'
import { SEVERITIES } from './findings'
import type { ExternalKeyEntry, KeyEntry, UserEntry } from './types'
import { holdsOwnerRole } from './roleGrants'
import { compareLabels } from './labelOrder'
import { compareCreated } from './creationOrder'

export const KEY_SORTS = ['label', 'createdAt', 'ageDays', 'severity'] as const
export type KeySort = (typeof KEY_SORTS)[number]
export const KEY_STATUSES = ['all', 'active', 'inactive'] as const
export type KeyStatus = (typeof KEY_STATUSES)[number]
export const MAX_PAGE_SIZE = 500
export const MAX_SEARCH_LENGTH = 200
export const MAX_IDS = 500

export interface KeyListQuery {
  page: number
  pageSize: number
  search: string
  /** keys whose worst finding has this severity (what the table's severity column shows) */
  severity: Severity | null
  rule: string | null
  status: KeyStatus
  roleId: number | null
  /** only these keys (key ids, or appKeys of external keys): links that name keys open the list on them */
  ids: string[] | null
  /**
   * Keys the service picks by name, too many to list in a link (5,000 keys: a 46,000-character
   * URL): the keys an evidence line of a review counts, or the keys a reminder names.
   */
  among?: KeySelection | null
  sort: KeySort
  descending: boolean
}

/** Reminders that name keys: the list opens on the keys one names (?reminder=). */
export const KEY_REMINDERS = [
  'KEYS_CROSSED_ROTATION',
  'RENEWALS_UNFINISHED',
  'RENEWALS_POSSIBLY_PENDING',
] as const

export type KeySelection =
  | { review: string; evidence: string }
  | { reminder: (typeof KEY_REMINDERS)[number] }

export const DEFAULT_KEY_LIST: KeyListQuery = {
  page: 1,
  pageSize: 100,
  search: '',
  severity: null,
  rule: null,
  status: 'all',
  roleId: null,
  ids: null,
  sort: 'severity',
  descending: false,
}

/** A key of the account, or an external key shown in the same list. */
export type KeyRow = KeyEntry & { external: boolean; account: string | null }
/** What GraphQL's ApiKey resolves from: a key of the inventory, or a row of the key list. */
export type ApiKeyParent = KeyEntry &
  Partial<Pick<KeyRow, 'external' | 'account'>>

export interface ListPage<T> {
  rows: T[]
  total: number
  page: number
  pages: number
  pageSize: number
}

export function externalRow(e: ExternalKeyEntry, now: Date): KeyRow {
  return {
    id: e.appKey,
    appKey: e.appKey,
    label: e.account,
    createdAt: e.addedDate,
    createdMs: parseTime(e.addedDate),
    isActive: e.isActive,
    ageDays: ageInDays(e.addedDate, now),
    rolesKnown: e.rolesKnown,
    roles: e.roles,
    external: true,
    account: e.account,
  }
}

const NO_FINDING: number = SEVERITIES.length

function pageOf<T>(items: T[], page: number, pageSize: number): ListPage<T> {
  const pages = Math.max(1, Math.ceil(items.length / pageSize))
  const current = Math.min(Math.max(1, page), pages)

  return {
    rows: items.slice((current - 1) * pageSize, current * pageSize),
    total: items.length,
    page: current,
    pages,
    pageSize,
  }
}

/** A key's worst finding as an index into SEVERITIES (NO_FINDING when it has none). */
function worstRank(findings: Finding[]): number {
  let r = NO_FINDING

  for (const f of findings) r = Math.min(r, SEVERITIES.indexOf(f.severity))

  return r
}

/** Every row in a sort's order (orderKeys). */
export type KeyOrder = (sort: KeySort, descending: boolean) => KeyRow[]

/**
 * The rows in a sort's order, then by label, then by id: a total order, so filtering the
 * ordered rows lists what sorting the filtered rows would, and one order serves every filter
 * (services/lists.ts keeps each while the evaluation lasts). Each key's sort value is worked out
 * once, not at each of the ~60,000 comparisons 5,000 keys take.
 */
export function orderKeys(
  rows: KeyRow[],
  findingsOf: (id: string) => Finding[]
): KeyOrder {
  const label = (i: number, j: number) =>
    compareLabels(rows[i].label, rows[j].label)

  const id = (i: number, j: number) =>
    rows[i].id < rows[j].id ? -1 : rows[i].id > rows[j].id ? 1 : 0

  // each key's worst finding, worked out once for both directions
  let rank: Int32Array | undefined
  const by = (sort: KeySort): ((i: number, j: number) => number) => {
    if (sort === 'label') return label
    if (sort === 'createdAt')
      return (i, j) => compareCreated(rows[i].createdMs, rows[j].createdMs)
    if (sort === 'ageDays') return (i, j) => rows[i].ageDays - rows[j].ageDays
    if (!rank) rank = Int32Array.from(rows, (k) => worstRank(findingsOf(k.id)))
    const r = rank

    return (i, j) => r[i] - r[j] || rows[j].ageDays - rows[i].ageDays
  }

  return (sort, descending) => {
    const dir = descending ? -1 : 1
    const cmp = by(sort)

    return rows
      .map((_, i) => i)
      .sort((i, j) => dir * cmp(i, j) || label(i, j) || id(i, j))
      .map((i) => rows[i])
  }
}

/** One page of the rows a query picks, in its order (`ordered`: every row in a sort's order). */
export function listKeys(
  ordered: KeyOrder,
  findingsOf: (id: string) => Finding[],
  q: KeyListQuery
): ListPage<KeyRow> & { externalTotal: number } {
  const needle = q.search.trim().toLowerCase()
  const ids = q.ids ? new Set(q.ids) : null
  const severity = q.severity ? SEVERITIES.indexOf(q.severity) : -1

  const matches = (k: KeyRow) => {
    if (ids && !ids.has(k.id) && !ids.has(k.appKey)) return false
    if (q.status !== 'all' && (q.status === 'active') !== k.isActive)
      return false
    if (q.roleId !== null && !k.roles.some((r) => r.id === q.roleId))
      return false
    if (
      needle &&
      !(
        k.label.toLowerCase().includes(needle) ||
        k.appKey.toLowerCase().includes(needle) ||
        k.roles.some((r) => r.name.toLowerCase().includes(needle))
      )
    )
      return false
    // The table's severity column shows a key's worst finding, so the filter picks keys by
    // their worst finding too: "High" never lists a key whose worst finding is Critical.
    if (severity >= 0 && worstRank(findingsOf(k.id)) !== severity) return false
    if (q.rule && !findingsOf(k.id).some((f) => f.rule === q.rule)) return false

    return true
  }

  const filters =
    ids || q.status !== 'all' || q.roleId !== null || needle || q.rule

  const all = ordered(q.sort, q.descending)
  // the kept order itself when nothing is filtered (the page's first visit): no copy of 5,000 rows
  const filtered = filters || severity >= 0 ? all.filter(matches) : all

  return {
    ...pageOf(filtered, q.page, q.pageSize),
    // The count above the list names the external keys apart: they are rows of this list and
    // of the External keys panel too.
    externalTotal: filtered.reduce((n, k) => n + (k.external ? 1 : 0), 0),
  }
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Owner-like, as the too-many-Owners rule counts (roleGrants.ts). */
export const isOwnerUser = (u: UserEntry) => holdsOwnerRole(u)

/**
 * Users and roles page: owners first, then by e-mail; search by name, e-mail or role. The e-mail's
 * code units, then the id, settle what the collator reads as equal ("user01" and "user1"): a
 * total order, so a page boundary does not depend on the order VTEX lists users in.
 */
export function listUsers(
  users: UserEntry[],
  q: { page: number; pageSize: number; search: string }
): ListPage<UserEntry> {
  const needle = q.search.trim().toLowerCase()
  const filtered = users.filter(
    (u) =>
      !needle ||
      u.email.toLowerCase().includes(needle) ||
      u.name.toLowerCase().includes(needle) ||
      u.roles.some((r) => r.name.toLowerCase().includes(needle))
  )

  filtered.sort(
    (a, b) =>
      Number(isOwnerUser(b)) - Number(isOwnerUser(a)) ||
      compareLabels(a.email, b.email) ||
      byCodeUnits(a.email, b.email) ||
      byCodeUnits(a.id, b.id)
  )

  return pageOf(filtered, q.page, q.pageSize)
}
