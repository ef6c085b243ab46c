// Step 7: one vendor everywhere. The vendor (and the app name) must pass the VTEX CLI's own
// manifest validation, and manifest.json and every `@context(provider: "<vendor>.<name>")` of
// react/'s .gql documents must name the same vendor; `npm run set-vendor -- <vendor>`
// (set-vendor.ts) changes them all at once.
//
// vtex/toolbelt 4.4.2, src/api/manifest/ManifestValidator.ts:
//   const namePattern = '[\\w_-]+'
//   const vendorPattern = '[\\w_-]+'
//   … if (!vendorRegex.test(manifest.vendor)) throw createFlowIssueError(
//       "Field 'vendor' may contain only letters, numbers, underscores and hyphens")
import { readFileSync, readdirSync, statSync } from 'fs'
import { join, relative } from 'path'

import type { ReleaseContext, Step, StepResult } from './context'

export const VENDOR_PATTERN = /^[\w_-]+$/
export const NAME_PATTERN = /^[\w_-]+$/
export const PLACEHOLDER_VENDOR = 'yourvendor'
export const VENDOR_RULE =
  'may contain only letters, numbers, underscores and hyphens (the VTEX CLI’s rule)'

/** `@context(provider: "…")` occurrences of a document, with their line. */
export const PROVIDER = /@context\(\s*provider:\s*"([^"]*)"/g

/** Every .gql/.graphql document under react/ (node_modules aside). */
export function reactDocumentsIn(
  root: string,
  dir = join(root, 'react')
): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name)

      if (name === 'node_modules') return []

      return statSync(p).isDirectory()
        ? reactDocumentsIn(root, p)
        : /\.(gql|graphql)$/.test(name)
        ? [relative(root, p)]
        : []
    })
}

async function run(ctx: ReleaseContext): Promise<StepResult> {
  const problems: string[] = []
  const notes: string[] = []
  const { vendor, name } = ctx.manifest

  if (typeof vendor !== 'string' || !VENDOR_PATTERN.test(vendor))
    problems.push(
      `manifest.json vendor "${vendor}" ${VENDOR_RULE}: run npm run set-vendor -- <vendor>`
    )
  if (typeof name !== 'string' || !NAME_PATTERN.test(name))
    problems.push(
      `manifest.json name "${name}" ${VENDOR_RULE.replace(
        '(the',
        '(the app name follows'
      )}`
    )
  const seen = new Map<string, string[]>([[vendor, ['manifest.json']]])
  let providers = 0

  for (const file of reactDocumentsIn(ctx.root)) {
    readFileSync(join(ctx.root, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const m of line.matchAll(PROVIDER)) {
          providers++
          const v = m[1].includes('.') ? m[1].slice(0, m[1].indexOf('.')) : m[1]

          seen.set(v, [...(seen.get(v) ?? []), `${file}:${i + 1}`])
        }
      })
  }

  if (seen.size > 1) {
    const list = [...seen]
      .map(
        ([v, where]) =>
          `"${v}" in ${where.slice(0, 3).join(', ')}${
            where.length > 3 ? ` and ${where.length - 3} more` : ''
          }`
      )
      .join('; ')

    problems.push(
      `more than one vendor: ${list}: run npm run set-vendor -- <vendor> to use one`
    )
  }

  if (vendor === PLACEHOLDER_VENDOR)
    notes.push(
      `the vendor is still the placeholder "${PLACEHOLDER_VENDOR}": run npm run set-vendor -- <your vendor> before vtex link`
    )

  return {
    summary: [
      `vendor "${vendor}" in manifest.json and ${providers} @context providers`,
    ],
    problems,
    notes,
  }
}

export const vendorStep: Step = {
  id: 7,
  title: 'vendor (one, valid, everywhere)',
  run,
}
