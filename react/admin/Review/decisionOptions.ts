// The decisions a row offers, and how each is worded. Another account's key (ReviewKey.external)
// has no page here and its token is that account's: Key Steward can neither renew nor deactivate
// it, and the service refuses those decisions (node/domain/review/externalKeyDecisions.ts). So it
// is offered Keep, and Reduce roles worded as where that is done: VTEX's User management.
import { EXTERNAL_KEY_DECISIONS } from '../graphql/externalKeyDecisions.generated'
import type { Decision, ReviewKey } from './types'
import { DECISIONS } from './types'

export const decisionOptions = (
  k: Pick<ReviewKey, 'external'>
): readonly Decision[] => (k.external ? EXTERNAL_KEY_DECISIONS : DECISIONS)

/** An option's message id, under admin/key-steward (literals: the release check reads them). */
export type DecisionOptionId =
  | 'review.decision.KEEP'
  | 'review.decisionOption.ROTATE'
  | 'review.decision.REDUCE_ROLES'
  | 'review.decisionOption.REDUCE_ROLES_EXTERNAL'
  | 'review.decision.DEACTIVATE'

export function decisionOptionId(
  k: Pick<ReviewKey, 'external'>,
  d: Decision
): DecisionOptionId {
  // Rotate is carried out with the row's "Renew token" button: the option says so
  if (d === 'ROTATE') return 'review.decisionOption.ROTATE'
  if (d === 'REDUCE_ROLES')
    return k.external
      ? 'review.decisionOption.REDUCE_ROLES_EXTERNAL'
      : 'review.decision.REDUCE_ROLES'

  return d === 'KEEP' ? 'review.decision.KEEP' : 'review.decision.DEACTIVATE'
}
