// The service's License Manager client against the platform over real HTTP: the same class the
// service uses, reaching VTEX's URLs through the platform playing the IO egress proxy.
import './vtex-env'
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createRequire } from 'module'
import { join } from 'path'

import { Budget, CLIENT_OPTIONS } from '../../node/clients/deadline'
import { LicenseManagerApi } from '../../node/clients/licenseManagerApi'
import { MessageCenter } from '../../node/clients/messageCenter'
import { Scheduler } from '../../node/clients/scheduler'
import type { UpstreamError } from '../../node/clients/retry'
import { VtexIdApi } from '../../node/clients/vtexId'
import type { Fixture } from '../platform/fixture'
import { outboundPoliciesOf } from '../platform/outbound'
import { Platform } from '../platform/server'
import { DEFAULT_FIXTURE, MANIFEST, NODE_DIR } from '../paths'
import { loadJson } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ownerCookie = 'session-ana-owner'
let platform: Platform

// A context like the one the runtime builds per request (tracer included).
const nodeRequire = createRequire(join(NODE_DIR, 'package.json'))
const { UserLandTracer } = nodeRequire('@vtex/api/lib/tracing/UserLandTracer')
const { TracerSingleton } = nodeRequire(
  '@vtex/api/lib/service/tracing/TracerSingleton'
)

function ioContext() {
  const tracer = new UserLandTracer(TracerSingleton.getTracer())

  return {
    account: fixture.account,
    workspace: 'master',
    authToken: platform.state.appToken,
    region: 'local',
    production: false,
    userAgent: 'test',
    operationId: 'op',
    requestId: 'req',
    tracer,
  } as never
}

/** The client as the service builds it (node/index.ts passes CLIENT_OPTIONS), with quick backoff. */
function client(timeout: number = CLIENT_OPTIONS.timeout): LicenseManagerApi {
  const lm = new LicenseManagerApi(ioContext(), { ...CLIENT_OPTIONS, timeout })

  lm.retry = { retries: 3, baseDelayMs: 20, maxDelayMs: 2000 }

  return lm
}

before(async () => {
  platform = await new Platform({
    fixture: structuredClone(fixture),
    appName: 'yourvendor.key-steward',
    appResources: [],
    appPolicies: ['template-criar', 'template-editar', 'send-message'],
    outbound: outboundPoliciesOf(loadJson(MANIFEST)),
    vbaseAllowed: true,
  }).listen()
  process.env.HTTP_PROXY = platform.url
  process.env.http_proxy = platform.url
})
after(async () => {
  delete process.env.HTTP_PROXY
  delete process.env.http_proxy
  await platform.close()
})
beforeEach(() => {
  platform.faults.set([])
  platform.requests.length = 0
})

describe('LicenseManagerApi', () => {
  it('lists app keys with the admin token, through the declared outbound policy', async () => {
    const keys = await client().listAppKeys(ownerCookie)

    assert.equal(keys.length, fixture.appKeys.length)
    assert.equal(platform.requests[0].host, 'portal.vtexcommercestable.com.br')
  })

  it('reads every page of roles and users', async () => {
    const [roles, users] = await Promise.all([
      client().listAllRoles(ownerCookie),
      client().listAllUsers(ownerCookie),
    ])

    assert.deepEqual(
      roles.map((r) => r.id).sort((a, b) => a - b),
      fixture.roles.map((r) => r.id).sort((a, b) => a - b)
    )
    assert.equal(users.length, fixture.users.length)
  })

  it('pages through more than one page', async () => {
    const many = structuredClone(fixture)

    for (let i = 0; i < 250; i++)
      many.users.push({
        id: `u${i}`,
        email: `u${i}@acme.com`,
        name: `User ${i}`,
        isAdmin: false,
        isBlocked: false,
      })
    const big = await new Platform({
      fixture: many,
      appName: 'x.y',
      appResources: [],
      outbound: [{ host: '*', path: '*' }],
      vbaseAllowed: true,
    }).listen()

    process.env.HTTP_PROXY = process.env.http_proxy = big.url
    try {
      const users = await client().listAllUsers(ownerCookie)

      assert.equal(users.length, many.users.length)
      assert.equal(new Set(users.map((u) => u.id)).size, many.users.length)
      assert.equal(
        big.requests.filter((r) => r.path.endsWith('/logins/list/paged'))
          .length,
        3
      )
    } finally {
      process.env.HTTP_PROXY = process.env.http_proxy = platform.url
      await big.close()
    }
  })

  it('retries a 429 honouring Retry-After, then succeeds', async () => {
    platform.faults.set([
      { path: '/api/vlm/appkeys', status: 429, retryAfter: 1, times: 1 },
    ])
    const keys = await client().listAppKeys(ownerCookie)

    assert.equal(keys.length, fixture.appKeys.length)
    const calls = platform.requests.filter((r) => r.path === '/api/vlm/appkeys')

    assert.deepEqual(
      calls.map((c) => c.status),
      [429, 200]
    )
  })

  it('retries 5xx and reports a persistent one with the endpoint and attempts', async () => {
    platform.faults.set([{ path: '/roles$', status: 500 }])
    const err = await client()
      .rolesOf(ownerCookie, fixture.appKeys[0].id)
      .catch((e) => e)

    assert.equal(err.name, 'UpstreamError')
    assert.equal(err.status, 500)
    assert.equal(err.attempts, 4)
    assert.equal(platform.requests.length, 4)
  })

  it('retries a timeout and succeeds when the upstream recovers', async () => {
    platform.faults.set([{ path: '/roles$', latencyMs: 800, times: 1 }])
    const roles = await client(300).rolesOf(ownerCookie, fixture.appKeys[0].id)

    assert.ok(Array.isArray(roles))
  })

  it('gives up on persistent timeouts with a timeout reason', async () => {
    platform.faults.set([{ path: '/roles$', latencyMs: 600 }])
    const err = await client(150)
      .rolesOf(ownerCookie, fixture.appKeys[0].id)
      .catch((e) => e)

    assert.equal(err.name, 'UpstreamError')
    assert.equal(err.status, undefined)
    assert.equal(err.reason, 'ECONNABORTED')
    assert.equal(err.attempts, 4)
  })

  it('does not retry a 403, and its error carries no credentials', async () => {
    const err = await client()
      .listAppKeys('session-carla-readonly')
      .catch((e) => e)

    assert.equal(err.status, 403)
    assert.equal(err.attempts, 1)
    assert.ok(
      !JSON.stringify({ ...err, m: err.message, s: err.stack }).includes(
        'session-carla-readonly'
      )
    )
  })
})

