// The VTEX IO app files: manifest, admin navigation and routes, messages, .vtexignore.
import Ajv from 'ajv'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'fs'
import { join } from 'path'
import { describe, it } from 'node:test'
import { MANIFEST, NODE_DIR, ROOT } from '../paths'
import { loadJson } from './helpers'

const manifest = loadJson<any>(MANIFEST)

describe('manifest.json', () => {
  it('validates against @vtex/api’s manifest schema', () => {
    const schema = loadJson<any>(join(NODE_DIR, 'node_modules', '@vtex', 'api', 'gen', 'manifest.schema'))
    const ajv = new Ajv({ strict: false, allErrors: true })
    const validate = ajv.compile(schema)
    assert.ok(validate(manifest), ajv.errorsText(validate.errors))
  })
  it('declares the builders, dependency and policies the app needs, and is free', () => {
    assert.equal(manifest.name, 'key-steward')
    assert.deepEqual(manifest.builders, { node: '7.x', graphql: '1.x', react: '3.x', admin: '0.x', messages: '1.x', docs: '0.x' })
    assert.equal(manifest.dependencies['vtex.styleguide'], '9.x')
    const names = manifest.policies.map((p: { name: string }) => p.name)
    for (const p of ['vbase-read-write', 'Save_User', 'Get_Roles_Paged', 'Get_Users_Paged', 'Get_User_By_Identifier']) assert.ok(names.includes(p), p)
    const hosts = manifest.policies.filter((p: { name: string }) => p.name === 'outbound-access').map((p: { attrs: { host: string; path: string } }) => `${p.attrs.host}${p.attrs.path}`)
    assert.ok(hosts.includes('portal.vtexcommercestable.com.br/api/license-manager/*'))
    assert.ok(hosts.includes('portal.vtexcommercestable.com.br/api/vtexid/*'))
    assert.equal(manifest.billingOptions.type, 'free')
  })
})

describe('admin/', () => {
  const nav = loadJson<any>(join(ROOT, 'admin', 'navigation.json'))
  const routes = loadJson<Record<string, { component: string; path: string }>>(join(ROOT, 'admin', 'routes.json'))
  const en = loadJson<Record<string, string>>(join(ROOT, 'messages', 'en.json'))

  it('navigation.json validates against the Admin v4 schema', () => {
    const schema = loadJson<any>(join(ROOT, '..', 'shared', 'vtex-schemas', 'admin-navigation-v4.schema.json'))
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
    for (const block of Array.isArray(nav) ? nav : [nav]) assert.ok(validate(block), JSON.stringify(validate.errors))
  })
  it('navigation labels exist in messages and link /admin/<route> to a declared route /admin/app/<route>', () => {
    const blocks = Array.isArray(nav) ? nav : [nav]
    const paths = new Set(Object.values(routes).map(r => r.path))
    for (const b of blocks) {
      if (b.titleId) assert.ok(en[b.titleId], b.titleId)
      for (const item of b.subSectionItems ?? []) {
        assert.ok(en[item.labelId], item.labelId)
        assert.ok(!item.path.startsWith('/admin/app/'), `${item.path}: sidebar links leave /app out`)
        assert.ok(paths.has(item.path.replace(/^\/admin\//, '/admin/app/')), item.path)
      }
    }
  })
  it('routes.json has /admin/app/key-steward and every route component exists in react/', () => {
    assert.ok(Object.values(routes).some(r => r.path === '/admin/app/key-steward'))
    for (const r of Object.values(routes)) assert.ok(existsSync(join(ROOT, 'react', `${r.component}.tsx`)), `react/${r.component}.tsx`)
  })
})

describe('messages/', () => {
  const load = (l: string) => loadJson<Record<string, string>>(join(ROOT, 'messages', `${l}.json`))
  const en = load('en')
  for (const locale of ['pt', 'es', 'context']) {
    it(`${locale}.json has exactly the keys of en.json`, () => {
      assert.deepEqual(Object.keys(load(locale)).sort(), Object.keys(en).sort())
    })
  }
  it('no message is empty', () => {
    for (const l of ['en', 'pt', 'es']) for (const [k, v] of Object.entries(load(l))) assert.ok(v.trim(), `${l}:${k}`)
  })
})

it('.vtexignore keeps dev/, tests and benchmarks out of what vtex link uploads', () => {
  const lines = readFileSync(join(ROOT, '.vtexignore'), 'utf8').split('\n')
  for (const l of ['dev/', '**/*.test.ts', 'bench/', 'node_modules/']) assert.ok(lines.includes(l), l)
  assert.ok(!lines.includes('package.json'), 'a bare package.json pattern would drop node/package.json')
})
