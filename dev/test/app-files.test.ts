// The VTEX IO app files: manifest, admin navigation and routes, messages, .vtexignore.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import { describe, it } from 'node:test'

import Ajv from 'ajv'
import { Kind, parse } from 'graphql'

import { MANIFEST, NODE_DIR, ROOT } from '../paths'
import { loadJson } from './helpers'
import { globToRegExp, uploadedFiles } from './vtex-upload'

const manifest = loadJson<any>(MANIFEST)

describe('manifest.json', () => {
  it('validates against @vtex/api’s manifest schema', () => {
    const schema = loadJson<any>(
      join(NODE_DIR, 'node_modules', '@vtex', 'api', 'gen', 'manifest.schema')
    )

    const ajv = new Ajv({ strict: false, allErrors: true })
    const validate = ajv.compile(schema)

    assert.ok(validate(manifest), ajv.errorsText(validate.errors))
  })
  it('declares the builders, dependency and policies the app needs, and is free', () => {
    assert.equal(manifest.name, 'key-steward')
    assert.deepEqual(manifest.builders, {
      node: '7.x',
      graphql: '1.x',
      react: '3.x',
      admin: '0.x',
      messages: '1.x',
      docs: '0.x',
    })
    assert.equal(manifest.dependencies['vtex.styleguide'], '9.x')
    const names = manifest.policies.map((p: { name: string }) => p.name)

    for (const p of [
      'vbase-read-write',
      'Save_User',
      'Get_Roles_Paged',
      'Get_Users_Paged',
      'Get_User_By_Identifier',
    ])
      assert.ok(names.includes(p), p)
    const hosts = manifest.policies
      .filter((p: { name: string }) => p.name === 'outbound-access')
      .map(
        (p: { attrs: { host: string; path: string } }) =>
          `${p.attrs.host}${p.attrs.path}`
      )

    assert.ok(
      hosts.includes('portal.vtexcommercestable.com.br/api/license-manager/*')
    )
    assert.ok(hosts.includes('portal.vtexcommercestable.com.br/api/vtexid/*'))
    assert.equal(manifest.billingOptions.type, 'free')
  })
})

