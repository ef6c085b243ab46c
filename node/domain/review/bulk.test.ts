import { evaluatePolicy } from '../engine'
import { english } from '../../services/wording'
import { severityRank } from '../findings'
import { NOW } from '../testing/build'
import { policyInputFromFixture } from '../testing/fromFixture'
import { decideKeys, MAX_BULK_KEYS } from './bulk'
import { matchingIds } from './decisionPage'
import { decideKey, EMPTY_INDEX, startReview } from './machine'
import type { Outcome, Refusal, Review, ReviewKey } from './types'

const BY = 'ana@acme.com'
const OTHER = 'bruno@acme.com'
const LATER = new Date(NOW.getTime() + 3_600_000)
const LATEST = new Date(NOW.getTime() + 7_200_000)
const policy = policyInputFromFixture()

function ok<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(`refused: ${o.code} ${english(o.message)}`)

  return o.value
}

function refusal<T>(o: Outcome<T>): Refusal {
  if (o.ok) throw new Error('expected a refusal')

  return o
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o)
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v)
  }

  return o
}

const review: Review = deepFreeze(
  ok(
    startReview(EMPTY_INDEX, {
      id: 'r1',
      now: NOW,
      by: BY,
      policy,
      findings: evaluatePolicy(policy),
    })
  )
)

const risky = (k: ReviewKey) =>
  k.findings.some((f) => severityRank(f.severity) <= severityRank('HIGH'))

const healthy = review.keys.filter((k) => k.findings.length === 0)
const riskyKeys = review.keys.filter(risky)

describe('decideKeys: validation', () => {
  it('the fixture has healthy and risky keys to decide', () => {
    expect(healthy.length).toBeGreaterThan(3)
    expect(riskyKeys.length).toBeGreaterThan(3)
  })

  it('refuses an empty selection and an unknown decision', () => {
    expect(
      refusal(
        decideKeys(review, { keyIds: [], decision: 'KEEP', by: BY, now: LATER })
      )
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keyIds' })
    expect(
      refusal(
        decideKeys(review, {
          keyIds: [healthy[0].id],
          decision: 'MAYBE',
          by: BY,
          now: LATER,
        })
      )
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decision' })
    expect(
      refusal(
        decideKeys(review, {
          keyIds: Array.from({ length: MAX_BULK_KEYS + 1 }, (_, i) => `k${i}`),
          decision: 'KEEP',
          by: BY,
          now: LATER,
        })
      ).field
    ).toBe('keyIds')
  })

  it('names every key that is not part of the review, and decides none', () => {
    const r = refusal(
      decideKeys(review, {
        keyIds: [healthy[0].id, 'ghost-1', 'ghost-2'],
        decision: 'KEEP',
        by: BY,
        now: LATER,
      })
    )

    expect(r).toMatchObject({
      code: 'NOT_FOUND',
      field: 'keyIds',
      details: { keys: [{ id: 'ghost-1' }, { id: 'ghost-2' }] },
    })
    expect(english(r.message)).toMatch(/ghost-1, ghost-2.*Nothing was decided/)
  })

  it.each(['  ', '\u200B \u200B', '\u2800'])(
    'refuses KEEP on HIGH/CRITICAL keys without a justification (%p shows nothing), naming them, and changes nothing (all or nothing)',
    (blank) => {
      const ids = [...healthy.slice(0, 3), ...riskyKeys.slice(0, 2)].map(
        (k) => k.id
      )

      const r = refusal(
        decideKeys(review, {
          keyIds: ids,
          decision: 'KEEP',
          justification: blank,
          by: BY,
          now: LATER,
        })
      )

      expect(r).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'justification',
      })
      expect(r.details).toEqual({
        keysTotal: 2,
        keys: riskyKeys
          .slice(0, 2)
          .map((k) => ({ id: k.id, label: k.label || k.appKey })),
      })
      for (const k of riskyKeys.slice(0, 2))
        expect(english(r.message)).toContain(k.label || k.appKey)
      expect(english(r.message)).toMatch(/Nothing was decided/)
      // the frozen review was not touched either: the healthy keys were not half-decided
      expect(review.decisions).toEqual({})
    }
  )

  it('refuses Rotate or Deactivate on a selection holding external keys, naming each, and decides none', () => {
    const externals = review.keys.filter((k) => k.external)
    const own = healthy.slice(0, 2)

    expect(externals.length).toBeGreaterThan(1)
    for (const decision of ['ROTATE', 'DEACTIVATE']) {
      const r = refusal(
        decideKeys(review, {
          keyIds: [...own, ...externals].map((k) => k.id),
          decision,
          justification: 'quarterly rotation',
          by: BY,
          now: LATER,
        })
      )

      expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decision' })
      expect(r.details).toEqual({
        keysTotal: externals.length,
        keys: externals.map((k) => ({ id: k.id, label: k.external!.account })),
      })
      for (const k of externals)
        expect(english(r.message)).toContain(`“${k.external!.account}”`)
      expect(english(r.message)).toMatch(
        /another account’s key.*Nothing was decided/
      )
    }
    expect(review.decisions).toEqual({})
    // Keep and Reduce roles fit them: decided with the others
    const reduced = ok(
      decideKeys(review, {
        keyIds: [...own, ...externals].map((k) => k.id),
        decision: 'REDUCE_ROLES',
        justification: 'least privilege',
        by: BY,
        now: LATER,
      })
    )

    expect(reduced.changed).toHaveLength(own.length + externals.length)
  })

  it('names a key renamed in VTEX during the review by its label now, as the table does (the record keeps the label at start)', () => {
    const [renamed, kept] = riskyKeys.filter((k) => !k.external)
    const labelsNow = new Map([
      [renamed.id, 'Zanzibar warehouse feed'],
      [kept.id, kept.label],
    ])

    const r = refusal(
      decideKeys(review, {
        keyIds: [renamed.id, kept.id],
        decision: 'KEEP',
        by: BY,
        now: LATER,
        labelsNow,
      })
    )

    expect(r.details!.keys).toEqual([
      { id: renamed.id, label: 'Zanzibar warehouse feed' },
      { id: kept.id, label: kept.label || kept.appKey },
    ])
    expect(english(r.message)).toContain('“Zanzibar warehouse feed”')
    expect(english(r.message)).not.toContain(`“${renamed.label}”`)
  })

  it('names at most five keys in the message and counts the rest', () => {
    const r = refusal(
      decideKeys(review, {
        keyIds: riskyKeys.map((k) => k.id),
        decision: 'KEEP',
        by: BY,
        now: LATER,
      })
    )

    if (riskyKeys.length > 5)
      expect(english(r.message)).toContain(`and ${riskyKeys.length - 5} more`)
    expect(r.details!.keys as unknown[]).toHaveLength(riskyKeys.length)
    // the count travels on its own: a formatted error keeps at most 200 items of the list
    expect(r.details!.keysTotal).toBe(riskyKeys.length)
  })

  it('refuses a token-shaped justification for all', () => {
    const r = refusal(
      decideKeys(review, {
        keyIds: [healthy[0].id],
        decision: 'KEEP',
        justification: 'A'.repeat(100),
        by: BY,
        now: LATER,
      })
    )

    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'justification' })
  })

  it('is refused on a completed review', () => {
    expect(
      refusal(
        decideKeys(
          { ...review, status: 'COMPLETED' },
          { keyIds: [healthy[0].id], decision: 'KEEP', by: BY, now: LATER }
        )
      ).code
    ).toBe('CONFLICT')
  })
})

