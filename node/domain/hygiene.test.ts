import { evaluate, evaluatePolicy } from './engine'
import type { Finding, Severity } from './findings'
import { bandOf, BANDS, CRITICAL_CAP, hygieneScore } from './hygiene'
import { policyInputFromFixture } from './testing/fromFixture'
import type { Inventory } from './types'

const key = (id: string, over: Partial<Inventory['keys'][number]> = {}) => ({
  id,
  appKey: `vtexappkey-acme-${id}`,
  label: id,
  createdAt: '2026-01-01T00:00:00Z',
  ageDays: 10,
  isActive: true,
  rolesKnown: true,
  roles: [],
  ...over,
})

const inv = (
  keys: Array<ReturnType<typeof key>>,
  externalKeys: Inventory['externalKeys'] = []
) =>
  ({
    generatedAt: '',
    complete: true,
    missing: [],
    keys,
    externalKeys,
    users: [],
    roles: [],
  } as unknown as Inventory)

const f = (
  subjectId: string,
  severity: Severity,
  rule = 'owner-role',
  subjectType = 'KEY'
): Finding =>
  ({
    rule,
    severity,
    practice: 'REASSESS_ACCESS',
    subjectType,
    subjectId,
    subjectLabel: subjectId,
    params: {},
  } as unknown as Finding)

describe('hygieneScore (the formula docs/README.md states)', () => {
  it.each([
    ['no keys, no findings', inv([]), [], 100],
    ['healthy keys', inv([key('a'), key('b')]), [], 100],
    [
      'weights 25/10/4/1/0 on 10 keys',
      inv('abcdefghij'.split('').map((i) => key(i))),
      [f('a', 'HIGH'), f('b', 'MEDIUM'), f('c', 'LOW'), f('d', 'INFO')],
      94,
    ],
    [
      'a key loses at most 25: HIGH on a, CRITICAL + HIGH on b → 100 × (1 − (10 + 25) / 50)',
      inv([key('a'), key('b')]),
      [
        f('a', 'HIGH', 'can-manage-keys'),
        f('b', 'CRITICAL'),
        f('b', 'HIGH', 'can-manage-keys'),
      ],
      30,
    ],
    [
      'inactive keys do not count',
      inv([key('a'), key('b', { isActive: false })]),
      [f('b', 'CRITICAL')],
      100,
    ],
    [
      'external keys count',
      inv([key('a')], [
        {
          appKey: 'vtexappkey-x-ABC',
          account: 'x',
          addedDate: '',
          isActive: true,
          rolesKnown: true,
          roles: [],
        },
      ] as never),
      [f('vtexappkey-x-ABC', 'HIGH', 'external-broad-access', 'EXTERNAL_KEY')],
      80,
    ],
    [
      'an overdue review costs 10',
      inv([key('a')]),
      [f('acme', 'MEDIUM', 'review-overdue', 'ACCOUNT')],
      90,
    ],
    [
      'too many Owner users cost 5, once',
      inv([key('a')]),
      [
        f('u1', 'MEDIUM', 'user-owner-role', 'USER'),
        f('u2', 'MEDIUM', 'user-owner-role', 'USER'),
      ],
      95,
    ],
    [
      'never below 0',
      inv([key('a')]),
      [
        f('a', 'CRITICAL'),
        f('acme', 'MEDIUM', 'review-overdue', 'ACCOUNT'),
        f('u', 'MEDIUM', 'user-owner-role', 'USER'),
      ],
      0,
    ],
    [
      'a key whose roles are unknown counts as fully unhealthy',
      inv([key('a'), key('b', { rolesKnown: false })]),
      [],
      50,
    ],
    [
      'an unreadable user list keeps the too-many-Owners penalty',
      { ...inv([key('a')]), usersKnown: false } as Inventory,
      [],
      95,
    ],
    [
      'a user whose roles are unknown keeps it too',
      {
        ...inv([key('a')]),
        users: [
          {
            id: 'u',
            email: 'u@x',
            name: 'u',
            isAdmin: false,
            isBlocked: false,
            rolesKnown: false,
            roles: [],
          },
        ],
      } as unknown as Inventory,
      [],
      95,
    ],
  ])('%s → %s', (_, inventory, findings, score) => {
    const h = hygieneScore(inventory, findings as Finding[])

    expect(h.uncapped).toBe(score)
    // what is shown: the same, unless the CRITICAL cap applies (a CRITICAL, or a key of unknown roles)
    const cap =
      (findings as Finding[]).some((x) => x.severity === 'CRITICAL') ||
      inventory.keys.some((k) => k.isActive && !k.rolesKnown)

    expect(h.score).toBe(cap ? Math.min(score, 49) : score)
  })

  // One active key, one finding: each weight alone moves the score (100 × (1 − weight / 25)).
  it.each<[Severity, number]>([
    ['CRITICAL', 0],
    ['HIGH', 60],
    ['MEDIUM', 84],
    ['LOW', 96],
    ['INFO', 100],
  ])('a %s finding weighs what the formula says → %s', (severity, uncapped) => {
    expect(hygieneScore(inv([key('a')]), [f('a', severity)]).uncapped).toBe(
      uncapped
    )
  })

  it('partial data never scores higher than the complete read', () => {
    const keys = [key('a'), key('b'), key('c')]
    const complete = hygieneScore(inv(keys), [f('b', 'CRITICAL')]).score
    const partial = hygieneScore(
      inv([keys[0], key('b', { rolesKnown: false }), keys[2]]),
      []
    ).score

    expect(partial).toBeLessThanOrEqual(complete)
  })

  it('counts findings by severity', () => {
    expect(
      hygieneScore(inv([key('a')]), [
        f('a', 'HIGH'),
        f('a', 'LOW'),
        f('a', 'LOW'),
      ]).counts
    ).toEqual({ CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 2, INFO: 0 })
  })
})

