// Serves the Admin shell from the gateway, with VTEX Admin v4's two URLs per page: the Admin at
// /admin/<app>/… (top bar, sidebar, a frame) and the app's page at /admin/app/<app>/… (what the
// frame loads; it also opens on its own). Plus the bundles and the fixture's sessions for the
// session switcher (cookie values of the local platform).
import { existsSync, readFileSync } from 'fs'
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

export function shellRoutes(fixture: Fixture) {
  const apps = appNames()
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
      if (!existsSync(join(SHELL_DIST, `${bundle}.js`))) {
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

    if (file && existsSync(join(SHELL_DIST, file))) {
      const ext = file.endsWith('.map')
        ? '.map'
        : file.slice(file.lastIndexOf('.'))

      res.writeHead(200, {
        'content-type': TYPES[ext],
        'cache-control': 'no-cache',
      })
      res.end(readFileSync(join(SHELL_DIST, file)))

      return true
    }

    return false
  }
}
