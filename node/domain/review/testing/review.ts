// Test support: the review that the review tests start from, built once the same way in each
// (the default fixture's keys and findings, started by Ana at NOW), and the small pieces they
// all wrote by hand around it. A test changes only what its case is about.
import { evaluatePolicy } from '../../engine'
import { PRACTICES } from '../../findings'
import { NOW } from '../../testing/build'
import { policyInputFromFixture } from '../../testing/fromFixture'
import { checkPractice, EMPTY_INDEX, startReview } from '../machine'
import type { Outcome, Review, ReviewFinding } from '../types'

export { NOW }

/** Who starts and decides in these tests. */
export const BY = 'ana@acme.com'

/** An hour after the start: when the tests' decisions are taken. */
export const LATER = new Date(NOW.getTime() + 3_600_000)

/** The value of an accepted outcome; a refusal fails the test, naming its code and message. */
export function ok<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(`refused: ${o.code} ${o.message.id}`)

  return o.value
}

/** The default fixture's review as started at NOW by BY (id r1 unless given). */
export function startedReview(id = 'r1'): Review {
  const policy = policyInputFromFixture()

  return ok(
    startReview(EMPTY_INDEX, {
      id,
      now: NOW,
      by: BY,
      policy,
      findings: evaluatePolicy(policy),
    })
  )
}

/** A storefront exposure as rules/exposedClientSide.ts rates it: CRITICAL with its token, else HIGH. */
export const exposure = (
  severity: 'CRITICAL' | 'HIGH' = 'CRITICAL'
): ReviewFinding => ({
  rule: 'exposed-client-side',
  severity,
  practice: 'NO_CLIENT_SIDE',
})

/** Every practice of the checklist closed as not applicable by BY at LATER, so that a test can
 * sign the review: what it is about is the keys, not the checklist. */
export function closeEveryPractice(
  review: Review,
  note = 'not in scope of this test'
): Review {
  let r = review

  for (const practice of PRACTICES)
    r = ok(
      checkPractice(r, {
        practice,
        status: 'NOT_APPLICABLE',
        note,
        by: BY,
        now: LATER,
      })
    )

  return r
}