describe('one retry layer with one deadline (production client options)', () => {
  it('reports as attempts exactly the requests VTEX received for a persistent 502', async () => {
    platform.faults.set([{ path: '^/api/vlm/appkeys$', status: 502 }])
    const err = await client()
      .listAppKeys(ownerCookie)
      .catch((e) => e)

    const calls = platform.requests.filter((r) => r.path === '/api/vlm/appkeys')

    assert.equal(err.name, 'UpstreamError')
    assert.equal(err.attempts, 4)
    assert.equal(
      calls.length,
      err.attempts,
      'no hidden retries under the reported count'
    )
    assert.match(err.message, /after 4 attempts: HTTP 502/)
  })

  it('ends a slow read at the request’s deadline, not after every retry’s full timeout', async () => {
    platform.faults.set([{ path: '^/api/vlm/appkeys$', latencyMs: 4000 }])
    const lm = client()

    lm.budget = new Budget(2500)
    const started = Date.now()
    const err = await lm.listAppKeys(ownerCookie).catch((e) => e)
    const elapsed = Date.now() - started

    assert.equal(err.name, 'UpstreamError')
    assert.equal(err.deadlineReached, true)
    assert.ok(elapsed < 3500, `gave up after ${elapsed} ms`)
    assert.equal(
      platform.requests.filter((r) => r.path === '/api/vlm/appkeys').length,
      0,
      'the slow request was cut before the platform answered'
    )
  })
})

