// A review row's findings as the review counts them: those at start and those raised since (a
// storefront scan run during the review, say), which the service works out on each read.
import type { ReviewKey } from './types'

type Findings = Pick<ReviewKey, 'findings'> & {
  newFindings?: ReviewKey['newFindings'] | null
}

export const allFindings = (k: Findings) => [
  ...k.findings,
  ...(k.newFindings ?? []),
]

/** A CRITICAL finding at start or new since: keeping or rotating the key is confirmed first. */
export const hasCritical = (k: Findings) =>
  allFindings(k).some((f) => f.severity === 'CRITICAL')
