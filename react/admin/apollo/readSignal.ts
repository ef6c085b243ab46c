// Says, per Apollo client, which query was just read from the service again: a re-read after a
// change (readAgain) or a page's "Load live data". A change whose page could not be read again
// says so beside its button (useSettledMutation's rereadFailed) until one of the queries it could
// not read is read: the page no longer shows the copy from before the change.
import type { DocumentNode } from 'graphql'
import { useApolloClient } from 'react-apollo'

import { operationName } from './rereadRegistry'

type Listener = (name: string) => void

export function createReadSignal() {
  const listeners = new Set<Listener>()

  return {
    /** A query of that operation name was read from the service. */
    read(name: string | undefined) {
      if (name) listeners.forEach((l) => l(name))
    },
    /** Listens until the returned removal is called. */
    listen(listener: Listener): () => void {
      listeners.add(listener)

      return () => {
        listeners.delete(listener)
      }
    },
  }
}

export type ReadSignal = ReturnType<typeof createReadSignal>

const byClient = new WeakMap<object, ReadSignal>()

export function readSignalOf(client: object): ReadSignal {
  let signal = byClient.get(client)

  if (!signal) {
    signal = createReadSignal()
    byClient.set(client, signal)
  }

  return signal
}

/**
 * For a page's "Load live data": passes on its refetch's answer, and says `query` was read when
 * it answered without errors (a failed read leaves the copy shown as it was).
 */
export function useReadSignal(query: DocumentNode) {
  const client = useApolloClient()

  return <T>(answer: Promise<T>): Promise<T> =>
    answer.then((result) => {
      const errors = (result as { errors?: readonly unknown[] } | undefined)
        ?.errors

      if (!errors?.length) readSignalOf(client).read(operationName(query))

      return result
    })
}
