// Beside the review line: the changes the latest completed review asked for that are not carried
// out yet, with a link to that review's decisions filtered to them. Signing a review changes
// nothing in VTEX, so "next review due in a year" alone would read as "all handled".
// A line that adds to the Overview: when it cannot be read (an error, no completed review, every
// change carried out) it shows nothing and the rest of the page stands.
import React from 'react'
import { useQuery } from 'react-apollo'
import { FormattedMessage } from 'react-intl'

import Link from '../components/Link'
import { BASE } from '../components/PageFrame'
import LAST_COMPLETED from '../graphql/lastCompletedReview.gql'
import type {
  KeyStewardLastCompletedReviewQuery,
  KeyStewardLastCompletedReviewQueryVariables,
} from '../graphql/types.generated'
import { useRereadByName } from '../apollo/useRereadByName'

/** The completed review's page with its decisions filtered to the changes not carried out. */
export const followUpHref = (reviewId: string) =>
  `${BASE}/review?review=${encodeURIComponent(
    reviewId
  )}&carryOut=NOT_CARRIED_OUT`

const ReviewFollowUp: React.FC = () => {
  const { data } = useQuery<
    KeyStewardLastCompletedReviewQuery,
    KeyStewardLastCompletedReviewQueryVariables
  >(LAST_COMPLETED, { fetchPolicy: 'cache-and-network' })

  useRereadByName(LAST_COMPLETED)

  const last = data?.lastCompletedReview

  if (!last) return null
  const { changesAsked, changesCarriedOut } = last.progress
  // changes on keys of other accounts are made in VTEX, where Key Steward cannot follow them:
  // never "not carried out yet", or this line could never clear
  const outside = last.progress.changesOutside ?? 0
  const pending = changesAsked - changesCarriedOut - outside

  if (pending <= 0) return null

  return (
    <p className="c-warning" data-review-follow-up={pending}>
      <FormattedMessage
        id={`admin/key-steward.overview.${
          outside ? 'followUpWithOutside' : 'followUp'
        }`}
        values={{ asked: changesAsked, pending, outside }}
      />{' '}
      <Link
        to={followUpHref(last.id)}
        className="c-link hover-c-link-hover underline"
      >
        <FormattedMessage id="admin/key-steward.overview.followUpLink" />
      </Link>
    </p>
  )
}

export default ReviewFollowUp
