// Which queries' cached copies are known to be older than a change made in this Admin: a change
// whose re-read failed (readAgain), or a re-read by name of a page not on screen (nothing was
// read). Those pages read from Apollo's cache first, and its copy carries no sign of its age:
// going away from the notice by the button and back showed the copy from before the change as
// the page (attack13 #1). Apollo 2's cache cannot evict one query, so such a page asks the
// service when it is shown again (useCopyPolicy), as the API keys page does for its views.
import type { DocumentNode } from 'graphql'

import { operationName } from './rereadRegistry'

const byClient = new WeakMap<object, Set<string>>()

function staleOf(client: object): Set<string> {
  let stale = byClient.get(client)

  if (!stale) {
    stale = new Set()
    byClient.set(client, stale)
  }

  return stale
}

const nameOf = (query: DocumentNode | string) =>
  typeof query === 'string' ? query : operationName(query) ?? ''

/** The cached copies of this query (every variable) are older than a change. */
export function copyIsOld(client: object, query: DocumentNode | string): void {
  staleOf(client).add(nameOf(query))
}

/** This query was read from the service after the last change. */
export function copyIsRead(client: object, query: DocumentNode | string): void {
  staleOf(client).delete(nameOf(query))
}

export const copyIsStale = (
  client: object,
  query: DocumentNode | string
): boolean => staleOf(client).has(nameOf(query))
