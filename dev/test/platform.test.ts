// The platform stand-in on its own: identification, resource enforcement, paging, knobs.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { ENDPOINT_RESOURCES } from '../platform/endpoints'
import type { Fixture } from '../platform/fixture'
import { Platform } from '../platform/server'
import { loadJson, SMALL_FIXTURE } from './helpers'

const fixture = loadJson<Fixture>(SMALL_FIXTURE)
let platform: Platform

const call = (path: string, cookie?: string, init: RequestInit = {}) =>
  fetch(`${platform.url}${path}`, {
    ...init,
    headers: {
      ...(cookie ? { VtexIdclientAutCookie: cookie } : {}),
      ...(init.headers as Record<string, string>),
    },
  })

before(async () => {
  platform = await new Platform({
    fixture: structuredClone(fixture),
    appName: 'yourvendor.key-steward',
    appResources: [],
    outbound: [],
    vbaseAllowed: true,
  }).listen()
})
after(() => platform.close())

describe('identification', () => {
  it('401 without credentials and for an unknown cookie', async () => {
    assert.equal((await call('/api/vlm/appkeys')).status, 401)
    assert.equal(
      (await call('/api/vlm/appkeys', 'no-such-session')).status,
      401
    )
  })
  it('takes a session only as VTEX documents it: the VtexIdclientAutCookie header or cookie, never Authorization: Bearer', async () => {
    const as = (headers: Record<string, string>) =>
      call('/api/vlm/appkeys', undefined, { headers })

    assert.equal(
      (await as({ VtexIdclientAutCookie: 'session-owner' })).status,
      200
    )
    assert.equal(
      (await as({ Cookie: 'VtexIdclientAutCookie=session-owner' })).status,
      200
    )
    assert.equal(
      (await as({ Authorization: 'Bearer session-owner' })).status,
      401
    )
    // the app's own token neither: VTEX IO apps send it as VtexIdclientAutCookie
    assert.equal(
      (await as({ Authorization: `Bearer ${platform.state.appToken}` })).status,
      401
    )
  })
  it('takes a session in odd shapes only as VTEX can: a header name in any case, never a cookie it cannot read', async () => {
    const as = (headers: Record<string, string>) =>
      call('/api/vlm/appkeys', undefined, { headers })

    // header names are case-insensitive (RFC 9110 §5.1)
    assert.equal(
      (await as({ vtexidclientautcookie: 'session-owner' })).status,
      200
    )
    assert.equal(
      (await as({ VTEXIDCLIENTAUTCOOKIE: 'session-owner' })).status,
      200
    )
    // an empty or malformed credential identifies nobody: 401, never a 500
    assert.equal((await as({ VtexIdclientAutCookie: '' })).status, 401)
    assert.equal(
      (await as({ Cookie: 'VtexIdclientAutCookie=%E0%A4%A' })).status,
      401
    )
    assert.equal((await as({ Cookie: 'VtexIdclientAutCookie=' })).status, 401)
    // a cookie's name is case-sensitive (RFC 6265 §5.3 compares it as is)
    assert.equal(
      (await as({ Cookie: 'vtexidclientautcookie=session-owner' })).status,
      401
    )
  })
  it('401 for a blocked user', async () => {
    assert.equal(
      (await call('/api/vlm/appkeys', 'session-blocked')).status,
      401
    )
  })
  it('accepts an API key pair with its own roles, and refuses a wrong token', async () => {
    const owner = fixture.appKeys[1]
    const ok = await call('/api/vlm/appkeys', undefined, {
      headers: {
        'X-VTEX-API-AppKey': owner.appKey,
        'X-VTEX-API-AppToken': owner.token,
      },
    })

    assert.equal(ok.status, 200)
    const bad = await call('/api/vlm/appkeys', undefined, {
      headers: {
        'X-VTEX-API-AppKey': owner.appKey,
        'X-VTEX-API-AppToken': 'A'.repeat(128),
      },
    })

    assert.equal(bad.status, 401)
  })
})

