import { evaluatePolicy } from '../engine'
import { NOW } from '../testing/build'
import { policyInputFromFixture } from '../testing/fromFixture'
import { matchingIds } from './decisionPage'
import type { CarryOutFilter } from './followUp'
import { carryOutMatches, CARRY_OUT_FILTERS, followUpOf } from './followUp'
import { carryOut, decideKey, EMPTY_INDEX, startReview } from './machine'
import type { Decision, KeyAction, Outcome, Review } from './types'

const policy = policyInputFromFixture()
const BY = 'ana@acme.com'
const LATER = new Date(NOW.getTime() + 3_600_000)

function ok<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(o.message.id)

  return o.value
}

const started = (): Review =>
  ok(
    startReview(EMPTY_INDEX, {
      id: 'r1',
      now: NOW,
      by: BY,
      policy,
      findings: evaluatePolicy(policy),
    })
  )

/** The review with decision i of `plan` on key i, then each key's actions done. */
function reviewWith(
  plan: Array<[Decision, KeyAction[]]>,
  base: Review = started()
): Review {
  let r = base

  plan.forEach(([decision], i) => {
    r = ok(
      decideKey(r, {
        keyId: r.keys[i].id,
        decision,
        justification: 'agreed with the owner',
        by: BY,
        now: NOW,
      })
    )
  })
  plan.forEach(([, actions], i) => {
    for (const action of actions)
      r =
        carryOut(r, {
          keyId: r.keys[i].id,
          action,
          detail: '',
          by: BY,
          now: LATER,
        }) ?? r
  })

  return r
}

// keys 0..6: KEEP, KEEP (deactivated anyway), ROTATE started, ROTATE finished, DEACTIVATE done,
// REDUCE_ROLES not started, DEACTIVATE not started; the rest undecided.
const PLAN: Array<[Decision, KeyAction[]]> = [
  ['KEEP', []],
  ['KEEP', ['DEACTIVATE']],
  ['ROTATE', ['RENEW_TOKEN']],
  ['ROTATE', ['RENEW_TOKEN', 'FINISH_RENEWAL']],
  ['DEACTIVATE', ['DEACTIVATE']],
  ['REDUCE_ROLES', []],
  ['DEACTIVATE', []],
]

describe('followUpOf', () => {
  it('counts nothing for a review without decisions', () => {
    expect(followUpOf(started())).toEqual({
      changesAsked: 0,
      changesCarriedOut: 0,
      changesInProgress: 0,
      changesNotStarted: 0,
      changesOutside: 0,
      criticalChangesPending: 0,
    })
  })

  it('counts the decisions asking for a change by where carrying them out stands; KEEP asks for none', () => {
    const r = reviewWith(PLAN)

    expect(r.keys.length).toBeGreaterThan(PLAN.length) // some keys stay undecided
    expect(followUpOf(r)).toMatchObject({
      changesAsked: 5,
      changesCarriedOut: 2,
      changesInProgress: 1,
      changesNotStarted: 2,
    })
  })

  it('counts the changes still pending on keys with a CRITICAL finding, not those carried out', () => {
    const base = started()
    const critical = base.keys
      .map((k, i) => [k, i] as const)
      .filter(([k]) => k.findings.some((f) => f.severity === 'CRITICAL'))
      .map(([, i]) => i)

    expect(critical.length).toBeGreaterThan(1)
    // Every key deactivated in the decision (an external key: its roles reduced in VTEX), only
    // the first critical one carried out.
    const r = reviewWith(
      base.keys.map((k, i) => [
        k.external ? 'REDUCE_ROLES' : 'DEACTIVATE',
        i === critical[0] ? ['DEACTIVATE'] : [],
      ]),
      base
    )

    expect(followUpOf(r).criticalChangesPending).toBe(critical.length - 1)
    // Kept, they ask for no change: nothing to remind of.
    expect(
      followUpOf(
        reviewWith(
          base.keys.map(() => ['KEEP', []]),
          base
        )
      ).criticalChangesPending
    ).toBe(0)
  })

  it('every decision asking for a change is in exactly one count', () => {
    const r = reviewWith(
      started().keys.map((k, i) => [
        k.external
          ? 'REDUCE_ROLES'
          : (['ROTATE', 'REDUCE_ROLES', 'DEACTIVATE'] as const)[i % 3],
        i % 2
          ? []
          : [(['RENEW_TOKEN', 'REMOVE_ROLE', 'DEACTIVATE'] as const)[i % 3]],
      ])
    )

    const f = followUpOf(r)

    expect(f.changesAsked).toBe(r.keys.length)
    expect(
      f.changesCarriedOut +
        f.changesInProgress +
        f.changesNotStarted +
        f.changesOutside
    ).toBe(f.changesAsked)
    expect(f.changesInProgress).toBeGreaterThan(0)
    expect(f.changesCarriedOut).toBeGreaterThan(0)
    expect(f.changesOutside).toBe(r.keys.filter((k) => k.external).length)
  })

  it('ignores a stored decision on a key the review does not hold', () => {
    const r = reviewWith(PLAN)
    const stray: Review = {
      ...r,
      decisions: {
        ...r.decisions,
        'not-in-review': {
          decision: 'ROTATE',
          justification: '',
          by: BY,
          at: '',
        },
      },
    }

    expect(followUpOf(stray)).toEqual(followUpOf(r))
  })
})

