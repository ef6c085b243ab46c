// The keys of other accounts in a bulk selection, named: the service refuses Rotate and
// Deactivate on them (node/domain/review/externalKeyDecisions.ts), so the bar says so before
// any confirmation. Picked rows were all seen on a page of the table (the table remembers the
// external ones by name); "every key matching" is asked of the service, with the table's filter
// narrowed to external keys.
import { useQuery } from 'react-apollo'

import EXTERNAL from '../graphql/reviewExternalKeys.gql'
import type {
  KeyStewardReviewExternalKeysQuery,
  KeyStewardReviewExternalKeysQueryVariables,
} from '../graphql/types.generated'
import type { Selection } from './BulkBar'
import { keyName } from './keyName'
import type { DecisionFilter } from './types'

/** As many as the service's refusal names (node/domain/review/bulk.ts NAMED); the rest are counted. */
export const EXTERNAL_NAMED = 5

export interface ExternalInSelection {
  total: number
  /** the first EXTERNAL_NAMED of them, by name */
  names: string[]
}

/** null while the service's answer is unknown (loading or failed): the service still refuses. */
export function useExternalInSelection(
  selection: Selection,
  filter: DecisionFilter,
  /** names of the external rows seen, by key id */
  seen: ReadonlyMap<string, string>
): ExternalInSelection | null {
  const matching = selection.kind === 'matching'
  const asked = useQuery<
    KeyStewardReviewExternalKeysQuery,
    KeyStewardReviewExternalKeysQueryVariables
  >(EXTERNAL, {
    variables: {
      filter: { ...filter, external: true },
      limit: EXTERNAL_NAMED,
    },
    skip: !matching,
    fetchPolicy: 'cache-and-network',
  })

  if (!matching) {
    const names = selection.ids.flatMap((id) => {
      const name = seen.get(id)

      return name === undefined ? [] : [name]
    })

    return { total: names.length, names: names.slice(0, EXTERNAL_NAMED) }
  }

  const page = asked.data?.reviewDecisions

  return page
    ? {
        total: page.total,
        names: page.keys.slice(0, EXTERNAL_NAMED).map(keyName),
      }
    : null
}