describe('resource enforcement (VTEX Permissions tables)', () => {
  const cases: Array<[string, string, string, number]> = [
    ['owner holds everything', 'session-owner', '/api/vlm/appkeys', 200],
    [
      'auditor lacks Save user for app keys',
      'session-auditor',
      '/api/vlm/appkeys',
      403,
    ],
    [
      'auditor may page roles',
      'session-auditor',
      '/api/license-manager/site/pvt/roles/list/paged',
      200,
    ],
    [
      'auditor may page users',
      'session-auditor',
      '/api/license-manager/site/pvt/logins/list/paged',
      200,
    ],
    [
      'auditor may read roles of a subject',
      'session-auditor',
      `/api/license-manager/users/${fixture.users[0].id}/roles`,
      200,
    ],
    [
      'call center agent may not page roles',
      'session-agent',
      '/api/license-manager/site/pvt/roles/list/paged',
      403,
    ],
    [
      'call center agent may not read roles of a subject',
      'session-agent',
      `/api/license-manager/users/${fixture.users[0].id}/roles`,
      403,
    ],
    [
      'partial role lacks Get paged users',
      'session-partial',
      '/api/license-manager/site/pvt/logins/list/paged',
      403,
    ],
  ]

  for (const [name, cookie, path, status] of cases) {
    it(`${name} → ${status}`, async () =>
      assert.equal((await call(path, cookie)).status, status))
  }

  // Each endpoint's Permissions table: "Any user or API key must have at least one of the
  // appropriate License Manager resources … Otherwise they will receive a status code 403 error"
  // (license-manager.json, vtex-id.json). The writes and renewals too, not only the reads above.
  for (const rule of ENDPOINT_RESOURCES) {
    it(`${rule.method} ${
      rule.path
    } refuses a session without ${rule.resources.join(
      ' or '
    )} (403)`, async () => {
      const path = rule.path
        .replace('{id}', fixture.appKeys[0].id)
        .replace('{userId}', fixture.users[0].id)
        .replace('{roleId}', String(fixture.roles[0].id))
        .replace('{apiKey}', fixture.appKeys[0].appKey)

      const res = await call(path, 'session-agent', {
        method: rule.method,
        headers: { 'content-type': 'application/json' },
        body:
          rule.method === 'PUT' || rule.method === 'POST'
            ? JSON.stringify(
                rule.path.endsWith('/roles')
                  ? [fixture.roles[0].id]
                  : { isActive: true, label: 'x' }
              )
            : undefined,
      })

      assert.equal(res.status, 403)
    })
  }

  it('names the resources needed in the 403', async () => {
    const body = (await (
      await call('/api/vlm/appkeys', 'session-auditor')
    ).json()) as any

    assert.match(body.Message, /Save user/)
  })
  it('answers canAccessResource by the caller’s roles', async () => {
    assert.equal(
      (
        await call(
          '/api/license-manager/resources/Save%20user/access',
          'session-owner'
        )
      ).status,
      200
    )
    assert.equal(
      (
        await call(
          '/api/license-manager/resources/Save%20user/access',
          'session-auditor'
        )
      ).status,
      403
    )
  })
})

describe('License Manager behaviour', () => {
  it('never lists tokens', async () => {
    const text = await (await call('/api/vlm/appkeys', 'session-owner')).text()

    for (const k of fixture.appKeys) assert.ok(!text.includes(k.token))
    assert.deepEqual(Object.keys(JSON.parse(text)[0]).sort(), [
      'appKey',
      'createdIn',
      'id',
      'isActive',
      'label',
    ])
  })
  it('pages users with VTEX paging fields', async () => {
    const p1 = (await (
      await call(
        '/api/license-manager/site/pvt/logins/list/paged?numItems=2&pageNumber=1&sort=email',
        'session-owner'
      )
    ).json()) as any

    const p3 = (await (
      await call(
        '/api/license-manager/site/pvt/logins/list/paged?numItems=2&pageNumber=3&sort=email',
        'session-owner'
      )
    ).json()) as any

    assert.deepEqual(p1.paging, { page: 1, perPage: 2, total: 5, pages: 3 })
    assert.equal(p1.items.length, 2)
    assert.equal(p3.items.length, 1)
    assert.equal(p1.items[0].email, 'agent@small.com')
  })
  it('refuses a non-numeric page', async () => {
    assert.equal(
      (
        await call(
          '/api/license-manager/site/pvt/roles/list/paged?pageNumber=x',
          'session-owner'
        )
      ).status,
      400
    )
  })
  it('returns roles without the fixture’s private resources', async () => {
    const body = (await (
      await call(
        '/api/license-manager/site/pvt/roles/list/paged?numItems=100',
        'session-owner'
      )
    ).json()) as any

    assert.equal(body.items[0].resources, null)
  })
})

