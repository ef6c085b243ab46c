// Renewal and remediation through the whole stack: renew a stale key's token (old and new token
// both valid), finish it (the old one stops working, the stale warning clears), record a renewal
// done in VTEX's Admin, deactivate and reactivate a key, remove a role; the audit log, a review
// decision carried out, the permission matrix, bad input, and the scheduled scan that never acts.
// The secret check (helpers.useStack) holds every answer, log line and VBase document of this
// file to the new tokens: each appears once, in its renew answer, and nowhere else.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import type { GqlResult } from './helpers'
import { errorCode, gql, loadJson, seen, useStack, vbaseTexts } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'
const BRUNO = 'session-bruno-security' // reads + Save user, no Renew API Token
const CARLA = 'session-carla-readonly' // reads only
const DIEGO = 'session-diego-callcenter' // nothing of License Manager
const HELENA = 'session-helena-newresources' // VTEX's 2025 View/Edit Admin Users

const byLabel = (label: string) =>
  fixture.appKeys.find((k) => k.label === label)!

const stack = useStack({ fixture: DEFAULT_FIXTURE })

const KEY =
  'id appKey label isActive createdAt ageDays tokenAgeDays tokenAgeSince tokenAgeBasis renewal { status startedBy finishedBy recordedBy note tokenCreatedAt newTokenCreatedAt expirationPeriodDays outcomeUnknownAt } findings { rule severity message }'

const RENEWAL =
  'renewal { status startedAt startedBy finishedAt finishedBy recordedBy note tokenCreatedAt newTokenCreatedAt expirationPeriodDays }'

const RESULT = `key { id isActive rolesKnown roles { id name } } ${RENEWAL} recorded audited carriedOut`
const OUTCOME = `key { id isActive rolesKnown roles { id name } } audited carriedOut outcome`
const RENEW = `mutation($k: ID!, $c: String!) { renewToken(keyId: $k, confirm: $c) { keyId appKey newToken ${RENEWAL} recorded audited carriedOut carryOutStarted } }`
const FINISH = `mutation($k: ID!, $c: String!) { finishTokenRenewal(keyId: $k, confirm: $c) { ${RESULT} } }`
const RECORD = `mutation($k: ID!, $d: String!, $n: String) { recordTokenRenewal(keyId: $k, date: $d, note: $n) { ${RESULT} } }`
const DEACTIVATE = `mutation($k: ID!, $c: String!) { deactivateKey(keyId: $k, confirm: $c) { ${RESULT} } }`
const REACTIVATE = `mutation($k: ID!, $c: String!) { reactivateKey(keyId: $k, confirm: $c) { ${RESULT} } }`
const REMOVE = `mutation($k: ID!, $r: Int!, $c: String!) { removeKeyRole(keyId: $k, roleId: $r, confirm: $c) { ${RESULT} } }`
const AUDIT =
  'query($k: ID!) { keyAudit(keyId: $k) { id at by action appKey before after beforeState { code date renewal roles } afterState { code date renewal roles } vtexCall vtexStatus vtexAnswer outcome reviewId note } }'

/** An audit record's states as codes with their values (the Admin words them), compact. */
const states = (a: {
  beforeState: Record<string, unknown> | null
  afterState: Record<string, unknown> | null
}) =>
  [a.beforeState, a.afterState].map((s) =>
    s
      ? Object.entries(s)
          .filter(([, v]) => v !== null)
          .map(([k, v]) => (k === 'code' ? v : `${k}=${String(v)}`))
          .join(' ')
      : null
  )

async function keyNow(id: string, cookie = ANA) {
  const res = await gql(
    stack,
    cookie,
    `{ inventory(live: true) { keys { ${KEY} } } }`
  )

  assert.equal(res.body.errors, undefined, res.text)

  return res.body.data.inventory.keys.find((k: { id: string }) => k.id === id)
}

/** A platform call authenticated by a key's token: who the platform saw, and with which token. */
async function callAsKey(appKey: string, token: string) {
  const res = await fetch(`${stack.platform.url}/api/vlm/appkeys`, {
    headers: { 'X-VTEX-API-AppKey': appKey, 'X-VTEX-API-AppToken': token },
  })

  await res.arrayBuffer()
  const rec = stack.platform.requests
    .filter((r) => r.path === '/api/vlm/appkeys')
    .at(-1)!

  return {
    status: res.status,
    principal: rec.principal,
    credential: rec.credential,
  }
}

/** Calls that change something in VTEX (renewals, activation, roles) since `mark` requests. */
const writes = (mark = 0) =>
  stack.platform.requests
    .slice(mark)
    .filter(
      (r) =>
        ['PUT', 'PATCH', 'DELETE'].includes(r.method) &&
        /^\/api\/(vlm\/appkeys|license-manager\/users|vtexid\/apikey)\//.test(
          r.path
        )
    )

