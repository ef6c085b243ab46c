// Holds the platform to VTEX's published OpenAPI: every response body it gives validates
// against the schema documented for that path, method and status, and every endpoint
// enforces the resources of its Permissions table.
import assert from 'node:assert/strict'
import { existsSync } from 'fs'
import { join } from 'path'
import { after, before, describe, it } from 'node:test'

import addFormats from 'ajv-formats'
import Ajv from 'ajv'

import { ENDPOINT_RESOURCES } from '../platform/endpoints'
import type { Fixture } from '../platform/fixture'
import { Platform } from '../platform/server'
import { DEFAULT_FIXTURE, ROOT } from '../paths'
import { loadJson } from './helpers'

const OPENAPI_DIR = join(ROOT, '..', 'shared', 'vtex-openapi')
const docs = {
  lm: loadJson<any>(join(OPENAPI_DIR, 'license-manager.json')),
  id: loadJson<any>(join(OPENAPI_DIR, 'vtex-id.json')),
}

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false })

addFormats(ajv)
ajv.addSchema(docs.lm, 'lm')
ajv.addSchema(docs.id, 'id')

const pointer = (...segments: string[]) =>
  segments
    .map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('/')

/**
 * The response must be one the OpenAPI documents for that path, method and status, with a body
 * that validates against the documented schema (or no body where none is documented). VTEX ID's
 * schemas mark no field required, so for them every documented field must also be present and
 * no other: a stand-in that dropped or added one would otherwise pass.
 */
function assertMatchesContract(
  method: string,
  template: string,
  status: number,
  text: string
): void {
  const [name, doc] = template.startsWith('/api/vtexid/')
    ? ['id', docs.id]
    : ['lm', docs.lm]

  const op = doc.paths[template]?.[method.toLowerCase()]

  assert.ok(
    op,
    `${method} ${template} is not in the ${
      name === 'id' ? 'VTEX ID' : 'License Manager'
    } OpenAPI`
  )
  const documented = op.responses[String(status)]

  assert.ok(
    documented,
    `${method} ${template} answered ${status}, which the OpenAPI does not document`
  )
  const schema = documented.content?.['application/json']?.schema

  if (!schema) {
    assert.equal(
      text,
      '',
      `${method} ${template} ${status} should have no body`
    )

    return
  }

  const validate = ajv.compile({
    $ref: `${name}#/${pointer(
      'paths',
      template,
      method.toLowerCase(),
      'responses',
      String(status),
      'content',
      'application/json',
      'schema'
    )}`,
  })

  const body: Record<string, unknown> = JSON.parse(text)

  assert.ok(
    validate(body),
    `${method} ${template} ${status}: ${ajv.errorsText(validate.errors)}`
  )
  if (name === 'id' && schema.type === 'object' && schema.properties) {
    assert.deepEqual(
      Object.keys(body).sort(),
      Object.keys(schema.properties).sort(),
      `${method} ${template} ${status} carries exactly the documented fields`
    )
  }
}

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
let platform: Platform

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

const owner = Object.entries(fixture.sessions).find(([, email]) =>
  fixture.users.find(
    (u) =>
      u.email === email && (fixture.roleAssignments[u.id] ?? []).includes(1)
  )
)![0]

const user = fixture.users[0]
const key = fixture.appKeys[0]
const pendingKey = fixture.appKeys.find((k) => k.pendingToken)!
const RENEW = '/api/vtexid/apikey/{apiKey}/apitoken/renew'
const FINISH = '/api/vtexid/apikey/{apiKey}/apitoken/finish-renewal'
const VALIDATE = '/api/vtexid/credential/validate'

