// Attacks on what is kept between requests (issue: engine reuse and steady documents, "Load live
// data" answered by a recent read): documents changed, deleted or reset behind the service's back
// (another replica writing VBase) must show at once, and the recent copy stays the read-rights
// holders' only.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { errorCode, gql, recordOwner, useStack } from './helpers'

const OWNER = 'session-ana-owner'
const LACKING = [
  'session-carla-readonly',
  'session-diego-callcenter',
  'session-frank-saveonly',
]

const PAGE =
  '{ hygiene { score } keyList(pageSize: 500) { inventory { source ageSeconds } rows { id findings { rule } } } }'

const stack = useStack({ fixture: DEFAULT_FIXTURE })

interface Row {
  id: string
  findings: Array<{ rule: string }>
}

async function page(cookie = OWNER, query = PAGE) {
  const r = await gql(stack, cookie, query)

  assert.equal(r.body.errors, undefined, r.text.slice(0, 400))

  return r.body.data as {
    hygiene: { score: number }
    keyList: { inventory: { source: string; ageSeconds: number }; rows: Row[] }
  }
}

const rulesOf = (p: Awaited<ReturnType<typeof page>>, id: string) =>
  p.keyList.rows.find((r) => r.id === id)!.findings.map((f) => f.rule)

/** The VBase entry of one of the app's documents (bucket/path). */
function entry(
  suffix: string
): [string, { body: Buffer; etag: string; contentType: string }] {
  for (const e of stack.platform.state.vbase.entries())
    if (e[0].endsWith(suffix)) return e as never

  throw new Error(`no ${suffix} in VBase`)
}

/** What another replica would do: write the document in VBase (a new ETag), not through us. */
function writeElsewhere(suffix: string, value: unknown): void {
  const [path, file] = entry(suffix)

  stack.platform.state.vbase.set(path, {
    ...file,
    body: Buffer.from(JSON.stringify(value)),
    etag: stack.platform.state.nextEtag(),
  })
}

describe('kept findings never go stale', () => {
  it('annotations changed, then deleted, by another replica show at once (findings and score)', async () => {
    const first = await page()
    const key = first.keyList.rows.find((r) =>
      r.findings.some((f) => f.rule === 'no-owner')
    )!

    await recordOwner(stack, OWNER, key.id)
    const owned = await page()

    assert.ok(!rulesOf(owned, key.id).includes('no-owner'))
    assert.ok(owned.hygiene.score >= first.hygiene.score)

    // another replica takes the owner away again
    const [, file] = entry('annotations/annotations.json')
    const doc = JSON.parse(file.body.toString('utf8'))

    delete doc[key.id]
    writeElsewhere('annotations/annotations.json', doc)
    const again = await page()

    assert.ok(rulesOf(again, key.id).includes('no-owner'))
    assert.equal(again.hygiene.score, first.hygiene.score)

    // annotated again, then the whole document deleted
    await gql(
      stack,
      OWNER,
      'mutation($k: ID!) { annotateKey(keyId: $k, annotation: { owner: "ops@acme.com" }) { owner } }',
      { k: key.id }
    )
    assert.ok(!rulesOf(await page(), key.id).includes('no-owner'))
    stack.platform.state.vbase.delete(entry('annotations/annotations.json')[0])
    const gone = await page()

    assert.ok(rulesOf(gone, key.id).includes('no-owner'))
  })

  it('settings written elsewhere, then reset (deleted), change the age findings at once', async () => {
    const count = (p: Awaited<ReturnType<typeof page>>) =>
      p.keyList.rows.filter((r) =>
        r.findings.some((f) => f.rule === 'key-age-exceeded')
      ).length

    const first = await page()
    const [, file] = entry('settings/settings.json')
    const settings = JSON.parse(file.body.toString('utf8'))

    writeElsewhere('settings/settings.json', {
      ...settings,
      rotationDays: 3650,
    })
    const relaxed = await page()

    assert.ok(
      count(relaxed) < count(first),
      `${count(relaxed)} < ${count(first)}`
    )
    stack.platform.state.vbase.delete(entry('settings/settings.json')[0])
    const reset = await page()

    assert.equal(count(reset), count(first))
  })

  it('renewals written elsewhere show at once', async () => {
    const first = await page()
    const aged = first.keyList.rows.find((r) =>
      r.findings.some((f) => f.rule === 'key-age-exceeded')
    )!

    const key = stack.fixture.appKeys.find((k) => k.id === aged.id)!
    const [, file] = entry('renewals/renewals.json')
    const renewals = JSON.parse(file.body.toString('utf8') || '{}')
    const today = new Date(stack.fixture.now).toISOString().slice(0, 10)

    const r = await gql(
      stack,
      OWNER,
      'mutation($k: ID!, $d: String!) { recordTokenRenewal(keyId: $k, date: $d, note: "rotated in the ERP") { carriedOut } }',
      { k: key.id, d: today }
    )

    assert.equal(r.body.errors, undefined, r.text.slice(0, 300))
    assert.ok(!rulesOf(await page(), key.id).includes('key-age-exceeded'))
    writeElsewhere('renewals/renewals.json', renewals)
    assert.ok(rulesOf(await page(), key.id).includes('key-age-exceeded'))
  })
})

