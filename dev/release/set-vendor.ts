// `npm run set-vendor -- <vendor>`: sets the app's vendor in manifest.json and in every
// `@context(provider: "<vendor>.<name>")` of react/'s .gql documents, after checking the name as
// the VTEX CLI does (vendor.ts). Run it again to change vendors; the release check fails on a mix.
import { readFileSync, writeFileSync } from 'fs'
import { join, resolve } from 'path'

import {
  PROVIDER,
  reactDocumentsIn,
  VENDOR_PATTERN,
  VENDOR_RULE,
} from './vendor'

export function setVendor(
  root: string,
  vendor: string
): { changed: string[]; previous: string } {
  if (!VENDOR_PATTERN.test(vendor))
    throw new Error(`"${vendor}" is not a valid vendor: it ${VENDOR_RULE}`)
  const manifestFile = join(root, 'manifest.json')
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    vendor: string
    name: string
  }

  const previous = manifest.vendor
  const changed: string[] = []

  if (manifest.vendor !== vendor) {
    manifest.vendor = vendor
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`)
    changed.push('manifest.json')
  }

  for (const file of reactDocumentsIn(root)) {
    const text = readFileSync(join(root, file), 'utf8')
    const next = text.replace(PROVIDER, (whole, provider: string) =>
      whole.replace(`"${provider}"`, `"${vendor}.${manifest.name}"`)
    )

    if (next !== text) {
      writeFileSync(join(root, file), next)
      changed.push(file)
    }
  }

  return { changed, previous }
}

if (require.main === module) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--root')
  const root = resolve(
    at >= 0 ? args.splice(at, 2)[1] : join(__dirname, '..', '..')
  )

  const vendor = args[0]

  if (!vendor) {
    console.error(
      'usage: npm run set-vendor -- <vendor>   (your VTEX account that publishes the app)'
    )
    process.exit(2)
  }

  try {
    const { changed, previous } = setVendor(root, vendor)

    console.log(
      changed.length
        ? `vendor ${previous} → ${vendor}: ${
            changed.length
          } files changed (${changed.join(', ')})`
        : `vendor already ${vendor}: nothing to change`
    )
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8')

    if (manifest.includes(`/${previous}/`) && previous !== vendor)
      console.log(
        `note: manifest.json still links to …/${previous}/… (billingOptions.support.url): point it at your support page`
      )
  } catch (e) {
    console.error((e as Error).message)
    process.exit(1)
  }
}
