import { ageInDays } from '../age'
import { english } from '../../services/wording'
import { evaluatePolicy } from '../engine'
import type { Finding, Practice } from '../findings'
import { PRACTICES, severityRank } from '../findings'
import { duplicateKey, genericLabelSet, isGenericLabel } from '../labels'
import { grantsEverything } from '../roleGrants'
import { rotatedAt } from '../rules/keyAgeExceeded'
import type { PolicyInput } from '../rules/types'
import { input, key, NOW, OWNER, user } from '../testing/build'
import { policyInputFromFixture } from '../testing/fromFixture'
import { ATTESTED } from './checklist'
import type { StartInput } from './machine'
import {
  carryOut,
  carryOutStatus,
  checkPractice,
  completeReview,
  DECISION_CARRIED_OUT_BY,
  decideKey,
  EMPTY_INDEX,
  indexWith,
  changesAskedIn,
  MAX_JUSTIFICATION,
  MAX_NOTE,
  progressOf,
  reviewsToFollowUp,
  startReview,
  STARTS_CARRYING_OUT,
} from './machine'
import type {
  Decision,
  Outcome,
  Refusal,
  Review,
  ReviewIndex,
  ReviewKey,
} from './types'
import { closeEveryPractice } from './testing/review'

const BY = 'ana@acme.com'
const LATER = new Date(NOW.getTime() + 3_600_000)
const LATEST = new Date(NOW.getTime() + 7_200_000)

const policy = policyInputFromFixture()
const findings = evaluatePolicy(policy)
const startInput = (over: Partial<StartInput> = {}): StartInput => ({
  id: 'r1',
  now: NOW,
  by: BY,
  policy,
  findings,
  ...over,
})

/** The review value, or a failure that shows the refusal. */
function ok<T>(o: Outcome<T>): T {
  if (!o.ok)
    throw new Error(`refused: ${o.code} ${o.field ?? ''} ${english(o.message)}`)

  return o.value
}

function refusal<T>(o: Outcome<T>): Refusal {
  if (o.ok) throw new Error('expected a refusal, got a value')

  return o
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o)
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v)
  }

  return o
}

const started = (): Review => ok(startReview(EMPTY_INDEX, startInput()))

const isRisky = (k: ReviewKey) =>
  k.findings.some((f) => severityRank(f.severity) <= severityRank('HIGH'))

function pick(
  r: Review,
  what: string,
  pred: (k: ReviewKey) => boolean
): ReviewKey {
  const k = r.keys.find(pred)

  if (!k) throw new Error(`the fixture has no ${what} key`)

  return k
}

const criticalKey = (r: Review) =>
  pick(r, 'CRITICAL', (k) => k.findings.some((f) => f.severity === 'CRITICAL'))

const highOnlyKey = (r: Review) =>
  pick(
    r,
    'HIGH (not CRITICAL)',
    (k) =>
      k.findings.some((f) => f.severity === 'HIGH') &&
      !k.findings.some((f) => f.severity === 'CRITICAL')
  )

const mediumKey = (r: Review) =>
  pick(
    r,
    'MEDIUM-at-worst',
    (k) => k.findings.some((f) => f.severity === 'MEDIUM') && !isRisky(k)
  )

const healthyKey = (r: Review) =>
  pick(r, 'healthy', (k) => k.findings.length === 0)

/** A storefront scan run during the review (NO_CLIENT_SIDE needs one no older than the review). */
const FRESH_SCAN = {
  at: LATER.toISOString(),
  exposedKeys: 0,
  complete: true,
  unreadCount: 0,
  appKeys: [],
}

/** Every key decided (ROTATE needs no justification) and every practice closed. */
function readyToSign(r: Review): Review {
  let next = r

  for (const k of r.keys)
    next = ok(
      decideKey(next, {
        keyId: k.id,
        // another account's key cannot be rotated here (externalKeyDecisions.ts)
        decision: k.external ? 'REDUCE_ROLES' : 'ROTATE',
        by: BY,
        now: LATER,
      })
    )
  for (const p of PRACTICES)
    next = ok(
      checkPractice(next, {
        practice: p,
        status: 'DONE',
        note: `checked ${p}`,
        by: BY,
        now: LATER,
        leakScan: FRESH_SCAN,
      })
    )

  return next
}

const completed = (): Review =>
  ok(
    completeReview(readyToSign(started()), {
      by: 'rafael@acme.com',
      now: LATEST,
      note: 'All good',
    })
  )

