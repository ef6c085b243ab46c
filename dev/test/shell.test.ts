// The local Admin shell's URLs (VTEX Admin v4): the Admin at /admin/<app>/… with the sidebar
// and a frame, the app's page at /admin/app/<app>/… (what the frame loads), redirects to the
// Admin, and the two URLs mapped into each other. Needs the built shell (npm run build).
import assert from 'node:assert/strict'
import type { Server } from 'http'
import { createServer } from 'http'
import type { AddressInfo } from 'net'
import { after, before, describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { shellRoutes } from '../shell/serve'
import {
  frameUrl,
  pageSearch,
  shownPath,
  toFramePath,
  toTopPath,
} from '../shell/urls'
import { loadJson, SMALL_FIXTURE } from './helpers'

let server: Server
let base: string
const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' })

before(async () => {
  const routes = shellRoutes(loadJson<Fixture>(SMALL_FIXTURE))

  server = createServer((req, res) => {
    if (!routes(req, res)) res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('the Admin shell’s pages', () => {
  for (const path of ['/', '/admin', '/admin/']) {
    it(`redirects ${path} to the Admin at /admin/key-steward`, async () => {
      const res = await get(path)

      assert.equal(res.status, 302)
      assert.equal(res.headers.get('location'), '/admin/key-steward')
    })
  }

  for (const path of [
    '/admin/key-steward',
    '/admin/key-steward/keys',
    '/admin/key-steward/keys/abc',
  ]) {
    it(`serves the Admin (top bar, sidebar, frame) at ${path}`, async () => {
      const res = await get(path)

      assert.equal(res.status, 200)
      const html = await res.text()

      assert.match(html, /data-shell="top"/)
      assert.match(html, /<script src="\/_shell\/top\.js">/)
    })
  }

  for (const path of [
    '/admin/app/key-steward',
    '/admin/app/key-steward/users',
  ]) {
    it(`serves the app's page alone at ${path}`, async () => {
      const res = await get(path)

      assert.equal(res.status, 200)
      const html = await res.text()

      assert.match(html, /data-shell="frame"/)
      assert.match(html, /<script src="\/_shell\/frame\.js">/)
    })
  }

  it('serves both bundles and leaves other paths alone', async () => {
    for (const file of ['top.js', 'top.css', 'frame.js', 'frame.css'])
      assert.equal((await get(`/_shell/${file}`)).status, 200, file)
    for (const path of [
      '/admin/other-app',
      '/admin/app/other-app',
      '/admin/key-stewardship',
      '/_shell/main.js',
    ])
      assert.equal((await get(path)).status, 404, path)
  })

  it('gives the session switcher the fixture’s sessions', async () => {
    const body = (await (await get('/_shell/sessions')).json()) as {
      account: string
      sessions: Array<{ cookie: string; email: string }>
    }

    assert.equal(body.account, 'small')
    assert.ok(body.sessions.length > 0)
  })
})

describe('Admin URL ↔ frame URL', () => {
  it('maps /admin/<route> to /admin/app/<route> and back', () => {
    for (const [top, frame] of [
      ['/admin/key-steward', '/admin/app/key-steward'],
      ['/admin/key-steward/keys/k1', '/admin/app/key-steward/keys/k1'],
    ]) {
      assert.equal(toFramePath(top), frame)
      assert.equal(toTopPath(frame), top)
    }

    assert.equal(toTopPath('/elsewhere'), '/elsewhere')
  })

  it('keeps a page’s own query for the address bar, without the shell’s session and locale (walk12)', () => {
    assert.equal(
      pageSearch('?rule=key-age-exceeded&page=3&locale=pt&session=s-ana'),
      '?rule=key-age-exceeded&page=3'
    )
    assert.equal(pageSearch('?locale=pt'), '')
    assert.equal(pageSearch(''), '')
  })

  it('tells the address bar each parameter once when a page merges its query (walk14 #13)', () => {
    // The frame's URL as the top frame loads it for a deep link that carried the shell's params.
    const frame = frameUrl(
      '/admin/key-steward/review?session=s-ana&locale=es&q=acme',
      'es'
    )

    assert.equal(frame, '/admin/app/key-steward/review?q=acme&locale=es')
    // A review opened there: setQuery merges review= into the frame's query and tells the top.
    const merged = new URLSearchParams(frame.split('?')[1])

    merged.set('review', 'r1')
    assert.equal(
      toTopPath(shownPath('/admin/app/key-steward/review', `?${merged}`)),
      '/admin/key-steward/review?q=acme&review=r1'
    )
    // The language the top bar picked wins over one a deep link carried.
    assert.equal(
      frameUrl('/admin/key-steward/keys?locale=pt', 'es'),
      '/admin/app/key-steward/keys?locale=es'
    )
  })
})
