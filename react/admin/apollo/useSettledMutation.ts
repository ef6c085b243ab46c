// useMutation whose promise always settles once the mutation has answered. Apollo 2.6 awaits
// the refetchQueries of `awaitRefetchQueries: true` with no catch: one failed re-read (a 503 or a
// timeout after the change itself was made) left mutate() pending for ever and its button
// "Saving…". Here Apollo refetches nothing; this hook reads the same queries again itself and
// waits for them (the button stays busy until the page shows the change, as before), and a
// failed re-read keeps the earlier copy in the cache and sets `rereadFailed` (the change was made
// but the page still shows the copy before it: RereadNotice says so beside the button) until the
// next press of this button, or until a query whose re-read failed is read from the service
// again (another change's re-read, the page's "Load live data": readSignal.ts). A query named by
// its operation name is read again with the variables of each component that shows it
// (useRereadByName).
import type { DocumentNode } from 'graphql'
import { useEffect, useRef, useState } from 'react'
import type { PureQueryOptions } from 'apollo-client'
import type {
  MutationFunctionOptions,
  MutationHookOptions,
  MutationTuple,
} from 'react-apollo'
import { useApolloClient, useMutation } from 'react-apollo'

import { readAgain } from './readAgain'
import { readSignalOf } from './readSignal'
import { operationName, rereadRegistryOf } from './rereadRegistry'
import { copyIsOld } from './staleCopies'

type Refetch = MutationHookOptions['refetchQueries']

export type SettledMutationTuple<TData, TVariables> = [
  MutationTuple<TData, TVariables>[0],
  MutationTuple<TData, TVariables>[1] & { rereadFailed: boolean }
]

export function useSettledMutation<TData, TVariables>(
  mutation: DocumentNode,
  options: MutationHookOptions<TData, TVariables> = {}
): SettledMutationTuple<TData, TVariables> {
  const client = useApolloClient()
  const { refetchQueries, awaitRefetchQueries: _, ...rest } = options
  const [run, state] = useMutation<TData, TVariables>(mutation, rest)
  // set with the press (so the button never shows idle between the answer and the re-read)
  const [busy, setBusy] = useState(false)
  // the operation names of the queries whose re-read failed (none: the page shows the change)
  const [unread, setUnread] = useState<string[]>([])
  const rereadFailed = unread.length > 0
  const mounted = useRef(true)

  useEffect(
    () => () => {
      mounted.current = false
    },
    []
  )

  // one of them read since (the page's data, with the change): the notice goes
  useEffect(
    () =>
      rereadFailed
        ? readSignalOf(client).listen((name) => {
            if (unread.includes(name)) setUnread([])
          })
        : undefined,
    [client, rereadFailed, unread]
  )

  const reread = (wanted: Refetch, result: unknown) => {
    const list = typeof wanted === 'function' ? wanted(result) : wanted ?? []
    const registry = rereadRegistryOf(client)
    const reads = list.flatMap((r: string | PureQueryOptions) => {
      if (typeof r !== 'string') return [r]
      const shown = registry.named(r)

      // a page not on screen keeps its copy from before the change: read when shown again
      if (!shown.length) copyIsOld(client, r)

      return shown
    })

    // the names of those not read ('' for a query without one: only the next press clears it)
    return Promise.all(
      reads.map((r) =>
        readAgain(client, r).then((read) =>
          read ? null : operationName(r.query) ?? ''
        )
      )
    ).then((names) => names.filter((n): n is string => n !== null))
  }

  const mutate = async (
    call: MutationFunctionOptions<TData, TVariables> = {}
  ) => {
    const {
      refetchQueries: refetchNow,
      awaitRefetchQueries: __,
      ...callRest
    } = call

    setBusy(true)
    setUnread([])
    try {
      const result = await run(callRest)

      // as Apollo: nothing is read again after a refused mutation
      if (result && !result.errors?.length) {
        const failed = await reread(refetchNow ?? refetchQueries, result)

        if (failed.length && mounted.current) setUnread(failed)
      }

      return result
    } finally {
      if (mounted.current) setBusy(false)
    }
  }

  return [mutate, { ...state, loading: state.loading || busy, rereadFailed }]
}
