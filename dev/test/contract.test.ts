// Holds the platform to VTEX's published OpenAPI: every response body it gives validates
// against the schema documented for that path, method and status, and every endpoint
// enforces the resources of its Permissions table.
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import assert from 'node:assert/strict'
import { existsSync } from 'fs'
import { join } from 'path'
import { after, before, describe, it } from 'node:test'
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

const pointer = (...segments: string[]) => segments.map(s => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')

function assertMatchesContract(method: string, template: string, status: number, text: string): void {
  const op = docs.lm.paths[template]?.[method.toLowerCase()]
  assert.ok(op, `${method} ${template} is not in the License Manager OpenAPI`)
  const documented = op.responses[String(status)]
  assert.ok(documented, `${method} ${template} answered ${status}, which the OpenAPI does not document`)
  const schema = documented.content?.['application/json']?.schema
  if (!schema) {
    assert.equal(text, '', `${method} ${template} ${status} should have no body`)
    return
  }
  const validate = ajv.compile({ $ref: `lm#/${pointer('paths', template, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}` })
  const body = JSON.parse(text)
  assert.ok(validate(body), `${method} ${template} ${status}: ${ajv.errorsText(validate.errors)}`)
}

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
let platform: Platform
before(async () => {
  platform = await new Platform({ fixture: structuredClone(fixture), appName: 'yourvendor.key-steward', appResources: [], outbound: [], vbaseAllowed: true }).listen()
})
after(() => platform.close())

const owner = Object.entries(fixture.sessions).find(([, email]) => fixture.users.find(u => u.email === email && (fixture.roleAssignments[u.id] ?? []).includes(1)))![0]
const user = fixture.users[0]
const key = fixture.appKeys[0]

type Case = [method: string, template: string, path: string, status: number, body?: unknown]
const cases: Case[] = [
  ['GET', '/api/vlm/appkeys', '/api/vlm/appkeys', 200],
  ['POST', '/api/vlm/appkeys', '/api/vlm/appkeys', 200, { label: 'contract test key' }],
  ['PUT', '/api/vlm/appkeys/{id}', `/api/vlm/appkeys/${key.id}`, 200, { isActive: key.isActive }],
  ['PUT', '/api/vlm/appkeys/{id}', '/api/vlm/appkeys/no-such-key', 400, { isActive: false }],
  ['GET', '/api/license-manager/site/pvt/roles/list/paged', '/api/license-manager/site/pvt/roles/list/paged', 200],
  ['GET', '/api/license-manager/site/pvt/roles/list/paged', '/api/license-manager/site/pvt/roles/list/paged?numItems=5&pageNumber=2&sort=name&sortType=DSC', 200],
  ['GET', '/api/license-manager/site/pvt/logins/list/paged', '/api/license-manager/site/pvt/logins/list/paged?numItems=100', 200],
  ['GET', '/api/license-manager/users/{userId}/roles', `/api/license-manager/users/${user.id}/roles`, 200],
  ['GET', '/api/license-manager/users/{userId}/roles', `/api/license-manager/users/${key.id}/roles`, 200],
  ['GET', '/api/license-manager/users/{userId}/roles', `/api/license-manager/users/${fixture.externalKeys[0]?.appKey ?? key.id}/roles`, 200],
  ['PUT', '/api/license-manager/users/{userId}/roles', `/api/license-manager/users/${user.id}/roles`, 204, [fixture.roles[1].id]],
  ['PUT', '/api/license-manager/users/{userId}/roles', `/api/license-manager/users/${user.id}/roles`, 400, [987654]],
  ['PUT', '/api/license-manager/users/{userId}/roles', '/api/license-manager/users/nobody/roles', 500, [fixture.roles[1].id]],
  ['DELETE', '/api/license-manager/users/{userId}/roles/{roleId}', `/api/license-manager/users/${user.id}/roles/${fixture.roles[1].id}`, 204],
  ['DELETE', '/api/license-manager/users/{userId}/roles/{roleId}', `/api/license-manager/users/${user.id}/roles/x`, 400],
]

describe('responses validate against license-manager.json', () => {
  for (const [method, template, path, status, body] of cases) {
    it(`${method} ${path} → ${status}`, async () => {
      const res = await fetch(`${platform.url}${path}`, {
        method,
        headers: { VtexIdclientAutCookie: owner, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      assert.equal(res.status, status)
      assertMatchesContract(method, template, status, await res.text())
    })
  }

  it('a wrong shape would fail (the validator is not vacuous)', () => {
    assert.throws(() => assertMatchesContract('GET', '/api/vlm/appkeys', 200, JSON.stringify([{ id: 1, appKey: 'x' }])))
    assert.throws(() => assertMatchesContract('GET', '/api/license-manager/site/pvt/roles/list/paged', 200, JSON.stringify({ items: [], paging: { page: 1 } })))
  })
})

describe('endpoint permissions follow the Permissions tables', () => {
  const bold = (text: string) => [...text.matchAll(/\|\s*[^|]*\|\s*[^|]*\|\s*\*\*([^*]+)\*\*\s*\|/g)].map(m => m[1].trim()).filter(r => r !== 'Resource')
  for (const rule of ENDPOINT_RESOURCES) {
    it(`${rule.method} ${rule.path} requires ${rule.resources.join(' or ')}`, () => {
      const doc = rule.path.startsWith('/api/vtexid') ? docs.id : docs.lm
      const op = doc.paths[rule.path]?.[rule.method.toLowerCase()]
      assert.ok(op, `${rule.method} ${rule.path} is not documented`)
      assert.deepEqual([...new Set(bold(op.description))].sort(), [...rule.resources].sort())
    })
  }
})

it('the OpenAPI files are where the tests expect them', () => {
  assert.ok(existsSync(OPENAPI_DIR))
})
