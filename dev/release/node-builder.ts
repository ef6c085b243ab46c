// Step 2: compile node/ as VTEX's node builder 7.x would: the uploaded files only, node/'s own
// tsconfig.json, and the TypeScript the builder uses.
//
// VTEX, "Node builder" (developers.vtex.com/docs/guides/vtex-io-documentation-node-builder),
// Versioning table: "7.x | Node.js 20.x | @types/node 20.0.0 | TypeScript 5.5.3 | Active".
// VTEX, "Node builder 7.x migration guide": "Make sure node/package.json has the typescript
// property in devDependencies … If the app already has typescript declared in devDependencies,
// you don't need to change its version manually. When linking the app, the package version is
// overwritten automatically."
// So the compiler is pinned here, at the root, as `typescript-node-builder` (npm:typescript@5.5.3),
// whatever node/package.json asks for. @types/node stays what node/package.json installs (the
// guide says nothing of overwriting it; the table's 20.0.0 is older than ours, so code that
// compiles against 20.0.0 also compiles here, not necessarily the reverse: a known gap).
import { join, relative } from 'path'

import type * as TS from 'typescript'

import type { ReleaseContext, Step, StepResult } from './context'
import { readJson } from './context'

export const NODE_BUILDER_TYPESCRIPT = '5.5.3'

export function builderTypeScript(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require('typescript-node-builder') as typeof TS
}

/** The node/ program of the staged upload set, compiled with the builder's TypeScript (shared with step 5). */
export function nodeProgram(ctx: ReleaseContext): {
  ts: typeof TS
  program: TS.Program
  configErrors: readonly TS.Diagnostic[]
} {
  return ctx.once('nodeProgram', () => {
    const ts = builderTypeScript()
    const stage = ctx.stage()
    const configErrors: TS.Diagnostic[] = []
    const host: TS.ParseConfigFileHost = {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d),
    }

    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(stage, 'node', 'tsconfig.json'),
      {},
      host
    )

    if (!parsed) return { ts, program: ts.createProgram([], {}), configErrors }
    configErrors.push(...parsed.errors)

    return {
      ts,
      program: ts.createProgram({
        rootNames: parsed.fileNames,
        options: parsed.options,
        projectReferences: parsed.projectReferences,
      }),
      configErrors,
    }
  })
}

async function run(ctx: ReleaseContext): Promise<StepResult> {
  const problems: string[] = []
  const stage = ctx.stage()

  if (!ctx.upload.includes('node/tsconfig.json'))
    return {
      summary: [],
      problems: [
        'node/tsconfig.json would not be uploaded, so the node builder cannot compile node/',
      ],
    }
  const pkg = readJson<{
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }>(join(stage, 'node', 'package.json'))

  if (!pkg.devDependencies?.typescript)
    problems.push(
      'node/package.json must declare typescript in devDependencies (VTEX’s node builder 7.x migration guide): add "typescript": "5.x"'
    )
  if (!pkg.dependencies?.['@vtex/api'])
    problems.push(
      'node/package.json must declare @vtex/api in dependencies: the node builder runs the service on it'
    )

  const { ts, program, configErrors } = nodeProgram(ctx)

  if (ts.version !== NODE_BUILDER_TYPESCRIPT)
    problems.push(
      `typescript-node-builder is ${ts.version}, not the node builder’s ${NODE_BUILDER_TYPESCRIPT}: pin it back in package.json`
    )
  const diagnostics = [
    ...configErrors,
    ...ts.getPreEmitDiagnostics(program),
    // emit in memory: the builder emits, and some errors only show then
    ...program.emit(undefined, () => undefined).diagnostics,
  ]

  const formatHost: TS.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => stage,
    getNewLine: () => '\n',
  }

  for (const d of diagnostics.filter(
    (x) => x.category === ts.DiagnosticCategory.Error
  )) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ')

    if (d.file && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)

      problems.push(
        `${relative(stage, d.file.fileName)}:${line + 1}:${character + 1} TS${
          d.code
        }: ${text}`
      )
    } else {
      problems.push(ts.formatDiagnostic(d, formatHost).trim())
    }
  }

  const compiled = program
    .getSourceFiles()
    .filter(
      (f) =>
        !f.fileName.includes('/node_modules/') && f.fileName.startsWith(stage)
    ).length

  return {
    summary: [
      `${compiled} files of node/ compiled with TypeScript ${ts.version} (node builder 7.x) and node/tsconfig.json`,
    ],
    problems,
  }
}

export const nodeBuilderStep: Step = {
  id: 2,
  title: 'node builder (TypeScript 5.5.3)',
  run,
}
