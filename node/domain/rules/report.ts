// What a rule reports, as it reports it. A key finding is made here from the key at the
// position the rule names, so its subject and its position cannot disagree: the engine groups
// findings by key position without looking an id up or checking one (at 50,000 keys a lookup
// per finding was a fifth of an evaluation, the check a tenth).
import type { Finding, Severity } from '../findings'
import type { KeyEntry } from '../types'
import type { Rule } from './types'

/** The params of a finding that needs none: one frozen object for the thousands of them. */
const NO_PARAMS: Finding['params'] = Object.freeze({})

export class Report {
  readonly findings: Finding[] = []
  /** by finding: its key's position (-1: the subject is not one of the inventory's keys) */
  readonly at: number[] = []
  /** whether the key findings came in the list's order (positions never going back) */
  inKeyOrder = true
  private last = -1

  constructor(
    private readonly rule: Pick<Rule, 'id' | 'practice'>,
    private readonly keys: KeyEntry[]
  ) {}

  /**
   * A finding about the key at position `i` of the inventory's keys. `params` are the values
   * its message needs besides the key's label, which the message reads from `subjectLabel` when
   * it is rendered (messages.ts): nothing is copied into tens of thousands of findings at 50,000
   * keys that only a page's few are shown.
   */
  key(i: number, severity: Severity, params: Finding['params'] = NO_PARAMS) {
    const k = this.keys[i]

    if (!k) throw new RangeError(`${this.rule.id}: no key at position ${i}`)
    if (i < this.last) this.inKeyOrder = false
    this.last = i
    this.findings.push({
      rule: this.rule.id,
      severity,
      practice: this.rule.practice,
      subjectType: 'KEY',
      subjectId: k.id,
      subjectLabel: k.label || k.appKey,
      params,
    })
    this.at.push(i)
  }

  /** a finding about anything else: an external key, a user, the account */
  other(f: Finding) {
    this.findings.push(f)
    this.at.push(-1)
  }
}
