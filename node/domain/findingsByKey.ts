// Each key's findings, by the key's position in the inventory (hygiene.ts adds them up per key).
// At 50,000 keys an array per key is 40,000 small allocations the garbage collector then copies;
// here the findings are chained by index instead, in two arrays of numbers.
import type { Finding } from './findings'
import { keyFacts } from './keyFacts'
import type { KeyEntry } from './types'

export class KeyFindings {
  /** by key position: index of its first finding (-1: none) */
  private readonly first: Int32Array
  /** by finding index: the same key's next finding (-1: none) */
  private readonly next: Int32Array
  /** the findings about no key of the list (external keys, users, the account), in order */
  readonly others: Finding[] = []

  constructor(
    keys: number,
    readonly findings: Finding[],
    /** by finding, its key's position (-1: not a key of the list) */
    readonly at: ArrayLike<number>
  ) {
    this.first = new Int32Array(keys).fill(-1)
    this.next = new Int32Array(findings.length).fill(-1)
    for (let i = 0; i < findings.length; i++)
      if (at[i] < 0) this.others.push(findings[i])
    // chained from the last finding back, so each key's findings read in the order they came
    for (let i = findings.length - 1; i >= 0; i--) {
      const k = at[i]

      if (k < 0) continue
      this.next[i] = this.first[k]
      this.first[k] = i
    }
  }

  /** the key's findings, in the order they came (empty: none) */
  of(at: number): Finding[] {
    const out: Finding[] = []

    for (let i = this.first[at]; i >= 0; i = this.next[i])
      out.push(this.findings[i])

    return out
  }

  /** `value` added up over the key's findings, without making a list */
  sum(at: number, value: (f: Finding) => number): number {
    let total = 0

    for (let i = this.first[at]; i >= 0; i = this.next[i])
      total += value(this.findings[i])

    return total
  }
}

/** Findings from elsewhere (not the engine's), grouped by looking their keys up. */
export function findingsByKey(
  keys: KeyEntry[],
  findings: Finding[]
): KeyFindings {
  const positionOf = keyFacts(keys).positionOf()

  return new KeyFindings(
    keys.length,
    findings,
    findings.map((f) =>
      f.subjectType === 'KEY' ? positionOf.get(f.subjectId) ?? -1 : -1
    )
  )
}
