import { readFileSync } from 'fs'
import { join } from 'path'

import { evaluatePolicy } from './engine'
import { SEVERITIES } from './findings'
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
