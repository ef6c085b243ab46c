import { english } from '../../services/wording'
import { decideKeys } from './bulk'
import { decisionPage, matchingIds } from './decisionPage'
import { reviewCsv, CSV_COLUMNS, reviewJson } from './export'
import type { FindingsNow } from './findingsNow'
import {
  findingsOf,
  newSince,
  withFindingsNow,
  withoutFindingsNow,
} from './findingsNow'
import { followUpOf } from './followUp'
import { completeReview, decideKey, isRiskyKey, progressOf } from './machine'
import type { Review, ReviewFinding } from './types'
import { evidenceFor } from './checklist'
import { keysBehind } from './evidenceKeys'
import {
  BY,
  closeEveryPractice,
  exposure,
  LATER,
  ok,
  startedReview,
} from './testing/review'

const started: Review = startedReview()

// A key with no finding at start, whose token a storefront scan run during the review found.
const exposed = started.keys.find((k) => !k.external && !k.findings.length)!
const EXPOSED: ReviewFinding = exposure('CRITICAL')

/** Every key's findings now: as at start, plus the exposure. */
const now: FindingsNow = (k) =>
  k.id === exposed.id ? [...k.findings, EXPOSED] : k.findings

const seen = withFindingsNow(started, now)
const keyOf = (r: Review, id: string) => r.keys.find((k) => k.id === id)!

describe('newSince', () => {
  it('lists the findings now whose rule and severity the key did not have at start, most severe first, once each', () => {
    const high = { ...EXPOSED, severity: 'HIGH' as const }
    const age: ReviewFinding = {
      rule: 'key-age-exceeded',
      severity: 'MEDIUM',
      practice: 'ROTATE_KEYS',
    }

    expect(newSince([], [age, high, EXPOSED, EXPOSED])).toEqual([
      EXPOSED,
      high,
      age,
    ])
    // the same rule at another severity is new; at the same one it is not
    expect(newSince([high], [EXPOSED, high])).toEqual([EXPOSED])
    expect(newSince([EXPOSED], [EXPOSED])).toEqual([])
    // a finding gone since the start is not "new"
    expect(newSince([EXPOSED], [])).toEqual([])
  })
})

describe('withFindingsNow', () => {
  it('flags a key with a finding raised since the start, and leaves its findings at start as they were', () => {
    expect(exposed).toBeDefined()
    expect(keyOf(seen, exposed.id).newFindings).toEqual([EXPOSED])
    expect(keyOf(seen, exposed.id).findings).toEqual([])
    expect(findingsOf(keyOf(seen, exposed.id))).toEqual([EXPOSED])
    expect(seen.keys.filter((k) => k.newFindings)).toHaveLength(1)
    expect(started.keys.some((k) => k.newFindings)).toBe(false)
  })

  it('works the new findings out again on each read (a finding gone is no longer shown)', () => {
    const later = withFindingsNow(seen, (k) => k.findings)

    expect(later.keys.some((k) => k.newFindings)).toBe(false)
  })

  it('says when the findings now are unknown, showing those at start only', () => {
    const unknown = withFindingsNow(seen, null)

    expect(unknown.findingsNowUnknown).toBe(true)
    expect(unknown.keys.some((k) => k.newFindings)).toBe(false)
    expect(withoutFindingsNow(unknown).findingsNowUnknown).toBeUndefined()
  })

  it('stores the open review without what a read worked out', () => {
    const stored = withoutFindingsNow(seen)

    expect(stored.keys.some((k) => k.newFindings)).toBe(false)
    expect(stored.keys).toEqual(started.keys)
  })

  it('never changes a completed review (its record is what the signer saw)', () => {
    const completed: Review = { ...seen, status: 'COMPLETED' }

    expect(withFindingsNow(completed, () => [])).toBe(completed)
    expect(withFindingsNow(completed, null)).toBe(completed)
    expect(withoutFindingsNow(completed)).toBe(completed)
  })
})

