// How many keys of a bulk selection are of a kind the bulk bar asks about before it sends: keys
// with a CRITICAL finding (confirmed first), keys the service refuses to keep without a
// justification (the field asks first). Picked rows were all seen on a page of the table (the
// table remembers which were of the kind); "every key matching" is counted by the service, with
// the table's filter narrowed to the kind.
import { useQuery } from 'react-apollo'

import COUNT from '../graphql/reviewCount.gql'
import type {
  KeyStewardReviewCountQuery,
  KeyStewardReviewCountQueryVariables,
} from '../graphql/types.generated'
import type { Selection } from './BulkBar'
import type { DecisionFilter } from './types'
import { useRereadByName } from '../apollo/useRereadByName'

/** Keys whose worst finding is CRITICAL. */
export const CRITICAL_KEYS: DecisionFilter = { worstSeverity: 'CRITICAL' }
/**
 * Keys the service will not keep without a justification: the same rule as ReviewKey.risky
 * (node/domain/review/keepNeedsJustification.ts), so the page never asks for a different set.
 */
export const KEEP_NEEDS_JUSTIFICATION: DecisionFilter = { risky: true }

/** null while the service's count is unknown (loading or failed): treat as "may include some". */
export function useCountInSelection(
  selection: Selection,
  filter: DecisionFilter,
  {
    seen,
    kind,
  }: {
    /** ids of the rows seen of the kind */
    seen: ReadonlySet<string>
    /** the kind, as a filter the service counts by */
    kind: DecisionFilter
  }
): number | null {
  const matching = selection.kind === 'matching'
  const counted = useQuery<
    KeyStewardReviewCountQuery,
    KeyStewardReviewCountQueryVariables
  >(COUNT, {
    variables: { filter: { ...filter, ...kind } },
    skip: !matching,
    fetchPolicy: 'cache-and-network',
  })

  useRereadByName(COUNT, {
    variables: { filter: { ...filter, ...kind } },
    skip: !matching,
  })

  if (!matching) return selection.ids.filter((id) => seen.has(id)).length

  return counted.data?.reviewDecisions?.total ?? null
}
