// Each key's findings, by the key's position in the inventory (hygiene.ts adds them up per key).
import type { Finding } from './findings'
import { keyFacts } from './keyFacts'
import type { KeyEntry } from './types'

export function findingsByKey(
  keys: KeyEntry[],
  findings: Finding[]
): Array<Finding[] | undefined> {
  const byKey: Array<Finding[] | undefined> = new Array(keys.length)
  const { positionOf } = keyFacts(keys)

  for (const f of findings) {
    if (f.subjectType !== 'KEY') continue
    const at = positionOf.get(f.subjectId)

    if (at === undefined) continue
    const mine = byKey[at]

    if (mine) mine.push(f)
    else byKey[at] = [f]
  }

  return byKey
}
