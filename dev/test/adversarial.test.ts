// The attack run, kept: every category below tries many hostile cases against the real stack and
// fails on any that does not hold. It prints how many cases it tried per category.
//   token paste   every fixture token (alone, twice, glued to a word, with a letter after) into
//                 every String argument of every field: never echoed in a response, a log line
//                 or the app's storage
//   bad input     oversized, control-character and markup strings in every String argument: a
//                 clear answer, never a 500, never a response that echoes the input at length
//   malformed     requests the runtime cannot read: 400 with a short message, no internals
//   query cost    requests that ask too much: refused before anything runs
//   one scan      concurrent storefront scans: one runs, the others are told to wait
//   forged        forged and malformed session cookies: UNAUTHENTICATED everywhere
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { gzipSync } from 'node:zlib'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import type { GqlResult } from './helpers'
import { assertNoTokens, errorCode, gql, loadJson, useStack } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const OWNER = 'session-ana-owner'
const stack = useStack({ fixture: DEFAULT_FIXTURE }, { resetEach: false })
const tried: Record<string, number> = {}
const count = (category: string) => {
  tried[category] = (tried[category] ?? 0) + 1
}

interface TypeRef {
  kind: string
  name: string | null
  ofType: TypeRef | null
}
interface Arg {
  name: string
  type: TypeRef
}
interface Field {
  name: string
  args: Arg[]
  type: TypeRef
}
interface FullType {
  name: string
  kind: string
  inputFields: Arg[] | null
  enumValues: Array<{ name: string }> | null
}
const TYPE_REF =
  'kind name ofType { kind name ofType { kind name ofType { kind name } } }'

let schema:
  | {
      roots: Record<'Query' | 'Mutation', Field[]>
      types: Map<string, FullType>
    }
  | undefined

async function introspect() {
  if (schema) return schema
  const res = await gql(
    stack,
    OWNER,
    `{ __schema { queryType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
    mutationType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } } types { name kind inputFields { name type { ${TYPE_REF} } } enumValues { name } } } }`
  )

  const s = res.body.data.__schema

  schema = {
    roots: { Query: s.queryType.fields, Mutation: s.mutationType.fields },
    types: new Map(s.types.map((t: FullType) => [t.name, t])),
  }

  return schema
}

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t)

/** A value of the type for a variable: `hostile` goes into String slots, the rest is the simplest valid value. */
function value(
  t: TypeRef,
  hostile: string,
  types: Map<string, FullType>
): unknown {
  if (t.kind === 'NON_NULL') return value(t.ofType!, hostile, types)
  if (t.kind === 'LIST') return [value(t.ofType!, hostile, types)]
  const type = types.get(t.name!)!

  if (type.kind === 'ENUM') return type.enumValues![0].name
  // Required fields and the ones that carry text: a valid Int elsewhere must not hide a String check.
  if (type.kind === 'INPUT_OBJECT')
    return Object.fromEntries(
      type
        .inputFields!.filter(
          (f) => f.type.kind === 'NON_NULL' || carriesString(f.type, types)
        )
        .map((f) => [f.name, value(f.type, hostile, types)])
    )

  return (
    ({ Int: 1, Float: 1, Boolean: false } as Record<string, unknown>)[
      t.name!
    ] ?? hostile
  )
}

const typeName = (t: TypeRef): string =>
  t.kind === 'NON_NULL'
    ? `${typeName(t.ofType!)}!`
    : t.kind === 'LIST'
    ? `[${typeName(t.ofType!)}]`
    : t.name!

function carriesString(
  t: TypeRef,
  types: Map<string, FullType>,
  seen = new Set<string>()
): boolean {
  const n = named(t)

  if (n.name === 'String') return true
  const type = types.get(n.name!)

  if (type?.kind !== 'INPUT_OBJECT' || seen.has(n.name!)) return false
  seen.add(n.name!)

  return type.inputFields!.some((f) => carriesString(f.type, types, seen))
}

