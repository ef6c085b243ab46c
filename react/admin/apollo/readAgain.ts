// A query read again from the service into Apollo's cache after a change. A failed read leaves
// the earlier answer in the cache (the page says how old its copy is) and never rejects: callers
// wait for it (useSettledMutation, which says so beside the button when it failed) or not
// (useKeyChanged). It answers whether the query was read, and notes a copy it could not read as
// older than the change (staleCopies: its page asks the service when shown again); a read one
// is said to the client's read signal (a notice that an earlier re-read of it failed goes).
//
// A query that takes a partial answer (errorPolicy 'ignore', Reminders) is read as Apollo would
// read it, but by hand: Apollo resolves such a read even when the service answered no data at
// all (a refusal, a failure inside the service), keeping the copy from before the change, and
// that was taken as read (attack13 #2). A partial answer is written as Apollo writes it.
import type { ApolloClient, QueryOptions } from 'apollo-client'

import { readSignalOf } from './readSignal'
import { operationName } from './rereadRegistry'
import { copyIsOld, copyIsRead } from './staleCopies'

const fromService = (
  client: ApolloClient<unknown>,
  query: QueryOptions
): Promise<unknown> =>
  query.errorPolicy === 'ignore' || query.errorPolicy === 'all'
    ? client
        .query({ ...query, errorPolicy: 'all', fetchPolicy: 'no-cache' })
        .then(({ data }) => {
          if (!data) throw new Error('no data')
          client.writeQuery({
            query: query.query,
            variables: query.variables,
            data,
          })
        })
    : client.query({ ...query, fetchPolicy: 'network-only' })

export const readAgain = (
  client: ApolloClient<unknown>,
  query: QueryOptions
): Promise<boolean> =>
  fromService(client, query).then(
    () => {
      copyIsRead(client, query.query, query.variables)
      readSignalOf(client).read(operationName(query.query))

      return true
    },
    () => {
      copyIsOld(client, query.query)

      return false
    }
  )
