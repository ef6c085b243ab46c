// What `vtex link` / `vtex publish` would upload from this checkout, modelled on the toolbelt's
// listLocalFiles (vtex/toolbelt src/api/modules/apps/file.ts): globby over a few root files and
// every top-level folder, minus .vtexignore and the toolbelt's defaults. Its patterns are
// globs relative to the app root, not gitignore rules: `dev/` means `dev/**` at the root only,
// a bare name matches only at the root, and `*`/`**` never match a name starting with a dot.
import { readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'

const INCLUDE = [
  'manifest.json',
  'policies.json',
  '.npmrc',
  'node/.*',
  'react/.*',
  '*/**',
]

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

function segmentToRegExp(seg: string): string {
  const body = seg
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')

  return /^[*?]/.test(seg) ? `(?!\\.)${body}` : body
}

/** A glob (`**`, `*`, `?` and literals; anything richer throws) as an anchored RegExp. */
export function globToRegExp(glob: string): RegExp {
  if (/[[\]{}!()]/.test(glob))
    throw new Error(`unsupported glob syntax in ${JSON.stringify(glob)}`)
  const parts = glob.split('/')
  const re = parts.map((seg, i) => {
    const last = i === parts.length - 1

    if (seg === '**')
      return last ? '(?:[^/.][^/]*(?:/[^/.][^/]*)*)?' : '(?:[^/.][^/]*/)*'

    return segmentToRegExp(seg) + (last ? '' : '/')
  })

  return new RegExp(`^${re.join('')}$`)
}

/** .vtexignore as the toolbelt reads it: trimmed lines, a trailing `/` means the folder's files. */
export function readVtexIgnore(root: string): string[] {
  return (
    readFileSync(join(root, '.vtexignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      // The toolbelt keeps `#` lines as patterns; starting with "# " they match no file anyway.
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.replace(/\/$/, '/**'))
  )
}

function walk(root: string, dir = ''): string[] {
  const out: string[] = []

  for (const name of readdirSync(join(root, dir))) {
    // Always ignored by the toolbelt; skipped here only to keep the walk fast.
    if (name === 'node_modules' || name === '.git') continue
    const rel = dir ? `${dir}/${name}` : name

    if (statSync(join(root, rel)).isDirectory()) out.push(...walk(root, rel))
    else out.push(rel)
  }

  return out
}

/** The files (relative, `/`-separated) that the toolbelt would send to the builders. */
export function uploadedFiles(
  root: string,
  ignore = readVtexIgnore(root)
): string[] {
  const include = INCLUDE.map(globToRegExp)
  const ignored = [...ignore, ...DEFAULT_IGNORED].map(globToRegExp)

  return walk(root)
    .filter(
      (f) =>
        include.some((re) => re.test(f)) && !ignored.some((re) => re.test(f))
    )
    .filter((f) => statSync(join(root, f)).size > 0)
    .sort()
}
