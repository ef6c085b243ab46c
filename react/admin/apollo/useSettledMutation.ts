// useMutation whose promise always settles once the mutation has answered. Apollo 2.6 awaits
// the refetchQueries of `awaitRefetchQueries: true` with no catch: one failed re-read (a 503 or a
// timeout after the change itself was made) left mutate() pending for ever and its button
// "Saving…". Here Apollo refetches nothing; this hook reads the same queries again itself and
// waits for them (the button stays busy until the page shows the change, as before), and a
// failed re-read keeps the earlier copy in the cache. A query named by its operation name is
// read again with the variables of each component that shows it (useRereadByName).
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
import { rereadRegistryOf } from './rereadRegistry'

type Refetch = MutationHookOptions['refetchQueries']

export function useSettledMutation<TData, TVariables>(
  mutation: DocumentNode,
  options: MutationHookOptions<TData, TVariables> = {}
): MutationTuple<TData, TVariables> {
  const client = useApolloClient()
  const { refetchQueries, awaitRefetchQueries: _, ...rest } = options
  const [run, state] = useMutation<TData, TVariables>(mutation, rest)
  // set with the press (so the button never shows idle between the answer and the re-read)
  const [busy, setBusy] = useState(false)
  const mounted = useRef(true)

  useEffect(
    () => () => {
      mounted.current = false
    },
    []
  )

  const reread = (wanted: Refetch, result: unknown) => {
    const list = typeof wanted === 'function' ? wanted(result) : wanted ?? []
    const registry = rereadRegistryOf(client)
    const reads = list.flatMap((r: string | PureQueryOptions) =>
      typeof r === 'string' ? registry.named(r) : [r]
    )

    return Promise.all(reads.map((r) => readAgain(client, r)))
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
    try {
      const result = await run(callRest)

      // as Apollo: nothing is read again after a refused mutation
      if (result && !result.errors?.length)
        await reread(refetchNow ?? refetchQueries, result)

      return result
    } finally {
      if (mounted.current) setBusy(false)
    }
  }

  return [mutate, { ...state, loading: state.loading || busy }]
}