describe('VTEX ID token renewal (overlap until finish)', () => {
  const erp = fixture.appKeys[0]
  const owner = fixture.appKeys[1]
  const asKey = (k: { appKey: string }, token: string) => ({
    headers: { 'X-VTEX-API-AppKey': k.appKey, 'X-VTEX-API-AppToken': token },
  })

  const renew = (
    appKey: string,
    init: RequestInit = {},
    cookie = 'session-owner'
  ) =>
    call(`/api/vtexid/apikey/${appKey}/apitoken/renew`, cookie, {
      method: 'PATCH',
      ...init,
    })

  const finish = (
    appKey: string,
    init: RequestInit = {},
    cookie = 'session-owner'
  ) =>
    call(`/api/vtexid/apikey/${appKey}/apitoken/finish-renewal`, cookie, {
      method: 'PATCH',
      ...init,
    })

  /** The log line of the last call to the app keys list: who called and with which token. */
  const lastList = () =>
    platform.requests.filter((r) => r.path === '/api/vlm/appkeys').at(-1)!

  it('renew keeps the old token valid next to the new one; finish leaves only the new one', async () => {
    const old = erp.token
    const started = await renew(owner.appKey)

    assert.equal(started.status, 200)
    const body = (await started.json()) as {
      newToken: string
      creationDateToken: string
      creationDateNewToken: string
      keyName: string
      expirationPeriod: number
    }

    assert.match(body.newToken, /^[A-Z]{128}$/)
    assert.equal(body.keyName, owner.appKey)
    assert.equal(body.expirationPeriod, 90)
    assert.equal(
      body.creationDateToken,
      owner.tokenCreatedIn ?? owner.createdIn
    )
    assert.equal(Date.parse(body.creationDateNewToken), Date.parse(fixture.now))
    assert.deepEqual(
      platform.state.issuedTokens.map((t) => t.token),
      [body.newToken]
    )

    // Both tokens authenticate, and the platform says which one did.
    assert.equal(
      (await call('/api/vlm/appkeys', undefined, asKey(owner, owner.token)))
        .status,
      200
    )
    assert.deepEqual(
      [lastList().principal, lastList().credential],
      [`API key ${owner.appKey}`, 'current token']
    )
    assert.equal(
      (await call('/api/vlm/appkeys', undefined, asKey(owner, body.newToken)))
        .status,
      200
    )
    assert.deepEqual(
      [lastList().principal, lastList().credential],
      [`API key ${owner.appKey}`, 'pending token']
    )
    assert.equal(erp.token, old, 'another key is untouched')

    assert.equal(
      (await renew(owner.appKey)).status,
      409,
      'a second renewal while one is pending'
    )
    const done = await finish(owner.appKey)

    assert.equal(done.status, 200)
    assert.deepEqual(await done.json(), {
      id: owner.id,
      creationDateToken: body.creationDateNewToken,
      creationDateNewToken: null,
    })

    assert.equal(
      (await call('/api/vlm/appkeys', undefined, asKey(owner, owner.token)))
        .status,
      401,
      'the old token stopped working'
    )
    assert.equal(lastList().principal, undefined)
    assert.equal(
      (await call('/api/vlm/appkeys', undefined, asKey(owner, body.newToken)))
        .status,
      200
    )
    assert.equal(
      lastList().credential,
      'current token',
      'the new token is now the one in use'
    )
    assert.equal(
      (await finish(owner.appKey)).status,
      404,
      'nothing left to finish'
    )
  })

  it('refuses unknown keys (400), a caller without Renew API Token (403) and a key renewing itself', async () => {
    assert.equal((await renew('vtexappkey-other-ABCDEF')).status, 400)
    assert.equal((await finish(erp.id)).status, 400)
    const denied = await renew(erp.appKey, {}, 'session-auditor')

    assert.equal(denied.status, 403)
    assert.match(
      ((await denied.json()) as { Message: string }).Message,
      /Renew API Token/
    )
    assert.equal((await finish(erp.appKey, {}, 'session-auditor')).status, 403)
    // The Owner key holds every resource, but may not renew its own token ("use a valid API key
    // (not the one being renewed)"); its current token is the platform's, renewed above.
    const self = platform.state.fixture.appKeys[1]

    assert.equal(
      (
        await call(
          `/api/vtexid/apikey/${self.appKey}/apitoken/renew`,
          undefined,
          { method: 'PATCH', ...asKey(self, self.token) }
        )
      ).status,
      403
    )
    assert.equal(
      (
        await call(
          `/api/vtexid/apikey/${erp.appKey}/apitoken/renew`,
          undefined,
          { method: 'PATCH', ...asKey(self, self.token) }
        )
      ).status,
      200,
      'another key with the resource may'
    )
    assert.equal(
      platform.state.issuedTokens.filter((t) => t.appKey === erp.appKey).length,
      1
    )
  })
})

