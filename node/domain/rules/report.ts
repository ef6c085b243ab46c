// What a rule reports, as it reports it: each key finding with its key's position in
// `input.inventory.keys`, so the engine groups findings by key without looking a single id up
// (at 50,000 keys a lookup per finding was a fifth of an evaluation).
import type { Finding } from '../findings'

export class Report {
  readonly findings: Finding[] = []
  /** by finding: its key's position (-1: the subject is not one of the inventory's keys) */
  readonly at: number[] = []

  /** a finding about the key at position `i` of the inventory's keys */
  key(i: number, f: Finding) {
    this.findings.push(f)
    this.at.push(i)
  }

  /** a finding about anything else: an external key, a user, the account */
  other(f: Finding) {
    this.findings.push(f)
    this.at.push(-1)
  }
}
