import { evaluatePolicy } from '../engine'
import { severityRank } from '../findings'
import { compareLabels } from '../labelOrder'
import { NOW } from '../testing/build'
import { policyInputFromFixture } from '../testing/fromFixture'
import { decisionPage, matchingIds, MAX_PAGE } from './decisionPage'
import { decideKey, EMPTY_INDEX, startReview } from './machine'
import type { Outcome, Review } from './types'

const policy = policyInputFromFixture()

function ok<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(o.message.id)

  return o.value
}

const review: Review = ok(
  startReview(EMPTY_INDEX, {
    id: 'r1',
    now: NOW,
    by: 'ana@acme.com',
    policy,
    findings: evaluatePolicy(policy),
  })
)

const worst = (id: string) =>
  Math.min(
    5,
    ...review.keys
      .find((k) => k.id === id)!
      .findings.map((f) => severityRank(f.severity))
  )

describe('decisionPage', () => {
  it('pages every key, most severe first by default, with the total', () => {
    const first = decisionPage(review, { limit: 10 })

    expect(first.total).toBe(review.keys.length)
    expect(first.keys).toHaveLength(10)
    const all = matchingIds(review, {})

    expect(all).toHaveLength(review.keys.length)
    for (let i = 1; i < all.length; i++)
      expect(worst(all[i - 1])).toBeLessThanOrEqual(worst(all[i]))
    const second = decisionPage(review, { offset: 10, limit: 10 })

    expect(second.keys.map((k) => k.id)).toEqual(all.slice(10, 20))
  })

  it("offers the rules found on the review's keys, whatever the filter", () => {
    const onKeys = [
      ...new Set(review.keys.flatMap((k) => k.findings.map((f) => f.rule))),
    ].sort()
    const narrowed = decisionPage(review, {
      filter: { rule: onKeys[0], status: 'DECIDED' },
    })

    expect(onKeys.length).toBeGreaterThan(1)
    expect(decisionPage(review, {}).rules).toEqual(onKeys)
    expect(narrowed.rules).toEqual(onKeys)
    // user and account rules never sit on a review key
    expect(onKeys).not.toContain('user-owner-role')
    expect(onKeys).not.toContain('review-overdue')
  })

  it('caps a page at MAX_PAGE and clamps bad paging', () => {
    expect(decisionPage(review, { limit: 10_000 }).keys).toHaveLength(
      Math.min(MAX_PAGE, review.keys.length)
    )
    expect(decisionPage(review, { offset: -5, limit: 0 })).toMatchObject({
      offset: 0,
    })
    expect(decisionPage(review, { offset: -5, limit: 0 }).keys).toHaveLength(1)
  })

  it('filters by worst finding: a key with a CRITICAL and a HIGH finding is only a Critical key', () => {
    const worstOf = (id: string) =>
      Math.min(
        9,
        ...review.keys
          .find((x) => x.id === id)!
          .findings.map((f) => severityRank(f.severity))
      )

    const critical = matchingIds(review, { worstSeverity: 'CRITICAL' })
    const high = matchingIds(review, { worstSeverity: 'HIGH' })

    expect(critical.length).toBeGreaterThan(0)
    expect(high.length).toBeGreaterThan(0)
    expect(critical.every((id) => worstOf(id) === 0)).toBe(true)
    expect(high.every((id) => worstOf(id) === 1)).toBe(true)
    // a worst-CRITICAL key may also have a HIGH finding: it is counted once, as Critical
    expect(
      matchingIds(review, { severity: 'HIGH', worstSeverity: 'CRITICAL' })
        .length
    ).toBeGreaterThan(0)
    expect(critical.sort()).toEqual(
      matchingIds(review, { severity: 'CRITICAL' }).sort()
    )
  })

  it('filters by status, severity, rule, findings, risk, decision and words', () => {
    const k = review.keys[0]
    const decided = ok(
      decideKey(review, {
        keyId: k.id,
        decision: 'ROTATE',
        by: 'ana@acme.com',
        now: NOW,
      })
    )

    expect(matchingIds(decided, { status: 'DECIDED' })).toEqual([k.id])
    expect(matchingIds(decided, { status: 'UNDECIDED' })).not.toContain(k.id)
    expect(matchingIds(decided, { decision: 'ROTATE' })).toEqual([k.id])
    const critical = matchingIds(review, { severity: 'CRITICAL' })

    expect(critical.length).toBeGreaterThan(0)
    for (const id of critical)
      expect(
        review.keys
          .find((x) => x.id === id)!
          .findings.some((f) => f.severity === 'CRITICAL')
      ).toBe(true)
    const stale = matchingIds(review, { rule: 'key-age-exceeded' })

    expect(stale.sort()).toEqual(
      review.keys
        .filter((x) => x.findings.some((f) => f.rule === 'key-age-exceeded'))
        .map((x) => x.id)
        .sort()
    )
    expect(
      matchingIds(review, { withoutFindings: true }).length +
        matchingIds(review, { withoutFindings: false }).length
    ).toBe(review.keys.length)
    expect(
      matchingIds(review, { risky: true }).length +
        matchingIds(review, { risky: false }).length
    ).toBe(review.keys.length)
    expect(matchingIds(review, { risky: true }).sort()).toEqual(
      review.keys
        .filter((x) => x.findings.some((f) => severityRank(f.severity) <= 1))
        .map((x) => x.id)
        .sort()
    )
    const named = review.keys.find((x) => x.label.includes(' '))!

    expect(
      matchingIds(review, { search: named.label.toUpperCase() })
    ).toContain(named.id)
    const external = review.keys.find((x) => x.external)!

    expect(
      matchingIds(review, { search: external.external!.account })
    ).toContain(external.id)
    // the bulk bar names the external keys of a selection before Rotate or Deactivate
    const externalIds = review.keys.filter((x) => x.external).map((x) => x.id)

    expect(externalIds.length).toBeGreaterThan(0)
    expect(matchingIds(review, { external: true }).sort()).toEqual(
      externalIds.sort()
    )
    expect(matchingIds(review, { external: false })).toHaveLength(
      review.keys.length - externalIds.length
    )
  })

  it('matches every word of the search, whichever key asks first (the words are split once per filter)', () => {
    const named = review.keys.find((x) => x.label.includes(' '))!
    const [first, second] = named.label.split(' ')
    const filter = { search: `  ${second.toUpperCase()}\t ${first}  ` }
    const expected = review.keys
      .filter((x) =>
        [first, second].every((w) =>
          `${x.label} ${x.appKey} ${x.external?.account ?? ''}`
            .toLowerCase()
            .includes(w.toLowerCase())
        )
      )
      .map((x) => x.id)
      .sort()

    expect(expected).toContain(named.id)
    // the same filter object twice, and with decisionPage: the words kept for it are its own
    expect(matchingIds(review, filter).sort()).toEqual(expected)
    expect(matchingIds(review, filter).sort()).toEqual(expected)
    expect(decisionPage(review, { filter, limit: MAX_PAGE }).total).toBe(
      expected.length
    )
    expect(
      matchingIds(review, { search: `${first} no-such-word-anywhere` })
    ).toEqual([])
  })

  it("finds a key renamed in VTEX during the review by its new label too (an open review's labels now)", () => {
    const renamed = review.keys.find((x) => !x.external)!
    const external = review.keys.find((x) => x.external)!
    const labelsNow = new Map([
      [renamed.id, 'Zanzibar warehouse feed'],
      [external.id, 'Zanzibar warehouse feed'],
    ])

    expect(matchingIds(review, { search: 'zanzibar' })).toEqual([])
    // an external key's "label" is its account: a label by its id is not its own
    expect(matchingIds(review, { search: 'zanzibar', labelsNow })).toEqual([
      renamed.id,
    ])
    // the label at start still finds it
    expect(matchingIds(review, { search: renamed.label, labelsNow })).toContain(
      renamed.id
    )
  })

  it("sorts a key renamed in VTEX during the review by its label now (an open review's labels now)", () => {
    const byLabel = (filter = {}) =>
      decisionPage(review, { sort: 'LABEL', limit: MAX_PAGE, filter }).keys.map(
        (k) => k.id
      )

    // the last key by its label at start, renamed to come first
    const renamed = [...review.keys]
      .reverse()
      .find((x) => !x.external && byLabel().indexOf(x.id) > 0)!

    const labelsNow = new Map([[renamed.id, '000 first of all']])

    expect(byLabel()[0]).not.toBe(renamed.id)
    expect(byLabel({ labelsNow })[0]).toBe(renamed.id)
    expect(matchingIds(review, { labelsNow }, 'LABEL')[0]).toBe(renamed.id)
    // without labels now (a completed review, VTEX unreadable) it keeps its place at start
    expect(byLabel({ labelsNow: null })).toEqual(byLabel())
  })

  // walk12: "#1010, #1013, … #1217" and only then "#124": the API keys page sorts numerically
  it('sorts numbers in labels as numbers, as the API keys page does', () => {
    const numbered = {
      ...review,
      keys: [1010, 124, 2].map((n, i) => ({
        ...review.keys[i],
        label: `Orders sync #${n}`,
      })),
    }

    expect(
      decisionPage(numbered, { sort: 'LABEL', limit: MAX_PAGE }).keys.map(
        (k) => k.label
      )
    ).toEqual(['Orders sync #2', 'Orders sync #124', 'Orders sync #1010'])
  })

  it('sorts by label and by age', () => {
    const byLabel = decisionPage(review, {
      sort: 'LABEL',
      limit: MAX_PAGE,
    }).keys.map((k) => k.label || k.appKey)

    expect(byLabel).toEqual([...byLabel].sort(compareLabels))
    const byAge = decisionPage(review, {
      sort: 'AGE',
      limit: MAX_PAGE,
    }).keys.map((k) => k.ageDays)

    expect(byAge).toEqual([...byAge].sort((a, b) => b - a))
  })
})
