import { evaluatePolicy } from '../engine'
import { english } from '../../services/wording'
import { NOW } from '../testing/build'
import { policyInputFromFixture } from '../testing/fromFixture'
import { doneGate, isAdverse } from './checklistGates'
import { keysBehind } from './evidenceKeys'
import { checkPractice, EMPTY_INDEX, startReview } from './machine'
import type { Outcome, Review, ReviewEvidence } from './types'

const BY = 'ana@acme.com'
const LATER = new Date(NOW.getTime() + 3_600_000)
const BEFORE = new Date(NOW.getTime() - 86_400_000).toISOString()
const policy = policyInputFromFixture()
const findings = evaluatePolicy(policy)

function ok<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(`refused: ${english(o.message)}`)

  return o.value
}

const scan = (
  at: string,
  appKeys: string[] = [],
  o: Partial<NonNullable<ReviewEvidence['leakScan']>> = {}
) => ({
  at,
  exposedKeys: appKeys.length,
  complete: true,
  unreadCount: 0,
  appKeys,
  ...o,
})

const review: Review = ok(
  startReview(EMPTY_INDEX, {
    id: 'r1',
    now: NOW,
    by: BY,
    policy,
    findings,
    leakScan: scan(BEFORE),
  })
)

const clean: Review = {
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
}

const check = (
  r: Review,
  practice: string,
  note?: string,
  leakScan?: ReviewEvidence['leakScan']
) =>
  checkPractice(r, {
    practice,
    status: 'DONE',
    note,
    by: BY,
    now: LATER,
    leakScan,
  })

describe('checklist gates: adverse evidence needs a note saying what was done', () => {
  // Issue 11: "Rotate keys" was accepted as Done with five stale keys and no note.
  it.each([
    'ROTATE_KEYS',
    'RENEW_TOKENS',
    'REASSESS_ACCESS',
    'INDIVIDUAL_KEYS',
  ] as const)(
    '%s: the fixture’s evidence is adverse, so Done without a note is refused',
    (practice) => {
      expect(isAdverse(review, practice)).toBe(true)
      expect(doneGate(review, practice, '')).toMatchObject({
        gate: 'ADVERSE_NOTE',
      })
      const r = check(review, practice, '  ')

      expect(r).toMatchObject({
        ok: false,
        code: 'BAD_USER_INPUT',
        field: 'note',
      })
      expect(
        ok(
          check(
            review,
            practice,
            'Renewed 4 tokens; the 5th key is retired next week'
          )
        ).checklist[practice].status
      ).toBe('DONE')
    }
  )

  it.each([
    'ROTATE_KEYS',
    'RENEW_TOKENS',
    'REASSESS_ACCESS',
    'INDIVIDUAL_KEYS',
  ] as const)('%s: clean evidence needs no note', (practice) => {
    expect(isAdverse(clean, practice)).toBe(false)
    expect(doneGate(clean, practice, '')).toBeNull()
  })

  it('names the adverse evidence lines', () => {
    expect(doneGate(review, 'REASSESS_ACCESS', '')).toEqual({
      gate: 'ADVERSE_NOTE',
      evidence: expect.arrayContaining(['keysHighOrWorse']),
    })
  })

  it('attested practices still need their note', () => {
    expect(doneGate(clean, 'AWARENESS', '')).toEqual({
      gate: 'ATTESTATION_NOTE',
    })
    expect(doneGate(clean, 'AWARENESS', 'Trained')).toBeNull()
  })
})

