// The Users and roles page's view in the URL (?q=, ?page=, ?size=), as the API keys page keeps
// its own (keyQuery.ts): a reload, a shared link or the back button from elsewhere returns to it.
import { positiveAddressInt } from '../utils/addressInt'
import { addressSearch } from '../utils/addressSearch'
import { withinSearchLimit } from '../utils/searchLimit'

/** As on the API keys page: 1,000 users were 10 pages of 100 with no other choice (walk12). */
export const USER_PAGE_SIZES = [25, 50, 100, 250, 500]
export const DEFAULT_USER_PAGE_SIZE = 100
export interface UserQuery {
  search: string
  page: number
  pageSize: number
}

/** Reads a view from a query string; anything unknown falls back to the default. */
export function parseUserQuery(search: string): UserQuery {
  const p = new URLSearchParams(search)
  const size = positiveAddressInt(p.get('size'))

  return {
    search: withinSearchLimit(p.get('q') ?? ''),
    page: positiveAddressInt(p.get('page')) ?? 1,
    pageSize:
      size && USER_PAGE_SIZES.includes(size) ? size : DEFAULT_USER_PAGE_SIZE,
  }
}

/** The query string parameters of a view: only what differs from the default. */
export function userQueryParams(
  q: UserQuery
): Record<string, string | undefined> {
  return {
    q: addressSearch(q.search),
    page: q.page > 1 ? String(q.page) : undefined,
    size:
      q.pageSize !== DEFAULT_USER_PAGE_SIZE ? String(q.pageSize) : undefined,
  }
}
