// Limits on what one GraphQL request may ask, checked before any of its fields runs: VTEX gives
// the service 256 MB and 30 s, and one request of 4,000 aliased exports or 200 aliased scans must
// not take them. Counted on the operation as parsed (aliases and fragments included).
import type { Wording } from '../domain/wording'
import { wording } from '../domain/wording'

export const LIMITS = {
  /** fields at the root (a page asks for at most a handful) */
  rootFields: 12,
  /** every field selected, nested ones included */
  fields: 600,
  // the standard introspection query nests types about 13 levels deep
  depth: 16,
}

/** Root fields that cost a lot each (a scan, an export, a review snapshot): once per request. */
export const ONCE_PER_REQUEST = [
  'runLeakScan',
  'reviewExport',
  'startReview',
  'completeReview',
  'restartSchedule',
  'decideKeys',
]

// The parts of graphql-js' AST this reads (GraphQLResolveInfo.operation and .fragments).
type Selection =
  | { kind: 'Field'; name: { value: string }; selectionSet?: SelectionSetNode }
  | { kind: 'InlineFragment'; selectionSet: SelectionSetNode }
  | { kind: 'FragmentSpread'; name: { value: string } }
interface SelectionSetNode {
  selections: readonly Selection[]
}

export interface InfoLike {
  operation: { selectionSet: SelectionSetNode }
  fragments: Record<string, { selectionSet: SelectionSetNode }>
}

/** Selections visited at most, fragments expanded: a few fragments spread twice each must not blow up. */
export const MAX_STEPS = 5000

/** Why a request asks too much, as a message (refusal.request.limit.*). */
class TooCostly extends Error {
  constructor(readonly why: Wording) {
    super(why.id)
  }
}

const TOO_MANY_STEPS = () =>
  new TooCostly(wording('refusal.request.limit.steps'))

interface Tally {
  fields: number
  depth: number
  steps: number
}

function walk(
  set: SelectionSetNode | undefined,
  fragments: InfoLike['fragments'],
  depth: number,
  tally: Tally
): void {
  if (!set) return
  tally.depth = Math.max(tally.depth, depth)
  if (tally.depth > LIMITS.depth)
    throw new TooCostly(
      wording('refusal.request.limit.depth', { max: LIMITS.depth })
    )
  for (const s of set.selections) {
    if (++tally.steps > MAX_STEPS) throw TOO_MANY_STEPS()
    if (s.kind === 'Field') {
      if (++tally.fields > LIMITS.fields)
        throw new TooCostly(
          wording('refusal.request.limit.fields', { max: LIMITS.fields })
        )
      walk(s.selectionSet, fragments, depth + 1, tally)
    } else if (s.kind === 'InlineFragment') {
      walk(s.selectionSet, fragments, depth, tally)
    } else {
      walk(fragments[s.name.value]?.selectionSet, fragments, depth, tally)
    }
  }
}

/** Why the operation asks too much, or null. Pure; stops counting as soon as a limit is passed. */
export function tooCostly(info: InfoLike): Wording | null {
  try {
    const roots: string[] = []
    let steps = 0
    const collect = (set: SelectionSetNode | undefined) => {
      for (const s of set?.selections ?? []) {
        if (++steps > MAX_STEPS) throw TOO_MANY_STEPS()
        if (s.kind === 'Field') roots.push(s.name.value)
        else if (s.kind === 'InlineFragment') collect(s.selectionSet)
        else collect(info.fragments[s.name.value]?.selectionSet)
        if (roots.length > LIMITS.rootFields)
          throw new TooCostly(
            wording('refusal.request.limit.rootFields', {
              max: LIMITS.rootFields,
            })
          )
      }
    }

    collect(info.operation.selectionSet)
    for (const name of ONCE_PER_REQUEST) {
      if (roots.filter((r) => r === name).length > 1)
        return wording('refusal.request.limit.once', { field: name })
    }

    walk(info.operation.selectionSet, info.fragments, 1, {
      fields: 0,
      depth: 0,
      steps: 0,
    })

    return null
  } catch (e) {
    if (e instanceof TooCostly) return e.why
    throw e
  }
}

interface DocumentLike {
  definitions: ReadonlyArray<{
    kind: string
    name?: { value: string }
    operation?: string
    selectionSet?: SelectionSetNode
  }>
}

/** The operation a request runs (by operationName, or its only one) and its fragments. */
export function operationOf(
  document: DocumentLike,
  operationName?: unknown
): (InfoLike & { type: string }) | null {
  const operations = document.definitions.filter(
    (d) => d.kind === 'OperationDefinition'
  )

  const operation =
    typeof operationName === 'string'
      ? operations.find((o) => o.name?.value === operationName)
      : operations.length === 1
      ? operations[0]
      : undefined

  if (!operation?.selectionSet) return null
  const fragments: InfoLike['fragments'] = {}

  for (const d of document.definitions)
    if (d.kind === 'FragmentDefinition' && d.name && d.selectionSet)
      fragments[d.name.value] = { selectionSet: d.selectionSet }

  return {
    operation: { selectionSet: operation.selectionSet },
    fragments,
    type: operation.operation ?? 'query',
  }
}