/** Every field that takes a String somewhere in its arguments, called with `hostile` there. */
async function eachStringField(
  hostile: string,
  check: (res: GqlResult, where: string) => void,
  category: string
) {
  const { roots, types } = await introspect()

  for (const root of ['Query', 'Mutation'] as const) {
    for (const f of roots[root]) {
      if (!f.args.some((a) => carriesString(a.type, types))) continue
      const { kind } = types.get(named(f.type).name!)!
      const selection = kind === 'OBJECT' ? ' { __typename }' : ''
      const vars = f.args
        .map((a) => `$${a.name}: ${typeName(a.type)}`)
        .join(', ')

      const op = `${root === 'Query' ? 'query' : 'mutation'}(${vars}) { ${
        f.name
      }(${f.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`

      const variables = Object.fromEntries(
        f.args.map((a) => [a.name, value(a.type, hostile, types)])
      )

      check(await gql(stack, OWNER, op, variables), `${root}.${f.name}`)
      count(category)
    }
  }
}

after(() => {
  const lines = Object.entries(tried).map(
    ([c, n]) => `  ${c.padEnd(14)} ${n} cases`
  )

  console.log(
    `adversarial suite, cases tried per category:\n${lines.join('\n')}`
  )
})

describe('adversarial: token paste', () => {
  const variants = (t: string) => [
    t,
    t + t,
    `apptoken${t}`,
    `${t}x`,
    `note: ${t.slice(0, 64)}`,
    t.match(/.{16}/g)!.join('-'),
    t.toLowerCase(),
  ]

  it('no response, log line or stored document carries a pasted token', async () => {
    for (const key of fixture.appKeys.slice(0, 3)) {
      for (const pasted of variants(key.token)) {
        await eachStringField(
          pasted,
          (res, where) => {
            for (const probe of [
              key.token.slice(0, 32),
              key.token.slice(40, 72),
              key.token.slice(48, 64),
              key.token.slice(40, 72).toLowerCase(),
            ])
              assert.ok(
                !res.text.includes(probe),
                `${where} echoed the pasted token`
              )
          },
          'token paste'
        )
      }
    }

    await new Promise((r) => setTimeout(r, 300))
    const stored = [...stack.platform.state.vbase.values()].map((f) =>
      f.body.toString()
    )

    assertNoTokens(fixture, stored, 'stored document')
    for (const key of fixture.appKeys.slice(0, 3)) {
      for (const probe of [
        key.token.slice(48, 64),
        key.token.slice(40, 72).toLowerCase(),
      ])
        assert.ok(
          !stored.some((d) => d.includes(probe)),
          'a split or lowercased token was stored'
        )
    }

    assertNoTokens(fixture, stack.logs, 'service log line')
    for (const key of fixture.appKeys.slice(0, 3)) {
      assert.ok(
        !stack.logs.some((l) => l.includes(key.token.slice(40, 72))),
        'a slice of a pasted token reached the log'
      )
    }
  })
})

describe('adversarial: encoded token paste', () => {
  // A token pasted encoded (domain/secrets.ts): base64, a Basic header, hex, and the near-misses
  // (wrapped, grouped, with separators, encoded twice). Neither it nor its encoded form comes back.
  const b64 = (s: string) => Buffer.from(s).toString('base64')
  const hex = (s: string) => Buffer.from(s).toString('hex')
  const variants = (k: { appKey: string; token: string }) => [
    b64(k.token),
    `Basic ${b64(`${k.appKey}:${k.token}`)}`,
    hex(k.token),
    b64(k.token).replace(/(.{20})/g, '$1\n'),
    b64(k.token).replace(/(.{4})/g, '$1 '),
    hex(k.token).replace(/(..)/g, '%$1'),
    b64(b64(k.token)),
  ]

  it('no response, log line or stored document carries it, encoded or decoded', async () => {
    const [key] = fixture.appKeys
    const pasted = variants(key)
    const probes = [
      key.token.slice(0, 32),
      key.token.slice(40, 72),
      ...pasted.map((p) => p.replace(/\s/g, '').slice(24, 56)),
    ]

    for (const text of pasted)
      await eachStringField(
        text,
        (res, where) => {
          const flat = res.text.replace(/\\[nr]|\s/g, '')

          for (const probe of probes)
            assert.ok(!flat.includes(probe), `${where} echoed ${probe}`)
        },
        'encoded paste'
      )

    await new Promise((r) => setTimeout(r, 300))
    const texts = [
      ...[...stack.platform.state.vbase.values()].map((f) => f.body.toString()),
      ...stack.logs,
    ].map((t) => t.replace(/\\[nr]|\s/g, ''))

    for (const probe of probes)
      assert.ok(
        !texts.some((t) => t.includes(probe)),
        `${probe} was stored or logged`
      )
  })
})

