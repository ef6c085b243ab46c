// Runs every rule in one pass over the inventory. Facts several rules share (each key's
// annotation, renewal, duplicate-key and creation time) are computed once, in arrays by key
// position, so the cost grows linearly with keys + users + roles and no rule hashes a key id.
// Facts of the key list alone are kept with the list (keyFacts.ts). Roles repeat across
// thousands of keys, so what is decided about one role is decided once. Messages are not built here: a finding carries
// its params and is rendered only when a page asks for it (messages.ts).
import type { Finding } from './findings'
import { sortFindings } from './findings'
import { keyFacts } from './keyFacts'
import { genericLabelSet, isGenericLabel } from './labels'
import { canManageKeys, grantsEverything } from './roleGrants'
import { RULES } from './rules'
import type { PolicyInput, Rule, SharedFacts } from './rules/types'
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
  const { keys } = input.inventory
  const annotations: SharedFacts['annotations'] = new Array(keys.length)
  const renewals: SharedFacts['renewals'] = new Array(keys.length)

  for (let i = 0; i < keys.length; i++) {
    annotations[i] = input.annotations[keys[i].id]
    renewals[i] = input.renewals[keys[i].id]
  }

  const facts = keyFacts(keys, input.inventory.version)
  const genericLabels = genericLabelSet(input.settings.extraGenericLabels)

  return {
    ...facts,
    genericByKey: facts.generic([...genericLabels].sort().join('\n'), (l) =>
      isGenericLabel(l, genericLabels)
    ),
    annotations,
    renewals,
    grantsEverything: memoByRole(grantsEverything),
    managesKeys: memoByRole((r) => canManageKeys(r, input.settings)),
  }
}

/** The findings, sorted, and each key's findings by its position in `input.inventory.keys`. */
export interface Evaluation {
  findings: Finding[]
  byKey: Array<Finding[] | undefined>
}

/**
 * Runs the rules; groups key findings by key position as they come; and notes the rules whose
 * findings came in the key list's order (every rule walks the keys in order; the check makes it
 * a fact, not an assumption): with the list in subject order, their findings need no sorting.
 */
export function evaluate(
  input: PolicyInput,
  rules: Rule[] = RULES
): Evaluation {
  const shared = sharedFacts(input)
  const { keys } = input.inventory
  const byKey: Evaluation['byKey'] = new Array(keys.length)
  const inOrder = new Set<string>()
  const all: Finding[] = []

  for (const rule of rules) {
    let ordered = shared.sorted
    let last = -1

    for (const f of rule.evaluate(input, shared)) {
      all.push(f)
      const at =
        f.subjectType === 'KEY' ? shared.positionOf.get(f.subjectId) : undefined

      if (at === undefined) {
        ordered = false
        continue
      }

      const k = keys[at]

      if (at < last || f.subjectLabel !== (k.label || k.appKey)) ordered = false
      last = at
      const mine = byKey[at]

      if (mine) mine.push(f)
      else byKey[at] = [f]
    }

    if (ordered) inOrder.add(rule.id)
  }

  return { findings: sortFindings(all, inOrder), byKey }
}

export function evaluatePolicy(
  input: PolicyInput,
  rules: Rule[] = RULES
): Finding[] {
  return evaluate(input, rules).findings
}