type Case = [
  method: string,
  template: string,
  path: string,
  status: number,
  body?: unknown
]
const cases: Case[] = [
  ['GET', '/api/vlm/appkeys', '/api/vlm/appkeys', 200],
  [
    'POST',
    '/api/vlm/appkeys',
    '/api/vlm/appkeys',
    200,
    { label: 'contract test key' },
  ],
  [
    'PUT',
    '/api/vlm/appkeys/{id}',
    `/api/vlm/appkeys/${key.id}`,
    200,
    { isActive: key.isActive },
  ],
  [
    'PUT',
    '/api/vlm/appkeys/{id}',
    '/api/vlm/appkeys/no-such-key',
    400,
    { isActive: false },
  ],
  [
    'GET',
    '/api/license-manager/site/pvt/roles/list/paged',
    '/api/license-manager/site/pvt/roles/list/paged',
    200,
  ],
  [
    'GET',
    '/api/license-manager/site/pvt/roles/list/paged',
    '/api/license-manager/site/pvt/roles/list/paged?numItems=5&pageNumber=2&sort=name&sortType=DSC',
    200,
  ],
  [
    'GET',
    '/api/license-manager/site/pvt/logins/list/paged',
    '/api/license-manager/site/pvt/logins/list/paged?numItems=100',
    200,
  ],
  [
    'GET',
    '/api/license-manager/users/{userId}/roles',
    `/api/license-manager/users/${user.id}/roles`,
    200,
  ],
  [
    'GET',
    '/api/license-manager/users/{userId}/roles',
    `/api/license-manager/users/${key.id}/roles`,
    200,
  ],
  [
    'GET',
    '/api/license-manager/users/{userId}/roles',
    `/api/license-manager/users/${
      fixture.externalKeys[0]?.appKey ?? key.id
    }/roles`,
    200,
  ],
  [
    'PUT',
    '/api/license-manager/users/{userId}/roles',
    `/api/license-manager/users/${user.id}/roles`,
    204,
    [fixture.roles[1].id],
  ],
  [
    'PUT',
    '/api/license-manager/users/{userId}/roles',
    `/api/license-manager/users/${user.id}/roles`,
    400,
    [987654],
  ],
  [
    'PUT',
    '/api/license-manager/users/{userId}/roles',
    '/api/license-manager/users/nobody/roles',
    500,
    [fixture.roles[1].id],
  ],
  [
    'DELETE',
    '/api/license-manager/users/{userId}/roles/{roleId}',
    `/api/license-manager/users/${user.id}/roles/${fixture.roles[1].id}`,
    204,
  ],
  [
    'DELETE',
    '/api/license-manager/users/{userId}/roles/{roleId}',
    `/api/license-manager/users/${user.id}/roles/x`,
    400,
  ],
  [
    'DELETE',
    '/api/license-manager/users/{userId}/roles/{roleId}',
    `/api/license-manager/users/${key.id}/roles/987654`,
    204,
  ],
  // VTEX ID token renewal, in this order: renew, a second renew while one is pending, finish,
  // a finish with nothing pending; unknown keys; a renewal the fixture left pending.
  ['PATCH', RENEW, `/api/vtexid/apikey/${key.appKey}/apitoken/renew`, 200],
  ['PATCH', RENEW, `/api/vtexid/apikey/${key.appKey}/apitoken/renew`, 409],
  [
    'PATCH',
    FINISH,
    `/api/vtexid/apikey/${key.appKey}/apitoken/finish-renewal`,
    200,
  ],
  [
    'PATCH',
    FINISH,
    `/api/vtexid/apikey/${key.appKey}/apitoken/finish-renewal`,
    404,
  ],
  [
    'PATCH',
    RENEW,
    '/api/vtexid/apikey/vtexappkey-otheraccount-ABCDEF/apitoken/renew',
    400,
  ],
  ['PATCH', RENEW, `/api/vtexid/apikey/${key.id}/apitoken/renew`, 400],
  [
    'PATCH',
    FINISH,
    '/api/vtexid/apikey/vtexappkey-otheraccount-ABCDEF/apitoken/finish-renewal',
    400,
  ],
  [
    'PATCH',
    FINISH,
    `/api/vtexid/apikey/${pendingKey.appKey}/apitoken/finish-renewal`,
    200,
  ],
  // Who a session is (VtexIdApi.whoIs): the token in the body, as vtex-id.json documents it.
  [
    'POST',
    VALIDATE,
    `${VALIDATE}?an=${fixture.account}`,
    200,
    { token: owner },
  ],
  ['POST', VALIDATE, VALIDATE, 401, { token: 'no-such-session' }],
]

describe('responses validate against license-manager.json and vtex-id.json', () => {
  for (const [method, template, path, status, body] of cases) {
    it(`${method} ${path} → ${status}`, async () => {
      const res = await fetch(`${platform.url}${path}`, {
        method,
        headers: {
          VtexIdclientAutCookie: owner,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })

      assert.equal(res.status, status)
      assertMatchesContract(method, template, status, await res.text())
    })
  }

  it('a wrong shape would fail (the validator is not vacuous)', () => {
    assert.throws(() =>
      assertMatchesContract(
        'PATCH',
        RENEW,
        200,
        JSON.stringify({
          id: 'x',
          keyName: 'k',
          creationDateToken: 'd',
          creationDateNewToken: 'd',
          expirationPeriod: '90',
          newToken: 't',
        })
      )
    )
    assert.throws(() =>
      assertMatchesContract(
        'PATCH',
        RENEW,
        200,
        JSON.stringify({ id: 'x', newToken: 't' })
      )
    )
    assert.throws(() =>
      assertMatchesContract(
        'PATCH',
        FINISH,
        200,
        JSON.stringify({
          id: 'x',
          creationDateToken: 'd',
          creationDateNewToken: null,
          token: 't',
        })
      )
    )
    assert.throws(() =>
      assertMatchesContract(
        'PATCH',
        RENEW,
        409,
        JSON.stringify({ Message: 'pending' })
      )
    )
    assert.throws(() =>
      assertMatchesContract(
        'GET',
        '/api/vlm/appkeys',
        200,
        JSON.stringify([{ id: 1, appKey: 'x' }])
      )
    )
    assert.throws(() =>
      assertMatchesContract(
        'GET',
        '/api/license-manager/site/pvt/roles/list/paged',
        200,
        JSON.stringify({ items: [], paging: { page: 1 } })
      )
    )
  })
})

describe('endpoint permissions follow the Permissions tables', () => {
  const bold = (text: string) =>
    [...text.matchAll(/\|\s*[^|]*\|\s*[^|]*\|\s*\*\*([^*]+)\*\*\s*\|/g)]
      .map((m) => m[1].trim())
      .filter((r) => r !== 'Resource')

  for (const rule of ENDPOINT_RESOURCES) {
    it(`${rule.method} ${rule.path} requires ${rule.resources.join(
      ' or '
    )}`, () => {
      const doc = rule.path.startsWith('/api/vtexid') ? docs.id : docs.lm
      const op = doc.paths[rule.path]?.[rule.method.toLowerCase()]

      assert.ok(op, `${rule.method} ${rule.path} is not documented`)
      assert.deepEqual(
        [...new Set(bold(op.description))].sort(),
        [...rule.resources].sort()
      )
    })
  }
})

it('the OpenAPI files are where the tests expect them', () => {
  assert.ok(existsSync(OPENAPI_DIR))
})
