// What the rules need of each key that depends on the key list alone: its position, its label
// as duplicates are detected (and whether it is generic), its creation time, and whether the
// list is in the order findings are listed. Worked out once per key list and kept
// while that list lives: the recent copy hands the same list to every request, and at 50,000
// keys hashing labels and parsing dates is most of an evaluation. Key lists are never changed
// in place (recentCopy.withKey makes a new one, saved as a new version), so what is kept
// cannot go stale.
import { compareSubjects } from './findings'
import { duplicateKey } from './labels'
import type { KeyEntry } from './types'

export interface KeyFacts {
  /** key id → position in the list */
  positionOf: Map<string, number>
  /** by position: how many keys share the key's label as duplicates are detected (labels.ts
   * duplicateKey; 0 for an empty label) */
  labelCountOf: number[]
  /** by position: `createdAt` in milliseconds (NaN when it is not a date) */
  createdMs: number[]
  /** true when the list is in subject order (findings.ts compareSubjects), as inventory.ts makes it */
  sorted: boolean
  /** by position: whether the label is generic, per set of generic labels (asked with its tag) */
  generic(tag: string, isGeneric: (label: string) => boolean): boolean[]
}

const kept = new WeakMap<KeyEntry[], KeyFacts>()
/** By the recent copy's version: each request gets the copy's keys with ages counted to its own
 * day (a new list), but a version's keys never change (a write makes a new version). */
const byVersion = new Map<string, KeyFacts>()
const VERSIONS_KEPT = 4

export function keyFacts(keys: KeyEntry[], version?: string | null): KeyFacts {
  let facts = kept.get(keys) ?? (version ? byVersion.get(version) : undefined)

  if (facts && facts.createdMs.length === keys.length) {
    kept.set(keys, facts)

    return facts
  }
  const positionOf = new Map<string, number>()
  const duplicateKeys: string[] = new Array(keys.length)
  const labelCounts = new Map<string, number>()
  const createdMs: number[] = new Array(keys.length)
  let sorted = true

  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    const dk = duplicateKey(k.label)

    positionOf.set(k.id, i)
    duplicateKeys[i] = dk
    if (dk) labelCounts.set(dk, (labelCounts.get(dk) ?? 0) + 1)
    createdMs[i] = Date.parse(k.createdAt)
    if (sorted && i > 0) {
      const p = keys[i - 1]

      sorted =
        compareSubjects(p.label || p.appKey, p.id, k.label || k.appKey, k.id) <=
        0
    }
  }

  const labelCountOf = duplicateKeys.map((dk) =>
    dk ? labelCounts.get(dk) ?? 0 : 0
  )

  const genericBy = new Map<string, boolean[]>()
  const generic = (tag: string, isGeneric: (label: string) => boolean) => {
    let flags = genericBy.get(tag)

    if (!flags)
      genericBy.set(tag, (flags = keys.map((k) => isGeneric(k.label))))

    return flags
  }

  facts = {
    positionOf,
    labelCountOf,
    createdMs,
    sorted,
    generic,
  }
  kept.set(keys, facts)
  if (version) {
    byVersion.delete(version)
    byVersion.set(version, facts)
    for (const old of byVersion.keys())
      if (byVersion.size > VERSIONS_KEPT) byVersion.delete(old)
  }

  return facts
}
