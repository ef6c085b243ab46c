// Deciding keys (one or many) in one call that answers only what changed: the page of the
// table is fetched again (one page, not the whole review) and the header's progress is written
// into the cache from the answer, so a 5,000-key review never ships whole per decision.

import DECIDE_KEYS from '../graphql/decideKeys.gql'
import REVIEW from '../graphql/review.gql'
import type {
  KeyStewardDecideKeysMutation,
  KeyStewardDecideKeysMutationVariables,
  KeyStewardReviewQuery,
  KeyStewardReviewQueryVariables,
} from '../graphql/types.generated'
import { useSettledMutation } from '../apollo/useSettledMutation'

export function useDecide() {
  return useSettledMutation<
    KeyStewardDecideKeysMutation,
    KeyStewardDecideKeysMutationVariables
  >(DECIDE_KEYS, {
    refetchQueries: ['KeyStewardReviewDecisions', 'KeyStewardReviewCount'],
    update: (cache, { data }) => {
      const change = data?.decideKeys

      if (!change) return
      try {
        const cached = cache.readQuery<
          KeyStewardReviewQuery,
          KeyStewardReviewQueryVariables
        >({
          query: REVIEW,
        })

        if (cached?.review?.id !== change.reviewId) return
        cache.writeQuery<KeyStewardReviewQuery, KeyStewardReviewQueryVariables>(
          {
            query: REVIEW,
            data: { review: { ...cached.review, progress: change.progress } },
          }
        )
      } catch {
        // the header is not in the cache (e.g. a test): nothing to update
      }
    },
  })
}
