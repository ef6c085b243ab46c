// Runs every rule in one pass over the inventory. Facts several rules share (generic labels,
// label counts) are computed once with maps, so the cost grows linearly with keys + users + roles.
import { compareFindings, Finding } from './findings'
import { duplicateKey, genericLabelSet } from './labels'
import { RULES } from './rules'
import type { PolicyInput, Rule, SharedFacts } from './rules/types'

export function sharedFacts(input: PolicyInput): SharedFacts {
  const labelCounts = new Map<string, number>()
  for (const k of input.inventory.keys) {
    const dk = duplicateKey(k.label)
    if (dk) labelCounts.set(dk, (labelCounts.get(dk) ?? 0) + 1)
  }
  return { genericLabels: genericLabelSet(input.settings.extraGenericLabels), labelCounts }
}

export function evaluatePolicy(input: PolicyInput, rules: Rule[] = RULES): Finding[] {
  const shared = sharedFacts(input)
  return rules.flatMap(rule => rule.evaluate(input, shared)).sort(compareFindings)
}