describe('a CRITICAL finding caps the score below the amber band', () => {
  const four = inv([key('a'), key('b'), key('c'), key('d')])

  it('is capped one point below where amber starts', () => {
    expect(CRITICAL_CAP).toBe(BANDS.amberFrom - 1)
    expect(BANDS).toEqual({ healthyFrom: 80, amberFrom: 50 })
  })

  it('one CRITICAL of 4 keys: 75 by the formula, shown as 49 and red', () => {
    expect(hygieneScore(four, [f('a', 'CRITICAL')])).toMatchObject({
      uncapped: 75,
      score: 49,
      capped: true,
      band: 'RED',
    })
  })

  it('caps a score of exactly 50 (the first amber point) too', () => {
    expect(
      hygieneScore(inv([key('a'), key('b')]), [f('a', 'CRITICAL')])
    ).toMatchObject({ uncapped: 50, score: 49, capped: true })
  })

  it('leaves a lower score as it is', () => {
    expect(hygieneScore(inv([key('a')]), [f('a', 'CRITICAL')])).toMatchObject({
      uncapped: 0,
      score: 0,
      capped: false,
    })
  })

  it('applies to a CRITICAL finding on any subject, even one the formula does not count', () => {
    expect(
      hygieneScore(four, [f('x', 'CRITICAL', 'exposed-client-side')])
    ).toMatchObject({ uncapped: 100, score: 49, capped: true })
  })

  it("applies while an active key's roles are unknown (it may hold Owner), sharing the cap with it", () => {
    const h = hygieneScore(
      inv([key('a'), key('b'), key('c'), key('d', { rolesKnown: false })]),
      []
    )

    expect(h).toMatchObject({ uncapped: 75, score: 49, capped: true })
    expect(h.costs).toEqual([
      {
        subjectType: 'KEY',
        subjectId: 'd',
        subjectLabel: 'd',
        rule: null,
        rules: [],
        severity: null,
        points: 51,
        // 25 of its own (a fully unhealthy key of 4), 26 while the cap holds (75 → 49)
        capPoints: 26,
      },
    ])
  })

  it('never applies without a CRITICAL finding, however many HIGH ones', () => {
    expect(
      hygieneScore(inv('abcdefghij'.split('').map((i) => key(i))), [
        f('a', 'HIGH'),
        f('b', 'HIGH'),
      ])
    ).toMatchObject({ score: 92, capped: false, band: 'HEALTHY' })
  })

  it('names the bands', () => {
    expect([0, 49, 50, 79, 80, 100].map(bandOf)).toEqual([
      'RED',
      'RED',
      'AMBER',
      'AMBER',
      'HEALTHY',
      'HEALTHY',
    ])
  })
})

