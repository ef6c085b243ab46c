// What rotating a key with a CRITICAL finding does about it, by rule: for a token found in
// storefront code a new token IS the fix; for critical access (Owner, broad roles) the roles stay,
// so the warning suggests Reduce roles or Deactivate. Message ids: review.confirmCritical.effect.*.
import { allFindings } from './findingsNow'
import type { ReviewKey } from './types'

/** The rule of a token or appKey found in storefront code (node/domain/rules/exposedClientSide.ts). */
export const EXPOSED_RULE = 'exposed-client-side'

type Findings = Pick<ReviewKey, 'findings'> & {
  newFindings?: ReviewKey['newFindings'] | null
}

/** The message (with `count`) for rotating this key, or null when it has no CRITICAL finding. */
export function rotateEffectId(
  k: Findings
): 'ROTATE' | 'ROTATE_EXPOSED' | null {
  const critical = allFindings(k).filter((f) => f.severity === 'CRITICAL')

  if (!critical.length) return null

  return critical.every((f) => f.rule === EXPOSED_RULE)
    ? 'ROTATE_EXPOSED'
    : 'ROTATE'
}
