// The local stand-in for VTEX's router in front of the app: it receives the Admin's requests on
// http://localhost:$PORT, adds the headers VTEX IO adds (account, workspace, the app's
// credential, locale) and forwards them to the service's private route, cookies included.
import { randomUUID } from 'crypto'
import type { IncomingMessage, Server, ServerResponse } from 'http'
import { createServer, request } from 'http'
import type { AddressInfo } from 'net'

export interface GatewayOptions {
  account: string
  workspace?: string
  appToken: string
  servicePort: number
  /** The app's public routes from service.json: route id → path. */
  publicRoutes?: Record<string, string>
  /** Extra routes (the Admin shell), tried before the 404. */
  extra?: (
    req: IncomingMessage,
    res: ServerResponse
  ) => boolean | Promise<boolean>
  /** VTEX IO aborts a request after service.json's `timeout` (seconds); so does this router. */
  routeTimeoutMs?: number
}

export class Gateway {
  private server?: Server

  constructor(private readonly opts: GatewayOptions) {}

  listen(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res)
    })

    return new Promise((resolve, reject) => {
      this.server!.once('error', reject)
      this.server!.listen(port, '127.0.0.1', () => resolve(this))
    })
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve()
      this.server.closeAllConnections()
      this.server.close(() => resolve())
    })
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')

    if (
      url.pathname === '/_v/graphql' ||
      url.pathname.startsWith('/_v/private/graphql')
    )
      return void (await this.forwardGraphQL(req, res, url.search))
    // The app's public routes (service.json "public": true), e.g. the scheduler's scan call.
    const publicRoute = Object.entries(this.opts.publicRoutes ?? {}).find(
      ([, path]) => path === url.pathname
    )?.[0]

    if (publicRoute) {
      const chunks: Buffer[] = []

      for await (const chunk of req) chunks.push(chunk as Buffer)

      return this.send(
        req,
        res,
        url.search,
        Buffer.concat(chunks),
        url.pathname,
        publicRoute
      )
    }

    if (this.opts.extra && (await this.opts.extra(req, res))) return
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(
      `Not found: ${url.pathname}. The GraphQL endpoint is POST /_v/graphql.`
    )
  }

  /**
   * Reads the body and drops `@context(provider: …)`, which admin queries carry for VTEX's
   * GraphQL server to route them to the app; the app's own schema does not know it.
   */
  private async forwardGraphQL(
    req: IncomingMessage,
    res: ServerResponse,
    search: string
  ): Promise<void> {
    const chunks: Buffer[] = []

    for await (const chunk of req) chunks.push(chunk as Buffer)
    let body = Buffer.concat(chunks)

    try {
      const parsed = JSON.parse(body.toString('utf8'))
      const strip = (op: { query?: string }) =>
        typeof op?.query === 'string'
          ? { ...op, query: op.query.replace(/@context\([^)]*\)/g, '') }
          : op

      body = Buffer.from(
        JSON.stringify(
          Array.isArray(parsed) ? parsed.map(strip) : strip(parsed)
        )
      )
    } catch {
      // not JSON: forwarded as is, the runtime answers with its own error
    }

    this.send(req, res, search, body)
  }

  private send(
    req: IncomingMessage,
    res: ServerResponse,
    search: string,
    body: Buffer,
    publicPath?: string,
    routeId?: string
  ): void {
    const { account, workspace = 'master', appToken, servicePort } = this.opts
    const headers: Record<string, string> = {
      'content-type': req.headers['content-type'] ?? 'application/json',
      'x-vtex-account': account,
      'x-vtex-workspace': workspace,
      'x-vtex-credential': appToken,
      'x-forwarded-host': req.headers.host ?? 'localhost',
      'x-request-id': randomUUID(),
      'x-vtex-locale': String(req.headers['x-vtex-locale'] ?? 'en-US'),
    }

    if (req.headers.cookie) headers.cookie = req.headers.cookie
    if (publicPath && req.headers.authorization)
      headers.authorization = String(req.headers.authorization)
    // VTEX's router names the public route it matched; the runtime dispatches on it.
    if (routeId) {
      headers['x-colossus-route-id'] = routeId
      headers['x-colossus-params'] = '{}'
    }

    headers['content-length'] = String(body.length)
    const upstream = request(
      {
        host: '127.0.0.1',
        port: servicePort,
        method: req.method,
        path: publicPath
          ? `${publicPath}${search}`
          : `/${account}/${workspace}/_v/graphql${search}`,
        headers,
      },
      (up) => {
        const out: Record<string, string | string[]> = {}

        for (const [k, v] of Object.entries(up.headers))
          if (v !== undefined && k !== 'connection') out[k] = v
        res.writeHead(up.statusCode ?? 502, out)
        up.pipe(res)
      }
    )

    if (this.opts.routeTimeoutMs) {
      upstream.setTimeout(this.opts.routeTimeoutMs, () => {
        if (!res.headersSent)
          res.writeHead(504, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            errors: [
              {
                message: `The request took longer than the service's ${
                  this.opts.routeTimeoutMs! / 1000
                } s timeout`,
                extensions: { code: 'TIMEOUT' },
              },
            ],
          })
        )
        upstream.destroy()
      })
    }

    upstream.on('error', () => {
      if (res.writableEnded) return
      if (!res.headersSent)
        res.writeHead(502, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          errors: [
            {
              message: 'The Key Steward service is not reachable',
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            },
          ],
        })
      )
    })
    upstream.end(body)
  }
}
