// Which queries are on screen, by operation name, for a mutation's refetchQueries by name
// ('KeyStewardReviewDecisions'). Apollo keeps that list itself, but only inside its QueryManager
// (an internal); the components that ask those queries say so here instead (useRereadByName),
// each with the variables it asks them with now, and its error policy: a query that takes a
// partial answer (errorPolicy 'ignore') is read again the same way, or the partial answer was
// dropped and the earlier copy stayed.
import type { ErrorPolicy } from 'apollo-client'
import type { DocumentNode } from 'graphql'

export interface Reread {
  query: DocumentNode
  variables?: Record<string, unknown>
  errorPolicy?: ErrorPolicy
}

type Entry = { current: Reread }

/** The first operation's name in a query document ("KeyStewardReviewCount"). */
export function operationName(query: DocumentNode): string | undefined {
  for (const d of query.definitions)
    if (d.kind === 'OperationDefinition' && d.name) return d.name.value

  return undefined
}

/** One registry per Apollo client (each test renders its own). */
export function createRereadRegistry() {
  const entries = new Set<Entry>()

  return {
    /** Registers a query while it is on screen; returns its removal. */
    add(entry: Entry): () => void {
      entries.add(entry)

      return () => {
        entries.delete(entry)
      }
    },
    /** The queries of that name on screen, each with its variables, the same asked once. */
    named(name: string): Reread[] {
      const found = new Map<string, Reread>()

      for (const e of entries) {
        if (operationName(e.current.query) !== name) continue
        found.set(JSON.stringify(e.current.variables ?? {}), e.current)
      }

      return [...found.values()]
    },
  }
}

export type RereadRegistry = ReturnType<typeof createRereadRegistry>

const byClient = new WeakMap<object, RereadRegistry>()

export function rereadRegistryOf(client: object): RereadRegistry {
  let registry = byClient.get(client)

  if (!registry) {
    registry = createRereadRegistry()
    byClient.set(client, registry)
  }

  return registry
}