describe('"Load live data" answered by a recent read', () => {
  const LIVE = PAGE.replace(
    'keyList(pageSize: 500)',
    'keyList(pageSize: 500, live: true)'
  )

  it('is never the copy for a session without the read resources', async () => {
    await page() // a complete read, seconds old
    for (const cookie of LACKING) {
      const r = await gql(stack, cookie, LIVE)

      assert.equal(
        errorCode(r),
        'FORBIDDEN',
        `${cookie}: ${r.text.slice(0, 200)}`
      )
      assert.doesNotMatch(r.text, /RECENT|vtexappkey/)
    }
  })

  it('a copy marked stale is read again, even seconds old', async () => {
    await page()
    const [, meta] = entry('snapshots/recent-meta.json')
    const m = JSON.parse(meta.body.toString('utf8'))

    writeElsewhere('snapshots/recent-meta.json', { ...m, stale: true })
    const live = await page(OWNER, LIVE)

    assert.equal(live.keyList.inventory.source, 'LIVE')
  })

  it('a read that fails right after is not hidden behind the copy once it is 30 s old', async () => {
    await page()
    const [, meta] = entry('snapshots/recent-meta.json')
    const m = JSON.parse(meta.body.toString('utf8'))

    writeElsewhere('snapshots/recent-meta.json', {
      ...m,
      readAtMs: m.readAtMs - 31_000,
    })
    const live = await page(OWNER, LIVE)

    assert.equal(live.keyList.inventory.source, 'LIVE')
  })
})

describe('the worst-finding filters', () => {
  const SESSIONS = [
    'session-ana-owner',
    'session-bruno-security',
    'session-carla-readonly',
    'session-diego-callcenter',
    'session-helena-newresources',
    'session-frank-saveonly',
  ]

  it('a bad severity is refused by the schema, clearly, with nothing echoed but the value', async () => {
    for (const [query, variables] of [
      ['{ keyList(severity: NOPE) { total } }', undefined],
      [
        'query($s: Severity) { keyList(severity: $s) { total } }',
        { s: 'critical' },
      ],
      [
        'query($s: Severity) { reviewDecisions(filter: { worstSeverity: $s }) { total } }',
        { s: 'BOGUS' },
      ],
      [
        'mutation($s: Severity) { decideKeys(matching: { worstSeverity: $s }, decision: KEEP) { reviewId } }',
        { s: '' },
      ],
    ] as const) {
      const r = await gql(stack, OWNER, query, variables as never)

      assert.ok(r.body.errors?.length, r.text.slice(0, 300))
      assert.equal(
        r.body.data?.keyList ?? r.body.data?.reviewDecisions ?? null,
        null
      )
      assert.notEqual(r.status, 500, r.text.slice(0, 300))
    }
  })

  it('the filter never changes who may ask: every session gets the same answer code with and without it', async () => {
    await gql(stack, OWNER, 'mutation { startReview { id } }')
    for (const cookie of SESSIONS) {
      const plain = await gql(stack, cookie, '{ reviewDecisions { total } }')
      const filtered = await gql(
        stack,
        cookie,
        '{ reviewDecisions(filter: { worstSeverity: CRITICAL }) { total } }'
      )

      const list = await gql(stack, cookie, '{ keyList { total } }')
      const listFiltered = await gql(
        stack,
        cookie,
        '{ keyList(severity: CRITICAL) { total rows { id } } }'
      )

      assert.equal(errorCode(filtered), errorCode(plain), cookie)
      assert.equal(errorCode(listFiltered), errorCode(list), cookie)
      if (errorCode(plain) === 'FORBIDDEN') {
        const bulk = await gql(
          stack,
          cookie,
          'mutation { decideKeys(matching: { worstSeverity: CRITICAL }, decision: KEEP) { reviewId } }'
        )

        assert.equal(
          errorCode(bulk),
          'FORBIDDEN',
          `${cookie}: ${bulk.text.slice(0, 200)}`
        )
      }
    }
  })
})