describe('a finding raised during the review counts like any', () => {
  it('"Keep every key without findings" leaves the key undecided', () => {
    const healthy = { status: 'UNDECIDED' as const, withoutFindings: true }

    expect(matchingIds(started, healthy)).toContain(exposed.id)
    const ids = matchingIds(seen, healthy)

    expect(ids).not.toContain(exposed.id)
    const kept = ok(
      decideKeys(seen, { keyIds: ids, decision: 'KEEP', by: BY, now: LATER })
    )

    expect(kept.review.decisions[exposed.id]).toBeUndefined()
    expect(kept.changed).not.toContain(exposed.id)
  })

  it('is CRITICAL for the bulk confirmation (worst severity) and the severity filter', () => {
    expect(matchingIds(seen, { worstSeverity: 'CRITICAL' })).toContain(
      exposed.id
    )
    expect(matchingIds(seen, { severity: 'CRITICAL' })).toContain(exposed.id)
    expect(matchingIds(seen, { risky: true })).toContain(exposed.id)
    expect(matchingIds(started, { risky: true })).not.toContain(exposed.id)
  })

  it('keeping the key needs a justification, one by one or in bulk', () => {
    expect(isRiskyKey(keyOf(seen, exposed.id))).toBe(true)
    const one = decideKey(seen, {
      keyId: exposed.id,
      decision: 'KEEP',
      by: BY,
      now: LATER,
    })

    expect(one.ok).toBe(false)
    if (!one.ok) expect(one.field).toBe('justification')
    const many = decideKeys(seen, {
      keyIds: [exposed.id],
      decision: 'KEEP',
      by: BY,
      now: LATER,
    })

    expect(many.ok).toBe(false)
    if (!many.ok)
      expect(many.details?.keys).toEqual([
        { id: exposed.id, label: exposed.label || exposed.appKey },
      ])
    // at start it could be kept without one
    expect(
      decideKey(started, {
        keyId: exposed.id,
        decision: 'KEEP',
        by: BY,
        now: LATER,
      }).ok
    ).toBe(true)
  })

  it('the Finding filter offers and matches its rule; the table sorts it with the critical keys', () => {
    const page = decisionPage(seen, { filter: { rule: 'exposed-client-side' } })

    expect(page.rules).toContain('exposed-client-side')
    expect(page.keys.map((k) => k.id)).toContain(exposed.id)
    const firstHealthy = matchingIds(seen, {}).findIndex(
      (id) => !findingsOf(keyOf(seen, id)).length
    )

    expect(matchingIds(seen, {}).indexOf(exposed.id)).toBeLessThan(firstHealthy)
  })

  it('the sign-off reminder counts a pending change on the key', () => {
    const decided = ok(
      decideKey(seen, {
        keyId: exposed.id,
        decision: 'ROTATE',
        by: BY,
        now: LATER,
      })
    )

    expect(followUpOf(decided).criticalChangesPending).toBe(
      followUpOf(withoutFindingsNow(decided)).criticalChangesPending + 1
    )
  })
})

describe('sign-off', () => {
  // Every key decided, every practice closed.
  const ready = (() => {
    let r = ok(
      decideKeys(started, {
        keyIds: started.keys.filter((k) => !k.external).map((k) => k.id),
        decision: 'ROTATE',
        by: BY,
        now: LATER,
      })
    ).review

    // another account's key cannot be rotated here (externalKeyDecisions.ts)
    r = ok(
      decideKeys(r, {
        keyIds: started.keys.filter((k) => k.external).map((k) => k.id),
        decision: 'REDUCE_ROLES',
        by: BY,
        now: LATER,
      })
    ).review

    r = closeEveryPractice(r)

    return r
  })()

  const signed = ok(
    completeReview(ready, { by: BY, now: LATER, findingsNow: now })
  )

  it('stores the new findings the signer saw, and the findings at start as they were', () => {
    expect(keyOf(signed, exposed.id).newFindings).toEqual([EXPOSED])
    expect(keyOf(signed, exposed.id).findings).toEqual([])
    expect(signed.keys.filter((k) => k.newFindings)).toHaveLength(1)
  })

  it('the export lists them per key (CSV column new_findings, JSON keys)', () => {
    const rows = reviewCsv(signed).split('\r\n')
    const col = CSV_COLUMNS.indexOf('new_findings')
    const row = rows.find((r) => r.includes(`"${exposed.id}"`))!
    const cells = row.match(/"(?:[^"]|"")*"/g)!

    expect(cells).toHaveLength(CSV_COLUMNS.length)
    expect(cells[col]).toBe('"CRITICAL:exposed-client-side"')
    expect(cells[CSV_COLUMNS.indexOf('findings')]).toBe('""')
    const json = JSON.parse(reviewJson(signed))

    expect(
      json.keys.find((k: { id: string }) => k.id === exposed.id).newFindings
    ).toEqual([EXPOSED])
  })

  it('is refused for a key kept without a justification before a HIGH or CRITICAL finding was raised, naming it; a justification lets it through', () => {
    // kept while it had no finding: no justification was needed then
    const keptEarly = ok(
      decideKey(ready, {
        keyId: exposed.id,
        decision: 'KEEP',
        by: BY,
        now: LATER,
      })
    )

    const refused = completeReview(keptEarly, {
      by: BY,
      now: LATER,
      findingsNow: now,
    })

    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.code).toBe('BAD_USER_INPUT')
    expect(refused.field).toBe('justification')
    expect(refused.details?.keys).toEqual([
      { id: exposed.id, label: exposed.label || exposed.appKey },
    ])
    expect(english(refused.message)).toContain(
      `a key kept without a justification has had a HIGH or CRITICAL finding raised since (“${
        exposed.label || exposed.appKey
      }”)`
    )
    // the progress says so before anyone tries to sign (the sign-off button waits for it)
    expect(
      progressOf(withFindingsNow(keptEarly, now)).keptWithoutReason
    ).toEqual([exposed.id])
    expect(progressOf(keptEarly).keptWithoutReason).toEqual([])
    // without the new finding it signs as before
    expect(
      completeReview(keptEarly, {
        by: BY,
        now: LATER,
        findingsNow: (k) => k.findings,
      }).ok
    ).toBe(true)
    // kept again with a reason: signs, and stores the finding seen
    const justified = ok(
      decideKey(withFindingsNow(keptEarly, now), {
        keyId: exposed.id,
        decision: 'KEEP',
        justification: 'Token rotated outside Key Steward, SEC-45',
        by: BY,
        now: LATER,
      })
    )

    const done = ok(
      completeReview(withoutFindingsNow(justified), {
        by: BY,
        now: LATER,
        findingsNow: now,
      })
    )

    expect(keyOf(done, exposed.id).newFindings).toEqual([EXPOSED])
    expect(done.decisions[exposed.id].justification).toMatch(/SEC-45/)
  })

  it('a Keep stored with a justification that shows nothing (a zero-width space, before shownText) is refused at sign-off like one without', () => {
    const kept = ok(
      decideKey(ready, {
        keyId: exposed.id,
        decision: 'KEEP',
        by: BY,
        now: LATER,
      })
    )

    // as an older service stored it: the decision accepted an invisible justification
    const storedBefore: Review = {
      ...kept,
      decisions: {
        ...kept.decisions,
        [exposed.id]: {
          ...kept.decisions[exposed.id],
          justification: '\u200B',
        },
      },
    }

    const refused = completeReview(storedBefore, {
      by: BY,
      now: LATER,
      findingsNow: now,
    })

    expect(refused).toMatchObject({ ok: false, field: 'justification' })
    expect(
      progressOf(withFindingsNow(storedBefore, now)).keptWithoutReason
    ).toEqual([exposed.id])
  })

  it('a signed review is not worked out again from later findings', () => {
    expect(withFindingsNow(signed, () => [])).toBe(signed)
  })
})