describe('admin/', () => {
  const nav = loadJson<any>(join(ROOT, 'admin', 'navigation.json'))
  const routes = loadJson<Record<string, { component: string; path: string }>>(
    join(ROOT, 'admin', 'routes.json')
  )

  const en = loadJson<Record<string, string>>(join(ROOT, 'messages', 'en.json'))

  it('navigation.json validates against the Admin v4 schema', () => {
    const schema = loadJson<any>(
      join(
        ROOT,
        '..',
        'shared',
        'vtex-schemas',
        'admin-navigation-v4.schema.json'
      )
    )

    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)

    for (const block of Array.isArray(nav) ? nav : [nav])
      assert.ok(validate(block), JSON.stringify(validate.errors))
  })
  it('navigation labels exist in messages', () => {
    for (const b of Array.isArray(nav) ? nav : [nav]) {
      if (b.titleId) assert.ok(en[b.titleId], b.titleId)
      for (const item of b.subSectionItems ?? [])
        assert.ok(en[item.labelId], item.labelId)
    }
  })
  // Admin v4: the sidebar links to /admin/<x> and the Admin loads /admin/app/<x> in its frame.
  it('every sidebar link /admin/<x> has the route /admin/app/<x>', () => {
    const paths = new Set(Object.values(routes).map((r) => r.path))
    const links: string[] = (Array.isArray(nav) ? nav : [nav]).flatMap(
      (b: { subSectionItems?: Array<{ path: string }> }) =>
        (b.subSectionItems ?? []).map((i) => i.path)
    )

    assert.ok(links.length > 0)
    for (const link of links) {
      assert.match(
        link,
        /^\/admin\/(?!app\/)[^/]/,
        `${link} is an Admin URL, not the frame's /admin/app/…`
      )
      assert.ok(
        paths.has(link.replace(/^\/admin\//, '/admin/app/')),
        `${link} has no route ${link.replace(/^\/admin\//, '/admin/app/')}`
      )
    }
  })
  it('routes.json has /admin/app/key-steward and every route component exists in react/', () => {
    assert.ok(
      Object.values(routes).some((r) => r.path === '/admin/app/key-steward')
    )
    for (const r of Object.values(routes))
      assert.ok(
        existsSync(join(ROOT, 'react', `${r.component}.tsx`)),
        `react/${r.component}.tsx`
      )
  })
})

describe('graphql/', () => {
  // render-runtime (react/utils/client/links/uriSwitchLink.ts) sends a query POST only when its
  // scope is private; any other goes GET through its persisted-query link, variables in the URL:
  // a search holding a pasted token would reach the address of a request, and logs and caches
  // on the way (attack13). Every Query field must be PRIVATE.
  it('every Query field is @cacheControl(scope: PRIVATE), so the Admin sends its variables in a POST body', () => {
    const dir = join(ROOT, 'graphql')
    const files = [
      join(dir, 'schema.graphql'),
      ...readdirSync(join(dir, 'types')).map((f) => join(dir, 'types', f)),
    ]

    const fields: string[] = []
    const notPrivate: string[] = []

    for (const file of files)
      for (const d of parse(readFileSync(file, 'utf8')).definitions) {
        if (
          (d.kind !== Kind.OBJECT_TYPE_DEFINITION &&
            d.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
          d.name.value !== 'Query'
        )
          continue
        for (const f of d.fields ?? []) {
          fields.push(f.name.value)
          const cache = f.directives?.find(
            (x) => x.name.value === 'cacheControl'
          )

          const scope = cache?.arguments?.find((a) => a.name.value === 'scope')

          if (
            scope?.value.kind !== Kind.ENUM ||
            scope.value.value !== 'PRIVATE'
          )
            notPrivate.push(f.name.value)
        }
      }

    assert.ok(fields.includes('keyList') && fields.includes('userList'))
    assert.deepEqual(notPrivate, [])
  })
})

describe('messages/', () => {
  const load = (l: string) =>
    loadJson<Record<string, string>>(join(ROOT, 'messages', `${l}.json`))

  const en = load('en')

  for (const locale of ['pt', 'es', 'context']) {
    it(`${locale}.json has exactly the keys of en.json`, () => {
      assert.deepEqual(Object.keys(load(locale)).sort(), Object.keys(en).sort())
    })
  }

  it('no message is empty', () => {
    for (const l of ['en', 'pt', 'es'])
      for (const [k, v] of Object.entries(load(l)))
        assert.ok(v.trim(), `${l}:${k}`)
  })

  // One apostrophe in prose, the typographic one: a straight ' is also ICU MessageFormat's
  // escape character, so "VTEX's {x}" can swallow a placeholder.
  it('prose uses the curly apostrophe (’), never a straight one between letters', () => {
    for (const l of ['en', 'pt', 'es'])
      for (const [k, v] of Object.entries(load(l)))
        assert.doesNotMatch(v, /\p{L}'\p{L}/u, `${l}:${k}`)
  })

  // A name quoted in a message reads “so” in every language, as the review's notices quote it:
  // findings and refusals had "straight" quotes beside them (walk 11 #16).
  it('quotes a placeholder with curly quotes (“{x}”), never straight ones', () => {
    for (const l of ['en', 'pt', 'es'])
      for (const [k, v] of Object.entries(load(l)))
        assert.doesNotMatch(v, /"\{[^{}]*\}|\{[^{}]*\}"/, `${l}:${k}`)
  })

  // One word for an e-mail per language, as Settings says it: pt “e-mail”, es “correo” (the key
  // page's Owner label said “email” in both, walk15 #5). Placeholder and option names are not prose.
  it('says e-mail one way per language: “e-mail” in pt, “correo” in es', () => {
    const prose = (v: string) =>
      v.replace(/\{\s*[\w.]+/g, '{').replace(/[\w.]+\s*\{/g, '{')
    const words = { pt: /\bemails?\b/i, es: /\be-?mails?\b/i }

    for (const [l, word] of Object.entries(words))
      for (const [k, v] of Object.entries(load(l)))
        assert.doesNotMatch(prose(v), word, `${l}:${k}`)
  })
})

describe('.vtexignore', () => {
  const uploaded = uploadedFiles(ROOT)

  it('keeps the local platform, tests, test support, lockfiles and npm settings out of the upload', () => {
    const leaks = uploaded.filter(
      (f) =>
        f.startsWith('dev/') ||
        /\.(test|spec)\.[jt]sx?$/.test(f) ||
        /(^|\/)(__tests__|__mocks__|__snapshots__|testing|artifacts)\//.test(
          f
        ) ||
        /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|\.npmrc)$/.test(f)
    )

    assert.deepEqual(leaks, [])
  })

  it('still uploads what the builders need', () => {
    for (const f of [
      'manifest.json',
      'node/package.json',
      'node/service.json',
      'node/index.ts',
      'node/tsconfig.json',
      'react/package.json',
      'react/tsconfig.json',
      'react/KeyStewardOverview.tsx',
      'admin/navigation.json',
      'admin/routes.json',
      'graphql/schema.graphql',
      'messages/en.json',
      'docs/README.md',
    ]) {
      assert.ok(uploaded.includes(f), f)
    }
  })

  it('reads patterns the way the toolbelt does', () => {
    assert.ok(
      globToRegExp('**/testing/**').test('node/domain/testing/build.ts')
    )
    assert.ok(globToRegExp('dev/**').test('dev/test/helpers.ts'))
    assert.ok(
      !globToRegExp('dev/**').test('node/dev/x.ts'),
      'a folder pattern is anchored at the root'
    )
    assert.ok(
      !globToRegExp('package.json').test('node/package.json'),
      'a bare name matches only at the root'
    )
    assert.ok(
      !globToRegExp('*/**').test('node/.build/index.js'),
      '* and ** skip dot-names'
    )
    assert.ok(globToRegExp('react/.*').test('react/.npmrc'))
  })
})
