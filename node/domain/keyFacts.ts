// What the rules need of each key that depends on the key list alone: its label as duplicates
// are detected (and whether it is generic), its entries in the documents kept by key id, and
// whether the list is in the order findings are listed (its creation time is parsed with the
// entry: types.ts createdMs). Worked out once per key list and kept while that list lives: the
// recent copy hands the same list to every request. Key lists are never changed in place
// (recentCopy.withKey makes a new one, saved as a new version), so what is kept cannot go stale.
//
// At 50,000 keys every operation per key counts (~0.3–0.5 µs each for a hash or a date parse
// on this machine), so one pass does it all: the list comes in subject order (inventory.ts), so
// keys sharing a label ignoring case sit side by side and are counted as runs, without making a
// lower-cased copy of every label or hashing it. Labels that fold differently (accents, odd
// spaces) are the exception and are counted by their duplicate key (labels.ts duplicateKey).
// Whether a label is generic by the built-in generic labels is asked in the same pass, while the
// label is in the processor's cache (at 50,000 scattered strings a second pass over the labels
// cost more than the test itself).
import { compareIgnoringCase } from './findings'
import { BUILT_IN_TEST, duplicateKey } from './labels'
import type { KeyEntry } from './types'

export interface KeyFacts {
  /** by position: the key's id (a walk along this array finds a finding's key without hashing) */
  ids: string[]
  /** key id → position in the list (worked out when first asked: the engine needs no lookups) */
  positionOf(): Map<string, number>
  /** by position: how many keys share the key's label as duplicates are detected (labels.ts
   * duplicateKey; 0 for an empty label) */
  labelCountOf: Int32Array
  /** true when the list is in subject order (findings.ts compareSubjects), as inventory.ts makes it */
  sorted: boolean
  /** by position: whether the label is generic, per set of generic labels (asked with its tag) */
  generic(tag: string, isGeneric: (label: string) => boolean): boolean[]
  /** by position: each key's entry in a document keyed by key id (kept per document object) */
  byPosition<T>(doc: Record<string, T>): Array<T | undefined>
  /**
   * byPosition for several documents in one walk, each key id looked up in every document in
   * the same step (measured at 50,000 keys with annotations and renewals: ~11 ms of ~28 less
   * than a walk per document)
   */
  byPositions(docs: Array<Record<string, unknown>>): void
}

const kept = new WeakMap<KeyEntry[], KeyFacts>()
/** By the recent copy's account and version: each request gets the copy's keys with ages
 * counted to its own day (a new list), but a version's keys never change (a write makes a new
 * version). The account is part of the name: facts, and the findings kept with them
 * (engine.ts), must never cross accounts, whatever a version string holds. */
const byVersion = new Map<string, KeyFacts>()
const VERSIONS_KEPT = 4

/** Which copy of which account a key list is (its version: recentCopy.ts, a random UUID). */
export interface CopyOf {
  account: string
  version?: string | null
}

export function keyFacts(keys: KeyEntry[], copy?: CopyOf): KeyFacts {
  const name = copy?.version ? `${copy.account}\n${copy.version}` : null
  let facts = kept.get(keys) ?? (name ? byVersion.get(name) : undefined)

  if (facts && sameKeys(facts, keys)) {
    kept.set(keys, facts)

    return facts
  }

  facts = workOut(keys)
  kept.set(keys, facts)
  if (name) {
    byVersion.delete(name)
    byVersion.set(name, facts)
    for (const old of byVersion.keys())
      if (byVersion.size > VERSIONS_KEPT) byVersion.delete(old)
  }

  return facts
}

/** A cheap check that facts kept by version are of this list: same length, same ends. */
function sameKeys(facts: KeyFacts, keys: KeyEntry[]): boolean {
  const n = keys.length

  return (
    facts.ids.length === n &&
    (n === 0 ||
      (facts.ids[0] === keys[0].id && facts.ids[n - 1] === keys[n - 1].id))
  )
}

const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Whether duplicateKey(label) is simply the label in lower case: printable ASCII (nothing to
 * fold) in words parted by single spaces, none at either end. Most labels are. (A regular
 * expression: twice as fast here as a loop over the characters, when asked on its own.)
 */
const PLAIN = /^(?:[!-~]+ )*[!-~]+$/

const isPlainLabel = (label: string): boolean => PLAIN.test(label)

/** readLabel's answer for a label that is not plain (see isPlainLabel) */
const NOT_PLAIN = -1