describe('startReview', () => {
  const review = started()

  it('the fixture is realistic: many keys, risky and healthy ones', () => {
    expect(review.keys).toHaveLength(
      policy.inventory.keys.length + policy.inventory.externalKeys.length
    )
    expect(policy.inventory.externalKeys.length).toBeGreaterThan(0)
    expect(review.keys.length).toBeGreaterThan(20)
    expect(review.keys.some(isRisky)).toBe(true)
    expect(review.keys.some((k) => k.findings.length === 0)).toBe(true)
  })

  it('opens a review started by the user at now', () => {
    expect(review).toMatchObject({
      id: 'r1',
      status: 'OPEN',
      startedAt: NOW.toISOString(),
      startedBy: BY,
      decisions: {},
      completedAt: null,
      signedBy: null,
      signatureNote: null,
    })
  })

  it('snapshots every key with its findings (rule, severity, practice) and role names', () => {
    const keyFindings = (id: string) =>
      findings
        .filter((f: Finding) => f.subjectType === 'KEY' && f.subjectId === id)
        .map((f) => ({
          rule: f.rule,
          severity: f.severity,
          practice: f.practice,
        }))

    expect(review.keys.filter((k) => !k.external)).toEqual(
      policy.inventory.keys.map((k) => ({
        id: k.id,
        appKey: k.appKey,
        label: k.label,
        isActive: k.isActive,
        ageDays: k.ageDays,
        rolesKnown: k.rolesKnown,
        roles: k.roles.map((r) => r.name),
        findings: keyFindings(k.id),
      }))
    )
    // user and account findings never land on a key; external keys carry their own
    expect(review.keys.flatMap((k) => k.findings)).toHaveLength(
      findings.filter(
        (f) => f.subjectType === 'KEY' || f.subjectType === 'EXTERNAL_KEY'
      ).length
    )
    const withRoles = review.keys.find((k) => k.roles.length > 1)!

    expect(withRoles.roles.every((r) => typeof r === 'string')).toBe(true)
  })

  it('snapshots external keys (other accounts holding roles here) with their findings, kept or reduced like any key', () => {
    const externals = review.keys.filter((k) => k.external)

    expect(externals.map((k) => k.appKey)).toEqual(
      policy.inventory.externalKeys.map((e) => e.appKey)
    )
    for (const e of policy.inventory.externalKeys) {
      const k = externals.find((x) => x.appKey === e.appKey)!

      expect(k).toMatchObject({
        id: `external:${e.appKey}`,
        label: e.account,
        isActive: e.isActive,
        external: { account: e.account },
        roles: e.roles.map((r) => r.name),
      })
      expect(k.findings).toEqual(
        findings
          .filter(
            (f) => f.subjectType === 'EXTERNAL_KEY' && f.subjectId === e.appKey
          )
          .map((f) => ({
            rule: f.rule,
            severity: f.severity,
            practice: f.practice,
          }))
      )
    }

    const broad = externals.find((k) =>
      k.findings.some((f) => f.rule === 'external-broad-access')
    )!

    expect(
      refusal(
        decideKey(review, {
          keyId: broad.id,
          decision: 'KEEP',
          by: BY,
          now: LATER,
        })
      ).field
    ).toBe('justification')
    expect(
      ok(
        decideKey(review, {
          keyId: broad.id,
          decision: 'REDUCE_ROLES',
          by: BY,
          now: LATER,
        })
      ).decisions[broad.id].decision
    ).toBe('REDUCE_ROLES')
  })

  it('refuses Rotate and Deactivate on an external key, naming it: Key Steward cannot renew or deactivate another account’s key', () => {
    const external = review.keys.find((k) => k.external)!

    for (const decision of ['ROTATE', 'DEACTIVATE']) {
      const r = refusal(
        decideKey(review, {
          keyId: external.id,
          decision,
          justification: 'the partner will rotate it',
          by: BY,
          now: LATER,
        })
      )

      expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decision' })
      expect(english(r.message)).toContain(`“${external.external!.account}”`)
      expect(english(r.message)).toContain('another account')
    }
    // a key of this account may still be rotated or deactivated
    const own = review.keys.find((k) => !k.external)!

    expect(
      ok(
        decideKey(review, {
          keyId: own.id,
          decision: 'DEACTIVATE',
          by: BY,
          now: LATER,
        })
      ).decisions[own.id].decision
    ).toBe('DEACTIVATE')
  })

  it('puts the 7 practices on the checklist, all OPEN', () => {
    expect(Object.keys(review.checklist).sort()).toEqual([...PRACTICES].sort())
    for (const p of PRACTICES)
      expect(review.checklist[p]).toEqual({
        status: 'OPEN',
        note: '',
        by: null,
        at: null,
      })
  })

  it('measures the evidence from the policy input', () => {
    const s = policy.settings
    const active = policy.inventory.keys.filter((k) => k.isActive)
    const generic = genericLabelSet(s.extraGenericLabels)
    const labelCount = new Map<string, number>()

    for (const k of policy.inventory.keys)
      labelCount.set(
        duplicateKey(k.label),
        (labelCount.get(duplicateKey(k.label)) ?? 0) + 1
      )
    const integrations = (id: string) =>
      new Set(
        (policy.annotations[id]?.integrations ?? [])
          .map((i) => i.trim().toLowerCase().replace(/\s+/g, ' '))
          .filter(Boolean)
      )

    // external keys are reviewed like any key, so a risky one counts
    const riskyIds = new Set(
      findings
        .filter(
          (f) =>
            (f.subjectType === 'KEY' || f.subjectType === 'EXTERNAL_KEY') &&
            severityRank(f.severity) <= severityRank('HIGH')
        )
        .map((f) => f.subjectId)
    )

    const want = {
      activeKeys: active.length,
      activeWithinRotation: active.filter(
        (k) =>
          ageInDays(rotatedAt(policy, k.id, k.createdAt), NOW) <= s.rotationDays
      ).length,
      rotationDays: s.rotationDays,
      // renewals started through Key Steward and left unfinished past the grace period
      unfinishedRenewals: active.filter((k) => {
        const r = policy.renewals[k.id]

        return (
          r && !r.finishedAt && ageInDays(r.startedAt, NOW) > s.renewalGraceDays
        )
      }).length,
      keysHighOrWorse: riskyIds.size,
      ownerUsers: policy.inventory.users.filter(
        (u) => !u.isBlocked && u.roles.some(grantsEverything)
      ).length,
      maxOwnerUsers: s.maxOwnerUsers,
      keysWithoutOwner: active.filter(
        (k) => !policy.annotations[k.id]?.owner?.trim()
      ).length,
      genericLabels: policy.inventory.keys.filter((k) =>
        isGenericLabel(k.label, generic)
      ).length,
      duplicateLabels: policy.inventory.keys.filter(
        (k) =>
          duplicateKey(k.label) && labelCount.get(duplicateKey(k.label))! > 1
      ).length,
      sharedKeys: policy.inventory.keys.filter(
        (k) => integrations(k.id).size > 1
      ).length,
      inventoryComplete: policy.inventory.complete,
      leakScan: null,
    }

    expect(review.evidence).toEqual(want)
    // the fixture exercises each figure (none is trivially 0 or "all")
    for (const f of [
      'unfinishedRenewals',
      'keysHighOrWorse',
      'ownerUsers',
      'keysWithoutOwner',
      'genericLabels',
      'duplicateLabels',
      'sharedKeys',
    ] as const)
      expect(want[f]).toBeGreaterThan(0)
    expect(want.activeWithinRotation).toBeLessThan(want.activeKeys)
    expect(want.activeKeys).toBeLessThan(policy.inventory.keys.length)
  })

  it('records the latest leak scan when given', () => {
    const r = ok(
      startReview(
        EMPTY_INDEX,
        startInput({ leakScan: { at: NOW.toISOString(), exposedKeys: 2 } })
      )
    )

    expect(r.evidence.leakScan).toEqual({
      at: NOW.toISOString(),
      exposedKeys: 2,
    })
  })

  it('counts users holding a predefined Owner role as Owner users even when VTEX does not flag it isAdmin (as user-owner-role does)', () => {
    const ownerUnflagged = { ...OWNER, isAdmin: false }
    const p: PolicyInput = input({
      users: [
        user({ roles: [OWNER] }),
        user({ roles: [ownerUnflagged] }),
        user({ roles: [ownerUnflagged], isBlocked: true }),
        user(),
      ],
      settings: { maxOwnerUsers: 1 },
    })

    const f = evaluatePolicy(p)
    const r = ok(
      startReview(EMPTY_INDEX, {
        id: 'r2',
        now: NOW,
        by: BY,
        policy: p,
        findings: f,
      })
    )

    // user-owner-role fires for both unblocked Owner users; the evidence must agree with it
    expect(f.filter((x) => x.rule === 'user-owner-role')).toHaveLength(2)
    expect(r.evidence.ownerUsers).toBe(2)
  })

  it('works on an empty inventory', () => {
    const p = input()
    const r = ok(
      startReview(EMPTY_INDEX, {
        id: 'r0',
        now: NOW,
        by: BY,
        policy: p,
        findings: evaluatePolicy(p),
      })
    )

    expect(r.keys).toEqual([])
    expect(r.evidence).toMatchObject({
      activeKeys: 0,
      activeWithinRotation: 0,
      keysHighOrWorse: 0,
    })
    expect(r.audit).toEqual([
      {
        at: NOW.toISOString(),
        by: BY,
        action: 'START',
        subject: 'r0',
        detail: '0 keys',
      },
    ])
  })

  it('ignores findings about keys that are not in the inventory', () => {
    const k = key()
    const p = input({ keys: [k] })
    const ghost: Finding = {
      rule: 'owner-role',
      severity: 'CRITICAL',
      practice: 'INDIVIDUAL_KEYS',
      subjectType: 'KEY',
      subjectId: 'not-there',
      subjectLabel: 'x',
      params: {},
    }

    const r = ok(
      startReview(EMPTY_INDEX, {
        id: 'r0',
        now: NOW,
        by: BY,
        policy: p,
        findings: [ghost],
      })
    )

    expect(r.keys.map((x) => x.findings)).toEqual([[]])
    expect(r.evidence.keysHighOrWorse).toBe(0)
  })

  it('writes one START entry to the audit', () => {
    expect(review.audit).toEqual([
      {
        at: NOW.toISOString(),
        by: BY,
        action: 'START',
        subject: 'r1',
        detail: `${
          policy.inventory.keys.length + policy.inventory.externalKeys.length
        } keys`,
      },
    ])
  })

  it('is refused with CONFLICT while another review is open', () => {
    const r = refusal(
      startReview({ openId: 'r0', completed: [] }, startInput())
    )

    expect(r.code).toBe('CONFLICT')
    expect(english(r.message)).toMatch(/already open/)
  })

  it('is allowed again once the previous review is completed', () => {
    const index = indexWith(indexWith(EMPTY_INDEX, started()), completed())

    expect(ok(startReview(index, startInput({ id: 'r2' }))).id).toBe('r2')
  })
})