describe('knobs', () => {
  it('answers 429 with Retry-After for a limited number of matching requests', async () => {
    platform.faults.set([
      { path: '^/api/vlm/appkeys$', status: 429, retryAfter: 2, times: 1 },
    ])
    const first = await call('/api/vlm/appkeys', 'session-owner')

    assert.equal(first.status, 429)
    assert.equal(first.headers.get('retry-after'), '2')
    assert.equal((await call('/api/vlm/appkeys', 'session-owner')).status, 200)
    platform.faults.set([])
  })
  it('adds latency and can be set over HTTP', async () => {
    const res = await fetch(`${platform.url}/_platform/faults`, {
      method: 'PUT',
      body: JSON.stringify({
        rules: [{ method: 'GET', path: 'roles', status: 503 }],
        latencyMs: 5,
      }),
    })

    assert.equal(res.status, 200)
    assert.equal(
      (
        await call(
          '/api/license-manager/site/pvt/roles/list/paged',
          'session-owner'
        )
      ).status,
      503
    )
    assert.equal((await call('/api/vlm/appkeys', 'session-owner')).status, 200)
    const bad = await fetch(`${platform.url}/_platform/faults`, {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ status: 42 }] }),
    })

    assert.equal(bad.status, 400)
    platform.faults.set([])
  })
  it('rate-limits a burst: 429 with Retry-After beyond maxInFlight requests at once, paced calls pass', async () => {
    platform.faults.set([
      {
        path: '^/api/vlm/appkeys$',
        status: 429,
        retryAfter: 1,
        maxInFlight: 2,
      },
      { path: '^/api/vlm/appkeys$', latencyMs: 60 },
    ])
    const burst = await Promise.all(
      Array.from({ length: 5 }, () => call('/api/vlm/appkeys', 'session-owner'))
    )

    const statuses = burst.map((r) => r.status).sort()

    assert.deepEqual(statuses, [200, 200, 429, 429, 429])
    assert.equal(
      burst.find((r) => r.status === 429)!.headers.get('retry-after'),
      '1'
    )
    // one at a time: never limited
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await call('/api/vlm/appkeys', 'session-owner')).status,
        200
      )
    assert.throws(
      () => platform.faults.set([{ maxInFlight: 0, status: 429 }]),
      /maxInFlight/
    )
    platform.faults.set([])
  })
})