/**
 * What the facts ask of a label, in one walk over its characters (three walks — a regular
 * expression, generic's cheap "no" and the comparison with its neighbour — cost twice as much at
 * 50,000 labels): NOT_PLAIN, or, for a plain label, packed in one number (no allocation):
 * - bits 0–1: its order ignoring case after `before`, the plain label before it (0 less, 1 the
 *   same, 2 greater: compareIgnoringCase(before, label)'s sign plus one; 1 when there is none);
 * - bits 2 on: how many letters and digits it has up to its last letter (labels.ts
 *   tooLongToBeGeneric: more than the longest generic label means it is not generic).
 */
function readLabel(label: string, before: string | null): number {
  const n = label.length

  if (n === 0) return NOT_PLAIN
  let order = before === null ? 1 : -1 // -1: not decided yet
  const m = before === null ? 0 : before.length
  let space = true // a space here would follow a space (or start the label)
  let alnum = 0
  let alnumToLetter = 0

  for (let i = 0; i < n; i++) {
    const c = label.charCodeAt(i)

    if (c === 32) {
      if (space) return NOT_PLAIN
      space = true
    } else if (c < 33 || c > 126) return NOT_PLAIN
    else {
      space = false
      const lower = c >= 65 && c <= 90 ? c + 32 : c

      if (lower >= 97 && lower <= 122) alnumToLetter = ++alnum
      else if (c >= 48 && c <= 57) alnum++
    }

    if (order < 0 && i < m) {
      const b = before!.charCodeAt(i)

      if (b !== c) {
        const fb = b >= 65 && b <= 90 ? b + 32 : b
        const fc = c >= 65 && c <= 90 ? c + 32 : c

        if (fb !== fc) order = fb < fc ? 0 : 2
      }
    }
  }

  if (space) return NOT_PLAIN // ends with a space
  if (order < 0) order = m < n ? 0 : m === n ? 1 : 2

  return order | (alnumToLetter << 2)
}

function workOut(keys: KeyEntry[]): KeyFacts {
  const n = keys.length
  const ids: string[] = new Array(n)
  const labelCountOf = new Int32Array(n)
  const builtInGeneric: boolean[] = new Array(n)
  const runs: Runs = {
    of: new Int32Array(n).fill(-1),
    sizes: [],
    labels: [],
    odd: [],
    oddKeys: [],
  }
  let sorted = true
  // plain labels in order among themselves (what counting by runs relies on, checked)
  let ordered = true
  let lastPlain = -1

  for (let i = 0; i < n; i++) {
    const k = keys[i]
    const { label } = k

    ids[i] = k.id
    let sameRun = false
    const read = readLabel(label, lastPlain >= 0 ? keys[lastPlain].label : null)

    // generic by the built-in labels: the full test only for labels short enough to be
    builtInGeneric[i] =
      read === NOT_PLAIN || read >> 2 <= BUILT_IN_TEST.longest
        ? BUILT_IN_TEST.test(label)
        : false

    if (read !== NOT_PLAIN) {
      if (lastPlain >= 0) {
        const before = keys[lastPlain].label
        const c = (read & 3) - 1 // compareIgnoringCase(before, label)'s sign

        if (c > 0) ordered = false
        else sameRun = c === 0
        // the neighbour was plain too (the usual case): the subject order's first step is known
        if (sorted && lastPlain === i - 1)
          sorted =
            c < 0 ||
            (c === 0 &&
              (plain(before, label) || plain(keys[i - 1].id, k.id)) <= 0)
        else if (sorted) sorted = inSubjectOrder(keys[i - 1], k)
      } else if (sorted && i > 0) sorted = inSubjectOrder(keys[i - 1], k)

      if (sameRun) runs.sizes[runs.sizes.length - 1]++
      else {
        runs.sizes.push(1)
        runs.labels.push(label)
      }

      runs.of[i] = runs.sizes.length - 1

      lastPlain = i
    } else {
      if (sorted && i > 0) sorted = inSubjectOrder(keys[i - 1], k)
      const dk = label ? duplicateKey(label) : ''

      // an empty label (or only spaces) is generic-label's, not a duplicate
      if (dk) {
        runs.odd.push(i)
        runs.oddKeys.push(dk)
      }
    }
  }

  if (ordered) countByRuns(labelCountOf, runs)
  else countByHash(labelCountOf, keys)

  return {
    ids,
    positionOf: lazyPositions(keys),
    labelCountOf,
    sorted,
    generic: genericFlags(keys, builtInGeneric),
    ...entriesByPosition(ids),
  }
}

