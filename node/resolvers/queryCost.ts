// Limits on what one GraphQL request may ask, checked before any of its fields runs: VTEX gives
// the service 256 MB and 30 s, and one request of 4,000 aliased exports or 200 aliased scans must
// not take them. Counted on the operation as parsed (aliases and fragments included).

export const LIMITS = {
  /** fields at the root (a page asks for at most a handful) */
  rootFields: 12,
  /** every field selected, nested ones included */
  fields: 600,
  depth: 10,
}

/** Root fields that cost a lot each (a scan, an export, a review snapshot): once per request. */
export const ONCE_PER_REQUEST = ['runLeakScan', 'reviewExport', 'startReview', 'completeReview', 'restartSchedule']

// The parts of graphql-js' AST this reads (GraphQLResolveInfo.operation and .fragments).
type Selection =
  | { kind: 'Field'; name: { value: string }; selectionSet?: SelectionSetNode }
  | { kind: 'InlineFragment'; selectionSet: SelectionSetNode }
  | { kind: 'FragmentSpread'; name: { value: string } }
interface SelectionSetNode { selections: readonly Selection[] }

export interface InfoLike { operation: { selectionSet: SelectionSetNode }; fragments: Record<string, { selectionSet: SelectionSetNode }> }

interface Tally { fields: number; depth: number }

function walk(set: SelectionSetNode | undefined, fragments: InfoLike['fragments'], depth: number, tally: Tally): void {
  if (!set) return
  tally.depth = Math.max(tally.depth, depth)
  for (const s of set.selections) {
    if (s.kind === 'Field') {
      tally.fields++
      walk(s.selectionSet, fragments, depth + 1, tally)
    } else if (s.kind === 'InlineFragment') {
      walk(s.selectionSet, fragments, depth, tally)
    } else {
      walk(fragments[s.name.value]?.selectionSet, fragments, depth, tally)
    }
  }
}

/** Why the operation asks too much, or null. Pure. */
export function tooCostly(info: InfoLike): string | null {
  const roots: string[] = []
  const collect = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') roots.push(s.name.value)
      else if (s.kind === 'InlineFragment') collect(s.selectionSet)
      else collect(info.fragments[s.name.value]?.selectionSet)
    }
  }
  collect(info.operation.selectionSet)
  if (roots.length > LIMITS.rootFields) return `at most ${LIMITS.rootFields} fields at the root of one request (this one has ${roots.length})`
  for (const name of ONCE_PER_REQUEST) {
    if (roots.filter(r => r === name).length > 1) return `${name} at most once per request`
  }
  const tally: Tally = { fields: 0, depth: 0 }
  walk(info.operation.selectionSet, info.fragments, 1, tally)
  if (tally.fields > LIMITS.fields) return `at most ${LIMITS.fields} fields in one request (this one has ${tally.fields})`
  if (tally.depth > LIMITS.depth) return `at most ${LIMITS.depth} levels of nesting`
  return null
}
