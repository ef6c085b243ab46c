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

/** The option's message id, under admin/key-steward. */
export function decisionOptionId(
  k: Pick<ReviewKey, 'external'>,
  d: Decision
): string {
  // Rotate is carried out with the row's "Renew token" button: the option says so
  if (d === 'ROTATE') return 'review.decisionOption.ROTATE'
  if (d === 'REDUCE_ROLES' && k.external)
    return 'review.decisionOption.REDUCE_ROLES_EXTERNAL'

  return `review.decision.${d}`
}