describe('decideKeys: recording', () => {
  it('applies one justification to every selected key, HIGH/CRITICAL ones included, with who and when each', () => {
    const ids = [...healthy.slice(0, 2), ...riskyKeys.slice(0, 2)].map(
      (k) => k.id
    )

    const { review: r, changed } = ok(
      decideKeys(review, {
        keyIds: ids,
        decision: 'KEEP',
        justification: ' Contract until Dec ',
        by: BY,
        now: LATER,
      })
    )

    expect(changed).toEqual(ids)
    for (const id of ids)
      expect(r.decisions[id]).toEqual({
        decision: 'KEEP',
        justification: 'Contract until Dec',
        by: BY,
        at: LATER.toISOString(),
      })
    expect(r.audit.slice(-5)).toEqual([
      // the bulk decision says itself what it was before the keys' entries
      {
        at: LATER.toISOString(),
        by: BY,
        action: 'DECIDE_BULK',
        subject: 'r1',
        detail: 'KEEP 4 SELECTED: Contract until Dec',
      },
      ...ids.map((id) => ({
        at: LATER.toISOString(),
        by: BY,
        action: 'DECIDE',
        subject: id,
        detail: 'KEEP: Contract until Dec',
      })),
    ])
  })

  it('logs how the keys were chosen and how many changed, once per bulk decision (none when nothing changed)', () => {
    const ids = healthy.slice(0, 3).map((k) => k.id)
    const first = ok(
      decideKeys(review, {
        keyIds: ids,
        decision: 'KEEP',
        by: BY,
        now: LATER,
        how: 'WITHOUT_FINDINGS',
      })
    ).review

    expect(first.audit.filter((a) => a.action === 'DECIDE_BULK')).toEqual([
      {
        at: LATER.toISOString(),
        by: BY,
        action: 'DECIDE_BULK',
        subject: 'r1',
        detail: 'KEEP 3 WITHOUT_FINDINGS',
      },
    ])
    // the log before it is untouched (evidence: entries are added, never rewritten)
    expect(first.audit.slice(0, review.audit.length)).toEqual(review.audit)
    const again = ok(
      decideKeys(first, { keyIds: ids, decision: 'KEEP', by: BY, now: LATEST })
    )

    expect(again.review).toBe(first)
  })

  it('ignores duplicates and reports only keys whose decision changed (same decision keeps its who and when)', () => {
    const first = ok(
      decideKeys(review, {
        keyIds: [healthy[0].id, healthy[1].id],
        decision: 'KEEP',
        by: BY,
        now: LATER,
      })
    ).review

    const { review: second, changed } = ok(
      decideKeys(first, {
        keyIds: [healthy[0].id, healthy[0].id, healthy[1].id, healthy[2].id],
        decision: 'KEEP',
        by: OTHER,
        now: LATEST,
      })
    )

    expect(changed).toEqual([healthy[2].id])
    expect(second.decisions[healthy[0].id]).toEqual({
      decision: 'KEEP',
      justification: '',
      by: BY,
      at: LATER.toISOString(),
    })
    expect(second.decisions[healthy[2].id].by).toBe(OTHER)
    expect(second.audit).toHaveLength(first.audit.length + 2)
  })

  it('keeps what was carried out when a decision changes', () => {
    const k = healthy[0].id
    const withCarry: Review = {
      ...review,
      decisions: {
        [k]: {
          decision: 'ROTATE',
          justification: '',
          by: BY,
          at: LATER.toISOString(),
          carriedOut: [
            {
              action: 'RENEW_TOKEN',
              detail: '',
              by: BY,
              at: LATER.toISOString(),
            },
          ],
        },
      },
    }

    const r = ok(
      decideKeys(withCarry, {
        keyIds: [k],
        decision: 'DEACTIVATE',
        by: OTHER,
        now: LATEST,
      })
    ).review

    expect(r.decisions[k].carriedOut).toHaveLength(1)
  })

  it('"keep every key without findings" is the undecided, finding-free keys', () => {
    const ids = matchingIds(review, {
      status: 'UNDECIDED',
      withoutFindings: true,
    })

    expect(ids.sort()).toEqual(healthy.map((k) => k.id).sort())
    const r = ok(
      decideKeys(review, { keyIds: ids, decision: 'KEEP', by: BY, now: LATER })
    ).review

    expect(
      matchingIds(r, { status: 'UNDECIDED', withoutFindings: true })
    ).toEqual([])
  })
})

