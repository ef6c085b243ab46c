import { evaluatePolicy } from '../engine'
import { NOW } from '../testing/build'
import { policyInputFromFixture } from '../testing/fromFixture'
import { matches } from './decisionPage'
import { decisionProblem, EMPTY_INDEX, startReview } from './machine'
import { isRiskyKey, KEEP_NEEDS_JUSTIFICATION } from './keepNeedsJustification'
import type { Review, ReviewKey } from './types'

const policy = policyInputFromFixture()
const started = startReview(EMPTY_INDEX, {
  id: 'r1',
  now: NOW,
  by: 'ana@acme.com',
  policy,
  findings: evaluatePolicy(policy),
})

if (!started.ok) throw new Error(started.message.id)
const review: Review = started.value

const withFindings = (
  severities: Array<ReviewKey['findings'][number]['severity']>,
  fresh: Array<ReviewKey['findings'][number]['severity']> = []
): ReviewKey => ({
  ...review.keys[0],
  findings: severities.map((severity) => ({
    rule: 'key-age-exceeded',
    severity,
    practice: 'ROTATE_KEYS',
  })),
  newFindings: fresh.map((severity) => ({
    rule: 'exposed-client-side',
    severity,
    practice: 'NO_CLIENT_SIDE',
  })),
})

describe('keeping a key needs a justification', () => {
  it('for a HIGH finding as for a CRITICAL one, not below', () => {
    expect(KEEP_NEEDS_JUSTIFICATION).toEqual(['CRITICAL', 'HIGH'])
    expect(isRiskyKey(withFindings(['HIGH']))).toBe(true)
    expect(isRiskyKey(withFindings(['CRITICAL', 'LOW']))).toBe(true)
    expect(isRiskyKey(withFindings(['MEDIUM', 'LOW', 'INFO']))).toBe(false)
    // a finding raised during the review counts as one at start
    expect(isRiskyKey(withFindings(['LOW'], ['HIGH']))).toBe(true)
  })

  it("the table's risky filter (the bulk bar's count) is exactly the set the service refuses to keep without one", () => {
    const keys = [
      ...review.keys,
      withFindings(['HIGH']),
      withFindings(['MEDIUM'], ['HIGH']),
      withFindings(['MEDIUM']),
    ]

    expect(
      keys.some(
        (k) =>
          isRiskyKey(k) && k.findings.every((f) => f.severity !== 'CRITICAL')
      )
    ).toBe(true)
    for (const k of keys) {
      const refused = decisionProblem(k, 'KEEP', '') !== null

      expect([k.id, matches(review, k, { risky: true })]).toEqual([
        k.id,
        refused,
      ])
      expect([k.id, matches(review, k, { risky: false })]).toEqual([
        k.id,
        !refused,
      ])
    }
  })
})
