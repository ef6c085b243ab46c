// Step 1: the files `vtex link` (and `vtex publish`) would upload, listed by the VTEX CLI's own
// rules, with the glob library at the version the CLI locks.
//
// vtex/toolbelt 4.4.2, src/api/modules/apps/file.ts (what src/modules/apps/link.ts and
// publish.ts call, `listLocalFiles(root)`, so `test` is false):
//   const defaultIgnored = ['.DS_Store', 'README.md', '.gitignore', 'package.json',
//     'node_modules/**', '**/node_modules/**', '.git/**', 'cypress/videos/**', 'cypress/screenshots/**']
//   getIgnoredPaths: readFileSync(join(root, '.vtexignore')).toString().split('\n')
//     .map(p => p.trim()).filter(p => p !== '').map(p => p.replace(/\/$/, '/**')).concat(defaultIgnored)
//   listLocalFiles: glob(['manifest.json', 'policies.json', '.npmrc', 'node/.*', 'react/.*', '*/**'],
//     { cwd: root, follow: true, ignore: getIgnoredPaths(root, test), nodir: true }), then only files with size > 0
// Its package.json asks for globby ~8.0.1 and its yarn.lock resolves 8.0.2, pinned in our root
// package.json. Consequences worth knowing: there are no comments in .vtexignore (a `#` line is
// just a pattern that matches nothing), a leading `/` does not anchor a pattern to the root (it
// makes it absolute, so it matches nothing), and the defaults above apply at the root only.
import { lstatSync, readFileSync } from 'fs'
import { join } from 'path'

import type { ReleaseContext, Step, StepResult } from './context'

// eslint-disable-next-line @typescript-eslint/no-var-requires
const globby = require('globby') as {
  sync(patterns: string[], options: Record<string, unknown>): string[]
}

const DEFAULT_IGNORED = [
  '.DS_Store',
  'README.md',
  '.gitignore',
  'package.json',
  'node_modules/**',
  '**/node_modules/**',
  '.git/**',
  'cypress/videos/**',
  'cypress/screenshots/**',
]

const PATTERNS = [
  'manifest.json',
  'policies.json',
  '.npmrc',
  'node/.*',
  'react/.*',
  '*/**',
]

export function ignoredPaths(root: string): string[] {
  let lines: string[]

  try {
    lines = readFileSync(join(root, '.vtexignore')).toString().split('\n')
  } catch {
    return DEFAULT_IGNORED
  }

  return lines
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.replace(/\/$/, '/**'))
    .concat(DEFAULT_IGNORED)
}

/** The files `vtex link` would upload, as the toolbelt lists them. */
export function listUploadFiles(root: string): string[] {
  return globby
    .sync(PATTERNS, {
      cwd: root,
      follow: true,
      ignore: ignoredPaths(root),
      nodir: true,
    })
    .filter((f) => lstatSync(join(root, f)).size > 0)
    .sort()
}

/** What must never reach VTEX, with the reason shown when it would. */
const FORBIDDEN: Array<{ what: string; test: RegExp }> = [
  { what: 'the local platform (dev/)', test: /^dev\// },
  { what: 'a test', test: /(^|\/)__tests__\/|\.(test|spec)\.[cm]?[jt]sx?$/ },
  { what: 'test support', test: /(^|\/)(__mocks__|testing|test|tests)\// },
  { what: 'a fixture', test: /(^|\/)fixtures?\/|\.fixture\.[a-z]+$/ },
  {
    what: 'a build or test artifact',
    test: /(^|\/)(artifacts|screenshots|coverage|\.build|dist|\.generated)\/|\.log$/,
  },
  { what: 'a benchmark', test: /(^|\/)bench\// },
  {
    what: 'a lockfile (VTEX’s builders install from package.json)',
    test: /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml)$/,
  },
  { what: 'CI configuration', test: /^\.ci\// },
]

/** Files each builder cannot work without. */
const NEEDED: Record<string, string[]> = {
  node: [
    'node/package.json',
    'node/service.json',
    'node/tsconfig.json',
    'node/index.ts',
  ],
  graphql: ['graphql/schema.graphql'],
  react: ['react/package.json', 'react/tsconfig.json'],
  admin: ['admin/routes.json', 'admin/navigation.json'],
  messages: [
    'messages/en.json',
    'messages/pt.json',
    'messages/es.json',
    'messages/context.json',
  ],
  docs: ['docs/README.md'],
}

async function run(ctx: ReleaseContext): Promise<StepResult> {
  const files = listUploadFiles(ctx.root)

  ctx.upload = files
  const problems: string[] = []

  for (const f of files) {
    const bad = FORBIDDEN.find((r) => r.test.test(f))

    if (bad)
      problems.push(
        `${f} would be uploaded, but it is ${bad.what}: add a pattern for it to .vtexignore`
      )
  }

  if (!files.includes('manifest.json'))
    problems.push(
      'manifest.json would not be uploaded: remove the pattern that hides it from .vtexignore'
    )
  for (const builder of Object.keys(ctx.manifest.builders ?? {})) {
    if (!files.some((f) => f.startsWith(`${builder}/`))) {
      problems.push(
        `manifest.json declares the ${builder} builder, but no file of ${builder}/ would be uploaded: check .vtexignore`
      )
      continue
    }

    for (const needed of NEEDED[builder] ?? []) {
      if (!files.includes(needed))
        problems.push(
          `${needed} would not be uploaded, and the ${builder} builder needs it: check .vtexignore`
        )
    }
  }

  const byFolder = new Map<string, number>()

  for (const f of files) {
    const top = f.includes('/') ? `${f.split('/')[0]}/` : '(root)'

    byFolder.set(top, (byFolder.get(top) ?? 0) + 1)
  }

  return {
    summary: [
      `${files.length} files would be uploaded: ${[...byFolder]
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    ],
    problems,
  }
}

export const uploadStep: Step = {
  id: 1,
  title: 'upload set (.vtexignore, as vtex link lists files)',
  run,
}
