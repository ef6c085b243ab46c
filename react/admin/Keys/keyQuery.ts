// The Keys page's view (search, filters, sort, page) and its place in the URL (issue 14 item 3):
// the list is searched, filtered and paged by the service (Query.keyList); the URL keeps the
// view, so "Back to API keys", a reload or a shared link opens the same list, and banners,
// the overview and evidence link to the list already filtered (?rule=, ?severity=, ?ids=), or to
// a set the service works out (?evidence= of a review, ?reminder=) when it is too large to list.
import type { EvidenceWithKeys } from '../graphql/evidenceWithKeys.generated'
import { EVIDENCE_WITH_KEYS } from '../graphql/evidenceWithKeys.generated'
import type { KeyReminder } from '../graphql/keyReminders.generated'
import { KEY_REMINDERS } from '../graphql/keyReminders.generated'
import { RULE_IDS } from '../graphql/ruleIds.generated'
import type { Severity } from '../types'
import { SEVERITIES } from '../types'
import { positiveAddressInt } from '../utils/addressInt'
import { addressSearch } from '../utils/addressSearch'
import { withinSearchLimit } from '../utils/searchLimit'

export type SortField = 'label' | 'createdAt' | 'ageDays' | 'severity'
export type Status = 'all' | 'active' | 'inactive'

export interface KeyQuery {
  search: string
  severity: Severity | ''
  rule: string
  status: Status
  roleId: number | null
  /** only these keys (ids, or appKeys of external keys) */
  ids: string[]
  /** how many ids the link named: more than MAX_LINK_IDS are cut, and the page says so */
  idsNamed: number
  /** the keys a review's evidence line counts (?evidence=, ?review=; the open review without it) */
  evidence: EvidenceWithKeys | ''
  review: string
  /** the keys a reminder names (?reminder=) */
  reminder: KeyReminder | ''
  sort: SortField
  descending: boolean
  page: number
  pageSize: number
}

/** The service's MAX_IDS: a link naming more keys than this is cut, and the page says so. */
export const MAX_LINK_IDS = 500

export const DEFAULT_QUERY: KeyQuery = {
  search: '',
  severity: '',
  rule: '',
  status: 'all',
  roleId: null,
  ids: [],
  idsNamed: 0,
  evidence: '',
  review: '',
  reminder: '',
  sort: 'severity',
  descending: false,
  page: 1,
  pageSize: 100,
}
export const PAGE_SIZES = [25, 50, 100, 250, 500]
const SORTS: SortField[] = ['label', 'createdAt', 'ageDays', 'severity']
const STATUSES: Status[] = ['all', 'active', 'inactive']

/**
 * The direction a sorted column shows (its arrow and aria-sort), as the user sees the rows. The
 * service's severity order (descending: false) lists the most severe keys first, which is
 * descending severity, so that column reads the flag the other way round.
 */
export function shownDirection(
  field: SortField,
  descending: boolean
): 'ascending' | 'descending' {
  const severityFirst = field === 'severity'

  return descending !== severityFirst ? 'descending' : 'ascending'
}

/**
 * The direction a column sorts in when first chosen: the oldest keys first, which is what an admin
 * looks for among thousands (age descending; creation date ascending already is).
 */
export const firstDescending = (field: SortField): boolean =>
  field === 'ageDays'

/** Reads a view from a query string; anything unknown falls back to the default. */
export function parseKeyQuery(search: string): KeyQuery {
  const p = new URLSearchParams(search)
  const int = (name: string, fallback: number) =>
    positiveAddressInt(p.get(name)) ?? fallback

  const severity = (p.get('severity') ?? '').toUpperCase()
  const rule = p.get('rule') ?? ''
  const sort = p.get('sort') as SortField
  const status = p.get('status') as Status
  const size = int('size', DEFAULT_QUERY.pageSize)
  const role = int('role', 0)
  const ids = (p.get('ids') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

  const named = p.get('evidence') as EvidenceWithKeys
  // an unknown line in a bookmark lists every key (the service refuses it)
  const evidence = (EVIDENCE_WITH_KEYS as readonly string[]).includes(named)
    ? named
    : ''
  const reminder = p.get('reminder') as KeyReminder

  return {
    search: withinSearchLimit(p.get('q') ?? ''),
    severity: (SEVERITIES as string[]).includes(severity)
      ? (severity as Severity)
      : '',
    // a mistyped or retired rule in a bookmark lists every key (the service refuses it)
    rule: (RULE_IDS as readonly string[]).includes(rule) ? rule : '',
    status: STATUSES.includes(status) ? status : 'all',
    roleId: role > 0 ? role : null,
    ids: ids.slice(0, MAX_LINK_IDS),
    // a cut list keeps in the URL how many keys its link named (?named=); believed only of a
    // list that was cut (a hand-edited ?named= on a short list claims nothing)
    idsNamed:
      ids.length >= MAX_LINK_IDS
        ? Math.max(ids.length, int('named', 0))
        : ids.length,
    evidence,
    // a review names keys only through one of its evidence lines
    review: evidence ? (p.get('review') ?? '').slice(0, 64) : '',
    reminder:
      !evidence && (KEY_REMINDERS as readonly string[]).includes(reminder)
        ? reminder
        : '',
    sort: SORTS.includes(sort) ? sort : DEFAULT_QUERY.sort,
    descending: p.get('desc') === '1',
    page: int('page', 1),
    pageSize: PAGE_SIZES.includes(size) ? size : DEFAULT_QUERY.pageSize,
  }
}

/** The query string parameters of a view: only what differs from the default. */
export function keyQueryParams(
  q: KeyQuery
): Record<string, string | undefined> {
  const d = DEFAULT_QUERY

  return {
    q: addressSearch(q.search),
    severity: q.severity || undefined,
    rule: q.rule || undefined,
    status: q.status !== d.status ? q.status : undefined,
    role: q.roleId !== null ? String(q.roleId) : undefined,
    ids: q.ids.length ? q.ids.join(',') : undefined,
    named: q.idsNamed > q.ids.length ? String(q.idsNamed) : undefined,
    evidence: q.evidence || undefined,
    review: q.evidence && q.review ? q.review : undefined,
    reminder: q.reminder || undefined,
    sort: q.sort !== d.sort ? q.sort : undefined,
    desc: q.descending ? '1' : undefined,
    page: q.page !== 1 ? String(q.page) : undefined,
    size: q.pageSize !== d.pageSize ? String(q.pageSize) : undefined,
  }
}

export function keyQueryString(q: KeyQuery): string {
  const params = new URLSearchParams()

  for (const [k, v] of Object.entries(keyQueryParams(q)))
    if (v !== undefined) params.set(k, v)
  const s = params.toString()

  return s ? `?${s}` : ''
}

/** What Query.keyList is asked (the service validates it again). */
export function keyListVariables(q: KeyQuery) {
  return {
    page: q.page,
    pageSize: q.pageSize,
    search: q.search.trim() || null,
    severity: q.severity || null,
    rule: q.rule || null,
    status: q.status,
    roleId: q.roleId,
    ids: q.ids.length ? q.ids : null,
    evidence: q.evidence || null,
    review: (q.evidence && q.review) || null,
    reminder: q.reminder || null,
    sort: q.sort,
    descending: q.descending,
  }
}
