// Serves the Admin shell from the gateway: the page at /admin/app/key-steward/*, its bundle,
// and the fixture's sessions for the session switcher (cookie values of the local platform).
import { existsSync, readFileSync } from 'fs'
import type { IncomingMessage, ServerResponse } from 'http'
import { join } from 'path'
import type { Fixture } from '../platform/fixture'
import { SHELL_DIST } from './build'

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Key Steward · VTEX Admin (local)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_shell/main.css">
</head>
<body class="ma0">
<div id="root"></div>
<script src="/_shell/main.js"></script>
</body>
</html>`

const TYPES: Record<string, string> = { '.js': 'application/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' }

export function shellRoutes(fixture: Fixture) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost')
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    if (pathname === '/' || pathname === '/admin' || pathname === '/admin/') {
      res.writeHead(302, { location: '/admin/app/key-steward' })
      res.end()
      return true
    }
    if (pathname === '/admin/app/key-steward' || pathname.startsWith('/admin/app/key-steward/')) {
      if (!existsSync(join(SHELL_DIST, 'main.js'))) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        res.end('The Admin shell is not built: run `npm start` (or `npm run build`).')
        return true
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(PAGE)
      return true
    }
    if (pathname === '/_shell/sessions') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ account: fixture.account, sessions: Object.entries(fixture.sessions).map(([cookie, email]) => ({ cookie, email })) }))
      return true
    }
    const file = /^\/_shell\/(main\.(?:js|css)(?:\.map)?)$/.exec(pathname)?.[1]
    if (file && existsSync(join(SHELL_DIST, file))) {
      const ext = file.endsWith('.map') ? '.map' : file.slice(file.lastIndexOf('.'))
      res.writeHead(200, { 'content-type': TYPES[ext], 'cache-control': 'no-cache' })
      res.end(readFileSync(join(SHELL_DIST, file)))
      return true
    }
    return false
  }
}
