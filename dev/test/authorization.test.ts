// Authorization you can see and test in one table (node/resolvers/access.ts). This walks *every*
// Query and Mutation field of the schema, found by introspection, with no cookie and with each
// fixture session: no cookie → UNAUTHENTICATED; a session lacking a declared requirement →
// FORBIDDEN naming it; a session holding them → not refused. A field without a declared
// requirement fails here, and so does a check that lets a call through when License Manager
// cannot answer.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { FIELD_ACCESS } from '../../node/resolvers/access'
import type { Fixture } from '../platform/fixture'
import { holdsAny } from '../platform/principals'
import { DEFAULT_FIXTURE } from '../paths'
import type { GqlResult } from './helpers'
import { errorCode, gql, loadJson, useStack } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const OWNER = 'session-ana-owner'
const stack = useStack({ fixture: DEFAULT_FIXTURE })

interface TypeRef {
  kind: string
  name: string | null
  ofType: TypeRef | null
}
interface Field {
  name: string
  args: Array<{ name: string; type: TypeRef }>
  type: TypeRef
}
interface FullType {
  name: string
  kind: string
  inputFields: Array<{ name: string; type: TypeRef }> | null
  enumValues: Array<{ name: string }> | null
}

const TYPE_REF =
  'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }'

const INTROSPECTION = `{ __schema {
  queryType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
  mutationType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
  types { name kind inputFields { name type { ${TYPE_REF} } } enumValues { name } }
} }`

let roots: { Query: Field[]; Mutation: Field[] }
let types: Map<string, FullType>

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t)

/** A literal of the argument's type: enough to pass GraphQL validation and reach the resolver. */
function literal(t: TypeRef): string {
  if (t.kind === 'NON_NULL') return literal(t.ofType!)
  if (t.kind === 'LIST') return `[${literal(t.ofType!)}]`
  const type = types.get(t.name!)!

  if (type.kind === 'ENUM') return type.enumValues![0].name
  if (type.kind === 'INPUT_OBJECT')
    return `{ ${type
      .inputFields!.filter((f) => f.type.kind === 'NON_NULL')
      .map((f) => `${f.name}: ${literal(f.type)}`)
      .join(', ')} }`

  return (
    ({ Int: '1', Float: '1', Boolean: 'false' } as Record<string, string>)[
      t.name!
    ] ?? '"x"'
  )
}

function operation(root: 'Query' | 'Mutation', f: Field): string {
  const args = f.args
    .filter((a) => a.type.kind === 'NON_NULL')
    .map((a) => `${a.name}: ${literal(a.type)}`)

  const { kind } = types.get(named(f.type).name!)!
  const selection =
    kind === 'OBJECT' || kind === 'INTERFACE' || kind === 'UNION'
      ? ' { __typename }'
      : ''

  return `${root === 'Query' ? 'query' : 'mutation'} { ${f.name}${
    args.length ? `(${args.join(', ')})` : ''
  }${selection} }`
}

/** What a session's user lacks of a field's declared requirements (by legacy name), or null if signed-in only. */
function lacking(
  cookie: string,
  root: 'Query' | 'Mutation',
  field: string
): string[] {
  const access = FIELD_ACCESS[root][field]

  if ('signedIn' in access) return []
  const user = fixture.users.find((u) => u.email === fixture.sessions[cookie])!
  const principal = { kind: 'user' as const, user }

  return access.requires
    .filter(
      (r) =>
        !holdsAny(
          stack.platform.state,
          principal,
          r.map((x) => x.name)
        )
    )
    .map((r) => r[0].name)
    .sort()
}

const codeOf = (r: GqlResult) => errorCode(r) ?? 'none'

/** The schema as the service serves it, read once (inside the first test: the stack starts in a hook). */
async function introspect(): Promise<void> {
  if (roots) return
  const res = await gql(stack, OWNER, INTROSPECTION)

  assert.equal(res.body.errors, undefined, res.text)
  const schema = res.body.data.__schema

  roots = {
    Query: schema.queryType.fields,
    Mutation: schema.mutationType.fields,
  }
  types = new Map(schema.types.map((t: FullType) => [t.name, t]))
}

