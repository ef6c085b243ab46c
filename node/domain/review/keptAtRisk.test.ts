import { decideKeys } from './bulk'
import type { FindingsNow } from './findingsNow'
import { withFindingsNow } from './findingsNow'
import { keptCritical, keptExposed } from './keptAtRisk'
import { completeReview } from './machine'
import type { Review } from './types'
import {
  BY,
  closeEveryPractice,
  exposure,
  LATER,
  ok,
  startedReview,
} from './testing/review'

const started: Review = startedReview()

// The fixture's scan, at start: the Store locator widget's token, the Product Q&A widget's appKey alone.
const byLabel = (label: string) => started.keys.find((k) => k.label === label)!
const storeLocator = byLabel('Store locator widget')
const qa = byLabel('Product Q&A widget')

// Two keys without findings at start that a storefront scan found during the review: one with its
// token beside it (CRITICAL), one by its appKey alone (HIGH), as rules/exposedClientSide.ts rates them.
const [tokenKey, appKeyOnly] = started.keys.filter(
  (k) => !k.external && !k.findings.length
)

const now: FindingsNow = (k) =>
  k.id === tokenKey.id
    ? [...k.findings, exposure('CRITICAL')]
    : k.id === appKeyOnly.id
    ? [...k.findings, exposure('HIGH')]
    : k.findings

const criticalAtStart = started.keys.filter((k) =>
  k.findings.some((f) => f.severity === 'CRITICAL')
)

// Every key kept with a justification, but one CRITICAL key from the start asked to rotate.
const [rotated] = criticalAtStart.filter(
  (k) => !k.external && k.id !== storeLocator.id
)

const decided = (() => {
  let r = ok(
    decideKeys(withFindingsNow(started, now), {
      keyIds: started.keys.filter((k) => k.id !== rotated.id).map((k) => k.id),
      decision: 'KEEP',
      justification: 'reviewed with the team',
      by: BY,
      now: LATER,
    })
  ).review

  r = ok(
    decideKeys(r, {
      keyIds: [rotated.id],
      decision: 'ROTATE',
      by: BY,
      now: LATER,
    })
  ).review

  r = closeEveryPractice(r)

  return withFindingsNow(r, now)
})()

const ids = (keys: Array<{ id: string }>) => keys.map((k) => k.id).sort()

describe('keptExposed', () => {
  // walk14 #1: "2 kept keys have their token in storefront code" when one had its appKey alone
  it('counts the kept keys whose token was found, not those whose appKey alone was', () => {
    expect(qa.findings.map((f) => [f.rule, f.severity])).toContainEqual([
      'exposed-client-side',
      'HIGH',
    ])
    expect(ids(keptExposed(decided))).toEqual(ids([storeLocator, tokenKey]))
  })
})

describe('keptCritical', () => {
  it('counts the kept keys with a CRITICAL finding at start or since, not a key asked to change', () => {
    expect(criticalAtStart.length).toBeGreaterThan(1)
    expect(ids(keptCritical(decided))).toEqual(
      ids([...criticalAtStart.filter((k) => k.id !== rotated.id), tokenKey])
    )
  })

  // walk14 #10: the completed review says what the sign-off said, whatever the findings are later
  it('on a completed review, stays what it was at sign-off', () => {
    const signed = ok(
      completeReview(decided, { by: BY, now: LATER, findingsNow: now })
    )

    const fixedSince = withFindingsNow(signed, (k) => k.findings)

    expect(ids(keptCritical(fixedSince))).toEqual(ids(keptCritical(decided)))
    expect(ids(keptExposed(fixedSince))).toEqual(ids([storeLocator, tokenKey]))
  })
})
