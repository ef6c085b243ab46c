import { withFindingsNow } from '../../domain/review/findingsNow'
import { decideKey } from '../../domain/review/machine'
import type { Review } from '../../domain/review/types'
import {
  BY,
  LATER,
  ok,
  startedReview,
} from '../../domain/review/testing/review'
import { presentAudit, presentKey, presentProgress } from './present'

const started: Review = startedReview()

const healthy = started.keys.filter((k) => !k.external && !k.findings.length)
const keep = (r: Review, id: string, justification = '') =>
  ok(
    decideKey(r, {
      keyId: id,
      decision: 'KEEP',
      justification,
      by: BY,
      now: LATER,
    })
  )

describe('presentProgress: what the sign-off names', () => {
  // Keys kept while healthy whose token a scan found since: two without a reason, one with.
  const [a, b, c] = healthy
  let r = keep(
    keep(keep(started, a.id), b.id),
    c.id,
    'widget, token rotated next sprint'
  )

  // a's and c's token were found (CRITICAL), b's appKey alone (HIGH: rules/exposedClientSide.ts)
  r = withFindingsNow(r, (k) =>
    [a.id, b.id, c.id].includes(k.id)
      ? [
          ...k.findings,
          {
            rule: 'exposed-client-side',
            severity: k.id === b.id ? 'HIGH' : 'CRITICAL',
            practice: 'NO_CLIENT_SIDE',
            subjectType: 'KEY',
          } as never,
        ]
      : k.findings
  )

  it('names the keys kept without a justification that turned risky (at most 5), and counts the kept ones whose token was found', () => {
    const p = presentProgress(r)

    expect(p.keptWithoutReason).toBe(2)
    expect(p.keptWithoutReasonKeys).toEqual([
      { id: a.id, label: a.label || a.appKey },
      { id: b.id, label: b.label || b.appKey },
    ])
    // kept with a justification too: signing leaves each exposed token in use (not b's: no token)
    expect(p.keptExposed).toBe(2)
    expect(p.keptCritical).toBe(2)
    expect(presentProgress(started).keptExposed).toBe(0)
    expect(presentProgress(started).keptCritical).toBe(0)
  })

  // attack12: signed before the findings raised during a review were stored, the count was of
  // the findings at start only (0 here, where 2 were seen): no number rather than a wrong one
  it('gives no keptCritical or keptExposed for a completed review that does not hold the findings its signer saw', () => {
    const { keysHighOrWorseNow: _now, ...evidence } = r.evidence
    const signedBefore: Review = {
      ...r,
      status: 'COMPLETED',
      evidence,
      keys: r.keys.map(({ newFindings: _new, ...k }) => k),
    }

    expect(presentProgress(signedBefore).keptCritical).toBeNull()
    expect(presentProgress({ ...r, status: 'COMPLETED' }).keptCritical).toBe(2)
    // left12: keptExposed undercounted the same way
    expect(presentProgress(signedBefore).keptExposed).toBeNull()
    expect(presentProgress({ ...r, status: 'COMPLETED' }).keptExposed).toBe(2)
  })
})

describe('presentAudit: log lines tell keys named alike apart', () => {
  it('gives the appKey of a key whose label another key shares, and none for a unique label', () => {
    const [a, b, c] = healthy
    const twins: Review = {
      ...started,
      keys: started.keys.map((k) =>
        k.id === b.id ? { ...k, label: a.label } : k
      ),
    }

    const r = keep(keep(keep(twins, a.id), b.id), c.id)
    const lines = presentAudit(r, r.audit.slice(1))

    expect(lines.map((l) => [l.subjectLabel, l.subjectAppKey])).toEqual([
      [a.label, a.appKey],
      [a.label, b.appKey],
      [c.label, null],
    ])
  })
})

describe('presentProgress: a decision that does not fit its key', () => {
  // attack8 12: a Rotate stored on an external key before the service refused it
  const external = started.keys.find((k) => k.external)!
  const stale: Review = {
    ...started,
    decisions: {
      [external.id]: { decision: 'ROTATE', justification: '', by: BY, at: '' },
    },
  }

  it('counts it nowhere while the review is open: undecided, no Rotate, no change asked', () => {
    const p = presentProgress(stale)

    expect(p.keysDecided).toBe(0)
    expect(p.decisionCounts.every((c) => c.count === 0)).toBe(true)
    expect(p.changesAsked).toBe(0)
  })

  it('counts it as signed once the review is completed', () => {
    const p = presentProgress({ ...stale, status: 'COMPLETED' })

    expect(p.keysDecided).toBe(1)
    expect(p.decisionCounts.find((c) => c.decision === 'ROTATE')!.count).toBe(1)
    expect(p.changesOutside).toBe(1)
  })
})

describe('presentKey: the decision as it stands', () => {
  // attack8 12: a Rotate or Deactivate stored on an external key before the service refused them
  const external = started.keys.find((k) => k.external)!
  const legacy = (r: Review, decision: 'ROTATE' | 'DEACTIVATE'): Review => ({
    ...r,
    decisions: {
      ...r.decisions,
      [external.id]: { decision, justification: '', by: BY, at: '' },
    },
  })

  it.each(['ROTATE', 'DEACTIVATE'] as const)(
    'shows a %s stored on an external key of an open review as no decision, as progress counts it',
    (decision) => {
      const open = legacy(started, decision)

      expect(presentKey(open, external).decision).toBeNull()
      expect(presentProgress(open).keysDecided).toBe(0)
      // signed, the review keeps what was signed
      expect(
        presentKey({ ...open, status: 'COMPLETED' }, external).decision
      ).toMatchObject({ decision, carryOutStatus: 'NOT_STARTED' })
    }
  )

  it('shows a Keep or Reduce roles on an external key as taken', () => {
    const r = ok(
      decideKey(started, {
        keyId: external.id,
        decision: 'REDUCE_ROLES',
        justification: '',
        by: BY,
        now: LATER,
      })
    )

    expect(presentKey(r, external).decision).toMatchObject({
      decision: 'REDUCE_ROLES',
      decidedBy: BY,
    })
  })
})
