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

        expect((byKey[i] ?? []).map(id).sort()).toEqual(mine.map(id).sort())
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