describe('declarative authorization', () => {
  it('every Query and Mutation field of the schema has a declared requirement, and no declaration is stale', async () => {
    await introspect()
    for (const root of ['Query', 'Mutation'] as const) {
      assert.deepEqual(
        roots[root].map((f) => f.name).sort(),
        Object.keys(FIELD_ACCESS[root]).sort(),
        `${root} fields vs resolvers/access.ts`
      )
    }
  })

  it('the fixture has sessions that hold everything, some, and none of the requirements', () => {
    const all = Object.keys(fixture.sessions).map(
      (c) => lacking(c, 'Mutation', 'startReview').length
    )

    assert.ok(all.includes(0) && all.some((n) => n > 0), JSON.stringify(all))
  })

  for (const root of ['Query', 'Mutation'] as const) {
    for (const field of Object.keys(FIELD_ACCESS[root])) {
      it(`${root}.${field}: no cookie, each session`, async () => {
        await introspect()
        const f = roots[root].find((x) => x.name === field)!
        const op = operation(root, f)

        assert.equal(
          codeOf(await gql(stack, null, op)),
          'UNAUTHENTICATED',
          `${op} without a cookie`
        )
        for (const cookie of Object.keys(fixture.sessions)) {
          const res = await gql(stack, cookie, op)
          const missing = lacking(cookie, root, field)

          if (missing.length) {
            assert.equal(
              codeOf(res),
              'FORBIDDEN',
              `${cookie}: ${op} → ${res.text.slice(0, 300)}`
            )
            assert.deepEqual(
              res.body.errors![0].extensions!.missingResources,
              missing,
              `${cookie} is told what it lacks`
            )
            assert.equal(res.body.data?.[field] ?? null, null)
            // no auditor is named here: no refusal tells a session it is one
            assert.equal(
              res.body.errors![0].extensions!.auditor,
              undefined,
              `${cookie}: ${op} is no auditor`
            )
          } else {
            assert.ok(
              !['UNAUTHENTICATED', 'FORBIDDEN'].includes(codeOf(res)),
              `${cookie} may call ${op}: ${res.text.slice(0, 300)}`
            )
          }
        }
      })
    }
  }

  it('an auditor named in the settings passes exactly the fields declared for auditors, and nothing else', async () => {
    await introspect()
    // carla holds none of the read resources (session-carla-readonly): auditing is her only way in.
    const AUDITOR = 'session-carla-readonly'
    const auditorFields = {
      Query: [
        'lastCompletedReview',
        'reviewById',
        'reviewDecisions',
        'reviewExport',
        'reviews',
        // the history's count of damaged entries: asked with reviews by the same page
        'reviewsUnreadable',
      ],
      Mutation: [] as string[],
    }

    for (const root of ['Query', 'Mutation'] as const) {
      assert.deepEqual(
        Object.entries(FIELD_ACCESS[root])
          .filter(([, a]) => 'requires' in a && a.auditors)
          .map(([f]) => f)
          .sort(),
        auditorFields[root],
        `${root} fields open to auditors`
      )
    }

    const named = await gql(
      stack,
      OWNER,
      `mutation { updateSettings(settings: { auditors: ["${fixture.sessions[AUDITOR]}"] }) { auditors } }`
    )

    assert.equal(named.body.errors, undefined, named.text)
    for (const root of ['Query', 'Mutation'] as const) {
      for (const field of Object.keys(FIELD_ACCESS[root])) {
        const op = operation(root, roots[root].find((x) => x.name === field)!)
        const res = await gql(stack, AUDITOR, op)

        if (auditorFields[root].includes(field))
          assert.ok(
            !['UNAUTHENTICATED', 'FORBIDDEN'].includes(codeOf(res)),
            `the auditor may call ${op}: ${res.text.slice(0, 300)}`
          )
        else if (lacking(AUDITOR, root, field).length) {
          assert.equal(
            codeOf(res),
            'FORBIDDEN',
            `the auditor may not call ${op}`
          )
          // told that she is one (her page leads to the completed reviews) ...
          assert.equal(res.body.errors![0].extensions!.auditor, true, op)
          // ... and no one else is, on the same field, while she is named
          for (const cookie of Object.keys(fixture.sessions)) {
            if (cookie === AUDITOR) continue
            const theirs = await gql(stack, cookie, op)

            assert.equal(
              theirs.body.errors?.[0]?.extensions?.auditor,
              undefined,
              `${cookie}: ${op} is no auditor`
            )
          }
        }
      }
    }

    // Another session without the read resources that is not named stays refused.
    const other = Object.keys(fixture.sessions).find(
      (c) => c !== AUDITOR && lacking(c, 'Query', 'reviews').length
    )

    if (other)
      assert.equal(
        codeOf(await gql(stack, other, '{ reviews { id } }')),
        'FORBIDDEN'
      )
  })

  it('fails closed: when License Manager cannot answer the access check, every guarded field is refused', async () => {
    await introspect()
    // A session with no recent "yes" (services/sessionAccess remembers one for 30 s): the
    // Owner signed in again, so every check must reach License Manager.
    const fresh = 'session-ana-owner-signed-in-again'

    stack.fixture.sessions[fresh] = stack.fixture.sessions[OWNER]
    stack.platform.faults.set([
      { path: '/api/license-manager/resources/', status: 503 },
    ])
    for (const root of ['Query', 'Mutation'] as const) {
      for (const [field, access] of Object.entries(FIELD_ACCESS[root])) {
        if ('signedIn' in access) continue
        const res = await gql(
          stack,
          fresh,
          operation(root, roots[root].find((x) => x.name === field)!)
        )

        assert.equal(
          codeOf(res),
          'UPSTREAM_UNAVAILABLE',
          `${root}.${field}: ${res.text.slice(0, 200)}`
        )
        assert.equal(res.body.data?.[field] ?? null, null)
      }
    }
  })
})
