// Step 4: the react builder. Each root component that admin/routes.json names is bundled from the
// staged upload set with esbuild (as dev/shell/build.ts bundles them for the local Admin), with
// the modules VTEX's runtime provides kept external: react, react-dom, react-apollo, react-intl
// (what vtex.render-runtime hands every app; the issue's list) and every `vtex.*` app, which must
// then be a dependency in manifest.json. .gql imports are compiled by the builder itself, so they
// count as app files here. Anything else from npm that a page imports would end up in the bundle,
// and must be declared in react/package.json `dependencies` (our choice: what runs in the
// browser belongs there, not in devDependencies, which exist for tests and types).
import { existsSync } from 'fs'
import { join } from 'path'

import type { Metafile, Plugin } from 'esbuild'
import { build } from 'esbuild'

import type { ReleaseContext, Step, StepResult } from './context'
import { readJson } from './context'

export const PLATFORM_MODULES = [
  'react',
  'react-dom',
  'react-apollo',
  'react-intl',
]
const isPlatform = (spec: string) =>
  PLATFORM_MODULES.some((m) => spec === m || spec.startsWith(`${m}/`)) ||
  /^vtex\.[\w-]+(\/|$)/.test(spec)

const packageOf = (spec: string) =>
  spec.startsWith('@')
    ? spec.split('/').slice(0, 2).join('/')
    : spec.split('/')[0]

const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js']

const platform = (seen: Set<string>): Plugin => ({
  name: 'vtex-platform',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (!isPlatform(args.path)) return undefined
      seen.add(packageOf(args.path))

      return { path: args.path, external: true }
    })
    b.onLoad({ filter: /\.(gql|graphql)$/ }, () => ({
      contents: 'export default {}',
      loader: 'js',
    }))
  },
})

async function run(ctx: ReleaseContext): Promise<StepResult> {
  const stage = ctx.stage()
  const problems: string[] = []
  const routes = readJson<
    Record<string, { component?: string; path?: string }>
  >(join(stage, 'admin', 'routes.json'))

  const entries = new Map<string, string>()

  for (const [id, route] of Object.entries(routes)) {
    const name = route.component

    if (!name) {
      problems.push(
        `admin/routes.json route "${id}" names no component: add "component"`
      )
      continue
    }

    const file = EXTENSIONS.map((ext) => `react/${name}${ext}`).find((f) =>
      existsSync(join(stage, f))
    )

    if (!file)
      problems.push(
        `admin/routes.json route "${id}" names component "${name}", but no react/${name}.tsx would be uploaded: create it (a root file of react/) or fix the route`
      )
    else entries.set(name, file)
  }

  if (!entries.size) return { summary: [], problems }

  const external = new Set<string>()
  let metafile: Metafile

  try {
    const result = await build({
      entryPoints: [...entries.values()].map((f) => join(stage, f)),
      absWorkingDir: stage,
      bundle: true,
      write: false,
      metafile: true,
      outdir: join(stage, '.bundle'),
      format: 'esm',
      platform: 'browser',
      target: 'es2019',
      jsx: 'transform',
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [platform(external)],
    })

    metafile = result.metafile!
  } catch (e) {
    const errors =
      (
        e as {
          errors?: Array<{
            text: string
            location?: { file: string; line: number; column: number } | null
          }>
        }
      ).errors ?? []

    for (const err of errors)
      problems.push(
        `${
          err.location
            ? `${err.location.file}:${err.location.line}:${
                err.location.column + 1
              }: `
            : ''
        }${err.text}`
      )
    if (!errors.length) problems.push(`esbuild failed: ${(e as Error).message}`)

    return { summary: [], problems }
  }

  const pkg = readJson<{ dependencies?: Record<string, string> }>(
    join(stage, 'react', 'package.json')
  )

  const declared = new Set(Object.keys(pkg.dependencies ?? {}))
  const bundled = new Map<string, string>()

  for (const [input, info] of Object.entries(metafile.inputs)) {
    if (input.includes('node_modules/')) continue // a package's own imports come with it
    for (const imp of info.imports) {
      if (
        imp.external ||
        !imp.original ||
        /^[./]/.test(imp.original) ||
        !imp.path.includes('node_modules/')
      )
        continue
      const name = packageOf(imp.original)

      if (!bundled.has(name)) bundled.set(name, input)
    }
  }

  for (const [name, from] of bundled) {
    if (!declared.has(name))
      problems.push(
        `${from} imports ${name}, which the react builder would bundle, but react/package.json does not declare it in dependencies: add it there, or stop importing it`
      )
  }

  const manifestDeps = new Set(Object.keys(ctx.manifest.dependencies ?? {}))

  for (const app of [...external].filter((m) => m.startsWith('vtex.'))) {
    if (!manifestDeps.has(app))
      problems.push(
        `react/ imports ${app}, a VTEX app, but manifest.json dependencies lack it: add "${app}": "<major>.x"`
      )
  }

  const bytes = Object.values(metafile.outputs).reduce((n, o) => n + o.bytes, 0)

  return {
    summary: [
      `${entries.size} route components bundled (${Math.round(
        bytes / 1024
      )} kB, ${Object.keys(metafile.inputs).length} modules): ${[
        ...entries.keys(),
      ].join(', ')}`,
      `provided by VTEX (external): ${
        [...external].sort().join(', ') || 'none'
      }; npm packages bundled: ${
        [...bundled.keys()].sort().join(', ') || 'none'
      }`,
    ],
    problems,
  }
}

export const reactBuilderStep: Step = {
  id: 4,
  title: 'react builder (route components bundled)',
  run,
}
