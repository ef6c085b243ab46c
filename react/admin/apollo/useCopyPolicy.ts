// The fetch policy of a page whose query a change re-reads and which reads Apollo's cache first
// (Overview, Settings, Exposure, a key's page): the service when its copy is known to be older
// than a change (staleCopies.ts), decided once when the page is shown (a policy that changed
// under a mounted useQuery would read it again). The service's answer marks the copy read again.
import type { DocumentNode } from 'graphql'
import { useRef } from 'react'
import { useApolloClient } from 'react-apollo'

import { copyIsRead, copyIsStale, viewOf } from './staleCopies'

export function useCopyPolicy(
  query: DocumentNode,
  /** the page's variables: a read of another view (another key) leaves this one's copy old */
  variables?: Record<string, unknown>
): {
  fetchPolicy: 'cache-first' | 'network-only'
  onCompleted?: () => void
} {
  const client = useApolloClient()
  const view = viewOf(variables)
  // decided when the page (or another view of it: another key) is shown, not on each render
  const decided = useRef<{
    view: string
    fetchPolicy: 'cache-first' | 'network-only'
  } | null>(null)

  if (decided.current?.view !== view)
    decided.current = {
      view,
      fetchPolicy: copyIsStale(client, query, variables)
        ? 'network-only'
        : 'cache-first',
    }
  const { fetchPolicy } = decided.current

  return {
    fetchPolicy,
    // only an answer asked of the service: a cache-first page's onCompleted can be its old copy
    onCompleted:
      fetchPolicy === 'network-only'
        ? () => copyIsRead(client, query, variables)
        : undefined,
  }
}