function inSubjectOrder(p: KeyEntry, k: KeyEntry): boolean {
  const a = p.label || p.appKey
  const b = k.label || k.appKey

  return (compareIgnoringCase(a, b) || plain(a, b) || plain(p.id, k.id)) <= 0
}

/** Runs of plain labels equal ignoring case, side by side in a sorted list. */
interface Runs {
  /** by position: the run the key's label belongs to (-1: not a plain label) */
  of: Int32Array
  /** by run: how many keys, and its first label (the runs are in label order when counted) */
  sizes: number[]
  labels: string[]
  /** the keys whose label is not plain (and not empty), with their duplicate keys */
  odd: number[]
  oddKeys: string[]
}

/**
 * Plain labels counted by their runs; the others by their duplicate keys, each also meeting the
 * run of plain labels with the same duplicate key if there is one (found by halving: the runs
 * are in order and differ from one another ignoring case).
 */
function countByRuns(labelCountOf: Int32Array, runs: Runs) {
  const oddCount = new Map<string, number>()
  const oddRun = new Map<string, number>()

  for (const dk of runs.oddKeys) oddCount.set(dk, (oddCount.get(dk) ?? 0) + 1)
  const total = runs.sizes.slice()

  for (const [dk, count] of oddCount) {
    const r = isPlainLabel(dk) ? findRun(runs.labels, dk) : -1

    if (r < 0) continue
    oddRun.set(dk, r)
    total[r] += count
  }

  for (let i = 0; i < runs.of.length; i++)
    if (runs.of[i] >= 0) labelCountOf[i] = total[runs.of[i]]
  runs.odd.forEach((at, j) => {
    const dk = runs.oddKeys[j]
    const r = oddRun.get(dk)

    labelCountOf[at] = r === undefined ? oddCount.get(dk) ?? 0 : total[r]
  })
}

function findRun(runLabel: string[], dk: string): number {
  let lo = 0
  let hi = runLabel.length - 1

  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const c = compareIgnoringCase(runLabel[mid], dk)

    if (c === 0) return mid
    if (c < 0) lo = mid + 1
    else hi = mid - 1
  }

  return -1
}

/** Every label's duplicate key hashed: for a list out of order (an old copy, tests). */
function countByHash(labelCountOf: Int32Array, keys: KeyEntry[]) {
  const dks = keys.map((k) => duplicateKey(k.label))
  const counts = new Map<string, number>()

  for (const dk of dks) if (dk) counts.set(dk, (counts.get(dk) ?? 0) + 1)
  dks.forEach((dk, i) => {
    labelCountOf[i] = dk ? counts.get(dk) ?? 0 : 0
  })
}

function lazyPositions(keys: KeyEntry[]): () => Map<string, number> {
  let positions: Map<string, number> | undefined

  return () => {
    if (!positions) {
      positions = new Map()
      for (let i = 0; i < keys.length; i++) positions.set(keys[i].id, i)
    }

    return positions
  }
}

function genericFlags(
  keys: KeyEntry[],
  builtIn: boolean[]
): KeyFacts['generic'] {
  const genericBy = new Map([[BUILT_IN_TEST.tag, builtIn]])

  return (tag, isGeneric) => {
    let flags = genericBy.get(tag)

    if (!flags)
      genericBy.set(tag, (flags = keys.map((k) => isGeneric(k.label))))

    return flags
  }
}

function entriesByPosition(
  ids: string[]
): Pick<KeyFacts, 'byPosition' | 'byPositions'> {
  const byDoc = new WeakMap<object, unknown[]>()

  const byPositions = (docs: Array<Record<string, unknown>>) => {
    const todo = docs.filter((d, n) => !byDoc.has(d) && docs.indexOf(d) === n)

    if (!todo.length) return
    const lists = todo.map(() => new Array<unknown>(ids.length))

    if (todo.length === 1) {
      const [doc] = todo
      const [list] = lists

      for (let i = 0; i < ids.length; i++) list[i] = doc[ids[i]]
    } else
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]

        for (let d = 0; d < todo.length; d++) lists[d][i] = todo[d][id]
      }

    todo.forEach((d, n) => byDoc.set(d, lists[n]))
  }

  return {
    byPositions,
    byPosition: <T>(doc: Record<string, T>) => {
      if (!byDoc.has(doc)) byPositions([doc])

      return byDoc.get(doc) as Array<T | undefined>
    },
  }
}