describe('adversarial: bad input', () => {
  const hostile = [
    'x'.repeat(1_000_000),
    '\u0000\u0007\u001b[31m',
    '<script>alert(1)</script><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil")',
    '../../etc/passwd',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ‮',
    '%00%0d%0aSet-Cookie: x=1',
  ]

  it('answers clearly, never with a 500 or a long echo', async () => {
    for (const input of hostile) {
      await eachStringField(
        input,
        (res, where) => {
          assert.ok(res.status < 500, `${where}: HTTP ${res.status}`)
          assert.notEqual(
            errorCode(res),
            'INTERNAL_SERVER_ERROR',
            `${where}: ${res.text.slice(0, 200)}`
          )
          assert.ok(
            res.text.length < 20_000 || !res.text.includes('x'.repeat(2_000)),
            `${where} echoed ${res.text.length} characters`
          )
        },
        'bad input'
      )
    }
  })

  // Longer than any list setting keeps and than any token spelled out: refused for its length
  // first (the token check on 1 MB cost ~1.3 s of CPU, for a refusal either way), not quoted back.
  it('a 1 MB entry of a settings list is refused for its length, unquoted, and saves nothing', async () => {
    const [{ token }] = fixture.appKeys
    const huge = ` ${token} x`.repeat(Math.ceil(1_000_000 / (token.length + 3)))
    const read = async () =>
      (await gql(stack, OWNER, '{ settings { version rotationDays } }')).body
        .data.settings

    const before = await read()

    for (const field of [
      'extraGenericLabels',
      'scanExtraPaths',
      'reminderEmails',
      'auditors',
    ]) {
      const r = await gql(
        stack,
        OWNER,
        'mutation($v: SettingsInput!) { updateSettings(settings: $v) { rotationDays } }',
        { v: { [field]: ['ok@acme.com', huge], rotationDays: 180 } }
      )

      assert.equal(errorCode(r), 'BAD_USER_INPUT', r.text.slice(0, 300))
      const fields = r.body.errors![0].extensions!.fields as Array<{
        field: string
        code: string
        entry?: string
      }>

      assert.deepEqual(
        fields.map((f) => [f.field, f.code, f.entry]),
        [[field, 'TOO_LONG', undefined]],
        r.text.slice(0, 300)
      )
      assert.match(
        r.body.errors![0].message,
        /an entry is longer than \d+ characters$/
      )
      assert.ok(
        !r.text.includes(token.slice(0, 16)),
        `${field} echoed the input`
      )
    }

    assert.deepEqual(await read(), before, 'nothing was saved')
  })
})

