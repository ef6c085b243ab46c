// Which views of the API keys list (a filter, a search, a page) this Apollo client holds as they
// are now. A change to a key (actions/useKeyChanged.ts) can change which keys every view matches,
// and Apollo keeps each view it read: going back to one read before the change showed the old
// membership (fixO read again only the view the admin left). Apollo 2's cache cannot evict one
// query's answers, and reading every view again costs a request per page and filter visited, so
// the Keys page asks the service (network-only) for any view not read since the last change to a
// key, and keeps the quick cache-first answer for the others (paging back and forth).

type Views = { changes: number; readAt: Map<string, number> }

const byClient = new WeakMap<object, Views>()

function viewsOf(client: object): Views {
  let views = byClient.get(client)

  if (!views) {
    views = { changes: 0, readAt: new Map() }
    byClient.set(client, views)
  }

  return views
}

const nameOf = (variables: Record<string, unknown>) =>
  JSON.stringify(Object.entries(variables).sort(([a], [b]) => (a < b ? -1 : 1)))

/** A key was changed: every view read before now may list other keys. */
export function keyChangedIn(client: object): void {
  viewsOf(client).changes++
}

/** How many key changes this client has seen: a read asked now shows every one of them. */
export const changesSeen = (client: object): number => viewsOf(client).changes

/** A view's answer arrived, as asked when `changesSeen` was `at`. */
export function viewRead(
  client: object,
  variables: Record<string, unknown>,
  at: number
): void {
  const { readAt } = viewsOf(client)
  const name = nameOf(variables)

  readAt.set(name, Math.max(readAt.get(name) ?? -1, at))
}

/** Whether the client's copy of a view was read after the last change to a key. */
export function viewIsCurrent(
  client: object,
  variables: Record<string, unknown>
): boolean {
  const views = viewsOf(client)

  return (views.readAt.get(nameOf(variables)) ?? -1) >= views.changes
}
