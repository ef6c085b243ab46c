// The decisions a row offers, and how each is worded. Another account's key (ReviewKey.external)
// has no page here and its token is that account's: Key Steward can neither renew nor deactivate
// it, and the service refuses those decisions (node/domain/review/externalKeyDecisions.ts). So it
// is offered Keep, and Reduce roles worded as where that is done: VTEX's User management.
import type { Decision, ReviewKey } from './types'
import { DECISIONS } from './types'

/** As the service allows them on an external key (EXTERNAL_KEY_DECISIONS). */
export const EXTERNAL_KEY_DECISIONS: Decision[] = ['KEEP', 'REDUCE_ROLES']

export const decisionOptions = (k: Pick<ReviewKey, 'external'>): Decision[] =>
  k.external ? EXTERNAL_KEY_DECISIONS : DECISIONS

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