describe('adversarial: malformed requests', () => {
  const raw = async (
    body: string,
    contentType = 'application/json',
    method = 'POST'
  ) => {
    const res = await fetch(`${stack.url}/_v/graphql`, {
      method,
      headers: {
        'content-type': contentType,
        cookie: `VtexIdclientAutCookie=${OWNER}`,
      },
      body: method === 'GET' ? undefined : body,
    })

    return { status: res.status, text: await res.text() }
  }

  const cases: Array<
    [string, () => Promise<{ status: number; text: string }>]
  > = [
    ['invalid JSON', () => raw('{bad json')],
    ['empty body', () => raw('')],
    [
      'a batch (array)',
      () =>
        raw(
          JSON.stringify([
            { query: '{ rules { id } }' },
            { query: '{ rules { id } }' },
          ])
        ),
    ],
    ['no query', () => raw(JSON.stringify({ variables: {} }))],
    ['query not a string', () => raw(JSON.stringify({ query: 42 }))],
    ['syntax error', () => raw(JSON.stringify({ query: '{ rules { id ' }))],
    ['unknown field', () => raw(JSON.stringify({ query: '{ nope }' }))],
    [
      'fragment cycle',
      () =>
        raw(
          JSON.stringify({
            query:
              '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
          })
        ),
    ],
    [
      '3 MB body',
      () =>
        raw(
          JSON.stringify({
            query: `{ rules { id } } # ${'x'.repeat(3_200_000)}`,
          })
        ),
    ],
  ]

  for (const [name, send] of cases) {
    it(`${name}: 4xx with a short message, no internals`, async () => {
      const res = await send()

      count('malformed')
      assert.ok(
        res.status >= 400 && res.status < 500,
        `HTTP ${res.status}: ${res.text.slice(0, 300)}`
      )
      assert.ok(
        !/node_modules|\/work\/|\bat [\w.<>]+ \(|"stack"/.test(res.text),
        `internals in: ${res.text.slice(0, 400)}`
      )
      assert.ok(res.text.length < 5_000, `${res.text.length} characters`)
    })
  }

  it('a variable of the wrong type is BAD_USER_INPUT', async () => {
    count('malformed')
    const res = await gql(
      stack,
      OWNER,
      'mutation($d: Int!) { snoozeReminder(id: "x", days: $d) }',
      { d: 'abc' }
    )

    assert.equal(errorCode(res), 'BAD_USER_INPUT')
  })

  it('a required variable left out is BAD_USER_INPUT, not a server error', async () => {
    count('malformed')
    const res = await gql(
      stack,
      OWNER,
      'query Key($id: ID!) { keyDetail(id: $id) { key { id } } }',
      {}
    )

    assert.equal(errorCode(res), 'BAD_USER_INPUT', res.text.slice(0, 300))
  })
})

describe('adversarial: query cost', () => {
  const cases: Array<[string, string]> = [
    [
      '13 aliased root fields',
      `{ ${Array.from({ length: 13 }, (_, i) => `a${i}: rules { id }`).join(
        ' '
      )} }`,
    ],
    [
      'two scans in one request',
      'mutation { a: runLeakScan { at } b: runLeakScan { at } }',
    ],
    [
      'two exports in one request',
      '{ a: reviewExport(id: "x", format: JSON) { content } b: reviewExport(id: "y", format: CSV) { content } }',
    ],
    [
      '700 nested aliases',
      `{ inventory { keys { ${Array.from(
        { length: 700 },
        (_, i) => `f${i}: id`
      ).join(' ')} } } }`,
    ],
    [
      'fragments spread twice into each other',
      `{ rules { ...F0 } } ${Array.from(
        { length: 30 },
        (_, i) =>
          `fragment F${i} on PolicyRule { id ...F${i + 1} ...F${i + 1} }`
      ).join(' ')} fragment F30 on PolicyRule { id }`,
    ],
    [
      '300 aliased introspections',
      `{ ${Array.from(
        { length: 300 },
        (_, i) => `a${i}: __schema { types { name } }`
      ).join(' ')} }`,
    ],
  ]

  for (const [name, query] of cases) {
    it(`${name}: refused before anything runs`, async () => {
      count('query cost')
      stack.platform.requests.length = 0
      const res = await gql(stack, OWNER, query)

      assert.equal(errorCode(res), 'BAD_USER_INPUT', res.text.slice(0, 300))
      assert.match(res.body.errors![0].message, /asks too much/)
      assert.ok(
        !stack.platform.requests.some(
          (r) => r.host.endsWith('myvtex.com') || r.path === '/api/vlm/appkeys'
        ),
        'nothing ran'
      )
    })
  }
})

describe('adversarial: cross-site requests', () => {
  it('a mutation by GET or as a form post is refused and changes nothing', async () => {
    const before = (await gql(stack, OWNER, '{ settings { reminderEmails } }'))
      .body.data.settings.reminderEmails

    const mutation =
      'mutation { updateSettings(settings: { reminderEmails: ["attacker@evil.example"] }) { reminderEmails } }'

    const byGet = await fetch(
      `${stack.url}/_v/graphql?query=${encodeURIComponent(mutation)}`,
      { headers: { cookie: `VtexIdclientAutCookie=${OWNER}` } }
    )

    const byForm = await fetch(`${stack.url}/_v/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain',
        cookie: `VtexIdclientAutCookie=${OWNER}`,
      },
      body: JSON.stringify({ query: mutation }),
    })

    for (const res of [byGet, byForm]) {
      count('cross-site')
      assert.ok(res.status >= 400 && res.status < 500, `HTTP ${res.status}`)
    }

    assert.deepEqual(
      (await gql(stack, OWNER, '{ settings { reminderEmails } }')).body.data
        .settings.reminderEmails,
      before
    )
  })
})

describe('adversarial: one scan at a time', () => {
  it('concurrent scans: one runs, the others are told one is running', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        gql(stack, OWNER, 'mutation { runLeakScan { at } }')
      )
    )

    results.forEach(() => count('one scan'))
    const codes = results.map((r) => errorCode(r) ?? 'ok')

    assert.equal(codes.filter((c) => c === 'ok').length, 1, codes.join(', '))
    assert.deepEqual(
      codes.filter((c) => c !== 'ok'),
      ['CONFLICT', 'CONFLICT', 'CONFLICT']
    )
    assert.equal(
      errorCode(await gql(stack, OWNER, 'mutation { runLeakScan { at } }')),
      undefined,
      'the lock is released after the scan'
    )
  })
})

describe('adversarial: forged sessions', () => {
  const forged = [
    '',
    'x',
    'session-ana-owner ',
    'SESSION-ANA-OWNER',
    'session-ana-owner; VtexIdclientAutCookie=session-ana-owner',
    'a'.repeat(10_000),
    '../session-ana-owner',
    'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbmEifQ.',
  ]

  it('UNAUTHENTICATED on every guarded field', async () => {
    for (const cookie of forged) {
      for (const query of [
        '{ inventory { complete } }',
        '{ settings { rotationDays } }',
        'mutation { runLeakScan { at } }',
        '{ reviews { id } }',
        '{ rules { id } }',
      ]) {
        count('forged')
        const res = await fetch(`${stack.url}/_v/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: `VtexIdclientAutCookie=${encodeURIComponent(cookie)}`,
          },
          body: JSON.stringify({ query }),
        })

        const body = (await res.json()) as {
          errors?: Array<{ extensions?: { code?: string } }>
        }

        assert.equal(
          body.errors?.[0]?.extensions?.code,
          'UNAUTHENTICATED',
          `${JSON.stringify(cookie.slice(0, 40))} ${query}`
        )
      }
    }
  })
})