describe('what costs the most points', () => {
  it('groups findings per key, costliest rule first, and shares the cap among the CRITICAL subjects', () => {
    const h = hygieneScore(inv([key('a'), key('b'), key('c'), key('d')]), [
      f('a', 'HIGH', 'can-manage-keys'),
      f('a', 'CRITICAL', 'owner-role'),
      f('b', 'LOW', 'generic-label'),
    ])

    // formula: (25 + 1) / 100 lost → 74; capped at 49: a carries its 25 and the cap's 25
    expect(h).toMatchObject({ uncapped: 74, score: 49 })
    expect(h.costs).toEqual([
      {
        subjectType: 'KEY',
        subjectId: 'a',
        subjectLabel: 'a',
        rule: 'owner-role',
        rules: ['owner-role', 'can-manage-keys'],
        severity: 'CRITICAL',
        points: 50,
        capPoints: 25,
      },
      {
        subjectType: 'KEY',
        subjectId: 'b',
        subjectLabel: 'b',
        rule: 'generic-label',
        rules: ['generic-label'],
        severity: 'LOW',
        points: 1,
        capPoints: 0,
      },
    ])
  })

  it('names the users behind the too-many-Owners penalty once, and a key whose roles are unknown', () => {
    const h = hygieneScore(
      inv([key('a'), key('b', { rolesKnown: false, label: 'Bee' })]),
      [
        f('u2', 'MEDIUM', 'user-owner-role', 'USER'),
        f('u1', 'MEDIUM', 'user-owner-role', 'USER'),
      ]
    )

    expect(h.costs).toEqual([
      {
        subjectType: 'KEY',
        subjectId: 'b',
        subjectLabel: 'Bee',
        rule: null,
        rules: [],
        severity: null,
        points: 50,
        capPoints: 0,
      },
      {
        subjectType: 'ACCOUNT',
        subjectId: '',
        subjectLabel: 'u1, u2',
        rule: 'user-owner-role',
        rules: ['user-owner-role'],
        severity: 'MEDIUM',
        points: 5,
        capPoints: 0,
      },
    ])
  })

  // A walk found the kept penalty listed with no name, worded as a key whose roles are unknown.
  it('names the too-many-Owners penalty kept while users are unread, and says it could not be checked', () => {
    const h = hygieneScore(
      { ...inv([key('a')]), usersKnown: false } as Inventory,
      []
    )

    expect(h.costs).toEqual([
      {
        subjectType: 'ACCOUNT',
        subjectId: '',
        subjectLabel: '',
        rule: 'user-owner-role',
        rules: ['user-owner-role'],
        severity: null,
        points: 5,
        capPoints: 0,
        unchecked: true,
      },
    ])
  })

  it('leaves out INFO findings and inactive keys: they cost nothing', () => {
    expect(
      hygieneScore(inv([key('a'), key('b', { isActive: false })]), [
        f('a', 'INFO', 'no-owner'),
        f('b', 'LOW', 'inactive-with-roles'),
      ]).costs
    ).toEqual([])
  })
})

