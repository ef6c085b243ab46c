// The review pages' data types, taken from the operations' generated result types
// (graphql/types.generated.ts): no GraphQL type is declared by hand here.
import type {
  CarryOutFilter,
  Decision,
  KeyStewardReviewDecisionsQuery,
  KeyStewardReviewHistoryQuery,
  KeyStewardReviewQuery,
} from '../graphql/types.generated'

export type {
  CarryOutFilter,
  CheckStatus,
  Decision,
  DecisionFilter,
  DecisionSort,
  DecisionStatus,
  Practice,
} from '../graphql/types.generated'

export const DECISIONS: Decision[] = [
  'KEEP',
  'ROTATE',
  'REDUCE_ROLES',
  'DEACTIVATE',
]

/** The follow-up filter's choices, in the order the table offers them. */
export const CARRY_OUT_FILTERS: CarryOutFilter[] = [
  'NOT_CARRIED_OUT',
  'NOT_STARTED',
  'IN_PROGRESS',
  'CARRIED_OUT',
]

/** The open review (Query.review); a completed one (Query.reviewById) carries its log besides. */
export type Review = NonNullable<KeyStewardReviewQuery['review']>
export type ChecklistItem = Review['checklist'][number]
export type Progress = Review['progress']

/** A key of the review's decision table (one server page of Query.reviewDecisions). */
export type DecisionPage = NonNullable<
  KeyStewardReviewDecisionsQuery['reviewDecisions']
>
export type ReviewKey = DecisionPage['keys'][number]

export type ReviewSummary = KeyStewardReviewHistoryQuery['reviews'][number]
