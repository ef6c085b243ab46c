import { readFileSync } from 'fs'
import { join } from 'path'

import { evaluate, evaluatePolicy } from './engine'
import type { Finding } from './findings'
import { compareFindings, SEVERITIES } from './findings'
import { RULES } from './rules'
import { policyInputFromFixture } from './testing/fromFixture'

const expected = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', 'dev', 'fixtures', 'default.expected.json'),
    'utf8'
  )
)

const toSubjectType: Record<string, string> = {
  key: 'KEY',
  externalKey: 'EXTERNAL_KEY',
  user: 'USER',
  account: 'ACCOUNT',
}

const id = (f: {
  rule: string
  severity: string
  subjectType: string
  subjectId: string
}) => `${f.rule}|${f.severity}|${f.subjectType}|${f.subjectId}`

describe('evaluatePolicy on the default fixture', () => {
  const input = policyInputFromFixture()
  const findings = evaluatePolicy(input)

  it('finds exactly the problems the fixture was built to show, every one by a registered rule', () => {
    const registered = new Set(RULES.map((r) => r.id))

    for (const f of expected.findings)
      expect(
        registered.has(f.rule) ? f.rule : `unregistered rule ${f.rule}`
      ).toBe(f.rule)
    const want = expected.findings
      .map((f: any) =>
        id({ ...f, subjectType: toSubjectType[f.subjectType] ?? f.subjectType })
      )
      .sort()

    expect(findings.map(id).sort()).toEqual(want)
  })

  it('exercises every rule', () => {
    const fired = new Set(findings.map((f) => f.rule))

    for (const rule of RULES) expect(fired.has(rule.id)).toBe(true)
  })

  it('sorts by severity, most severe first', () => {
    const ranks = findings.map((f) => SEVERITIES.indexOf(f.severity))

    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  })

  it('says nothing about exactly the healthy active keys, named in the oracle', () => {
    const flagged = new Set(findings.map((f) => f.subjectId))
    const healthy = input.inventory.keys
      .filter((k) => k.isActive && !flagged.has(k.id))
      .map((k) => k.label)
      .sort()

    expect(healthy).toEqual([...expected.healthyActiveKeys].sort())
  })
})

describe('evaluate: the fast paths give what the plain ones would', () => {
  const input = policyInputFromFixture()
  // the same keys in another order than inventory.ts keeps them (as an old copy might hold)
  const shuffled = {
    ...input,
    inventory: {
      ...input.inventory,
      keys: [...input.inventory.keys].reverse(),
    },
  }

  it.each([
    ['keys in subject order', input],
    ['keys in any order', shuffled],
  ])(
    '%s: findings in compareFindings order, grouped by key position',
    (_, given) => {
      const { findings, byKey } = evaluate(given)

      expect(findings).toEqual([...findings].sort(compareFindings))
      expect(findings.map(id).sort()).toEqual(
        evaluatePolicy(input).map(id).sort()
      )
      given.inventory.keys.forEach((k, i) => {
        const mine = findings.filter(
          (f: Finding) => f.subjectType === 'KEY' && f.subjectId === k.id
        )

        expect(byKey.of(i).map(id).sort()).toEqual(mine.map(id).sort())
      })
    }
  )

  it('keeps keys in the order findings list them', () => {
    const labels = input.inventory.keys.map((k) => k.label || k.appKey)

    expect(labels.length).toBeGreaterThan(40)
    for (let i = 1; i < labels.length; i++)
      expect(labels[i - 1].toLowerCase() <= labels[i].toLowerCase()).toBe(true)
  })
})

describe('evaluate: findings reused while what a rule reads is the same', () => {
  const input = policyInputFromFixture()
  const fresh = (given: typeof input) =>
    // a new key list: nothing kept from before
    evaluate({
      ...given,
      inventory: { ...given.inventory, keys: [...given.inventory.keys] },
    }).findings.map(id)

  function runsOf(given: typeof input): string[] {
    const spies = RULES.map((r) => jest.spyOn(r, 'evaluate'))

    try {
      evaluate(given)

      return RULES.filter((_, n) => spies[n].mock.calls.length).map((r) => r.id)
    } finally {
      for (const s of spies) s.mockRestore()
    }
  }

  it('runs again only the rules reading the part that changed, and finds what a new evaluation finds', () => {
    evaluate(input)
    expect(runsOf(input)).toEqual([])

    // a minute on: the rules reading the clock
    const later = { ...input, now: new Date(input.now.getTime() + 60_000) }

    expect(runsOf(later)).toEqual(
      RULES.filter((r) => r.reads.includes('now')).map((r) => r.id)
    )
    expect(evaluate(later).findings.map(id)).toEqual(fresh(later))

    // an annotation written: the rules reading annotations
    const [first] = input.inventory.keys
    const annotated = {
      ...later,
      annotations: {
        ...later.annotations,
        [first.id]: { owner: 'ana@acme.com', integrations: ['ERP', 'Feed'] },
      },
    }

    expect(runsOf(annotated)).toEqual(
      RULES.filter((r) => r.reads.includes('annotations')).map((r) => r.id)
    )
    expect(evaluate(annotated).findings.map(id)).toEqual(fresh(annotated))
    expect(
      evaluate(annotated).findings.some(
        (f) => f.rule === 'shared-key' && f.subjectId === first.id
      )
    ).toBe(true)

    // other settings: every rule reading them
    const stricter = {
      ...annotated,
      settings: { ...annotated.settings, rotationDays: 30 },
    }

    expect(runsOf(stricter)).toEqual(
      RULES.filter((r) => r.reads.includes('settings')).map((r) => r.id)
    )
    expect(evaluate(stricter).findings.map(id)).toEqual(fresh(stricter))
  })

  it('a new key list runs every rule', () => {
    evaluate(input)
    expect(
      runsOf({
        ...input,
        inventory: { ...input.inventory, keys: [...input.inventory.keys] },
      })
    ).toEqual(RULES.map((r) => r.id))
  })
})
