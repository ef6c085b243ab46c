// Every rule declares the parts of the input it reads (Rule.reads): the engine reuses a rule's
// findings while those parts are the same, so an undeclared read would serve stale findings.
// Here each rule runs on the default fixture with every undeclared part throwing when read.
import { sharedFacts } from '../engine'
import { policyInputFromFixture } from '../testing/fromFixture'
import { RULES } from '.'
import { Report } from './report'
import type { InputPart, PolicyInput, Rule } from './types'

const where: Record<InputPart, [on: 'input' | 'inventory', field: string]> = {
  users: ['inventory', 'users'],
  externalKeys: ['inventory', 'externalKeys'],
  settings: ['input', 'settings'],
  annotations: ['input', 'annotations'],
  renewals: ['input', 'renewals'],
  now: ['input', 'now'],
  lastReview: ['input', 'lastReviewCompletedAt'],
  leakScan: ['input', 'leakScan'],
  account: ['input', 'account'],
}

/** The input with every part the rule does not declare replaced by a getter that throws. */
function guarded(input: PolicyInput, rule: Rule): PolicyInput {
  const inventory = { ...input.inventory }
  const given = { ...input, inventory }

  for (const [part, [on, field]] of Object.entries(where)) {
    if (rule.reads.includes(part as InputPart)) continue
    Object.defineProperty(on === 'input' ? given : inventory, field, {
      get() {
        throw new Error(`${rule.id} reads ${part} without declaring it`)
      },
    })
  }

  return given
}

function runGuarded(rule: Rule, input: PolicyInput) {
  const given = guarded(input, rule)
  const report = new Report(rule, given.inventory.keys)

  rule.evaluate(given, sharedFacts(given), report)

  return report.findings
}

describe('Rule.reads', () => {
  const input = policyInputFromFixture()
  // a scan with exposures, so exposed-client-side reads what it reads when it finds something
  const withScan: PolicyInput = {
    ...input,
    leakScan: {
      at: input.now.toISOString(),
      complete: true,
      exposures: [
        {
          kind: 'APP_KEY',
          appKey: input.inventory.keys[0].appKey,
          account: input.account,
          tokenFound: true,
          tokenMasked: 'BHHP… (128 characters)',
          url: 'https://shop.example/app.js',
          line: 1,
          column: 1,
          snippet: 'appKey',
        },
      ],
    },
  }

  it.each(RULES.map((r) => [r.id, r] as const))(
    '%s reads only what it declares',
    (_, rule) => {
      for (const given of [input, withScan])
        expect(() => runGuarded(rule, given)).not.toThrow()
    }
  )

  it('the guard catches an undeclared read', () => {
    const sneaky: Rule = {
      ...RULES[0],
      reads: [],
      evaluate(given) {
        void given.now
      },
    }

    expect(() => runGuarded(sneaky, input)).toThrow(
      'reads now without declaring it'
    )
  })
})