const mark = () => stack.platform.requests.length
const ok = (r: GqlResult) => assert.equal(r.body.errors, undefined, r.text)
/** The field a BAD_USER_INPUT error names. */
const fieldOf = (r: GqlResult) =>
  (
    r.body.errors?.[0]?.extensions?.fields as
      | Array<{ field: string }>
      | undefined
  )?.[0]?.field

describe("renew a stale key's token, then finish the renewal", () => {
  const key = byLabel('Affiliate commissions (Awin)')

  it('renews with overlap, shows the token once (no-store), finishes, and the stale warning clears', async () => {
    const before = await keyNow(key.id)

    assert.ok(
      before.findings.some(
        (f: { rule: string; severity: string }) =>
          f.rule === 'key-age-exceeded' && f.severity === 'HIGH'
      )
    )
    assert.deepEqual(
      [before.tokenAgeDays, before.tokenAgeBasis, before.renewal.status],
      [before.ageDays, 'KEY_CREATED', 'NONE']
    )

    // Not confirmed for this key: nothing reaches VTEX.
    const m = mark()
    const unconfirmed = await gql(stack, ANA, RENEW, {
      k: key.id,
      c: byLabel('Feed sync').appKey,
    })

    assert.equal(errorCode(unconfirmed), 'BAD_USER_INPUT')
    assert.equal(fieldOf(unconfirmed), 'confirm')
    assert.equal(writes(m).length, 0)

    // The renew answer: raw, to read its headers (it still goes to the secret check's list).
    const res = await fetch(`${stack.url}/_v/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `VtexIdclientAutCookie=${ANA}`,
      },
      body: JSON.stringify({
        query: RENEW,
        variables: { k: key.id, c: key.appKey },
      }),
    })

    const text = await res.text()

    seen.push(text)
    assert.match(res.headers.get('cache-control') ?? '', /no-store/)
    const renewed = JSON.parse(text).data.renewToken

    assert.match(renewed.newToken, /^[A-Z]{128}$/)
    assert.equal(renewed.appKey, key.appKey)
    assert.deepEqual(renewed.renewal, {
      status: 'PENDING',
      startedAt: new Date(fixture.now).toISOString(),
      startedBy: 'ana@acme.com',
      finishedAt: null,
      finishedBy: null,
      recordedBy: null,
      note: null,
      tokenCreatedAt: new Date(key.tokenCreatedIn!).toISOString(),
      newTokenCreatedAt: new Date(fixture.now).toISOString(),
      expirationPeriodDays: 90,
    })
    assert.deepEqual(
      [renewed.recorded, renewed.audited, renewed.carriedOut],
      [true, true, false]
    )
    assert.equal(
      writes()
        .filter((w) => w.method === 'PATCH')
        .at(-1)!.principal,
      'user ana@acme.com',
      "renewed with the admin's own session"
    )

    // Both tokens work while the renewal is pending; the platform says which one was used.
    assert.deepEqual(await callAsKey(key.appKey, key.token), {
      status: 403,
      principal: `API key ${key.appKey}`,
      credential: 'current token',
    })
    assert.deepEqual(await callAsKey(key.appKey, renewed.newToken), {
      status: 403,
      principal: `API key ${key.appKey}`,
      credential: 'pending token',
    })

    // A second renewal while one is pending: VTEX's 409, explained.
    const again = await gql(stack, ANA, RENEW, { k: key.id, c: key.appKey })

    assert.equal(errorCode(again), 'CONFLICT')
    assert.match(
      again.body.errors![0].message,
      /already pending.*started in Key Steward by ana@acme\.com/
    )
    const pending = await keyNow(key.id)

    assert.equal(pending.renewal.status, 'PENDING')
    assert.ok(
      pending.findings.some(
        (f: { rule: string }) => f.rule === 'key-age-exceeded'
      ),
      'still stale: the old token still works'
    )

    const finished = await gql(stack, ANA, FINISH, { k: key.id, c: key.appKey })

    ok(finished)
    const done = finished.body.data.finishTokenRenewal

    assert.equal(done.renewal.status, 'FINISHED')
    assert.deepEqual(
      [done.renewal.startedBy, done.renewal.finishedBy],
      ['ana@acme.com', 'ana@acme.com']
    )
    assert.equal(done.key.id, key.id)
    assert.equal(done.key.isActive, true)

    // The old token stopped working; the new one is the one in use.
    assert.deepEqual(await callAsKey(key.appKey, key.token), {
      status: 401,
      principal: undefined,
      credential: undefined,
    })
    assert.deepEqual(await callAsKey(key.appKey, renewed.newToken), {
      status: 403,
      principal: `API key ${key.appKey}`,
      credential: 'current token',
    })

    const after = await keyNow(key.id)

    assert.deepEqual(
      [after.tokenAgeDays, after.tokenAgeBasis, after.renewal.status],
      [0, 'RENEWAL_FINISHED', 'FINISHED']
    )
    assert.ok(after.ageDays > 100, 'the key itself is as old as before')
    assert.ok(
      !after.findings.some(
        (f: { rule: string }) => f.rule === 'key-age-exceeded'
      ),
      'the stale warning cleared'
    )

    // Finishing twice: VTEX has nothing pending.
    const twice = await gql(stack, ANA, FINISH, { k: key.id, c: key.appKey })

    assert.equal(errorCode(twice), 'CONFLICT')
    assert.match(twice.body.errors![0].message, /nothing to finish/)

    const audit = (await gql(stack, ANA, AUDIT, { k: key.id })).body.data
      .keyAudit

    assert.deepEqual(
      audit.map(
        (a: { action: string; outcome: string; vtexStatus: number }) => [
          a.action,
          a.outcome,
          a.vtexStatus,
        ]
      ),
      [
        ['FINISH_RENEWAL', 'REFUSED', 404],
        ['FINISH_RENEWAL', 'DONE', 200],
        ['RENEW_TOKEN', 'REFUSED', 409],
        ['RENEW_TOKEN', 'DONE', 200],
      ]
    )
    assert.ok(
      audit.every(
        (a: { by: string; appKey: string }) =>
          a.by === 'ana@acme.com' && a.appKey === key.appKey
      )
    )
    assert.equal(
      audit[3].vtexCall,
      'PATCH /api/vtexid/apikey/{apiKey}/apitoken/renew'
    )
    assert.match(audit[3].vtexAnswer, /"creationDateToken":"2026-05-29/)
    assert.match(audit[1].after, /only the new token/)
    // the same states as codes with values, for the Admin to word in the admin's language
    assert.deepEqual(audit.map(states), [
      ['RENEWAL renewal=FINISHED', 'NO_RENEWAL_PENDING_IN_VTEX'],
      ['BOTH_TOKENS', 'NEW_TOKEN_ONLY date=2026-11-26'],
      ['RENEWAL renewal=PENDING', 'UNCHANGED'],
      [
        'ONE_TOKEN date=2026-05-29',
        'BOTH_TOKENS_UNTIL_FINISHED date=2026-11-26',
      ],
    ])

    // The token is nowhere but in that one answer (the file's after hook checks every answer too).
    for (const text of [...vbaseTexts(stack), ...stack.logs])
      assert.ok(!text.includes(renewed.newToken.slice(0, 32)))
    assert.equal(seen.filter((t) => t.includes(renewed.newToken)).length, 1)
  })

  it("explains VTEX's 409 for a renewal the fixture left pending, naming who started it", async () => {
    const magalu = byLabel('Marketplace Magalu connector')
    const res = await gql(stack, ANA, RENEW, { k: magalu.id, c: magalu.appKey })

    assert.equal(errorCode(res), 'CONFLICT')
    assert.match(
      res.body.errors![0].message,
      /started in Key Steward by marina@acme\.com on 2026-11-14.*do not finish/
    )
    assert.equal(res.body.data?.renewToken ?? null, null)
  })

  it('a VTEX outage on renew is not retried and says the renewal may have happened', async () => {
    const avalara = byLabel('Tax calculation (Avalara)')

    stack.platform.faults.set([
      { method: 'PATCH', path: '/apitoken/renew$', status: 503 },
    ])
    const res = await gql(stack, ANA, RENEW, {
      k: avalara.id,
      c: avalara.appKey,
    })

    assert.equal(errorCode(res), 'UPSTREAM_UNAVAILABLE')
    assert.match(
      res.body.errors![0].message,
      /may or may not have been done.*did not repeat/
    )
    assert.equal(
      stack.platform.requests.filter(
        (r) =>
          r.method === 'PATCH' &&
          r.path === `/api/vtexid/apikey/${avalara.appKey}/apitoken/renew`
      ).length,
      1
    )
  })
})

describe("record a renewal done in VTEX's Admin", () => {
  const key = byLabel('Legacy OMS export (Totvs)')

  it('refuses future dates, dates before the key, unknown keys and a pending renewal; records a good one', async () => {
    const m = mark()
    const tomorrow = new Date(Date.parse(fixture.now) + 86_400_000)
      .toISOString()
      .slice(0, 10)

    for (const [date, field] of [
      [tomorrow, 'date'],
      ['2026-03-20', 'date'],
      ['soon', 'date'],
    ]) {
      const res = await gql(stack, ANA, RECORD, { k: key.id, d: date })

      assert.equal(errorCode(res), 'BAD_USER_INPUT', date)
      assert.equal(fieldOf(res), field)
    }

    assert.equal(
      errorCode(
        await gql(stack, ANA, RECORD, {
          k: '00000000-0000-4000-8000-000000000000',
          d: '2026-11-20',
        })
      ),
      'NOT_FOUND'
    )
    const lockers = byLabel('Click and collect lockers')

    assert.equal(
      errorCode(
        await gql(stack, ANA, RECORD, { k: lockers.id, d: '2026-11-24' })
      ),
      'CONFLICT'
    )

    const res = await gql(stack, ANA, RECORD, {
      k: key.id,
      d: '2026-11-20',
      n: 'Renewed in the API keys page during the Totvs upgrade',
    })

    ok(res)
    assert.deepEqual(res.body.data.recordTokenRenewal.renewal, {
      status: 'RECORDED',
      startedAt: '2026-11-20T00:00:00.000Z',
      startedBy: null,
      finishedAt: '2026-11-20T00:00:00.000Z',
      finishedBy: null,
      recordedBy: 'ana@acme.com',
      note: 'Renewed in the API keys page during the Totvs upgrade',
      tokenCreatedAt: null,
      newTokenCreatedAt: null,
      expirationPeriodDays: null,
    })
    assert.equal(writes(m).length, 0, 'recording calls nothing in VTEX')
    const now = await keyNow(key.id)

    assert.deepEqual(
      [now.tokenAgeDays, now.tokenAgeBasis],
      [6, 'RENEWAL_RECORDED']
    )
    assert.ok(
      !now.findings.some((f: { rule: string }) => f.rule === 'key-age-exceeded')
    )
    const [entry] = (await gql(stack, ANA, AUDIT, { k: key.id })).body.data
      .keyAudit

    assert.deepEqual(
      [entry.action, entry.outcome, entry.vtexCall, entry.by, entry.note],
      [
        'RECORD_RENEWAL',
        'DONE',
        null,
        'ana@acme.com',
        'Renewed in the API keys page during the Totvs upgrade',
      ]
    )
  })

  it('refuses a token pasted into the note', async () => {
    const res = await gql(stack, ANA, RECORD, {
      k: key.id,
      d: '2026-11-20',
      n: `new token ${'Q'.repeat(128)}`,
    })

    assert.equal(errorCode(res), 'BAD_USER_INPUT')
    assert.match(res.body.errors![0].message, /looks like an appToken/)
    assert.ok(!res.body.errors![0].message.includes('Q'.repeat(32)))
  })
})

describe('deactivate, reactivate, remove a role', () => {
  it('deactivates and reactivates a confirmed key, reading it again from VTEX', async () => {
    const key = byLabel('test')
    const m = mark()

    assert.equal(
      errorCode(
        await gql(stack, ANA, DEACTIVATE, {
          k: key.id,
          c: 'vtexappkey-acme-AAAAAA',
        })
      ),
      'BAD_USER_INPUT'
    )
    assert.equal(writes(m).length, 0)
    const off = await gql(stack, ANA, DEACTIVATE, { k: key.id, c: key.appKey })

    ok(off)
    assert.equal(off.body.data.deactivateKey.key.isActive, false)
    assert.equal(
      stack.platform.state.fixture.appKeys.find((k) => k.id === key.id)!
        .isActive,
      false
    )
    assert.equal(
      errorCode(
        await gql(stack, ANA, DEACTIVATE, { k: key.id, c: key.appKey })
      ),
      'CONFLICT',
      'already inactive'
    )
    const on = await gql(stack, HELENA, REACTIVATE, {
      k: key.id,
      c: key.appKey,
    })

    ok(on)
    assert.equal(on.body.data.reactivateKey.key.isActive, true)
    const audit = (await gql(stack, ANA, AUDIT, { k: key.id })).body.data
      .keyAudit

    assert.deepEqual(
      audit.map(
        (a: {
          action: string
          by: string
          before: string
          after: string
          vtexStatus: number
        }) => [a.action, a.by, a.before, a.after, a.vtexStatus]
      ),
      [
        ['REACTIVATE', 'helena@acme.com', 'inactive', 'active', 200],
        ['DEACTIVATE', 'ana@acme.com', 'active', 'inactive', 200],
      ]
    )
    assert.deepEqual(audit.map(states), [
      ['INACTIVE', 'ACTIVE'],
      ['ACTIVE', 'INACTIVE'],
    ])
  })

  it('removes a role the key holds, and refuses one it does not hold and unknown keys', async () => {
    const key = byLabel('Marketing integrations hub')
    const [viewer, oms] = fixture.roleAssignments[key.id]
    const m = mark()
    const notHeld = await gql(stack, BRUNO, REMOVE, {
      k: key.id,
      r: 1,
      c: key.appKey,
    })

    assert.equal(errorCode(notHeld), 'BAD_USER_INPUT')
    assert.equal(fieldOf(notHeld), 'roleId')
    assert.equal(
      errorCode(
        await gql(stack, BRUNO, REMOVE, {
          k: 'no-such-key',
          r: viewer,
          c: key.appKey,
        })
      ),
      'NOT_FOUND'
    )
    assert.equal(writes(m).length, 0)
    const res = await gql(stack, BRUNO, REMOVE, {
      k: key.id,
      r: oms,
      c: key.appKey,
    })

    ok(res)
    assert.deepEqual(
      res.body.data.removeKeyRole.key.roles.map((r: { id: number }) => r.id),
      [viewer]
    )
    assert.deepEqual(stack.platform.state.fixture.roleAssignments[key.id], [
      viewer,
    ])
    const [entry] = (await gql(stack, ANA, AUDIT, { k: key.id })).body.data
      .keyAudit

    assert.deepEqual(
      [entry.action, entry.by, entry.outcome, entry.note, entry.after],
      [
        'REMOVE_ROLE',
        'bruno@acme.com',
        'DONE',
        'OMS - Read only',
        'Catalog viewer (custom)',
      ]
    )
    assert.deepEqual(states(entry), [
      'ROLES roles=Catalog viewer (custom),OMS - Read only',
      'ROLES roles=Catalog viewer (custom)',
    ])
  })
})

describe("permissions: the admin's own session and the resource VTEX requires", () => {
  const key = byLabel('New key')
  const cases: Array<
    [string, string, Record<string, unknown>, Array<[string, string[] | null]>]
  > = [
    [
      'renewToken',
      RENEW,
      { k: key.id, c: key.appKey },
      [
        [BRUNO, ['Renew API Token']],
        [HELENA, ['Renew API Token']],
        [CARLA, ['Renew API Token', 'Save user']],
        [
          DIEGO,
          [
            'Find user by email',
            'Get paged roles',
            'Get paged users',
            'Renew API Token',
            'Save user',
          ],
        ],
      ],
    ],
    [
      'finishTokenRenewal',
      FINISH,
      { k: key.id, c: key.appKey },
      [
        [BRUNO, ['Renew API Token']],
        [CARLA, ['Renew API Token', 'Save user']],
      ],
    ],
    [
      'deactivateKey',
      DEACTIVATE,
      { k: key.id, c: key.appKey },
      [
        [CARLA, ['Save user']],
        [
          DIEGO,
          [
            'Find user by email',
            'Get paged roles',
            'Get paged users',
            'Save user',
          ],
        ],
      ],
    ],
    [
      'reactivateKey',
      REACTIVATE,
      { k: key.id, c: key.appKey },
      [[CARLA, ['Save user']]],
    ],
    [
      'removeKeyRole',
      REMOVE,
      { k: key.id, r: fixture.roleAssignments[key.id][0], c: key.appKey },
      [[CARLA, ['Save user']]],
    ],
    [
      'recordTokenRenewal',
      RECORD,
      { k: key.id, d: '2026-11-20' },
      [[CARLA, ['Save user']]],
    ],
  ]

  for (const [field, query, variables, sessions] of cases) {
    it(`${field}: refused with FORBIDDEN naming what is missing, before anything reaches VTEX`, async () => {
      const m = mark()

      for (const [cookie, missing] of sessions) {
        const res = await gql(stack, cookie, query, variables)

        assert.equal(
          errorCode(res),
          'FORBIDDEN',
          `${cookie}: ${res.text.slice(0, 200)}`
        )
        assert.deepEqual(
          res.body.errors![0].extensions!.missingResources,
          missing,
          cookie
        )
        for (const name of missing!)
          assert.ok(
            res.body.errors![0].message.includes(`“${name}”`),
            `${cookie}: the message names ${name}`
          )
      }

      assert.equal(
        errorCode(await gql(stack, null, query, variables)),
        'UNAUTHENTICATED'
      )
      assert.equal(writes(m).length, 0)
    })
  }

  it('tells each session which actions it may do, and what it lacks for the others', async () => {
    type Permission = {
      field: string
      allowed: boolean
      missingResources: string[]
      acceptedResources: string[][]
    }
    const perms = async (cookie: string): Promise<Record<string, Permission>> =>
      Object.fromEntries(
        (
          (
            await gql(
              stack,
              cookie,
              '{ keyActionPermissions { field allowed missingResources acceptedResources } }'
            )
          ).body.data.keyActionPermissions as Permission[]
        ).map((p) => [p.field, p])
      )

    const bruno = await perms(BRUNO)

    assert.deepEqual(bruno.renewToken, {
      field: 'renewToken',
      allowed: false,
      missingResources: ['Renew API Token'],
      acceptedResources: [['Renew API Token']],
    })
    assert.equal(bruno.deactivateKey.allowed, true)
    const helena = await perms(HELENA)

    assert.equal(
      helena.removeKeyRole.allowed,
      true,
      'Edit Admin Users stands for Save user'
    )
    const carla = await perms(CARLA)

    assert.deepEqual(carla.deactivateKey.acceptedResources, [
      ['Save user', 'Edit Admin Users'],
    ])
    const ana = await perms(ANA)

    assert.ok(Object.values(ana).every((p) => p.allowed))
  })

  it('a 403 from VTEX itself names the resource too', async () => {
    const k = byLabel('Loyalty points sync (Dotz)')

    stack.platform.faults.set([
      { method: 'PATCH', path: '/apitoken/renew$', status: 403 },
    ])
    const res = await gql(stack, ANA, RENEW, { k: k.id, c: k.appKey })

    assert.equal(errorCode(res), 'FORBIDDEN')
    assert.deepEqual(res.body.errors![0].extensions!.missingResources, [
      'Renew API Token',
    ])
    stack.platform.faults.set([
      { method: 'PUT', path: '^/api/vlm/appkeys/', status: 403 },
    ])
    const put = await gql(stack, ANA, DEACTIVATE, { k: k.id, c: k.appKey })

    assert.deepEqual(put.body.errors![0].extensions!.missingResources, [
      'Save user',
    ])
  })
})

describe('a review decision carried out from Key Steward', () => {
  it('marks DEACTIVATE and ROTATE decisions carried out with who and when, and exports the actions', async () => {
    ok(await gql(stack, ANA, 'mutation { startReview { id } }'))
    const temp = byLabel('temp')
    const mailchimp = byLabel('Newsletter sync (Mailchimp)')
    const kept = byLabel('Sitemap generator')
    const decide =
      'mutation($k: ID!, $d: Decision!, $j: String) { decideKey(keyId: $k, decision: $d, justification: $j) { id } }'

    ok(
      await gql(stack, ANA, decide, {
        k: temp.id,
        d: 'DEACTIVATE',
        j: 'Nobody claims it',
      })
    )
    ok(await gql(stack, ANA, decide, { k: mailchimp.id, d: 'ROTATE' }))
    ok(await gql(stack, ANA, decide, { k: kept.id, d: 'KEEP' }))

    const off = await gql(stack, BRUNO, DEACTIVATE, {
      k: temp.id,
      c: temp.appKey,
    })

    ok(off)
    assert.equal(off.body.data.deactivateKey.carriedOut, true)
    const renewed = await gql(stack, ANA, RENEW, {
      k: mailchimp.id,
      c: mailchimp.appKey,
    })

    ok(renewed)
    // Starting a renewal does not carry ROTATE out (the old token still works): in progress.
    assert.deepEqual(
      [
        renewed.body.data.renewToken.carriedOut,
        renewed.body.data.renewToken.carryOutStarted,
      ],
      [false, true]
    )
    const statusOf = async (id: string) =>
      (
        await gql(
          stack,
          ANA,
          '{ review { keys { id decision { carryOutStatus } } } }'
        )
      ).body.data.review.keys.find((k: { id: string }) => k.id === id).decision
        .carryOutStatus

    assert.equal(await statusOf(mailchimp.id), 'IN_PROGRESS')
    const keptOff = await gql(stack, ANA, DEACTIVATE, {
      k: kept.id,
      c: kept.appKey,
    })

    assert.equal(
      keptOff.body.data.deactivateKey.carriedOut,
      false,
      'a KEEP decision is not carried out by a deactivation'
    )
    ok(await gql(stack, ANA, REACTIVATE, { k: kept.id, c: kept.appKey }))
    const finished = await gql(stack, ANA, FINISH, {
      k: mailchimp.id,
      c: mailchimp.appKey,
    })

    ok(finished)
    assert.equal(
      finished.body.data.finishTokenRenewal.carriedOut,
      true,
      'finishing the renewal carries ROTATE out'
    )
    assert.equal(await statusOf(mailchimp.id), 'CARRIED_OUT')

    const { review } = (
      await gql(
        stack,
        ANA,
        '{ review { id keys { id decision { decision carryOutStatus carriedOut { action detail by at } } } audit { action subject by } } }'
      )
    ).body.data

    const decisionOf = (id: string) =>
      review.keys.find((k: { id: string }) => k.id === id).decision

    assert.deepEqual(decisionOf(temp.id).carriedOut, [
      {
        action: 'DEACTIVATE',
        detail: 'active → inactive',
        by: 'bruno@acme.com',
        at: new Date(fixture.now).toISOString(),
      },
    ])
    assert.deepEqual(
      decisionOf(mailchimp.id).carriedOut.map(
        (c: { action: string }) => c.action
      ),
      ['RENEW_TOKEN', 'FINISH_RENEWAL']
    )
    assert.deepEqual(
      [decisionOf(temp.id).carryOutStatus, decisionOf(kept.id).carryOutStatus],
      ['CARRIED_OUT', 'NOT_STARTED']
    )
    assert.deepEqual(decisionOf(kept.id).carriedOut, [])
    assert.deepEqual(
      review.audit
        .filter((a: { subject: string }) => a.subject === mailchimp.id)
        .map((a: { action: string }) => a.action)
        .filter((a: string) => a.startsWith('CARRY_OUT')),
      ['CARRY_OUT_STARTED', 'CARRY_OUT']
    )
    assert.ok(
      review.audit.some(
        (a: { action: string; subject: string; by: string }) =>
          a.action === 'CARRY_OUT' &&
          a.subject === temp.id &&
          a.by === 'bruno@acme.com'
      )
    )

    const csv = (
      await gql(
        stack,
        ANA,
        `{ reviewExport(id: "${review.id}", format: CSV) { content } }`
      )
    ).body.data.reviewExport.content as string

    assert.ok(
      csv.includes(
        `"DEACTIVATE by bruno@acme.com at ${new Date(
          fixture.now
        ).toISOString()} (active → inactive)"`
      )
    )
    assert.match(
      csv,
      new RegExp(`"#action","[^"]+","bruno@acme.com","DEACTIVATE","${temp.id}"`)
    )
    assert.match(
      csv,
      new RegExp(
        `"#action","[^"]+","ana@acme.com","RENEW_TOKEN","${mailchimp.id}"`
      )
    )
    const json = JSON.parse(
      (
        await gql(
          stack,
          ANA,
          `{ reviewExport(id: "${review.id}", format: JSON) { content } }`
        )
      ).body.data.reviewExport.content
    )

    assert.deepEqual(
      json.actions.map((a: { action: string }) => a.action),
      [
        'DEACTIVATE',
        'RENEW_TOKEN',
        'DEACTIVATE',
        'REACTIVATE',
        'FINISH_RENEWAL',
      ]
    )
    assert.equal(
      json.actions.find(
        (a: { reviewId: string | null }) => a.reviewId === review.id
      ).keyId,
      temp.id
    )
  })
})