describe('decideKey', () => {
  const review = deepFreeze(started())
  const decide = (
    r: Review,
    keyId: string,
    decision: string,
    justification?: string | null,
    by = BY,
    now = LATER
  ) => decideKey(r, { keyId, decision, justification, by, now })

  it.each<[Decision, (r: Review) => ReviewKey, string]>([
    ['KEEP', healthyKey, ''],
    ['ROTATE', criticalKey, ''],
    ['REDUCE_ROLES', highOnlyKey, 'Only needs OMS read'],
    ['DEACTIVATE', mediumKey, 'Integration retired'],
  ])('records %s with who and when', (decision, which, justification) => {
    const k = which(review)
    const r = ok(
      decide(review, k.id, decision, justification, 'rafael@acme.com')
    )

    expect(r.decisions).toEqual({
      [k.id]: {
        decision,
        justification,
        by: 'rafael@acme.com',
        at: LATER.toISOString(),
      },
    })
    expect(r.audit[r.audit.length - 1]).toEqual({
      at: LATER.toISOString(),
      by: 'rafael@acme.com',
      action: 'DECIDE',
      subject: k.id,
      detail: justification ? `${decision}: ${justification}` : decision,
    })
    expect(r.audit).toHaveLength(review.audit.length + 1)
    expect(r.status).toBe('OPEN')
  })

  it('deciding again the same way changes nothing and logs nothing (a double click, a retried save)', () => {
    const k = criticalKey(review)
    const once = ok(decide(review, k.id, 'ROTATE', 'Leaked', 'rafael@acme.com'))
    const again = ok(
      decide(once, k.id, 'ROTATE', ' Leaked ', 'ana@acme.com', LATEST)
    )

    expect(again).toBe(once)
    expect(again.audit).toHaveLength(review.audit.length + 1)
    expect(again.decisions[k.id]).toMatchObject({
      by: 'rafael@acme.com',
      at: LATER.toISOString(),
    })
    // another justification or decision is a new decision
    expect(
      ok(decide(once, k.id, 'ROTATE', 'Leaked in a ticket')).audit
    ).toHaveLength(review.audit.length + 2)
    expect(ok(decide(once, k.id, 'DEACTIVATE')).audit).toHaveLength(
      review.audit.length + 2
    )
  })

  it.each<[string, (r: Review) => ReviewKey]>([
    ['CRITICAL', criticalKey],
    ['HIGH', highOnlyKey],
  ])(
    'refuses to KEEP a key with a %s finding without a justification',
    (_sev, which) => {
      const k = which(review)

      // text that shows nothing is no justification (shownText.ts)
      for (const j of [
        undefined,
        null,
        '',
        '   ',
        '\n\t ',
        '\u200B',
        ' \u3164 ',
      ]) {
        const r = refusal(decide(review, k.id, 'KEEP', j))

        expect(r).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'justification',
        })
        expect(english(r.message)).toContain(k.label || k.appKey)
      }
    }
  )

  it('names a key renamed in VTEX since the start by its label now when refusing Keep without a justification, as the bulk refusal and the table do', () => {
    const k = highOnlyKey(review)
    const r = refusal(
      decideKey(review, {
        keyId: k.id,
        decision: 'KEEP',
        by: BY,
        now: LATER,
        labelsNow: new Map([[k.id, 'ERP orders sync (moved to Bling)']]),
      })
    )

    expect(english(r.message)).toContain('ERP orders sync (moved to Bling)')
    if (k.label) expect(english(r.message)).not.toContain(k.label)
  })

  it.each<[string, (r: Review) => ReviewKey]>([
    ['CRITICAL', criticalKey],
    ['HIGH', highOnlyKey],
  ])(
    'KEEPs a key with a %s finding given a justification (trimmed)',
    (_sev, which) => {
      const k = which(review)
      const r = ok(
        decide(
          review,
          k.id,
          'KEEP',
          '  Deploy pipeline; owner role removed next sprint  '
        )
      )

      expect(r.decisions[k.id]).toMatchObject({
        decision: 'KEEP',
        justification: 'Deploy pipeline; owner role removed next sprint',
      })
    }
  )

  it.each<[string, (r: Review) => ReviewKey]>([
    ['a healthy key', healthyKey],
    ['a key with MEDIUM findings at worst', mediumKey],
  ])('KEEPs %s without a justification', (_name, which) => {
    const k = which(review)

    expect(ok(decide(review, k.id, 'KEEP')).decisions[k.id]).toEqual({
      decision: 'KEEP',
      justification: '',
      by: BY,
      at: LATER.toISOString(),
    })
    expect(
      ok(decide(review, k.id, 'KEEP', '   ')).decisions[k.id].justification
    ).toBe('')
  })

  it.each(['ROTATE', 'REDUCE_ROLES', 'DEACTIVATE'])(
    '%s of a risky key needs no justification',
    (decision) => {
      expect(
        ok(decide(review, criticalKey(review).id, decision)).decisions[
          criticalKey(review).id
        ].decision
      ).toBe(decision)
    }
  )

  it.each(['', 'keep', 'DELETE', 'Keep ', 'ROTATE '])(
    'refuses the unknown decision %p (field decision)',
    (decision) => {
      expect(
        refusal(decide(review, healthyKey(review).id, decision))
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decision' })
    }
  )

  it('refuses a key that is not part of the review with NOT_FOUND', () => {
    const r = refusal(decide(review, 'no-such-key', 'ROTATE'))

    expect(r).toMatchObject({ code: 'NOT_FOUND', field: 'keyId' })
    expect(english(r.message)).toContain('no-such-key')
  })

  it(`limits the justification to ${MAX_JUSTIFICATION} characters`, () => {
    const k = criticalKey(review)

    expect(
      refusal(decide(review, k.id, 'KEEP', 'x'.repeat(MAX_JUSTIFICATION + 1)))
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'justification' })
    expect(
      refusal(decide(review, healthyKey(review).id, 'ROTATE', 'x'.repeat(5000)))
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'justification' })
    expect(
      ok(decide(review, k.id, 'KEEP', 'x'.repeat(MAX_JUSTIFICATION))).decisions[
        k.id
      ].justification
    ).toHaveLength(MAX_JUSTIFICATION)
    expect(
      ok(decide(review, k.id, 'KEEP', `  ${'x'.repeat(MAX_JUSTIFICATION)}  `))
        .decisions[k.id].justification
    ).toHaveLength(MAX_JUSTIFICATION)
  })

  it('a second decision on the same key replaces the first; the audit keeps both', () => {
    const k = criticalKey(review)
    const other = healthyKey(review)
    const first = ok(
      decide(review, k.id, 'KEEP', 'Needed for deploys', BY, LATER)
    )

    const withOther = ok(decide(first, other.id, 'KEEP'))
    const second = ok(
      decide(withOther, k.id, 'DEACTIVATE', null, 'rafael@acme.com', LATEST)
    )

    expect(second.decisions[k.id]).toEqual({
      decision: 'DEACTIVATE',
      justification: '',
      by: 'rafael@acme.com',
      at: LATEST.toISOString(),
    })
    expect(second.decisions[other.id].decision).toBe('KEEP')
    expect(Object.keys(second.decisions)).toHaveLength(2)
    const decides = second.audit.filter(
      (e) => e.action === 'DECIDE' && e.subject === k.id
    )

    expect(decides.map((e) => [e.by, e.detail])).toEqual([
      [BY, 'KEEP: Needed for deploys'],
      ['rafael@acme.com', 'DEACTIVATE'],
    ])
    expect(progressOf(second).keysDecided).toBe(2)
  })

  it('is refused with CONFLICT on a completed review', () => {
    const done = completed()

    expect(refusal(decide(done, healthyKey(done).id, 'ROTATE'))).toMatchObject({
      code: 'CONFLICT',
    })
    expect(refusal(decide(done, 'no-such-key', 'nonsense'))).toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('never mutates the review it is given', () => {
    const before = JSON.stringify(review)
    const k = criticalKey(review)

    ok(decide(review, k.id, 'KEEP', 'why'))
    ok(decide(review, healthyKey(review).id, 'ROTATE'))
    refusal(decide(review, k.id, 'KEEP'))
    expect(JSON.stringify(review)).toBe(before)
    expect(review.decisions).toEqual({})
  })
})

