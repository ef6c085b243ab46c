// The same object for the same version of a stored document. Each request parses its own copy
// of each document, but the policy engine reuses a rule's findings only while the parts of the
// input it reads are the same objects (domain/engine.ts): with this, a minute later only the
// rules reading the clock run again, and an annotation written re-runs only the rules reading
// annotations. Documents handed to the engine are never changed in place.
const kept = new Map<string, { version: string; value: unknown }>()

/**
 * `name`: the account and the document; `version`: its ETag (null: there is none, and `value`
 * is what stands for it).
 */
export function steady<T>(name: string, version: string | null, value: T): T {
  const tag = version ?? '(none)'
  const was = kept.get(name)

  if (was && was.version === tag) return was.value as T
  kept.set(name, { version: tag, value })

  return value
}