describe('the checklist count of keys with a HIGH or CRITICAL finding: at start, and now', () => {
  const evidence = (r: Review) =>
    Object.fromEntries(
      evidenceFor('REASSESS_ACCESS', r.evidence).map((e) => [e.id, e.value])
    )

  it('keeps the count at start and adds the count now, with the keys found exposed since', () => {
    const atStart = started.evidence.keysHighOrWorse

    expect(evidence(started).keysHighOrWorseNow).toBeUndefined()
    expect(evidence(seen)).toMatchObject({
      keysHighOrWorse: atStart,
      keysHighOrWorseNow: atStart + 1,
    })
    // the keys behind the line now include the exposed one (not counted at start)
    expect(keysBehind(seen, 'keysHighOrWorseNow')).toContain(exposed.id)
    expect(keysBehind(seen, 'keysHighOrWorse')).not.toContain(exposed.id)
  })

  it('is not stored while the review is open, and is stored as seen at sign-off', () => {
    expect(withoutFindingsNow(seen).evidence).toEqual(started.evidence)
    // when the findings now are unknown there is no count now to show
    expect(
      withFindingsNow(seen, null).evidence.keysHighOrWorseNow
    ).toBeUndefined()
    let r: Review = started

    r = closeEveryPractice(r, 'n/a')
    r = ok(
      decideKeys(r, {
        keyIds: r.keys.filter((k) => !k.external).map((k) => k.id),
        decision: 'DEACTIVATE',
        by: BY,
        now: LATER,
      })
    ).review
    r = ok(
      decideKeys(r, {
        keyIds: r.keys.filter((k) => k.external).map((k) => k.id),
        decision: 'REDUCE_ROLES',
        by: BY,
        now: LATER,
      })
    ).review
    const signed = ok(
      completeReview(r, { by: BY, now: LATER, findingsNow: now })
    )

    expect(signed.evidence.keysHighOrWorseNow).toBe(
      started.evidence.keysHighOrWorse + 1
    )
    const csv = reviewCsv(signed)

    expect(csv).toContain(
      `keysHighOrWorse=${started.evidence.keysHighOrWorse}; ownerUsers=`
    )
    expect(csv).toContain(
      `; keysHighOrWorseNow=${started.evidence.keysHighOrWorse + 1}`
    )
    expect(JSON.parse(reviewJson(signed)).evidence.keysHighOrWorseNow).toBe(
      started.evidence.keysHighOrWorse + 1
    )
  })
})
