// Step 3: the graphql builder. The schema is every .graphql file of graphql/ (as
// dev/service/build.ts concatenates them for the runtime), built with @vtex/api's own schema
// maker (lib/service/worker/runtime/graphql/schema: `makeSchema`, which adds @vtex/api's native
// types and directives and calls graphql-tools' makeExecutableSchema); then every .gql document
// of react/ is validated against it with graphql-js's rules, and every root field a page asks for
// must carry `@context(provider: "<vendor>.<name>")` naming this app, or the Admin's GraphQL
// server (vtex.admin-graphql / graphql-server) cannot route it here.
import { readFileSync, readdirSync, statSync } from 'fs'
import { dirname, join } from 'path'

// Types only: the module itself is the one @vtex/api loads (vtexApiGraphql).
import type * as G from '../../node/node_modules/graphql'
import type { ReleaseContext, Step, StepResult } from './context'

type GraphQL = typeof G

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name)

      return statSync(p).isDirectory()
        ? graphqlFiles(p)
        : name.endsWith('.graphql')
        ? [p]
        : []
    })
}

/** @vtex/api's makeSchema and the graphql-js instance it builds with (one instance, or validation breaks). */
export function vtexApiGraphql(nodeDir: string): {
  makeSchema: (o: { schema: string; resolvers: object }) => {
    schema: G.GraphQLSchema
  }
  graphql: GraphQL
} {
  const api = dirname(
    require.resolve('@vtex/api/package.json', { paths: [nodeDir] })
  )

  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { makeSchema } = require(join(
    api,
    'lib',
    'service',
    'worker',
    'runtime',
    'graphql',
    'schema'
  ))
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const graphql = require(require.resolve('graphql', {
    paths: [api],
  })) as GraphQL

  return { makeSchema, graphql }
}

// `@context` is a client-side directive: vtex.graphql-server reads it to pick the app that
// answers a field, and no app schema declares it. Declaring it here lets graphql-js check
// everything else in the documents (and that @context is only put on fields).
const CONTEXT_DIRECTIVE =
  'directive @context(provider: String, scope: String, sender: String) on FIELD'

/** The app's schema as the graphql builder would build it from the staged graphql/ (shared with step 5). */
export function appSchema(ctx: ReleaseContext): {
  schema: G.GraphQLSchema
  graphql: GraphQL
  files: string[]
} {
  return ctx.once('appSchema', () => {
    const stage = ctx.stage()
    const { makeSchema, graphql } = vtexApiGraphql(join(stage, 'node'))
    const files = ctx.uploaded('graphql/').length
      ? graphqlFiles(join(stage, 'graphql'))
      : []

    if (!files.length)
      throw new Error('graphql/ has no .graphql file to upload')
    try {
      return {
        schema: makeSchema({
          schema: files.map((f) => readFileSync(f, 'utf8')).join('\n\n'),
          resolvers: {},
        }).schema,
        graphql,
        files,
      }
    } catch (e) {
      throw new Error(
        `graphql/ does not build with @vtex/api’s makeSchema: ${
          (e as Error).message
        }`
      )
    }
  })
}

/** The values of a GraphQL enum of the app's schema. */
export function enumValues(ctx: ReleaseContext, name: string): string[] {
  const type = appSchema(ctx).schema.getType(name)

  if (!type || !('getValues' in type))
    throw new Error(`the schema has no enum ${name}`)

  return (type as G.GraphQLEnumType).getValues().map((v) => v.name)
}

export function reactDocuments(ctx: ReleaseContext): string[] {
  return ctx.uploaded('react/', /\.(gql|graphql)$/)
}

async function run(ctx: ReleaseContext): Promise<StepResult> {
  const stage = ctx.stage()
  const problems: string[] = []
  let built: ReturnType<typeof appSchema>

  try {
    built = appSchema(ctx)
  } catch (e) {
    return { summary: [], problems: [(e as Error).message] }
  }

  const { schema, graphql, files } = built
  const withContext = graphql.extendSchema(
    schema,
    graphql.parse(CONTEXT_DIRECTIVE)
  )

  const provider = ctx.appId
  let documents = 0
  let rootFields = 0

  for (const file of reactDocuments(ctx)) {
    documents++
    let doc: G.DocumentNode

    try {
      doc = graphql.parse(readFileSync(join(stage, file), 'utf8'))
    } catch (e) {
      problems.push(`${file}: not valid GraphQL: ${(e as Error).message}`)
      continue
    }

    for (const err of graphql.validate(withContext, doc)) {
      const at = err.locations?.[0]

      problems.push(
        `${file}${at ? `:${at.line}:${at.column}` : ''}: ${err.message}`
      )
    }

    const fragments = new Map(
      doc.definitions
        .filter(graphql.isExecutableDefinitionNode)
        .flatMap((d) =>
          d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : []
        )
    )

    const rootFieldsOf = (
      selections: readonly G.SelectionNode[],
      seen = new Set<string>()
    ): G.FieldNode[] =>
      selections.flatMap((s) => {
        if (s.kind === 'Field') return [s]
        if (s.kind === 'InlineFragment')
          return rootFieldsOf(s.selectionSet.selections, seen)
        const f = fragments.get(s.name.value)

        if (!f || seen.has(f.name.value)) return []
        seen.add(f.name.value)

        return rootFieldsOf(f.selectionSet.selections, seen)
      })

    for (const op of doc.definitions) {
      if (op.kind !== 'OperationDefinition') continue
      for (const field of rootFieldsOf(op.selectionSet.selections)) {
        if (field.name.value.startsWith('__')) continue
        rootFields++
        const where = `${file}:${
          field.loc
            ? doc.loc!.source.body.slice(0, field.loc.start).split('\n').length
            : '?'
        }`

        const context = field.directives?.find(
          (d) => d.name.value === 'context'
        )

        const arg = context?.arguments?.find((a) => a.name.value === 'provider')

        if (!context || !arg) {
          problems.push(
            `${where}: root field "${field.name.value}" has no @context(provider: "${provider}"): add it, or the Admin cannot route the field to this app`
          )
        } else if (
          arg.value.kind !== 'StringValue' ||
          arg.value.value !== provider
        ) {
          const given =
            arg.value.kind === 'StringValue'
              ? arg.value.value
              : graphql.print(arg.value)

          problems.push(
            `${where}: root field "${field.name.value}" has @context(provider: "${given}"), but manifest.json is ${provider}: run npm run set-vendor -- ${ctx.manifest.vendor}`
          )
        }
      }
    }
  }

  const query = schema.getQueryType()
  const mutation = schema.getMutationType()

  return {
    summary: [
      `schema from ${
        files.length
      } files of graphql/ built with @vtex/api’s makeSchema: Query ${
        Object.keys(query?.getFields() ?? {}).length
      } fields, Mutation ${
        Object.keys(mutation?.getFields() ?? {}).length
      } fields`,
      `${documents} .gql documents of react/ validated; ${rootFields} root fields routed to ${provider}`,
    ],
    problems,
  }
}

export const graphqlBuilderStep: Step = {
  id: 3,
  title: 'graphql builder (schema and .gql documents)',
  run,
}
