// The local VTEX platform: one HTTP server that plays VTEX IO's egress proxy and the VTEX
// services Key Steward talks to (License Manager, VBase, the storefront), fed by a fixture.
// Service processes reach it by HTTP_PROXY, so their @vtex/api clients keep VTEX's real URLs.
import type { IncomingMessage, Server, ServerResponse } from 'http'
import { createServer } from 'http'
import type { AddressInfo } from 'net'
import { writeFileSync } from 'fs'

import type { Fixture } from './fixture'
import { resourceName } from './app-policies'
import { acceptedBy, ENDPOINT_RESOURCES } from './endpoints'
import type { FaultedReply, FaultRule } from './faults'
import { Faults, sendTrickled } from './faults'
import type { Reply, Request } from './http-kit'
import { json, parseJson, readBody, Router, send } from './http-kit'
import { licenseManagerRoutes, vtexIdRoutes } from './license-manager'
import type { OutboundPolicy } from './outbound'
import { outboundAllowed } from './outbound'
import { credentialOf, describe, holdsAny, identify } from './principals'
import { MessageCenterStandIn } from './messageCenter'
import { SchedulerStandIn } from './scheduler'
import { PlatformState } from './state'
import { seedAppStorage, vbaseRoutes } from './vbase'

export interface PlatformOptions {
  fixture: Fixture
  /** License Manager resources the app's manifest policies grant it. */
  appResources: string[]
  /** every policy name the app's manifest declares (Message Center checks its own) */
  appPolicies?: string[]
  /** outbound-access policies of the app's manifest (checked on proxied calls). */
  outbound: OutboundPolicy[]
  /** whether the manifest declares vbase-read-write */
  vbaseAllowed: boolean
  /** vendor.name of the app, for its VBase buckets. */
  appName: string
  appToken?: string
  /** file where the clock offset (ms) is written for the service's clock module */
  clockFile?: string
  faults?: FaultRule[]
  latencyMs?: number
}

/**
 * One call the platform answered. `principal` and `credential` say who called and how: for an
 * API key, whether its current token or a pending renewal's new token authenticated the call
 * (tests prove with it that the old token stops working after finish-renewal).
 */
export interface RequestRecord {
  method: string
  host: string
  path: string
  status: number
  principal?: string
  credential?: string
}

export class Platform {
  readonly state: PlatformState
  readonly faults = new Faults()
  readonly requests: RequestRecord[] = []
  readonly scheduler: SchedulerStandIn
  readonly messageCenter: MessageCenterStandIn
  /** Where the app's public routes ({workspace}--{account}.myvtex.com) are served locally. */
  appBaseUrl: string | null = null
  private server?: Server
  private inFlight = 0
  peakInFlight = 0
  private readonly lm = new Router()
  private readonly vbase = new Router()
  private readonly control = new Router()

  constructor(private readonly opts: PlatformOptions) {
    this.state = new PlatformState(
      opts.fixture,
      opts.appResources,
      opts.appToken
    )
    seedAppStorage(this.state, opts.appName)
    this.faults.set(opts.faults ?? [], opts.latencyMs ?? 0)
    licenseManagerRoutes(this.state, this.lm)
    vtexIdRoutes(this.state, this.lm)
    this.scheduler = new SchedulerStandIn(() => this.state.now())
    this.scheduler.routes(this.lm)
    this.messageCenter = new MessageCenterStandIn(
      this.state,
      new Set(opts.appPolicies ?? [])
    )
    this.messageCenter.routes(this.lm)
    this.lm.add(
      'GET',
      '/api/license-manager/resources/{resourceKey}/access',
      () => ({ status: 200 })
    )
    vbaseRoutes(this.state, this.vbase)
    this.controlRoutes()
  }

  /** Moves the platform clock (and the service's) forward, then fires the jobs that came due. */
  async advanceClock(ms: number): Promise<{
    now: string
    fired: Array<{ id: string; status: number | string }>
  }> {
    const before = this.state.now()

    this.state.advanceClock(ms)
    this.writeClockFile()
    const after = this.state.now()
    const fired = await this.scheduler.fire(
      this.scheduler.due(before, after),
      after,
      (u) => this.resolveAppUrl(u)
    )

    return { now: after.toISOString(), fired }
  }

