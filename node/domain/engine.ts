// Runs every rule over the inventory. Facts of the key list alone (positions, duplicate labels,
// creation times, generic labels) are kept with the list (keyFacts.ts); facts several rules share
// (each key's annotation and renewal) are arrays by key position, worked out when first asked.
// Rules report each key finding with its key's position, so nothing hashes a key id per finding,
// and a rule's findings are kept with the list and reused while the parts of the input the rule
// reads are the same (a minute later, only the rules reading the clock run again). Roles repeat
// across thousands of keys, so what is decided about one role is decided once. Messages are not
// built here: a finding carries its params and is rendered when a page asks (messages.ts).
import type { Finding } from './findings'
import { inFindingOrder } from './findings'
import { KeyFindings } from './findingsByKey'
import type { KeyFacts } from './keyFacts'
import { keyFacts } from './keyFacts'
import { genericLabelSet, genericTag, genericTest } from './labels'
import { canManageKeys, grantsEverything } from './roleGrants'
import { RULES } from './rules'
import { Report } from './rules/report'
import type { InputPart, PolicyInput, Rule, SharedFacts } from './rules/types'
import type { RoleInfo } from './types'

/** Keys holding the same role share its object (inventory.ts takes it from the catalog). */
function memoByRole(
  decide: (r: RoleInfo) => boolean
): (r: RoleInfo) => boolean {
  const seen = new Map<RoleInfo, boolean>()

  return (r) => {
    let v = seen.get(r)

    if (v === undefined) seen.set(r, (v = decide(r)))

    return v
  }
}

/** The key list's facts, kept by the recent copy's account and version when it is one. */
function factsOf(input: PolicyInput): KeyFacts {
  const { keys, version } = input.inventory

  return keyFacts(
    keys,
    version ? { account: input.account, version } : undefined
  )
}

/** Worked out when a rule first asks: rules whose findings are reused ask for nothing. */
export function sharedFacts(input: PolicyInput): SharedFacts {
  const facts = factsOf(input)
  let genericByKey: boolean[] | undefined

  return {
    ...facts,
    get annotations() {
      return facts.byPosition(input.annotations)
    },
    get renewals() {
      return facts.byPosition(input.renewals)
    },
    get genericByKey() {
      if (!genericByKey) {
        const genericLabels = genericLabelSet(input.settings.extraGenericLabels)

        genericByKey = facts.generic(
          genericTag(genericLabels),
          genericTest(genericLabels)
        )
      }

      return genericByKey
    },
    grantsEverything: memoByRole(grantsEverything),
    managesKeys: memoByRole((r) => canManageKeys(r, input.settings)),
  }
}

/** The findings, sorted, and each key's findings by its position in `input.inventory.keys`. */
export interface Evaluation {
  findings: Finding[]
  byKey: KeyFindings
}

/** The value a rule's findings depend on, for each part of the input it may read. */
const PARTS: Record<InputPart, (input: PolicyInput) => unknown> = {
  users: (input) => input.inventory.users,
  externalKeys: (input) => input.inventory.externalKeys,
  settings: (input) => input.settings,
  annotations: (input) => input.annotations,
  renewals: (input) => input.renewals,
  now: (input) => input.now.getTime(),
  lastReview: (input) => input.lastReviewCompletedAt,
  leakScan: (input) => input.leakScan ?? null,
  account: (input) => input.account,
}

/** The documents keyed by key id that rules read by key position (sharedFacts). */
const DOCUMENTS = ['annotations', 'renewals'] as const

/** A rule's findings on one key list, with the parts of the input they came from. */
interface Remembered {
  parts: unknown[]
  findings: Finding[]
  at: number[]
  ordered: boolean
}

/** By key list (its facts): each rule's latest findings. */
const remembered = new WeakMap<KeyFacts, Map<Rule, Remembered>>()

/**
 * One rule's findings, and whether they came in the key list's order: the key findings' positions
 * never went back in a list kept in subject order, and there are no others (every rule walks the
 * keys in order; Report makes that a fact, not an assumption).
 */
function run(
  rule: Rule,
  input: PolicyInput,
  shared: SharedFacts
): Omit<Remembered, 'parts'> {
  const report = new Report(rule, input.inventory.keys)

  rule.evaluate(input, shared, report)
  const { findings, at } = report

  return {
    findings,
    at,
    ordered: shared.sorted && report.inKeyOrder && !at.includes(-1),
  }
}

/**
 * Runs the rules (reusing a rule's findings on the same key list while the parts of the input
 * it reads are the same), groups key findings by key position, and sorts them: with the list in
 * subject order, the findings of a rule that came in the list's order need no sorting.
 */
export function evaluate(
  input: PolicyInput,
  rules: Rule[] = RULES
): Evaluation {
  const shared = sharedFacts(input)
  const facts = factsOf(input)
  let memo = remembered.get(facts)

  if (!memo) remembered.set(facts, (memo = new Map()))
  const toRun: Array<{ rule: Rule; parts: unknown[] }> = []

  for (const rule of rules) {
    const parts = rule.reads.map((p) => PARTS[p](input))
    const kept = memo.get(rule)

    if (!kept || parts.some((v, n) => v !== kept.parts[n]))
      toRun.push({ rule, parts })
  }

  // the documents the rules to run will read by key position, in one walk of the key ids
  const docs = DOCUMENTS.filter((d) =>
    toRun.some(({ rule }) => rule.reads.includes(d))
  )

  if (docs.length > 1) facts.byPositions(docs.map((d) => input[d]))
  for (const { rule, parts } of toRun)
    memo.set(rule, { parts, ...run(rule, input, shared) })
  const results = rules.map((rule) => ({ rule: rule.id, ...memo!.get(rule)! }))

  const { findings, at } = inFindingOrder(results)

  return {
    findings,
    byKey: new KeyFindings(input.inventory.keys.length, findings, at),
  }
}

export function evaluatePolicy(
  input: PolicyInput,
  rules: Rule[] = RULES
): Finding[] {
  return evaluate(input, rules).findings
}
