// A query read again from the service into Apollo's cache after a change. A failed read leaves
// the earlier answer in the cache (the page says how old its copy is) and never rejects: callers
// wait for it (useSettledMutation, which says so beside the button when it failed) or not
// (useKeyChanged). It answers whether the query was read, and says so to the client's read
// signal (a notice that an earlier re-read of it failed goes).
import type { ApolloClient, QueryOptions } from 'apollo-client'

import { readSignalOf } from './readSignal'
import { operationName } from './rereadRegistry'

export const readAgain = (
  client: ApolloClient<unknown>,
  query: QueryOptions
): Promise<boolean> =>
  client.query({ ...query, fetchPolicy: 'network-only' }).then(
    () => {
      readSignalOf(client).read(operationName(query.query))

      return true
    },
    () => false
  )
