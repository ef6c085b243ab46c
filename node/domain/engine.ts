// Runs every rule in one pass over the inventory. Facts several rules share (generic labels,
// label counts) are computed once with maps, so the cost grows linearly with keys + users + roles.
// Labels and roles repeat across thousands of keys, so what is decided about one label or one
// role is decided once (memoized per evaluation). Messages are not built here: a finding carries
// its params and is rendered only when a page asks for it (messages.ts).
import type { Finding } from './findings'
import { sortFindings } from './findings'
import { duplicateKey, genericLabelSet, isGenericLabel } from './labels'
import { canManageKeys, grantsEverything } from './roleGrants'
import { RULES } from './rules'
import type { LabelFacts, PolicyInput, Rule, SharedFacts } from './rules/types'
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

export function sharedFacts(input: PolicyInput): SharedFacts {
  const genericLabels = genericLabelSet(input.settings.extraGenericLabels)
  // Each key's duplicate-key is needed twice (counting, then the rule): kept by key position.
  const { keys } = input.inventory
  const dupOf = new Map<string, string>()
  const labelCounts = new Map<string, number>()

  for (const k of keys) {
    const dk = duplicateKey(k.label)

    dupOf.set(k.label, dk)
    if (dk) labelCounts.set(dk, (labelCounts.get(dk) ?? 0) + 1)
  }

  const label = (text: string): LabelFacts => ({
    duplicateKey: dupOf.get(text) ?? duplicateKey(text),
    generic: isGenericLabel(text, genericLabels),
  })

  return {
    genericLabels,
    labelCounts,
    label,
    grantsEverything: memoByRole(grantsEverything),
    managesKeys: memoByRole((r) => canManageKeys(r, input.settings)),
  }
}

export function evaluatePolicy(
  input: PolicyInput,
  rules: Rule[] = RULES
): Finding[] {
  const shared = sharedFacts(input)
  const all: Finding[] = []

  for (const rule of rules) {
    for (const f of rule.evaluate(input, shared)) all.push(f)
  }

  return sortFindings(all)
}
