// Which queries' cached copies are known to be older than a change made in this Admin: a change
// whose re-read failed (readAgain), or a re-read by name of a page not on screen (nothing was
// read). Those pages read from Apollo's cache first, and its copy carries no sign of its age:
// going away from the notice by the button and back showed the copy from before the change as
// the page (attack13 #1). Apollo 2's cache cannot evict one query, so such a page asks the
// service when it is shown again (useCopyPolicy), as the API keys page does for its views.
import type { DocumentNode } from 'graphql'

import { operationName } from './rereadRegistry'

// Per query name: the views (variables) read from the service since the last change made their
// copies old. A change marks every view of a query old; reading one view makes that view new only
// (key B's page read after key A's change is no word on key A's copy; attack14 #2).
const byClient = new WeakMap<object, Map<string, Set<string>>>()

function staleOf(client: object): Map<string, Set<string>> {
  let stale = byClient.get(client)

  if (!stale) {
    stale = new Map()
    byClient.set(client, stale)
  }

  return stale
}

const nameOf = (query: DocumentNode | string) =>
  typeof query === 'string' ? query : operationName(query) ?? ''

/** A view's variables as one text, whatever their keys' order (none: {}). */
export const viewOf = (
  variables: Record<string, unknown> | undefined
): string =>
  JSON.stringify(
    Object.entries(variables ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))
  )

/** The cached copies of this query (every variable) are older than a change. */
export function copyIsOld(client: object, query: DocumentNode | string): void {
  staleOf(client).set(nameOf(query), new Set())
}

/** This view of the query was read from the service after the last change. */
export function copyIsRead(
  client: object,
  query: DocumentNode | string,
  variables?: Record<string, unknown>
): void {
  staleOf(client).get(nameOf(query))?.add(viewOf(variables))
}

export function copyIsStale(
  client: object,
  query: DocumentNode | string,
  variables?: Record<string, unknown>
): boolean {
  const readSince = staleOf(client).get(nameOf(query))

  return !!readSince && !readSince.has(viewOf(variables))
}