describe('checklist gates: "No keys in client-side code" needs a storefront scan no older than the review', () => {
  // Issue 11: it was accepted as Done with no storefront scan ever run.
  it('refuses Done with no scan, or a scan from before the review, whatever the note', () => {
    const never: Review = {
      ...clean,
      evidence: { ...clean.evidence, leakScan: null },
    }

    expect(doneGate(never, 'NO_CLIENT_SIDE', 'we never do that')).toEqual({
      gate: 'FRESH_SCAN',
      lastScanAt: null,
    })
    expect(check(never, 'NO_CLIENT_SIDE', 'we never do that')).toMatchObject({
      ok: false,
      field: 'status',
    })
    expect(doneGate(clean, 'NO_CLIENT_SIDE', 'x')).toEqual({
      gate: 'FRESH_SCAN',
      lastScanAt: BEFORE,
    })
    const old = check(clean, 'NO_CLIENT_SIDE', 'x')

    expect(old.ok ? '' : english(old.message)).toMatch(
      /storefront scan run since the review started/
    )
  })

  it('accepts Done once a scan ran during the review and found nothing, and records that scan as evidence', () => {
    const r = ok(check(clean, 'NO_CLIENT_SIDE', '', scan(LATER.toISOString())))

    expect(r.checklist.NO_CLIENT_SIDE.status).toBe('DONE')
    expect(r.evidence.leakScan?.at).toBe(LATER.toISOString())
  })

  it('a fresh scan that found exposures makes the practice adverse: Done then needs a note', () => {
    const exposed = review.keys.find((k) => !k.external)!.appKey

    expect(
      check(clean, 'NO_CLIENT_SIDE', '', scan(LATER.toISOString(), [exposed]))
    ).toMatchObject({ ok: false, field: 'note' })
    expect(
      ok(
        check(
          clean,
          'NO_CLIENT_SIDE',
          'Removed the key from checkout.js and rotated it',
          scan(LATER.toISOString(), [exposed])
        )
      ).checklist.NO_CLIENT_SIDE.status
    ).toBe('DONE')
  })

  it('an older scan passed in does not replace a newer recorded one', () => {
    const fresh: Review = {
      ...clean,
      evidence: { ...clean.evidence, leakScan: scan(LATER.toISOString()) },
    }

    expect(
      ok(check(fresh, 'NO_CLIENT_SIDE', '', scan(BEFORE))).evidence.leakScan?.at
    ).toBe(LATER.toISOString())
  })
})

describe('evidence lines link to the keys behind them', () => {
  it('stale keys, unfinished renewals, risky keys and the INDIVIDUAL_KEYS counts', () => {
    const withRule = (rule: string) =>
      review.keys
        .filter((k) => k.findings.some((f) => f.rule === rule))
        .map((k) => k.id)

    expect(keysBehind(review, 'activeWithinRotation')).toEqual(
      review.keys
        .filter(
          (k) =>
            !k.external &&
            k.isActive &&
            k.findings.some((f) => f.rule === 'key-age-exceeded')
        )
        .map((k) => k.id)
    )
    expect(keysBehind(review, 'activeWithinRotation')).toHaveLength(
      review.evidence.activeKeys - review.evidence.activeWithinRotation
    )
    expect(keysBehind(review, 'unfinishedRenewals')).toEqual(
      withRule('renewal-unfinished')
    )
    expect(keysBehind(review, 'unfinishedRenewals')).toHaveLength(
      review.evidence.unfinishedRenewals
    )
    expect(keysBehind(review, 'keysHighOrWorse')).toHaveLength(
      review.evidence.keysHighOrWorse
    )
    expect(keysBehind(review, 'keysWithoutOwner')).toHaveLength(
      review.evidence.keysWithoutOwner
    )
    expect(keysBehind(review, 'genericLabels')).toHaveLength(
      review.evidence.genericLabels
    )
    expect(keysBehind(review, 'duplicateLabels')).toHaveLength(
      review.evidence.duplicateLabels
    )
    expect(keysBehind(review, 'sharedKeys')).toHaveLength(
      review.evidence.sharedKeys
    )
    expect(keysBehind(review, 'ownerUsers')).toEqual([])
  })

  it('exposed keys: the keys whose appKey the recorded scan found', () => {
    const k = review.keys[2]
    const r: Review = {
      ...review,
      evidence: {
        ...review.evidence,
        leakScan: scan(LATER.toISOString(), [
          k.appKey,
          'vtexappkey-elsewhere-ZZZZZZ',
        ]),
      },
    }

    expect(keysBehind(r, 'exposedKeys')).toEqual([k.id])
  })
})
