// Every GraphQL document the Admin pages send (react/admin/graphql/*.gql) is valid against the
// schema the service really serves: a renamed field or a wrong argument fails here, not in a
// browser. (@context is the Admin's routing directive, which the gateway strips the same way.)
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'fs'
import { createRequire } from 'module'
import { join } from 'path'
import { it } from 'node:test'

import { DEFAULT_FIXTURE, NODE_DIR, ROOT } from '../paths'
import { gql, useStack } from './helpers'

const { buildClientSchema, getIntrospectionQuery, parse, validate } =
  createRequire(join(NODE_DIR, 'package.json'))('graphql')

const DOCUMENTS = join(ROOT, 'react', 'admin', 'graphql')
const stack = useStack({ fixture: DEFAULT_FIXTURE })

it('every Admin GraphQL document validates against the served schema', async () => {
  const res = await gql(stack, 'session-ana-owner', getIntrospectionQuery())

  assert.equal(res.body.errors, undefined, res.text.slice(0, 300))
  const schema = buildClientSchema(res.body.data)
  const files = readdirSync(DOCUMENTS).filter((f) => f.endsWith('.gql'))

  assert.ok(files.length > 20)
  for (const f of files) {
    const doc = parse(
      readFileSync(join(DOCUMENTS, f), 'utf8').replace(/@context\([^)]*\)/g, '')
    )

    assert.deepEqual(
      validate(schema, doc).map((e: Error) => e.message),
      [],
      f
    )
  }
})