describe('the carry-out filter', () => {
  const r = reviewWith(PLAN)
  const ids = (i: number[]) => i.map((n) => r.keys[n].id).sort()
  const matched = (carryOut: CarryOutFilter) =>
    matchingIds(r, { carryOut }).sort()

  it.each([
    ['NOT_CARRIED_OUT', [2, 5, 6]],
    ['NOT_STARTED', [5, 6]],
    ['IN_PROGRESS', [2]],
    ['CARRIED_OUT', [3, 4]],
  ] as const)(
    '%s lists the changes asked for in that state',
    (filter, keys) => {
      expect(matched(filter)).toEqual(ids([...keys]))
    }
  )

  it('never lists a KEEP decision or an undecided key, whatever the filter', () => {
    for (const f of CARRY_OUT_FILTERS) {
      expect(matched(f)).not.toContain(r.keys[0].id)
      expect(matched(f)).not.toContain(r.keys[1].id)
      expect(matched(f)).not.toContain(r.keys[PLAN.length].id)
      expect(carryOutMatches(r.keys[0], undefined, f)).toBe(false)
    }
  })

  it('agrees with the counts and combines with the other conditions', () => {
    const f = followUpOf(r)

    expect(matched('NOT_CARRIED_OUT')).toHaveLength(
      f.changesInProgress + f.changesNotStarted
    )
    expect(
      matchingIds(r, { carryOut: 'NOT_CARRIED_OUT', decision: 'DEACTIVATE' })
    ).toEqual([r.keys[6].id])
  })
})

describe('changes asked on external keys (another account’s key)', () => {
  const base = started()
  const externals = base.keys.filter((k) => k.external)
  const r = externals.reduce(
    (acc, k) =>
      ok(
        decideKey(acc, {
          keyId: k.id,
          decision: 'REDUCE_ROLES',
          justification: 'the partner needs only the catalog',
          by: BY,
          now: NOW,
        })
      ),
    base
  )

  it('are counted apart, as made outside Key Steward, never as not carried out yet', () => {
    expect(externals.length).toBeGreaterThan(1)
    expect(followUpOf(r)).toMatchObject({
      changesAsked: externals.length,
      changesOutside: externals.length,
      changesNotStarted: 0,
      changesInProgress: 0,
      changesCarriedOut: 0,
    })
  })

  it('are never listed by a carry-out filter (the Overview’s link lists what Key Steward can carry out)', () => {
    for (const f of CARRY_OUT_FILTERS)
      expect(matchingIds(r, { carryOut: f })).toEqual([])
  })

  // The sign-off's reminder (review.signOffCritical) says such keys keep their access "until the
  // change is made", not that Key Steward makes it: an external key whose token a storefront scan
  // found (CRITICAL) keeps its access until its roles are reduced in VTEX, so it is counted, and
  // it never reads as carried out (Key Steward cannot follow it).
  it('count a pending change on an external key with a CRITICAL finding among the critical ones, open and signed', () => {
    const exposed = externals[0]
    const critical: Review = {
      ...r,
      keys: r.keys.map((k) =>
        k.id === exposed.id
          ? {
              ...k,
              findings: [
                ...k.findings,
                {
                  rule: 'exposed-client-side',
                  severity: 'CRITICAL',
                  practice: 'NO_CLIENT_SIDE',
                },
              ],
            }
          : k
      ),
    }

    for (const review of [
      critical,
      { ...critical, status: 'COMPLETED' as const },
    ]) {
      const f = followUpOf(review)

      expect(f.criticalChangesPending).toBe(
        followUpOf(r).criticalChangesPending + 1
      )
      // the reminder never counts more than the changes the follow-up line leaves open
      expect(f.criticalChangesPending).toBeLessThanOrEqual(
        f.changesInProgress + f.changesNotStarted + f.changesOutside
      )
    }
  })

  // attack8 12: a Rotate or Deactivate stored on an external key before the rule
  const legacy = (review: Review, decision: Decision): Review => ({
    ...review,
    decisions: {
      ...review.decisions,
      [externals[0].id]: { decision, justification: '', by: BY, at: '' },
    },
  })

  it.each(['ROTATE', 'DEACTIVATE'] as const)(
    'ask nothing while the review is open when the decision is %s stored before the rule: the key is to be decided again',
    (decision) => {
      const open = legacy(r, decision)

      expect(followUpOf(open)).toMatchObject({
        changesAsked: externals.length - 1,
        changesOutside: externals.length - 1,
        changesNotStarted: 0,
        changesInProgress: 0,
        changesCarriedOut: 0,
      })
      // the table lists it among the undecided keys, as progress counts it
      expect(matchingIds(open, { status: 'UNDECIDED' })).toContain(
        externals[0].id
      )
      expect(matchingIds(open, { decision })).toEqual([])
    }
  )

  it('count a decision signed before external keys were limited to Keep and Reduce roles apart, as signed', () => {
    const signed = legacy({ ...r, status: 'COMPLETED' }, 'DEACTIVATE')

    expect(followUpOf(signed)).toMatchObject({
      changesAsked: externals.length,
      changesOutside: externals.length,
      changesNotStarted: 0,
    })
  })
})
