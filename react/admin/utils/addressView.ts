// A list page keeps its view in the address and reads it when it opens. A link to the same page
// with another query (the reminder's "See the keys" on the API keys page, the sidebar's "Users
// and roles" on a searched Users page) keeps the page mounted in the Admin and changes only the
// runtime's query: the address then named one view while the page showed another, until a reload
// (attack11 #5). Such a query is followed; the page's own writes come back as the query it wrote.

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
