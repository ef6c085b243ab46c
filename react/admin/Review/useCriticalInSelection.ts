// How many keys of a bulk selection have a CRITICAL finding, so that keeping or rotating them
// all at once is confirmed first. Picked rows were all seen on a page of the table (the table
// remembers which were critical); "every key matching" is counted by the service.
import { useQuery } from 'react-apollo'

import COUNT from '../graphql/reviewCount.gql'
import type {
  KeyStewardReviewCountQuery,
  KeyStewardReviewCountQueryVariables,
} from '../graphql/types.generated'
import type { Selection } from './BulkBar'
import type { DecisionFilter } from './types'

/** null while the service's count is unknown (loading or failed): treat as "may include some". */
export function useCriticalInSelection(
  selection: Selection,
  filter: DecisionFilter,
  critical: ReadonlySet<string>
): number | null {
  const matching = selection.kind === 'matching'
  const counted = useQuery<
    KeyStewardReviewCountQuery,
    KeyStewardReviewCountQueryVariables
  >(COUNT, {
    variables: { filter: { ...filter, worstSeverity: 'CRITICAL' } },
    skip: !matching,
    fetchPolicy: 'cache-and-network',
  })

  if (!matching) return selection.ids.filter((id) => critical.has(id)).length

  return counted.data?.reviewDecisions?.total ?? null
}