describe('decideKeys: concurrency (as AppStorage.update re-applies it on a conflict)', () => {
  it('re-applied on top of another reviewer’s write, both reviewers’ decisions land and neither is overwritten', () => {
    // Bruno decides one healthy key while Ana's bulk was being prepared on the old version.
    const brunos = ok(
      decideKey(review, {
        keyId: healthy[0].id,
        decision: 'ROTATE',
        by: OTHER,
        now: LATER,
      })
    )

    // Ana's bulk, re-applied on what is stored now, with a filter evaluated at write time.
    const ids = matchingIds(brunos, {
      status: 'UNDECIDED',
      withoutFindings: true,
    })

    const { review: merged, changed } = ok(
      decideKeys(brunos, { keyIds: ids, decision: 'KEEP', by: BY, now: LATEST })
    )

    expect(merged.decisions[healthy[0].id]).toMatchObject({
      decision: 'ROTATE',
      by: OTHER,
    })
    expect(changed).not.toContain(healthy[0].id)
    for (const k of healthy.slice(1))
      expect(merged.decisions[k.id]).toMatchObject({ decision: 'KEEP', by: BY })
  })

  it('two bulk decisions applied in either order end with every key decided once, by its own reviewer', () => {
    const a = healthy.slice(0, 3).map((k) => k.id)
    const b = riskyKeys.slice(0, 3).map((k) => k.id)
    const ab = ok(
      decideKeys(
        ok(
          decideKeys(review, {
            keyIds: a,
            decision: 'KEEP',
            by: BY,
            now: LATER,
          })
        ).review,
        { keyIds: b, decision: 'ROTATE', by: OTHER, now: LATER }
      )
    ).review

    const ba = ok(
      decideKeys(
        ok(
          decideKeys(review, {
            keyIds: b,
            decision: 'ROTATE',
            by: OTHER,
            now: LATER,
          })
        ).review,
        { keyIds: a, decision: 'KEEP', by: BY, now: LATER }
      )
    ).review

    expect(ab.decisions).toEqual(ba.decisions)
    expect(Object.keys(ab.decisions).sort()).toEqual([...a, ...b].sort())
  })

  it('never mutates the review it is given', () => {
    const before = JSON.stringify(review)

    ok(
      decideKeys(review, {
        keyIds: healthy.map((k) => k.id),
        decision: 'KEEP',
        by: BY,
        now: LATER,
      })
    )
    expect(JSON.stringify(review)).toBe(before)
  })
})
