// Serves the Admin shell from the gateway, with VTEX Admin v4's two URLs per page: the Admin at
// /admin/<app>/… (top bar, sidebar, a frame) and the app's page at /admin/app/<app>/… (what the
// frame loads; it also opens on its own). Plus the bundles and the fixture's sessions for the
// session switcher (cookie values of the local platform).
import { createHash } from 'crypto'
import { existsSync, readFileSync, statSync } from 'fs'
import type { IncomingMessage, ServerResponse } from 'http'
import { join } from 'path'

import { ROOT } from '../paths'
import type { Fixture } from '../platform/fixture'
import { SHELL_DIST } from './build'
import { FRAME_PREFIX, TOP_PREFIX } from './urls'

type Bundle = 'top' | 'frame'

const page = (bundle: Bundle) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Key Steward · VTEX Admin (local)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_shell/${bundle}.css">
</head>
<body class="ma0${
  bundle === 'top' ? ' overflow-hidden' : ''
}" data-shell="${bundle}">
<div id="root"></div>
<script src="/_shell/${bundle}.js"></script>
</body>
</html>`

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
}

/** The apps' first path segments in admin/routes.json (`/admin/app/key-steward/…` → key-steward). */
function appNames(): string[] {
  const routes = JSON.parse(
    readFileSync(join(ROOT, 'admin', 'routes.json'), 'utf8')
  ) as Record<string, { path: string }>

  return [
    ...new Set(
      Object.values(routes).map(
        (r) => r.path.slice(FRAME_PREFIX.length + 1).split('/')[0]
      )
    ),
  ]
}

const under = (pathname: string, base: string) =>
  pathname === base || pathname.startsWith(`${base}/`)

/**
 * A bundle with its ETag, read again only when the file changes: a later visit revalidates
 * and gets 304 instead of megabytes, as an admin's browser does with VTEX's CDN.
 */
function bundleReader(dist: string) {
  const cache = new Map<
    string,
    { mtimeMs: number; body: Buffer; etag: string }
  >()

  return (file: string) => {
    const path = join(dist, file)
    const { mtimeMs } = statSync(path)
    let hit = cache.get(file)

    if (!hit || hit.mtimeMs !== mtimeMs) {
      const body = readFileSync(path)

      hit = {
        mtimeMs,
        body,
        etag: `"${createHash('sha1').update(body).digest('hex')}"`,
      }
      cache.set(file, hit)
    }

    return hit
  }
}

export function shellRoutes(fixture: Fixture, dist: string = SHELL_DIST) {
  const apps = appNames()
  const readBundle = bundleReader(dist)
  const home = `${TOP_PREFIX}/${apps[0]}`

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost')

    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    if (pathname === '/' || pathname === '/admin' || pathname === '/admin/') {
      res.writeHead(302, { location: home })
      res.end()

      return true
    }

    const bundle: Bundle | undefined = apps.some((a) =>
      under(pathname, `${FRAME_PREFIX}/${a}`)
    )
      ? 'frame'
      : apps.some((a) => under(pathname, `${TOP_PREFIX}/${a}`))
      ? 'top'
      : undefined

    if (bundle) {
      if (!existsSync(join(dist, `${bundle}.js`))) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(
          'The Admin shell is not built: run `npm start` (or `npm run build`).'
        )

        return true
      }

      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      })
      res.end(page(bundle))

      return true
    }

    if (pathname === '/_shell/sessions') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          account: fixture.account,
          sessions: Object.entries(fixture.sessions).map(([cookie, email]) => ({
            cookie,
            email,
          })),
        })
      )

      return true
    }

    const file = /^\/_shell\/((?:top|frame)\.(?:js|css)(?:\.map)?)$/.exec(
      pathname
    )?.[1]

    if (file && existsSync(join(dist, file))) {
      const ext = file.endsWith('.map')
        ? '.map'
        : file.slice(file.lastIndexOf('.'))

      const { body, etag } = readBundle(file)
      const headers = {
        'content-type': TYPES[ext],
        'cache-control': 'no-cache',
        etag,
      }

      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers)
        res.end()
      } else {
        res.writeHead(200, headers)
        res.end(req.method === 'HEAD' ? undefined : body)
      }

      return true
    }

    return false
  }
}
