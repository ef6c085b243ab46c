// The fetch policy of a page whose query a change re-reads and which reads Apollo's cache first
// (Overview, Settings, Exposure, a key's page): the service when its copy is known to be older
// than a change (staleCopies.ts), decided once when the page is shown (a policy that changed
// under a mounted useQuery would read it again). The service's answer marks the copy read again.
import type { DocumentNode } from 'graphql'
import { useState } from 'react'
import { useApolloClient } from 'react-apollo'

import { copyIsRead, copyIsStale } from './staleCopies'

export function useCopyPolicy(query: DocumentNode): {
  fetchPolicy: 'cache-first' | 'network-only'
  onCompleted?: () => void
} {
  const client = useApolloClient()
  const [fetchPolicy] = useState<'cache-first' | 'network-only'>(() =>
    copyIsStale(client, query) ? 'network-only' : 'cache-first'
  )

  return {
    fetchPolicy,
    // only an answer asked of the service: a cache-first page's onCompleted can be its old copy
    onCompleted:
      fetchPolicy === 'network-only'
        ? () => copyIsRead(client, query)
        : undefined,
  }
}