describe('encoded tokens where plain ones are refused', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64')
  const hex = (s: string) => Buffer.from(s).toString('hex')

  it('every free-text field refuses each encoding and stores nothing', async () => {
    const key = stack.fixture.appKeys.find((k) => k.isActive)!
    const t = key.token
    const variants = [
      t,
      b64(t),
      `Basic ${b64(`${key.appKey}:${t}`)}`,
      hex(t),
      b64(t).replace(/(.{20})/g, '$1\n'),
      b64(t).replace(/(.{4})/g, '$1 '),
      hex(t).replace(/(..)/g, '$1:'),
      hex(t).replace(/(..)/g, '%$1'),
      b64(b64(t)),
      // read before the check (node/domain/secrets/rewrite.ts)
      [...t].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join(''),
      [...t].map((c) => `&#${c.charCodeAt(0)};`).join(''),
      [...Buffer.from(t)].map((b) => `0x${b.toString(16)}`).join(', '),
      t.match(/.{1,9}/g)!.map((p) => `"${p}"`).join(' +\n  '),
      [...t]
        .map((c) => String.fromCodePoint(0x1d400 + c.charCodeAt(0) - 65))
        .join(''),
    ]

    await gql(stack, OWNER, 'mutation { startReview { id } }')
    const today = new Date(stack.fixture.now).toISOString().slice(0, 10)
    const fields: Array<[string, string, Record<string, unknown>]> = [
      [
        'annotation notes',
        'mutation($k: ID!, $v: String) { annotateKey(keyId: $k, annotation: { notes: $v }) { notes } }',
        { k: key.id },
      ],
      [
        'annotation purpose',
        'mutation($k: ID!, $v: String) { annotateKey(keyId: $k, annotation: { purpose: $v }) { purpose } }',
        { k: key.id },
      ],
      [
        'renewal note',
        'mutation($k: ID!, $d: String!, $v: String) { recordTokenRenewal(keyId: $k, date: $d, note: $v) { carriedOut } }',
        { k: key.id, d: today },
      ],
      [
        'decision justification',
        'mutation($k: ID!, $v: String) { decideKey(keyId: $k, decision: KEEP, justification: $v) { id } }',
        { k: key.id },
      ],
      [
        'practice note',
        'mutation($v: String) { checkPractice(practice: ROTATE_KEYS, status: DONE, note: $v) { id } }',
        {},
      ],
      [
        'generic labels setting',
        'mutation($v: String!) { updateSettings(settings: { extraGenericLabels: [$v] }) { extraGenericLabels } }',
        {},
      ],
    ]

    const stored = () =>
      [...stack.platform.state.vbase.values()]
        .map((f) => f.body.toString('utf8'))
        .join('\n')

    const flat = (s: string) => s.replace(/\\[nr]|\s/g, '')

    for (const [name, query, vars] of fields) {
      for (const v of variants) {
        const r = await gql(stack, OWNER, query, { ...vars, v })

        assert.ok(r.body.errors?.length, `${name} took ${v.slice(0, 30)}…`)
        assert.ok(
          !flat(r.text).includes(flat(v).slice(20, 60)),
          `${name} echoed ${v.slice(0, 30)}…`
        )
        assert.ok(
          !flat(stored()).includes(flat(v).slice(20, 60)),
          `${name} stored ${v.slice(0, 30)}…`
        )
      }
    }
  })
})