  writeClockFile(): void {
    if (this.opts.clockFile)
      writeFileSync(
        this.opts.clockFile,
        String(this.state.now().getTime() - Date.parse(this.opts.fixture.now))
      )
  }

  /** https://{workspace}--{account}.myvtex.com/path → the local gateway. */
  private resolveAppUrl(uri: string): string {
    const url = new URL(uri)

    if (this.appBaseUrl && url.hostname.endsWith('.myvtex.com'))
      return `${this.appBaseUrl}${url.pathname}${url.search}`

    return uri
  }

  /** Puts the app's VBase back to what the fixture seeds (tests call it between cases). */
  resetAppStorage(): void {
    this.state.vbase.clear()
    seedAppStorage(this.state, this.opts.appName)
  }

  get url(): string {
    const addr = this.server?.address() as AddressInfo | null

    if (!addr) throw new Error('platform not listening')

    return `http://127.0.0.1:${addr.port}`
  }

  listen(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) =>
        send(res, json(500, { Message: String(err?.message ?? err) }))
      )
    })
    this.server.keepAliveTimeout = 1000

    return new Promise((resolve) =>
      this.server!.listen(port, '127.0.0.1', () => resolve(this))
    )
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve()
      this.server.closeAllConnections()
      this.server.close(() => resolve())
    })
  }

  private async handle(
    raw: IncomingMessage,
    res: ServerResponse
  ): Promise<void> {
    const proxied = /^https?:\/\//i.test(raw.url ?? '')
    const url = new URL(
      raw.url ?? '/',
      proxied ? undefined : `http://${raw.headers.host ?? 'localhost'}`
    )

    const req: Request = {
      method: raw.method ?? 'GET',
      host: url.hostname,
      path: url.pathname,
      query: url.searchParams,
      headers: raw.headers,
      params: {},
      body: await readBody(raw),
    }

    this.inFlight++
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight)
    try {
      const reply = await this.dispatch(req, proxied)

      this.record(req, reply.status)
      if (reply.trickleMs) await sendTrickled(res, reply, reply.trickleMs)
      else send(res, reply)
    } finally {
      this.inFlight--
    }
  }

  private async dispatch(
    req: Request,
    proxied: boolean
  ): Promise<FaultedReply> {
    const { account } = this.opts.fixture

    if (!proxied && req.path.startsWith('/_platform/'))
      return this.route(this.control, req)
    if (
      proxied &&
      req.host === 'infra.io.vtex.com' &&
      !this.opts.vbaseAllowed
    ) {
      return json(403, {
        message:
          'VBase access needs the vbase-read-write policy in the manifest',
      })
    }

    if (
      proxied &&
      req.host !== 'infra.io.vtex.com' &&
      !outboundAllowed(this.opts.outbound, account, req.host, req.path)
    ) {
      return json(403, {
        Message: `Outbound access to ${req.host}${req.path} is not declared in the app's manifest policies`,
      })
    }

    const fault = this.faults.decide(req.method, req.path)

    try {
      if (fault.latencyMs > 0)
        await new Promise((r) => setTimeout(r, fault.latencyMs))
      if (fault.status) {
        if (fault.applyFirst) await this.answer(req)
        const headers: Record<string, string> =
          fault.retryAfter !== undefined
            ? { 'retry-after': String(fault.retryAfter) }
            : {}

        return json(
          fault.status,
          { Message: `Injected failure (${fault.status})` },
          headers
        )
      }

      const reply = await this.answer(req)

      return fault.trickleMs ? { ...reply, trickleMs: fault.trickleMs } : reply
    } finally {
      fault.release?.()
    }
  }

  private async answer(req: Request): Promise<Reply> {
    if (req.host === 'infra.io.vtex.com') return this.vbaseRequest(req)
    if (req.path.startsWith('/api/')) return this.apiRequest(req)
    if (this.storefrontHost(req.host)) return this.storefrontRequest(req)

    return json(404, { Message: `No stand-in for ${req.host}${req.path}` })
  }

  /** The store's public hosts: its myvtex domain and VTEX's asset hosts for the account. */
  private storefrontHost(host: string): boolean {
    const a = this.opts.fixture.account

    return [
      `${a}.myvtex.com`,
      `${a}.vtexassets.com`,
      `${a}.vteximg.com.br`,
      `${a}.vtexcommercestable.com.br`,
      'localhost',
      '127.0.0.1',
    ].includes(host)
  }

  /** Serves the fixture's storefront pages and scripts, as a visitor would get them. */
  private storefrontRequest(req: Request): Reply {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return json(405, { message: 'storefront stand-in serves GET only' })
    const location = this.opts.fixture.storefrontRedirects?.[req.path]

    if (location !== undefined)
      return { status: 301, body: '', headers: { location } }
    const body = this.opts.fixture.storefront[req.path]

    if (body === undefined)
      return {
        status: 404,
        body: '<!doctype html><title>404</title>Not found',
        headers: { 'content-type': 'text/html; charset=utf-8' },
      }
    const type = req.path.endsWith('.js')
      ? 'application/javascript'
      : req.path.endsWith('.xml')
      ? 'application/xml'
      : req.path.endsWith('.txt')
      ? 'text/plain'
      : req.path.endsWith('.css')
      ? 'text/css'
      : 'text/html'

    return {
      status: 200,
      body,
      headers: { 'content-type': `${type}; charset=utf-8` },
    }
  }

  private vbaseRequest(req: Request): Reply {
    const m = this.vbase.match(req.method, req.path)

    if (typeof m === 'string')
      return json(m === 'not-found' ? 404 : 405, { message: 'Not found' })
    const auth = req.headers.authorization

    if (
      auth !== `bearer ${this.state.appToken}` &&
      auth !== `Bearer ${this.state.appToken}`
    )
      return json(401, { message: 'VBase requires the app token' })
    if (m.params.account !== this.opts.fixture.account)
      return json(403, {
        message: `The app is not installed in account ${m.params.account}`,
      })
    req.params = m.params

    return m.route.handler(req) as Reply
  }

  private async apiRequest(req: Request): Promise<Reply> {
    const an = req.query.get('an')
    const hostAccount =
      /^([a-z0-9]+)\.(vtexcommercestable\.com\.br|myvtex\.com)$/.exec(
        req.host
      )?.[1]

    const account = an ?? hostAccount ?? this.opts.fixture.account

    if (account !== this.opts.fixture.account)
      return json(404, { Message: `Account ${account} not found` })
    const m = this.lm.match(req.method, req.path)

    if (m === 'not-found')
      return json(404, { Message: `No such endpoint: ${req.path}` })
    if (m === 'method-not-allowed')
      return json(405, {
        Message: `Method ${req.method} not allowed on ${req.path}`,
      })
    req.params = m.params
    // VTEX ID's credential check authenticates by the token in its body, with no resource.
    if (m.route.template === '/api/vtexid/credential/validate')
      return m.route.handler(req)
    const who = identify(this.state, req)

    // The scheduler and Message Center take requests from apps (their own token) here.
    if (
      m.route.template.startsWith('/api/scheduler/') ||
      m.route.template.startsWith('/api/template-render/') ||
      m.route.template.startsWith('/api/mail-service/')
    ) {
      if (!who.ok) return json(401, { message: who.why })

      return who.principal.kind === 'app'
        ? m.route.handler(req)
        : json(403, { message: 'Only apps use this endpoint here' })
    }

    if (!who.ok) return json(401, { Message: who.why })
    req.params = m.params
    req.principal = describe(who.principal)
    req.credential = credentialOf(who.principal)
    if (who.principal.kind === 'key')
      req.callerAppKey = who.principal.key.appKey
    if (
      m.route.template === '/api/license-manager/resources/{resourceKey}/access'
    ) {
      return holdsAny(this.state, who.principal, [
        resourceName(m.params.resourceKey),
      ])
        ? { status: 200 }
        : json(403, {
            Message: `${describe(who.principal)} lacks ${m.params.resourceKey}`,
          })
    }

    const needed = acceptedBy(
      ENDPOINT_RESOURCES.find(
        (r) =>
          r.method === (req.method === 'HEAD' ? 'GET' : req.method) &&
          r.path === m.route.template
      )?.resources ?? []
    )

    if (!holdsAny(this.state, who.principal, needed)) {
      return json(403, {
        Message: `Forbidden: ${describe(
          who.principal
        )} needs one of the License Manager resources: ${needed.join(', ')}`,
      })
    }

    return m.route.handler(req)
  }

  private route(router: Router, req: Request): Reply | Promise<Reply> {
    const m = router.match(req.method, req.path)

    if (typeof m === 'string')
      return json(m === 'not-found' ? 404 : 405, {
        message: `No control endpoint ${req.method} ${req.path}`,
      })
    req.params = m.params

    return m.route.handler(req)
  }

  private record(req: Request, status: number): void {
    this.requests.push({
      method: req.method,
      host: req.host,
      path: req.path,
      status,
      ...(req.principal
        ? { principal: req.principal, credential: req.credential }
        : {}),
    })
    if (this.requests.length > 10000)
      this.requests.splice(0, this.requests.length - 10000)
  }

  /** Development endpoints (direct requests only, never through the proxy). */
  private controlRoutes(): void {
    this.control.add('GET', '/_platform/faults', () =>
      json(200, { latencyMs: this.faults.latencyMs, rules: this.faults.list() })
    )
    this.control.add('PUT', '/_platform/faults', (req) => {
      const parsed = parseJson(req)

      if (!parsed.ok) return parsed.reply
      const body = parsed.value as { rules?: FaultRule[]; latencyMs?: number }

      try {
        this.faults.set(body?.rules ?? [], body?.latencyMs ?? 0)
      } catch (e) {
        return json(400, { message: (e as Error).message })
      }

      return json(200, {
        latencyMs: this.faults.latencyMs,
        rules: this.faults.list(),
      })
    })
    this.control.add('GET', '/_platform/stats', () =>
      json(200, {
        peakInFlight: this.peakInFlight,
        requests: this.requests.length,
      })
    )
    this.control.add('POST', '/_platform/stats/reset', () => {
      this.peakInFlight = 0
      this.requests.length = 0

      return json(200, { ok: true })
    })
    this.control.add('GET', '/_platform/requests', () =>
      json(200, this.requests)
    )
    this.control.add('GET', '/_platform/clock', () =>
      json(200, { now: this.state.now().toISOString() })
    )
    this.control.add('POST', '/_platform/clock', async (req) => {
      const parsed = parseJson(req)

      if (!parsed.ok) return parsed.reply
      const days = Number((parsed.value as { days?: unknown })?.days ?? 0)

      if (!Number.isFinite(days) || days < 0 || days > 3650)
        return json(400, { message: 'days must be a number from 0 to 3650' })

      return json(200, await this.advanceClock(days * 86_400_000))
    })
    this.control.add('POST', '/_platform/scheduler/run', async () => {
      const jobs = [...this.scheduler.jobs.values()]

      return json(200, {
        fired: await this.scheduler.fire(jobs, this.state.now(), (u) =>
          this.resolveAppUrl(u)
        ),
      })
    })
    this.control.add('GET', '/_platform/outbox', () =>
      json(200, this.messageCenter.outbox)
    )
    this.control.add('GET', '/_platform/scheduler', () =>
      json(200, {
        jobs: [...this.scheduler.jobs.values()].map((j) => ({
          id: j.id,
          app: j.app,
          expression: j.expression,
          uri: j.request.uri,
        })),
        runs: this.scheduler.runs,
      })
    )
  }
}