describe('actions in VTEX (admin session)', () => {
  const active = fixture.appKeys.find((k) => k.isActive && !k.pendingToken)!
  const renewCalls = () =>
    platform.requests.filter(
      (r) => r.method === 'PATCH' && r.path.endsWith('/apitoken/renew')
    )

  it("renews with the admin session and gets VTEX's dates and a new token; a second renew is a 409, never retried", async () => {
    const id = new VtexIdApi(ioContext(), CLIENT_OPTIONS)
    const answer = await id.renew(ownerCookie, active.appKey)

    assert.equal(answer.keyName, active.appKey)
    assert.match(String(answer.newToken), /^[A-Z]{128}$/)
    assert.equal(renewCalls()[0].principal, 'user ana@acme.com')
    await assert.rejects(
      new VtexIdApi(ioContext(), CLIENT_OPTIONS).renew(
        ownerCookie,
        active.appKey
      ),
      (e: UpstreamError) => e.status === 409 && e.attempts === 1
    )
    const finished = await new VtexIdApi(
      ioContext(),
      CLIENT_OPTIONS
    ).finishRenewal(ownerCookie, active.appKey)

    assert.equal(finished.creationDateNewToken, null)
    await assert.rejects(
      new VtexIdApi(ioContext(), CLIENT_OPTIONS).finishRenewal(
        ownerCookie,
        active.appKey
      ),
      (e: UpstreamError) => e.status === 404 && e.attempts === 1
    )
  })

  it('does not repeat a renew that failed after reaching VTEX (a 500 or a timeout), but does after a 429', async () => {
    const key = fixture.appKeys.filter((k) => k.isActive && !k.pendingToken)[1]

    platform.faults.set([
      { method: 'PATCH', path: '/apitoken/renew$', status: 500, times: 1 },
    ])
    await assert.rejects(
      new VtexIdApi(ioContext(), CLIENT_OPTIONS).renew(ownerCookie, key.appKey),
      (e: UpstreamError) => e.status === 500 && e.attempts === 1
    )
    assert.equal(renewCalls().length, 1)
    platform.faults.set([
      { method: 'PATCH', path: '/apitoken/renew$', latencyMs: 1500, times: 1 },
    ])
    await assert.rejects(
      new VtexIdApi(ioContext(), { ...CLIENT_OPTIONS, timeout: 300 }).renew(
        ownerCookie,
        key.appKey
      ),
      (e: UpstreamError) => e.status === undefined && e.attempts === 1
    )
    // VTEX still carries out the request the client gave up on.
    while (!renewCalls().some((r) => r.status === 200))
      await new Promise((r) => setTimeout(r, 50))
    platform.faults.set([
      {
        method: 'PATCH',
        path: '/apitoken/renew$',
        status: 429,
        retryAfter: 0,
        times: 1,
      },
    ])
    platform.requests.length = 0
    // The slow renew above did reach VTEX: its renewal is pending now, so this one is a 409 —
    // exactly what a blind retry after a timeout would have run into.
    await assert.rejects(
      new VtexIdApi(ioContext(), CLIENT_OPTIONS).renew(ownerCookie, key.appKey),
      (e: UpstreamError) => e.status === 409 && e.attempts === 2
    )
    assert.deepEqual(
      renewCalls().map((r) => r.status),
      [429, 409]
    )
  })

  it('deactivates and reactivates a key, and removes a role (204 even for a role the key does not hold)', async () => {
    const lm = client()
    const key = fixture.appKeys.find(
      (k) => (fixture.roleAssignments[k.id] ?? []).length > 1
    )!

    await lm.setAppKeyActive(ownerCookie, key.id, false)
    assert.equal(
      (await lm.listAppKeys(ownerCookie)).find((k) => k.id === key.id)!
        .isActive,
      false
    )
    await lm.setAppKeyActive(ownerCookie, key.id, true)
    const role = fixture.roleAssignments[key.id][0]

    await lm.removeRole(ownerCookie, key.id, role)
    assert.ok(
      !(await lm.rolesOf(ownerCookie, key.id)).some((r) => r.id === role)
    )
    await lm.removeRole(ownerCookie, key.id, role)
    await assert.rejects(
      lm.setAppKeyActive(ownerCookie, 'no-such-key', false),
      (e: UpstreamError) => e.status === 400
    )
    await assert.rejects(
      lm.setAppKeyActive('session-carla-readonly', key.id, false),
      (e: UpstreamError) => e.status === 403
    )
  })
})

describe('Scheduler client', () => {
  const job = {
    id: 'key-steward-daily-scan',
    scheduler: { expression: '0 6 * * *', endDate: '2026-12-26T12:00:00' },
    request: {
      uri: 'https://master--acme.myvtex.com/_v/key-steward/scan',
      method: 'POST' as const,
      headers: { Authorization: 'Bearer x' },
    },
  }

  it('creates on the collection path, reads and deletes on the job’s path', async () => {
    process.env.VTEX_APP_ID = 'yourvendor.key-steward@0.1.0'
    const scheduler = new Scheduler(ioContext(), { ...CLIENT_OPTIONS })

    await scheduler.upsert(job)
    assert.deepEqual(
      platform.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
      ['POST /api/scheduler/master/yourvendor.key-steward/ 200']
    )
    assert.equal(
      (await scheduler.read(job.id))?.scheduler?.expression,
      '0 6 * * *'
    )
    await scheduler.remove(job.id)
    assert.equal(await scheduler.read(job.id), null)
    assert.equal(platform.scheduler.jobs.size, 0)
  })
})

describe('Message Center client', () => {
  it('reads the template first and saves it only when missing or changed', async () => {
    const mc = new MessageCenter(ioContext(), { ...CLIENT_OPTIONS })

    platform.messageCenter.templates.clear()
    assert.equal(await mc.ensureTemplate(), 'created')
    assert.equal(await mc.ensureTemplate(), 'unchanged')
    assert.equal(platform.messageCenter.saves, 1)
    platform.messageCenter.templates.set('key-steward-reminders', {
      Name: 'key-steward-reminders',
      Templates: { email: { Subject: 'old', Message: 'old' } },
    })
    assert.equal(await mc.ensureTemplate(), 'updated')
    assert.equal(platform.messageCenter.saves, 2)
  })
})
