// Minimal routing and body helpers for the platform stand-ins (no framework: the surface is small).
import type { IncomingMessage, ServerResponse } from 'http'

export interface Request {
  method: string
  host: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  params: Record<string, string>
  body: Buffer
  /** who the platform identified (filled in by the server, for its request log) */
  principal?: string
  /** how they authenticated: 'current token' / 'pending token' for API keys, never the secret */
  credential?: string
  /** the appKey of an API key caller, for endpoints that refuse a key acting on itself */
  callerAppKey?: string
}

export interface Reply {
  status: number
  headers?: Record<string, string>
  body?: unknown
}

export type Handler = (req: Request) => Reply | Promise<Reply>

interface Route {
  method: string
  template: string
  re: RegExp
  names: string[]
  handler: Handler
}

export class Router {
  private routes: Route[] = []

  add(method: string, template: string, handler: Handler): this {
    const names: string[] = []
    const pattern = template
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{(\w+)\}/g, (_, n: string) => {
        names.push(n)

        return n === 'path' ? '(.+)' : '([^/]+)'
      })

    this.routes.push({
      method,
      template,
      re: new RegExp(`^${pattern}$`),
      names,
      handler,
    })

    return this
  }

  /** The route for a request, or why none matched (404 vs 405). */
  match(
    method: string,
    path: string
  ):
    | { route: Route; params: Record<string, string> }
    | 'not-found'
    | 'method-not-allowed' {
    let pathMatched = false

    for (const route of this.routes) {
      const m = route.re.exec(path)

      if (!m) continue
      pathMatched = true
      if (
        route.method !== method &&
        !(method === 'HEAD' && route.method === 'GET')
      )
        continue
      const params: Record<string, string> = {}

      route.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1])
      })

      return { route, params }
    }

    return pathMatched ? 'method-not-allowed' : 'not-found'
  }
}

export function readBody(
  req: IncomingMessage,
  limit = 10 * 1024 * 1024
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0

    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        reject(new Error('body too large'))
        req.destroy()

        return
      }

      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers }
  let payload: Buffer | undefined

  if (reply.body !== undefined) {
    if (Buffer.isBuffer(reply.body)) payload = reply.body
    else if (typeof reply.body === 'string') payload = Buffer.from(reply.body)
    else {
      payload = Buffer.from(JSON.stringify(reply.body))
      headers['content-type'] =
        headers['content-type'] ?? 'application/json; charset=utf-8'
    }
  }

  if (payload) headers['content-length'] = String(payload.length)
  res.writeHead(reply.status, headers)
  res.end(payload)
}

export function json(
  status: number,
  body: unknown,
  headers?: Record<string, string>
): Reply {
  return { status, body, headers }
}

export function parseJson(
  req: Request
): { ok: true; value: unknown } | { ok: false; reply: Reply } {
  try {
    return { ok: true, value: JSON.parse(req.body.toString('utf8') || 'null') }
  } catch {
    return {
      ok: false,
      reply: json(400, { Message: 'Request body is not valid JSON' }),
    }
  }
}

/** Reads one header whatever its case; repeated headers give the first value. */
export function header(req: Request, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()]

  return Array.isArray(v) ? v[0] : v
}

export function cookie(req: Request, name: string): string | undefined {
  const raw = header(req, 'cookie')

  if (!raw) return undefined
  for (const part of raw.split(';')) {
    const i = part.indexOf('=')

    if (i > 0 && part.slice(0, i).trim() === name) {
      const raw = part.slice(i + 1).trim()

      // a value that is not valid percent-encoding is kept as sent: it names no session (401),
      // where decodeURIComponent threw and the stand-in answered 500
      try {
        return decodeURIComponent(raw)
      } catch {
        return raw
      }
    }
  }

  return undefined
}