describe("when VTEX's answer is an error or never comes", () => {
  it("a renew answer that trickles is cut off in time: recorded as possibly pending (no token), audited UNKNOWN, and a retry's 409 is explained", async () => {
    const key = fixture.appKeys.find(
      (k) => k.label === 'Feed sync' && k.isActive
    )!

    // VTEX renews, then sends its answer a byte a second: an idle timeout would never fire.
    stack.platform.faults.set([
      { method: 'PATCH', path: '/apitoken/renew$', trickleMs: 1000, times: 1 },
    ])
    const res = await gql(stack, ANA, RENEW, { k: key.id, c: key.appKey })

    stack.platform.faults.set([])
    assert.equal(errorCode(res), 'UPSTREAM_UNAVAILABLE', res.text.slice(0, 300))
    assert.match(
      res.body.errors![0].message,
      /did not confirm.*recorded the renewal as possibly pending.*never shown to anyone/
    )
    // the timeout in words, its code in brackets for support: never a bare "(ECONNABORTED)"
    assert.match(
      res.body.errors![0].message,
      /” \((VTEX did not answer in time|the connection was cut) \[E[A-Z_]+\]\)\./
    )
    const lost = stack.platform.state.issuedTokens.find(
      (t) => t.appKey === key.appKey
    )

    assert.ok(
      lost &&
        stack.platform.state.fixture.appKeys.find((k) => k.id === key.id)!
          .pendingToken === lost.token,
      'VTEX did start the renewal'
    )

    const now = await keyNow(key.id)

    assert.deepEqual(
      [now.renewal.status, now.renewal.startedBy, now.renewal.outcomeUnknownAt],
      ['POSSIBLY_PENDING', 'ana@acme.com', new Date(fixture.now).toISOString()]
    )
    assert.equal(
      now.tokenAgeBasis,
      'KEY_CREATED',
      'the token in use is still the old one'
    )
    const [entry] = (await gql(stack, ANA, AUDIT, { k: key.id })).body.data
      .keyAudit

    assert.deepEqual(
      [entry.action, entry.outcome, entry.vtexStatus],
      ['RENEW_TOKEN', 'UNKNOWN', null]
    )
    assert.match(entry.after, /may have started a renewal/)
    assert.deepEqual(states(entry), [
      'RENEWAL renewal=NONE',
      'RENEWAL_MAY_HAVE_STARTED',
    ])

    const again = await gql(stack, ANA, RENEW, { k: key.id, c: key.appKey })

    assert.equal(errorCode(again), 'CONFLICT')
    assert.match(
      again.body.errors![0].message,
      /asked VTEX to renew it from Key Steward and the answer never arrived.*never shown to anyone.*VTEX’s Admin/
    )
    assert.ok(
      !again.body.errors![0].message.includes('Key Steward did not start it')
    )

    // The token nobody received is nowhere: no answer, log line or VBase document holds it. It
    // is taken off the list the file's after hook holds to "shown exactly once".
    for (const text of [...seen, ...stack.logs, ...vbaseTexts(stack)])
      assert.ok(!text.includes(lost!.token.slice(0, 24)))
    stack.platform.state.issuedTokens.splice(
      stack.platform.state.issuedTokens.indexOf(lost!),
      1
    )
  })

  it('a deactivation VTEX applied although its answer was an error is audited as applied and carries the decision out', async () => {
    const key = byLabel('Store locator widget')

    stack.platform.faults.set([
      {
        method: 'PUT',
        path: '^/api/vlm/appkeys/',
        status: 504,
        applyFirst: true,
        times: 4,
      },
    ])
    const res = await gql(
      stack,
      ANA,
      `mutation($k: ID!, $c: String!) { deactivateKey(keyId: $k, confirm: $c) { ${OUTCOME} } }`,
      { k: key.id, c: key.appKey }
    )

    stack.platform.faults.set([])
    ok(res)
    assert.deepEqual(
      [
        res.body.data.deactivateKey.outcome,
        res.body.data.deactivateKey.key.isActive,
      ],
      ['APPLIED_DESPITE_ERROR', false]
    )
    const [entry] = (await gql(stack, ANA, AUDIT, { k: key.id })).body.data
      .keyAudit

    assert.deepEqual(
      [
        entry.action,
        entry.before,
        entry.after,
        entry.outcome,
        entry.vtexStatus,
      ],
      ['DEACTIVATE', 'active', 'inactive', 'APPLIED_DESPITE_ERROR', 504]
    )
  })

  it('a deactivation VTEX did not apply is audited as not applied, and the error says nothing changed', async () => {
    const key = byLabel('Seller onboarding portal')

    stack.platform.faults.set([
      { method: 'PUT', path: '^/api/vlm/appkeys/', status: 504 },
    ])
    const res = await gql(stack, ANA, DEACTIVATE, { k: key.id, c: key.appKey })

    stack.platform.faults.set([])
    assert.equal(errorCode(res), 'UPSTREAM_UNAVAILABLE')
    assert.match(
      res.body.errors![0].message,
      /reading the key again shows it was not done: nothing changed/
    )
    const [entry] = (await gql(stack, ANA, AUDIT, { k: key.id })).body.data
      .keyAudit

    assert.deepEqual(
      [entry.before, entry.after, entry.outcome],
      ['active', 'active', 'NOT_APPLIED']
    )
  })

  it('a role removal VTEX applied although its answer was an error is audited as applied', async () => {
    const key = byLabel('PIM product enrichment (Akeneo)')
    const [first, ...rest] = fixture.roleAssignments[key.id]

    stack.platform.faults.set([
      {
        method: 'DELETE',
        path: '^/api/license-manager/users/',
        status: 502,
        applyFirst: true,
        times: 4,
      },
    ])
    const res = await gql(
      stack,
      ANA,
      `mutation($k: ID!, $r: Int!, $c: String!) { removeKeyRole(keyId: $k, roleId: $r, confirm: $c) { ${OUTCOME} } }`,
      { k: key.id, r: first, c: key.appKey }
    )

    stack.platform.faults.set([])
    ok(res)
    assert.equal(res.body.data.removeKeyRole.outcome, 'APPLIED_DESPITE_ERROR')
    assert.deepEqual(
      res.body.data.removeKeyRole.key.roles.map((r: { id: number }) => r.id),
      rest
    )
    const [entry] = (await gql(stack, ANA, AUDIT, { k: key.id })).body.data
      .keyAudit

    assert.deepEqual(
      [entry.action, entry.outcome, entry.vtexStatus, entry.after],
      ['REMOVE_ROLE', 'APPLIED_DESPITE_ERROR', 502, 'no roles']
    )
  })
})

describe('the scheduled scan never acts', () => {
  it('reads only: no renewal, activation or role change reaches VTEX from a scan', async () => {
    ok(await gql(stack, ANA, '{ reminders { kind } }'))
    const m = mark()
    const fired = (await (
      await fetch(`${stack.platform.url}/_platform/scheduler/run`, {
        method: 'POST',
      })
    ).json()) as { fired: Array<{ status: number }> }

    assert.ok(
      fired.fired.length >= 1 && fired.fired.every((f) => f.status === 200),
      JSON.stringify(fired)
    )
    assert.ok(
      stack.platform.requests
        .slice(m)
        .some((r) => r.path === '/api/vlm/appkeys'),
      'the scan did read the keys'
    )
    assert.deepEqual(writes(m), [])
  })
})
