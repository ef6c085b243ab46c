// A query read again from the service into Apollo's cache after a change. A failed read leaves
// the earlier answer in the cache (the page says how old its copy is) and never rejects: callers
// wait for it (useSettledMutation, which says so beside the button when it failed) or not
// (useKeyChanged). It answers whether the query was read, and notes a copy it could not read as
// older than the change (staleCopies: its page asks the service when shown again).
import type { ApolloClient, QueryOptions } from 'apollo-client'

import { copyIsOld, copyIsRead } from './staleCopies'

export const readAgain = (
  client: ApolloClient<unknown>,
  query: QueryOptions
): Promise<boolean> =>
  client.query({ ...query, fetchPolicy: 'network-only' }).then(
    () => {
      copyIsRead(client, query.query)

      return true
    },
    () => {
      copyIsOld(client, query.query)

      return false
    }
  )
