// A list page keeps its view in the address and reads it when it opens. A link to the same page
// with another query (the reminder's "See the keys" on the API keys page, the sidebar's "Users
// and roles" on a searched Users page) keeps the page mounted in the Admin and changes only the
// runtime's query: the address then named one view while the page showed another, until a reload
// (attack11 #5). Such a query is followed; the page's own writes come back as the query it wrote.

import type { MutableRefObject } from 'react'
import { useEffect, useRef } from 'react'

type Params = Record<string, string | undefined>

/** The query string of a view's parameters, to compare two views by their address. */
export function addressOf(params: Params): string {
  const search = new URLSearchParams()

  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v)

  return search.toString()
}

/**
 * The view a navigation asks for, when it is not the one the page last wrote (null: nothing to
 * follow). `query` is the runtime's query (undefined where the runtime has none).
 */
export function viewToFollow<V>(
  query: Record<string, string> | undefined,
  written: string | null,
  parse: (search: string) => V,
  toParams: (view: V) => Params
): V | null {
  if (!query || written === null) return null
  const asked = parse(`?${new URLSearchParams(query).toString()}`)

  return addressOf(toParams(asked)) === written ? null : asked
}

/**
 * Follows the runtime's query when it changes to another view than the page wrote, but only a
 * change from a query that agreed with the page: after the browser's back button the page opens
 * on the frame's address while the runtime's query still catches up, and following that made the
 * page and the runtime hand the two views back and forth without end.
 */
export function useFollowNavigation<V>(
  query: Record<string, string> | undefined,
  written: MutableRefObject<string | null>,
  parse: (search: string) => V,
  toParams: (view: V) => Params,
  follow: (view: V) => void
): void {
  const inStep = useRef(false)
  const navigation = query ? new URLSearchParams(query).toString() : null

  useEffect(() => {
    const v = viewToFollow(query, written.current, parse, toParams)
    const wasInStep = inStep.current

    inStep.current = !v
    if (v && wasInStep) follow(v)
  }, [navigation])
}
