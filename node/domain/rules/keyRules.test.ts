import { evaluatePolicy } from '../engine'
import { policyInputFromFixture } from '../testing/fromFixture'
import { RULE_IDS } from './index'
import { KEY_RULE_IDS, NOT_ABOUT_KEYS } from './keyRules'

describe('KEY_RULE_IDS', () => {
  it('names every rule but those about users or the account', () => {
    expect(NOT_ABOUT_KEYS.every((id) => RULE_IDS.includes(id))).toBe(true)
    expect(KEY_RULE_IDS).not.toContain('user-owner-role')
    expect(KEY_RULE_IDS).not.toContain('review-overdue')
    expect(KEY_RULE_IDS).toContain('external-broad-access')
    expect(KEY_RULE_IDS.length + NOT_ABOUT_KEYS.length).toBe(RULE_IDS.length)
  })

  it('agrees with the subjects of the findings the rules report on the default fixture', () => {
    const findings = evaluatePolicy(policyInputFromFixture())
    const onKeys = new Set(
      findings
        .filter(
          (f) => f.subjectType === 'KEY' || f.subjectType === 'EXTERNAL_KEY'
        )
        .map((f) => f.rule)
    )

    const elsewhere = new Set(
      findings
        .filter((f) => f.subjectType === 'USER' || f.subjectType === 'ACCOUNT')
        .map((f) => f.rule)
    )

    // the fixture shows both kinds, so the check below means something
    expect(onKeys.size).toBeGreaterThan(3)
    expect(elsewhere.size).toBeGreaterThan(0)
    for (const rule of onKeys) expect(KEY_RULE_IDS).toContain(rule)
    for (const rule of elsewhere) expect(NOT_ABOUT_KEYS).toContain(rule)
  })
})