describe('checkPractice', () => {
  const review = deepFreeze(started())
  const check = (
    r: Review,
    practice: string,
    status: string,
    note?: string | null,
    by = BY,
    now = LATER
  ) => checkPractice(r, { practice, status, note, by, now })

  const evidenced = PRACTICES.filter((p) => !ATTESTED.includes(p))

  it('attests AWARENESS and NO_SHARING by hand only', () => {
    expect([...ATTESTED].sort()).toEqual(['AWARENESS', 'NO_SHARING'])
  })

  it.each(evidenced)(
    '%s (automatic evidence) can be DONE without a note when its evidence is clean',
    (practice) => {
      const clean = deepFreeze({
        ...review,
        evidence: {
          ...review.evidence,
          activeWithinRotation: review.evidence.activeKeys,
          unfinishedRenewals: 0,
          keysHighOrWorse: 0,
          ownerUsers: 1,
          keysWithoutOwner: 0,
          genericLabels: 0,
          duplicateLabels: 0,
          sharedKeys: 0,
        },
      })

      const r = ok(
        checkPractice(clean, {
          practice,
          status: 'DONE',
          by: BY,
          now: LATER,
          leakScan: FRESH_SCAN,
        })
      )

      expect(r.checklist[practice]).toEqual({
        status: 'DONE',
        note: '',
        by: BY,
        at: LATER.toISOString(),
      })
      expect(r.audit[r.audit.length - 1]).toEqual({
        at: LATER.toISOString(),
        by: BY,
        action: 'CHECK',
        subject: practice,
        detail: 'DONE',
      })
      for (const other of PRACTICES.filter((p) => p !== practice))
        expect(r.checklist[other].status).toBe('OPEN')
    }
  )

  it.each<Practice>(['AWARENESS', 'NO_SHARING'])(
    '%s DONE needs a note',
    (practice) => {
      for (const note of [undefined, null, '', '   '])
        expect(refusal(check(review, practice, 'DONE', note))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'note',
        })
      const r = ok(
        check(review, practice, 'DONE', '  Training on 2026-11-20 by Bruno  ')
      )

      expect(r.checklist[practice]).toEqual({
        status: 'DONE',
        note: 'Training on 2026-11-20 by Bruno',
        by: BY,
        at: LATER.toISOString(),
      })
      expect(r.audit[r.audit.length - 1].detail).toBe(
        'DONE: Training on 2026-11-20 by Bruno'
      )
    }
  )

  it.each([...PRACTICES])('%s NOT_APPLICABLE needs a note', (practice) => {
    for (const note of [undefined, null, '', ' ', '\u200B\u2060'])
      expect(
        refusal(check(review, practice, 'NOT_APPLICABLE', note))
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' })
    expect(
      ok(check(review, practice, 'NOT_APPLICABLE', 'No storefront')).checklist[
        practice
      ]
    ).toEqual({
      status: 'NOT_APPLICABLE',
      note: 'No storefront',
      by: BY,
      at: LATER.toISOString(),
    })
  })

  it(`limits the note to ${MAX_NOTE} characters`, () => {
    expect(
      refusal(check(review, 'AWARENESS', 'DONE', 'n'.repeat(MAX_NOTE + 1)))
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' })
    expect(
      ok(check(review, 'AWARENESS', 'DONE', 'n'.repeat(MAX_NOTE))).checklist
        .AWARENESS.note
    ).toHaveLength(MAX_NOTE)
  })

  it('back to OPEN clears who and when', () => {
    const done = ok(check(review, 'AWARENESS', 'DONE', 'Trained'))
    const reopened = ok(
      check(done, 'AWARENESS', 'OPEN', null, 'rafael@acme.com', LATEST)
    )

    expect(reopened.checklist.AWARENESS).toEqual({
      status: 'OPEN',
      note: '',
      by: null,
      at: null,
    })
    expect(reopened.audit.slice(-2).map((e) => [e.by, e.detail])).toEqual([
      [BY, 'DONE: Trained'],
      ['rafael@acme.com', 'OPEN'],
    ])
    expect(progressOf(reopened).openPractices).toContain('AWARENESS')
  })

  it.each(['', 'rotate_keys', 'UNKNOWN', 'ROTATE_KEYS '])(
    'refuses the unknown practice %p (field practice)',
    (practice) => {
      expect(refusal(check(review, practice, 'DONE', 'note'))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'practice',
      })
    }
  )

  it.each(['', 'done', 'CLOSED', 'SKIPPED'])(
    'refuses the unknown status %p (field status)',
    (status) => {
      expect(
        refusal(check(review, 'ROTATE_KEYS', status, 'note'))
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' })
    }
  )

  it('is refused with CONFLICT on a completed review', () => {
    const done = completed()

    expect(refusal(check(done, 'ROTATE_KEYS', 'OPEN'))).toMatchObject({
      code: 'CONFLICT',
    })
    expect(refusal(check(done, 'AWARENESS', 'DONE', 'again'))).toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('never mutates the review it is given', () => {
    const before = JSON.stringify(review)

    ok(check(review, 'ROTATE_KEYS', 'DONE', 'Renewed the five stale tokens'))
    ok(
      checkPractice(review, {
        practice: 'NO_CLIENT_SIDE',
        status: 'DONE',
        note: 'x',
        by: BY,
        now: LATER,
        leakScan: FRESH_SCAN,
      })
    )
    ok(check(review, 'AWARENESS', 'NOT_APPLICABLE', 'why'))
    expect(JSON.stringify(review)).toBe(before)
  })
})

describe('progressOf', () => {
  it('counts decided keys and closed practices and lists what is left, in order', () => {
    const review = started()
    const ids = review.keys.map((k) => k.id)

    expect(progressOf(review)).toEqual({
      keysTotal: ids.length,
      keysDecided: 0,
      practicesTotal: 7,
      practicesClosed: 0,
      undecided: ids,
      openPractices: [...PRACTICES],
      keptWithoutReason: [],
    })

    let r = ok(
      decideKey(review, {
        keyId: ids[1],
        decision: 'ROTATE',
        by: BY,
        now: LATER,
      })
    )

    r = ok(
      decideKey(r, {
        keyId: ids[3],
        decision: 'DEACTIVATE',
        by: BY,
        now: LATER,
      })
    )
    r = ok(
      decideKey(r, { keyId: ids[3], decision: 'ROTATE', by: BY, now: LATER })
    )
    r = ok(
      checkPractice(r, {
        practice: 'ROTATE_KEYS',
        status: 'DONE',
        note: 'Stale keys renewed',
        by: BY,
        now: LATER,
      })
    )
    r = ok(
      checkPractice(r, {
        practice: 'NO_SHARING',
        status: 'NOT_APPLICABLE',
        note: 'One integrator',
        by: BY,
        now: LATER,
      })
    )
    expect(progressOf(r)).toEqual({
      keysTotal: ids.length,
      keysDecided: 2,
      practicesTotal: 7,
      practicesClosed: 2,
      undecided: ids.filter((_, i) => i !== 1 && i !== 3),
      openPractices: [
        'RENEW_TOKENS',
        'REASSESS_ACCESS',
        'INDIVIDUAL_KEYS',
        'AWARENESS',
        'NO_CLIENT_SIDE',
      ],
      keptWithoutReason: [],
    })
  })

  it('is complete once every key is decided and every practice closed', () => {
    const p = progressOf(readyToSign(started()))

    expect(p).toMatchObject({
      keysDecided: p.keysTotal,
      practicesClosed: 7,
      undecided: [],
      openPractices: [],
    })
  })
})

describe('completeReview', () => {
  const complete = (r: Review, note?: string | null, by = 'rafael@acme.com') =>
    completeReview(r, { by, now: LATEST, note })

  it('is refused while keys are undecided, saying how many', () => {
    const review = started()
    const all = refusal(complete(review))

    expect(all.code).toBe('BAD_USER_INPUT')
    expect(english(all.message)).toContain(
      `${review.keys.length} keys without a decision`
    )
    expect(english(all.message)).toContain(
      'practices still open: Rotate keys, Renew tokens, Reassess access, One key per integration, Awareness, No keys in client-side code, Never share tokens'
    )
    // the client words it from the codes, in the admin's language
    expect(all.details).toEqual({
      missing: {
        undecidedKeys: review.keys.length,
        openPractices: [...PRACTICES],
      },
    })

    const ready = readyToSign(review)
    const oneLeft = { ...ready, decisions: { ...ready.decisions } }

    delete oneLeft.decisions[review.keys[0].id]
    const r = refusal(complete(oneLeft))

    expect(r.code).toBe('BAD_USER_INPUT')
    expect(english(r.message)).toContain('1 key without a decision')
    expect(english(r.message)).not.toMatch(/practices still open/)

    const twoLeft = { ...oneLeft, decisions: { ...oneLeft.decisions } }

    delete twoLeft.decisions[review.keys[1].id]
    expect(english(refusal(complete(twoLeft)).message)).toContain(
      '2 keys without a decision'
    )
  })

  // attack8 12: a review opened before the service refused them may hold these (the Admin shows
  // "Choose…" for the row); they are no decision until Keep or Reduce roles is chosen
  it.each(['ROTATE', 'DEACTIVATE'] as const)(
    'is refused, as for an undecided key, while an external key holds %s stored before the rule',
    (stale) => {
      const ready = readyToSign(started())
      const external = ready.keys.find((k) => k.external)!
      const storedBefore: Review = {
        ...ready,
        decisions: {
          ...ready.decisions,
          [external.id]: {
            ...ready.decisions[external.id],
            decision: stale,
          },
        },
      }

      const p = progressOf(storedBefore)

      expect(p.undecided).toEqual([external.id])
      expect(p.keysDecided).toBe(ready.keys.length - 1)
      const r = refusal(complete(storedBefore))

      expect(r.code).toBe('BAD_USER_INPUT')
      expect(english(r.message)).toContain('1 key without a decision')
      expect(r.details).toEqual({
        missing: { undecidedKeys: 1, openPractices: [] },
      })

      // choosing a fitting decision lets it be signed
      for (const decision of ['KEEP', 'REDUCE_ROLES'] as const) {
        const chosen = ok(
          decideKey(storedBefore, {
            keyId: external.id,
            decision,
            justification: 'the partner still needs it',
            by: BY,
            now: LATER,
          })
        )

        expect(progressOf(chosen).undecided).toEqual([])
        expect(ok(complete(chosen)).status).toBe('COMPLETED')
      }
    }
  )

  it('leaves a signed review as signed: a Rotate on an external key stored before the rule still counts as decided', () => {
    const signed = completed()
    const external = signed.keys.find((k) => k.external)!
    const before: Review = {
      ...signed,
      decisions: {
        ...signed.decisions,
        [external.id]: { ...signed.decisions[external.id], decision: 'ROTATE' },
      },
    }

    expect(progressOf(before).undecided).toEqual([])
  })

  it('is refused while practices are open, naming them', () => {
    let r = readyToSign(started())

    r = ok(
      checkPractice(r, {
        practice: 'AWARENESS',
        status: 'OPEN',
        by: BY,
        now: LATER,
      })
    )
    r = ok(
      checkPractice(r, {
        practice: 'RENEW_TOKENS',
        status: 'OPEN',
        by: BY,
        now: LATER,
      })
    )
    const refused = refusal(complete(r))

    expect(refused.code).toBe('BAD_USER_INPUT')
    expect(english(refused.message)).toContain(
      'practices still open: Renew tokens, Awareness'
    )
    expect(english(refused.message)).not.toMatch(/RENEW_TOKENS|AWARENESS/)
    expect(refused.details).toEqual({
      missing: {
        undecidedKeys: 0,
        openPractices: ['RENEW_TOKENS', 'AWARENESS'],
      },
    })
    expect(english(refused.message)).not.toMatch(/without a decision/)
  })

  it('signs off a review with every key decided and every practice closed', () => {
    const ready = deepFreeze(readyToSign(started()))
    const before = JSON.stringify(ready)
    const done = ok(complete(ready, '  Quarterly review Q4  '))

    expect(done).toMatchObject({
      status: 'COMPLETED',
      completedAt: LATEST.toISOString(),
      signedBy: 'rafael@acme.com',
      signatureNote: 'Quarterly review Q4',
    })
    expect(done.decisions).toEqual(ready.decisions)
    expect(done.checklist).toEqual(ready.checklist)
    expect(done.audit).toEqual([
      ...ready.audit,
      {
        at: LATEST.toISOString(),
        by: 'rafael@acme.com',
        action: 'COMPLETE',
        subject: 'r1',
        detail: 'Quarterly review Q4',
      },
    ])
    expect(JSON.stringify(ready)).toBe(before)
  })

  it.each([undefined, null, '', '   '])(
    'without a note (%p) the signature note is null',
    (note) => {
      expect(
        ok(complete(readyToSign(started()), note)).signatureNote
      ).toBeNull()
    }
  )

  it('NOT_APPLICABLE closes a practice for sign-off', () => {
    let r = started()

    for (const k of r.keys)
      r = ok(
        decideKey(r, {
          keyId: k.id,
          decision: !isRisky(k)
            ? 'KEEP'
            : k.external
            ? 'REDUCE_ROLES'
            : 'ROTATE',
          by: BY,
          now: LATER,
        })
      )
    r = closeEveryPractice(r, 'n/a')
    expect(ok(complete(r)).status).toBe('COMPLETED')
  })

  it(`limits the note to ${MAX_NOTE} characters`, () => {
    expect(
      refusal(complete(readyToSign(started()), 'n'.repeat(MAX_NOTE + 1)))
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' })
  })

  it('completing twice is a CONFLICT', () => {
    expect(refusal(complete(completed()))).toMatchObject({ code: 'CONFLICT' })
  })
})

describe('indexWith', () => {
  it('an OPEN review becomes the open one', () => {
    expect(indexWith(EMPTY_INDEX, started())).toEqual({
      openId: 'r1',
      completed: [],
    })
    const history: ReviewIndex = {
      openId: null,
      completed: [
        { id: 'r0', startedAt: 'a', completedAt: 'b', signedBy: 'c', keys: 3 },
      ],
    }

    expect(indexWith(history, started())).toEqual({ ...history, openId: 'r1' })
  })

  it('a COMPLETED review clears the open id and appends its summary', () => {
    const done = completed()
    const earlier = {
      id: 'r0',
      startedAt: 'a',
      completedAt: 'b',
      signedBy: 'c',
      keys: 3,
    }

    const index = indexWith({ openId: 'r1', completed: [earlier] }, done)

    expect(index).toEqual({
      openId: null,
      completed: [
        earlier,
        {
          id: 'r1',
          startedAt: NOW.toISOString(),
          completedAt: LATEST.toISOString(),
          signedBy: 'rafael@acme.com',
          keys: done.keys.length,
          changesAsked: changesAskedIn(done),
        },
      ],
    })
    // indexing the same completion again does not duplicate it
    expect(indexWith(index, done)).toEqual(index)
  })

  it('records how many decisions asked for a change, so reviews signed the same day read apart', () => {
    const r = started()
    const [a, b, c] = r.keys.filter((k) => !k.external)
    let decided = r

    for (const [k, decision] of [
      [a, 'KEEP'],
      [b, 'ROTATE'],
      [c, 'DEACTIVATE'],
    ] as const)
      decided = ok(
        decideKey(decided, {
          keyId: k.id,
          decision,
          justification: 'agreed',
          by: BY,
          now: LATER,
        })
      )
    expect(changesAskedIn(decided)).toBe(2)
    expect(changesAskedIn(r)).toBe(0)
  })

  it('completing a review that is not the open one leaves the open id alone', () => {
    expect(
      indexWith({ openId: 'other', completed: [] }, completed()).openId
    ).toBe('other')
  })

  it('does not mutate the index', () => {
    const index = deepFreeze({ openId: null, completed: [] } as ReviewIndex)

    indexWith(indexWith(index, started()), completed())
    expect(index).toEqual({ openId: null, completed: [] })
    expect(EMPTY_INDEX).toEqual({ openId: null, completed: [] })
  })
})

describe('carryOut', () => {
  const decided = (decision: Decision) => {
    const r = started()

    return {
      r: ok(
        decideKey(r, {
          keyId: r.keys[0].id,
          decision,
          justification: 'as agreed',
          by: BY,
          now: NOW,
        })
      ),
      keyId: r.keys[0].id,
    }
  }

  it.each([
    ['DEACTIVATE', 'DEACTIVATE'],
    ['ROTATE', 'RENEW_TOKEN'],
    ['ROTATE', 'FINISH_RENEWAL'],
    ['REDUCE_ROLES', 'REMOVE_ROLE'],
  ] as const)(
    'marks a %s decision carried out by %s, with who and when, and audits it',
    (decision, action) => {
      const { r, keyId } = decided(decision)
      const done = carryOut(deepFreeze(r), {
        keyId,
        action,
        detail: 'done',
        by: 'rafael@acme.com',
        now: LATER,
      })!

      expect(done.decisions[keyId].carriedOut).toEqual([
        {
          action,
          detail: 'done',
          by: 'rafael@acme.com',
          at: LATER.toISOString(),
        },
      ])
      expect(done.decisions[keyId].decision).toBe(decision)
      expect(done.audit.at(-1)).toEqual({
        at: LATER.toISOString(),
        by: 'rafael@acme.com',
        action: action === 'RENEW_TOKEN' ? 'CARRY_OUT_STARTED' : 'CARRY_OUT',
        subject: keyId,
        detail: `${action}: done`,
      })
      const twice = carryOut(done, {
        keyId,
        action,
        detail: 'again',
        by: BY,
        now: LATEST,
      })!

      expect(twice.decisions[keyId].carriedOut!.map((c) => c.detail)).toEqual([
        'done',
        'again',
      ])
    }
  )

  it.each([
    ['KEEP', 'DEACTIVATE'],
    ['DEACTIVATE', 'REACTIVATE'],
    ['DEACTIVATE', 'RENEW_TOKEN'],
    ['ROTATE', 'REMOVE_ROLE'],
    ['REDUCE_ROLES', 'RECORD_RENEWAL'],
  ] as const)(
    'leaves a %s decision alone when the action is %s',
    (decision, action) => {
      const { r, keyId } = decided(decision)

      expect(
        carryOut(r, { keyId, action, detail: '', by: BY, now: LATER })
      ).toBeNull()
    }
  )

  it('leaves an undecided key and an unknown key alone', () => {
    const r = started()

    expect(
      carryOut(r, {
        keyId: r.keys[0].id,
        action: 'DEACTIVATE',
        detail: '',
        by: BY,
        now: LATER,
      })
    ).toBeNull()
    expect(
      carryOut(r, {
        keyId: 'nope',
        action: 'DEACTIVATE',
        detail: '',
        by: BY,
        now: LATER,
      })
    ).toBeNull()
  })

  it('follows a completed review up: an action after sign-off carries its decision out, the signed record unchanged', () => {
    const done = deepFreeze(completed())
    const keyId = Object.keys(done.decisions).find(
      (id) => done.decisions[id].decision !== 'KEEP'
    )!

    const decision = done.decisions[keyId].decision
    const action = (
      Object.keys(DECISION_CARRIED_OUT_BY) as Array<
        keyof typeof DECISION_CARRIED_OUT_BY
      >
    ).find(
      (a) =>
        DECISION_CARRIED_OUT_BY[a] === decision &&
        !STARTS_CARRYING_OUT.includes(a)
    )!

    const after = carryOut(done, {
      keyId,
      action,
      detail: 'after sign-off',
      by: 'rafael@acme.com',
      now: LATEST,
    })!

    expect(carryOutStatus(after.decisions[keyId])).toBe('CARRIED_OUT')
    expect(after).toMatchObject({
      status: 'COMPLETED',
      completedAt: done.completedAt,
      signedBy: done.signedBy,
      checklist: done.checklist,
    })
    expect(after.decisions[keyId].decision).toBe(decision)
    expect(after.audit.slice(0, done.audit.length)).toEqual(done.audit)
    expect(after.audit.at(-1)).toMatchObject({
      action: 'CARRY_OUT',
      subject: keyId,
      by: 'rafael@acme.com',
    })
  })

  it('a ROTATE decision is in progress when the renewal starts and carried out when it is finished', () => {
    const { r, keyId } = decided('ROTATE')

    expect(carryOutStatus(r.decisions[keyId])).toBe('NOT_STARTED')
    const started = carryOut(r, {
      keyId,
      action: 'RENEW_TOKEN',
      detail: 'token renewal started',
      by: BY,
      now: LATER,
    })!

    expect(carryOutStatus(started.decisions[keyId])).toBe('IN_PROGRESS')
    const finished = carryOut(started, {
      keyId,
      action: 'FINISH_RENEWAL',
      detail: 'token renewal finished',
      by: BY,
      now: LATEST,
    })!

    expect(carryOutStatus(finished.decisions[keyId])).toBe('CARRIED_OUT')
    expect(finished.audit.slice(-2).map((a) => a.action)).toEqual([
      'CARRY_OUT_STARTED',
      'CARRY_OUT',
    ])
  })

  it('applying the same carry-out again (a write retried after a lost answer) adds nothing', () => {
    const { r, keyId } = decided('DEACTIVATE')
    const input = {
      keyId,
      action: 'DEACTIVATE' as const,
      detail: 'active → inactive',
      by: BY,
      now: LATER,
    }

    const once = carryOut(r, input)!

    expect(carryOut(once, input)).toEqual(once)
    expect(carryOutStatus(once.decisions[keyId])).toBe('CARRIED_OUT')
  })

  it('a decision changed later keeps what was carried out', () => {
    const { r, keyId } = decided('DEACTIVATE')
    const done = carryOut(r, {
      keyId,
      action: 'DEACTIVATE',
      detail: 'isActive true → false',
      by: BY,
      now: LATER,
    })!

    const changed = ok(
      decideKey(done, {
        keyId,
        decision: 'KEEP',
        justification: 'Reactivated after the vendor confirmed',
        by: BY,
        now: LATEST,
      })
    )

    expect(changed.decisions[keyId].carriedOut).toHaveLength(1)
  })
})

describe('reviewsToFollowUp', () => {
  const done = (id: string, completedAt: string) => ({
    id,
    startedAt: '2026-01-01T00:00:00.000Z',
    completedAt,
    signedBy: BY,
    keys: 3,
  })

  it('is the open review, then the latest completed one (whatever the order stored)', () => {
    const index: ReviewIndex = {
      openId: 'r4',
      completed: [
        done('r2', '2026-05-01T00:00:00.000Z'),
        done('r3', '2026-08-01T00:00:00.000Z'),
        done('r1', '2026-02-01T00:00:00.000Z'),
      ],
    }

    expect(reviewsToFollowUp(index)).toEqual(['r4', 'r3'])
    expect(reviewsToFollowUp({ ...index, openId: null })).toEqual(['r3'])
    expect(reviewsToFollowUp(EMPTY_INDEX)).toEqual([])
    // Completed at the same instant (a frozen clock): the one the index added last.
    expect(
      reviewsToFollowUp({
        openId: null,
        completed: [
          done('r5', '2026-09-01T00:00:00.000Z'),
          done('r6', '2026-09-01T00:00:00.000Z'),
        ],
      })
    ).toEqual(['r6'])
  })
})
