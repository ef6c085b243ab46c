// The same object for the same version of a stored document. Each request parses its own copy
// of each document, but the policy engine reuses a rule's findings only while the parts of the
// input it reads are the same objects (domain/engine.ts): with this, a minute later only the
// rules reading the clock run again, and an annotation written re-runs only the rules reading
// annotations. Documents handed to the engine are never changed in place.
const kept = new Map<string, { version: string; value: unknown }>()

/**
 * `name`: the account, workspace and document; `version`: its ETag. Without one nothing is kept
 * (a missing document, or one VBase answered without an ETag): the value is used once.
 */
export function steady<T>(name: string, version: string | null, value: T): T {
  if (version === null) return value
  const was = kept.get(name)

  if (was && was.version === version) return was.value as T
  kept.set(name, { version, value })

  return value
}

/**
 * steady, with the value made only when this version is not kept yet: what is worked out from a
 * document (the settings as used: withDefaults looks at each list entry for a token, ~5 ms for 50
 * long labels) is worked out once per version, not on every request.
 */
export function steadyFrom<T>(
  name: string,
  version: string | null,
  make: () => T
): T {
  const was = version === null ? undefined : kept.get(name)

  if (was && was.version === version) return was.value as T

  return steady(name, version, make())
}