describe('adversarial: token paste where everything else is valid', () => {
  // The walkers above fill ids with the hostile text too, so most mutations stop at "key not
  // found" before they read a text field: they show nothing is echoed, not that the text is
  // refused. Here every id is a real one and only the text is hostile, for every free-text
  // argument of every mutation (the schema is walked, so a new one fails until it is listed).
  const gz = (s: string) => gzipSync(Buffer.from(s)).toString('base64')
  const b64 = (s: Buffer | string) => Buffer.from(s).toString('base64')
  /** Spaces or newlines after 1 to 9 characters, from a fixed seed. */
  const cutAnywhere = (s: string) =>
    s.replace(/.{1,9}/g, (p, at: number) => `${p}${at % 3 ? ' ' : '\n'}`)

  const hex = (s: string) => Buffer.from(s).toString('hex')
  /** Groups of the given widths, over and over, joined by single spaces. */
  const cutWidths = (s: string, widths: number[]) => {
    const groups: string[] = []

    for (let at = 0, i = 0; at < s.length; at += widths[i++ % widths.length])
      groups.push(s.slice(at, at + widths[i % widths.length]))

    return groups.join(' ')
  }

  const variants = (t: string, appKey: string) => [
    ['plain', t],
    ['spelled out with spaces', t.split('').join(' ')],
    ['spelled out with zero-width spaces', t.split('').join('\u200b')],
    ['in groups of 4 with dashes', t.match(/.{1,4}/g)!.join('-')],
    ['base64 cut anywhere', cutAnywhere(b64(t))],
    ['gzip then base64', gz(t)],
    [
      'UTF-16 in base64, wrapped',
      b64(Buffer.from(t, 'utf16le')).replace(/(.{76})/g, '$1\n'),
    ],
    // encodings, once tried on six of these fields only (steady-attack)
    ['base64', b64(t)],
    ['a Basic authorization header', `Basic ${b64(`${appKey}:${t}`)}`],
    ['base64 wrapped every 20', b64(t).replace(/(.{20})/g, '$1\n')],
    ['base64 in groups of 4 with spaces', b64(t).replace(/(.{4})/g, '$1 ')],
    ['base64 of base64', b64(b64(t))],
    ['hex', hex(t)],
    ['hex with colons', hex(t).replace(/(..)/g, '$1:')],
    ['percent-encoded', hex(t).replace(/(..)/g, '%$1')],
    // read before the check (node/domain/secrets/rewrite.ts)
    [
      'JavaScript escapes',
      [...t].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join(''),
    ],
    ['HTML references', [...t].map((c) => `&#${c.charCodeAt(0)};`).join('')],
    [
      'a byte list',
      [...Buffer.from(t)].map((b) => `0x${b.toString(16)}`).join(', '),
    ],
    [
      'joined string literals',
      t
        .match(/.{1,9}/g)!
        .map((p) => `"${p}"`)
        .join(' +\n  '),
    ],
    [
      'mathematical bold letters',
      [...t]
        .map((c) => String.fromCodePoint(0x1d400 + c.charCodeAt(0) - 65))
        .join(''),
    ],
    // secrets5: shapes missed before
    [
      'literals joined across comments',
      t
        .match(/.{1,9}/g)!
        .map((p) => `'${p}'`)
        .join(' /* x */ + '),
    ],
    [
      'literals appended with +=',
      t
        .match(/.{1,11}/g)!
        .map((p, i) => (i ? `t += '${p}';` : `t = '${p}';`))
        .join(' '),
    ],
    ['a byte list with semicolons', [...Buffer.from(t)].join(';')],
    ['a letter between each two', [...t].join('a')],
    ['groups of 31 joined by "and"', t.match(/.{1,31}/g)!.join(' and ')],
    [
      'groups of 3 to 12 joined by spaces',
      cutWidths(t, [3, 12, 7, 5, 9, 4, 11, 6, 10, 8]),
    ],
    [
      'regional indicator letters',
      [...t]
        .map((c) => String.fromCodePoint(0x1f1e6 + c.charCodeAt(0) - 65))
        .join(''),
    ],
  ]

  /** A text's probes: slices of it without white space, and of the token under it. */
  const flat = (s: string) => s.replace(/\\[nr]|\s|\u200b/g, '')

  interface Case {
    query: string
    vars: Record<string, unknown>
    /** the hostile text's place in vars (a list where the argument is a list) */
    put: (vars: Record<string, unknown>, text: string) => void
    /**
     * TOKEN: refused as a token (free text the app keeps); REFUSED: refused (a check value that
     * cannot match, a rule id that is none); HARMLESS: a filter, answered (it matches nothing) but
     * kept nowhere
     */
    outcome: 'TOKEN' | 'REFUSED' | 'HARMLESS'
    /** the refusal's code, when not BAD_USER_INPUT */
    code?: string
  }

  // Every String argument of every mutation, by path (mutation.argument[.input field]).
  const CASES = (
    k: { id: string; appKey: string },
    today: string
  ): Record<string, Case> => {
    const at =
      (name: string, list = false) =>
      (vars: Record<string, unknown>, text: string) => {
        vars[name] = list ? [text] : text
      }

    const settings = (field: string, list: boolean): Case => ({
      query: `mutation($v: SettingsInput!) { updateSettings(settings: $v) { rotationDays } }`,
      vars: {},
      put: (vars, text) => {
        vars.v = { [field]: list ? [text] : text }
      },
      outcome: list ? 'TOKEN' : 'REFUSED',
    })

    const annotation = (field: string, list = false): Case => ({
      query:
        'mutation($k: ID!, $a: AnnotationInput!) { annotateKey(keyId: $k, annotation: $a) { notes } }',
      vars: { k: k.id },
      put: (vars, text) => {
        vars.a = { [field]: list ? [text] : text }
      },
      outcome: 'TOKEN',
    })

    const confirmed = (field: string, extra = ''): Case => ({
      query: `mutation($k: ID!, $v: String!) { ${field}(keyId: $k, confirm: $v${extra}) { __typename } }`,
      vars: { k: k.id },
      put: at('v'),
      outcome: 'REFUSED',
    })

    return {
      'renewToken.confirm': confirmed('renewToken'),
      'finishTokenRenewal.confirm': confirmed('finishTokenRenewal'),
      'deactivateKey.confirm': confirmed('deactivateKey'),
      'reactivateKey.confirm': confirmed('reactivateKey'),
      'removeKeyRole.confirm': confirmed('removeKeyRole', ', roleId: 1'),
      'recordTokenRenewal.note': {
        query:
          'mutation($k: ID!, $d: String!, $v: String) { recordTokenRenewal(keyId: $k, date: $d, note: $v) { carriedOut } }',
        vars: { k: k.id, d: today },
        put: at('v'),
        outcome: 'TOKEN',
      },
      'recordTokenRenewal.date': {
        query:
          'mutation($k: ID!, $v: String!) { recordTokenRenewal(keyId: $k, date: $v, note: "rotated") { carriedOut } }',
        vars: { k: k.id },
        put: at('v'),
        outcome: 'REFUSED',
      },
      'decideKey.justification': {
        query:
          'mutation($k: ID!, $v: String) { decideKey(keyId: $k, decision: KEEP, justification: $v) { id } }',
        vars: { k: k.id },
        put: at('v'),
        outcome: 'TOKEN',
      },
      'decideKeys.justification': {
        query:
          'mutation($k: [ID!], $v: String) { decideKeys(keyIds: $k, decision: KEEP, justification: $v) { reviewId } }',
        vars: { k: [k.id] },
        put: at('v'),
        outcome: 'TOKEN',
      },
      'decideKeys.matching.rule': {
        query:
          'mutation($v: String) { decideKeys(matching: { rule: $v }, decision: KEEP, justification: "ok") { reviewId } }',
        vars: {},
        put: at('v'),
        outcome: 'REFUSED', // not a rule id
      },
      'decideKeys.matching.search': {
        query:
          'mutation($v: String) { decideKeys(matching: { search: $v }, decision: KEEP, justification: "ok") { reviewId } }',
        vars: {},
        put: at('v'),
        outcome: 'HARMLESS',
      },
      'checkPractice.note': {
        query:
          'mutation($v: String) { checkPractice(practice: ROTATE_KEYS, status: DONE, note: $v) { id } }',
        vars: {},
        put: at('v'),
        outcome: 'TOKEN',
      },
      'completeReview.note': {
        query: 'mutation($v: String) { completeReview(note: $v) { id } }',
        vars: {},
        put: at('v'),
        outcome: 'TOKEN',
      },
      'annotateKey.annotation.owner': annotation('owner'),
      'annotateKey.annotation.integrations': annotation('integrations', true),
      'annotateKey.annotation.purpose': annotation('purpose'),
      'annotateKey.annotation.notes': annotation('notes'),
      'registerExternalKey.appKey': {
        query:
          'mutation($v: String!) { registerExternalKey(appKey: $v, account: "partner") { appKey } }',
        vars: {},
        put: at('v'),
        outcome: 'TOKEN',
      },
      'registerExternalKey.account': {
        query:
          'mutation($v: String!) { registerExternalKey(appKey: "vtexappkey-partner-ABCDEF", account: $v) { appKey } }',
        vars: {},
        put: at('v'),
        outcome: 'TOKEN',
      },
      'removeExternalKey.appKey': {
        query: 'mutation($v: String!) { removeExternalKey(appKey: $v) }',
        vars: {},
        put: at('v'),
        outcome: 'TOKEN',
      },
      'updateSettings.version': {
        query:
          'mutation($v: String) { updateSettings(settings: { rotationDays: 90 }, version: $v) { rotationDays } }',
        vars: {},
        put: at('v'),
        outcome: 'REFUSED',
        code: 'CONFLICT', // a version that is not the one stored
      },
      'updateSettings.settings.extraGenericLabels': settings(
        'extraGenericLabels',
        true
      ),
      'updateSettings.settings.scanExtraPaths': settings(
        'scanExtraPaths',
        true
      ),
      'updateSettings.settings.reminderEmails': settings(
        'reminderEmails',
        true
      ),
      'updateSettings.settings.auditors': settings('auditors', true),
      'updateSettings.settings.reminderLocale': settings(
        'reminderLocale',
        false
      ),
    }
  }

  /** Paths that are not free text, with why. */
  const NOT_TEXT: Record<string, string> = {
    'snoozeReminder.id':
      'the id is the only String: a valid one cannot be hostile',
  }

  /** Every String argument of every mutation, through input objects. */
  async function stringPaths(): Promise<string[]> {
    const { roots, types } = await introspect()
    const paths: string[] = []
    const walk = (t: TypeRef, path: string, seen: Set<string>) => {
      const n = named(t)

      if (n.name === 'String') {
        paths.push(path)

        return
      }

      const type = types.get(n.name!)

      if (type?.kind !== 'INPUT_OBJECT' || seen.has(n.name!)) return
      for (const f of type.inputFields!)
        walk(f.type, `${path}.${f.name}`, new Set([...seen, n.name!]))
    }

    for (const f of roots.Mutation)
      for (const a of f.args) walk(a.type, `${f.name}.${a.name}`, new Set())

    return paths.sort()
  }

  /** Requests that may change something (VTEX ID's credential check is a POST that reads). */
  const writes = (from: number) =>
    stack.platform.requests
      .slice(from)
      .filter(
        (r) =>
          !['GET', 'HEAD'].includes(r.method) &&
          !r.path.endsWith('/vtexid/credential/validate')
      )
      .map((r) => `${r.method} ${r.host}${r.path}`)

  it('every free-text argument refuses each shape of a pasted token, stores nothing and changes nothing', async () => {
    const key = fixture.appKeys.find((k) => k.isActive)!
    const today = new Date(fixture.now).toISOString().slice(0, 10)
    const cases = CASES(key, today)

    assert.deepEqual(
      (await stringPaths()).filter((p) => !(p in NOT_TEXT)),
      Object.keys(cases).sort(),
      'every String argument of a mutation has a case here'
    )

    const review = await gql(stack, OWNER, 'mutation { startReview { id } }')

    assert.ok(
      review.body.data?.startReview || errorCode(review) === 'CONFLICT',
      review.text.slice(0, 300)
    )

    const stored = () =>
      [...stack.platform.state.vbase.values()]
        .map((f) => flat(f.body.toString('utf8')))
        .join('\n')

    for (const [path, c] of Object.entries(cases)) {
      for (const [shape, text] of variants(key.token, key.appKey)) {
        const vars = { ...c.vars }

        c.put(vars, text)
        const from = stack.platform.requests.length
        const r = await gql(stack, OWNER, c.query, vars)
        const where = `${path} (${shape})`

        count('valid-id paste')
        if (c.outcome === 'HARMLESS')
          assert.equal(r.status, 200, `${where}: ${r.text.slice(0, 300)}`)
        else {
          assert.ok(
            r.body.errors?.length,
            `${where} took it: ${r.text.slice(0, 200)}`
          )
          assert.equal(
            errorCode(r),
            c.code ?? 'BAD_USER_INPUT',
            `${where}: ${r.text.slice(0, 300)}`
          )
        }

        // A shape longer than the field allows is refused for its length first: the token check
        // runs only on text of a length the field keeps (its cost stays bounded).
        if (c.outcome === 'TOKEN')
          assert.match(
            r.text,
            /looks like an (app|API )?token|must be at most \d+ characters/i,
            `${where} was not refused as a token: ${r.text.slice(0, 300)}`
          )
        if (c.outcome === 'TOKEN' && text.length <= 500)
          assert.match(
            r.text,
            /looks like an (app|API )?token/i,
            `${where} was not refused as a token: ${r.text.slice(0, 300)}`
          )
        for (const probe of [
          flat(text).slice(20, 60),
          key.token.slice(40, 72),
        ]) {
          assert.ok(!flat(r.text).includes(probe), `${where} echoed it`)
          assert.ok(!stored().includes(probe), `${where} stored it`)
        }

        assert.deepEqual(writes(from), [], `${where} changed something`)
      }
    }
  })
})
