// Next to a useQuery that a mutation refetches by name: keeps it in the reread registry while it
// is on screen and not skipped, with the variables it asks with now (the page, filter, sort) and
// the error policy its useQuery reads with (the re-read takes the same answers).
import type { ErrorPolicy } from 'apollo-client'
import type { DocumentNode } from 'graphql'
import { useEffect, useRef } from 'react'
import { useApolloClient } from 'react-apollo'

import { rereadRegistryOf } from './rereadRegistry'

export interface RereadByNameOptions {
  /** the variables the useQuery asks with now */
  variables?: Record<string, unknown>
  /** true while the useQuery is skipped (nothing on screen to read again) */
  skip?: boolean
  /** the useQuery's error policy */
  errorPolicy?: ErrorPolicy
}

export function useRereadByName(
  query: DocumentNode,
  { variables, skip = false, errorPolicy }: RereadByNameOptions = {}
): void {
  const client = useApolloClient()
  const entry = useRef({ current: { query, variables, errorPolicy } }).current

  entry.current = { query, variables, errorPolicy }
  useEffect(
    () => (skip ? undefined : rereadRegistryOf(client).add(entry)),
    [client, entry, skip]
  )
}