// walk 11, #2: on day one the score charged "Access review overdue" under a banner saying it was
// not overdue. Never reviewing still costs 10 (a real gap), named for what it is.
describe('the review cost on day one', () => {
  const review = (params: Record<string, unknown>) => ({
    ...f('acme', 'MEDIUM', 'review-overdue', 'ACCOUNT'),
    params: { account: 'acme', cadenceDays: 90, ...params },
  })

  it('costs 10 either way, and is named as never reviewed only when none was completed', () => {
    const never = hygieneScore(inv([key('a')]), [review({ never: 1 })])
    const late = hygieneScore(inv([key('a')]), [review({ daysSince: 91 })])

    expect([never.score, late.score]).toEqual([90, 90])
    expect(never.costs[0]).toMatchObject({
      rule: 'review-overdue',
      points: 10,
      neverReviewed: true,
    })
    expect(late.costs[0].neverReviewed).toBeUndefined()
  })
})

describe('the default fixture, exactly', () => {
  const input = policyInputFromFixture()
  const h = hygieneScore(input.inventory, evaluatePolicy(input))

  it('scores 73 by the formula and 49 shown, red, with its two CRITICAL findings', () => {
    // 49 scored subjects (46 active keys + 3 external keys): 1225 points of health, 148 lost
    // → 87.9; minus 10 (review overdue) and 5 (5 Owner users > 3) → 73; CRITICAL → capped at 49.
    expect(
      input.inventory.keys.filter((k) => k.isActive).length +
        input.inventory.externalKeys.length
    ).toBe(49)
    expect(h).toMatchObject({
      score: 49,
      uncapped: 73,
      capped: true,
      band: 'RED',
      counts: { CRITICAL: 2, HIGH: 8, MEDIUM: 11, LOW: 9, INFO: 2 },
    })
  })

  it('names the costliest first, one line per key', () => {
    expect(
      h.costs.slice(0, 5).map((c) => [c.subjectLabel, c.rule, c.points])
    ).toEqual([
      ['Agência Órbita deploy pipeline', 'owner-role', 14],
      ['Store locator widget', 'exposed-client-side', 14],
      ['acme', 'review-overdue', 10],
      [
        'ana@acme.com, felipe@agenciaorbita.com.br, marina@acme.com, rafael@acme.com, tiago@acme.com',
        'user-owner-role',
        5,
      ],
      ['Affiliate commissions (Awin)', 'key-age-exceeded', 0.8],
    ])
    const ids = h.costs.map((c) => `${c.subjectType}:${c.subjectId}:${c.rule}`)

    expect(new Set(ids).size).toBe(ids.length)
    expect(
      h.costs.find((c) => c.subjectId === 'vtexappkey-agenciaorbita-MXLCXX')
    ).toMatchObject({
      subjectType: 'EXTERNAL_KEY',
      // by its account, as the key list and the review name it
      subjectLabel: 'agenciaorbita',
      rule: 'external-broad-access',
      points: 0.8,
    })
  })

  it('names the same costliest ones when only the top few are asked for', () => {
    const { findings, byKey } = evaluate(input)

    for (const top of [1, 3, 5, 8])
      expect(hygieneScore(input.inventory, findings, byKey, top).costs).toEqual(
        h.costs.slice(0, top)
      )
  })

  it('says which part of a cost is the CRITICAL cap: its own findings cost the rest', () => {
    // the cap takes 73 → 49: 24 points, shared by the two CRITICAL keys
    expect(
      h.costs
        .slice(0, 2)
        .map((c) => [c.subjectLabel, c.points - c.capPoints, c.capPoints])
    ).toEqual([
      ['Agência Órbita deploy pipeline', 2, 12],
      ['Store locator widget', 2, 12],
    ])
    for (const c of h.costs) {
      expect(c.capPoints).toBeGreaterThanOrEqual(0)
      expect(c.capPoints).toBeLessThanOrEqual(c.points)
    }

    expect(Math.round(h.costs.reduce((a, c) => a + c.capPoints, 0))).toBe(
      h.uncapped - h.score
    )
  })

  it('costs add up to what the score lacks of 100', () => {
    expect(Math.round(h.costs.reduce((a, c) => a + c.points, 0))).toBe(
      100 - h.score
    )
  })
})
