// Builds the node service the way VTEX's node builder lays it out for the @vtex/api runtime:
// service/src/node/index.js (compiled), service/service.json (with the GraphQL route the
// builder adds) and service/schema.graphql (every .graphql file of graphql/, concatenated).
import { execFileSync } from 'child_process'
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'fs'
import { join } from 'path'

import { BUILD_DIR, NODE_DIR, ROOT } from '../paths'

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

export function buildService(): void {
  execFileSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc', { paths: [NODE_DIR] }),
      '-p',
      NODE_DIR,
    ],
    { stdio: 'inherit' }
  )
  mkdirSync(join(BUILD_DIR, 'service'), { recursive: true })
  const serviceJson = JSON.parse(
    readFileSync(join(NODE_DIR, 'service.json'), 'utf8')
  )

  serviceJson.routes = {
    ...serviceJson.routes,
    __graphql: { path: '/_v/graphql' },
  }
  writeFileSync(
    join(BUILD_DIR, 'service', 'service.json'),
    JSON.stringify(serviceJson, null, 2)
  )
  const schema = graphqlFiles(join(ROOT, 'graphql'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n\n')

  writeFileSync(join(BUILD_DIR, 'service', 'schema.graphql'), schema)
}

if (require.main === module) buildService()
