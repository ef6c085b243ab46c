// Knobs for reliability tests and benchmarks: latency, 429 with Retry-After, failures and slow
// bodies, matched per request. Rules are evaluated in order; the first matching one applies.
import type { ServerResponse } from 'http'

import type { Reply } from './http-kit'

export interface FaultRule {
  /** HTTP method to match (any when absent) */
  method?: string
  /** Regular expression tested against the request path (without query string) */
  path?: string
  /** Status to answer instead of the real response (e.g. 429, 500, 503) */
  status?: number
  /** Seconds for the Retry-After header (with status 429 or 503) */
  retryAfter?: number
  /** Added latency in milliseconds before answering (applies even without status) */
  latencyMs?: number
  /** Chance in [0,1] that the rule applies to a matching request (default 1) */
  probability?: number
  /** How many matching requests the rule applies to; absent means forever */
  times?: number
  /** Send the body one byte every this many milliseconds (the headers at once): a server that
   * trickles never leaves a socket idle long enough for an idle timeout */
  trickleMs?: number
  /** With `status`: carry the request out first, then answer `status` (a gateway that gave up
   * after the upstream acted): the caller sees an error although the change was made */
  applyFirst?: boolean
  /**
   * Rate limiting as VTEX does it under load: the rule applies only to a request that finds this
   * many matching requests already in flight (a burst gets 429 + Retry-After, a paced client
   * passes). Requests it lets through are counted until they are answered.
   */
  maxInFlight?: number
}

export interface FaultDecision {
  latencyMs: number
  status?: number
  retryAfter?: number
  trickleMs?: number
  applyFirst?: boolean
  /** call when the request is answered (maxInFlight rules count it until then) */
  release?: () => void
}

/** A reply the platform sends, slowly when a trickle fault applies. */
export type FaultedReply = Reply & { trickleMs?: number }

export class Faults {
  private rules: Array<
    FaultRule & { re?: RegExp; used: number; active: number }
  > = []

  /** Base latency added to every request (ms). */
  latencyMs = 0

  constructor(private random: () => number = Math.random) {}

  set(rules: FaultRule[], latencyMs = 0): void {
    for (const r of rules) {
      if (r.status !== undefined && (r.status < 100 || r.status > 599))
        throw new Error(`invalid fault status ${r.status}`)
      if (
        r.probability !== undefined &&
        (r.probability < 0 || r.probability > 1)
      )
        throw new Error('fault probability must be within [0,1]')
      if (
        r.trickleMs !== undefined &&
        !(r.trickleMs >= 1 && r.trickleMs <= 60_000)
      )
        throw new Error('fault trickleMs must be from 1 to 60000')
      if (
        r.maxInFlight !== undefined &&
        !(Number.isInteger(r.maxInFlight) && r.maxInFlight >= 1)
      )
        throw new Error('fault maxInFlight must be a positive whole number')
    }

    this.rules = rules.map((r) => ({
      ...r,
      re: r.path ? new RegExp(r.path) : undefined,
      used: 0,
      active: 0,
    }))
    this.latencyMs = latencyMs
  }

  list(): FaultRule[] {
    return this.rules.map(({ re, used, active, ...r }) => ({
      ...r,
      ...(r.times !== undefined ? { times: r.times - used } : {}),
    }))
  }

  decide(method: string, path: string): FaultDecision {
    const releases: Array<() => void> = []
    const release = () => releases.splice(0).forEach((r) => r())

    for (const rule of this.rules) {
      if (rule.method && rule.method !== method) continue
      if (rule.re && !rule.re.test(path)) continue
      if (rule.times !== undefined && rule.used >= rule.times) continue
      if (rule.maxInFlight !== undefined && rule.active < rule.maxInFlight) {
        // Under the limit: counted while in flight, and the next rules decide the rest.
        rule.active++
        releases.push(() => {
          rule.active--
        })
        continue
      }

      if (rule.probability !== undefined && this.random() >= rule.probability)
        continue
      rule.used++

      return {
        latencyMs: this.latencyMs + (rule.latencyMs ?? 0),
        status: rule.status,
        retryAfter: rule.retryAfter,
        trickleMs: rule.trickleMs,
        applyFirst: rule.applyFirst,
        release,
      }
    }

    return { latencyMs: this.latencyMs, release }
  }
}

/** Sends `reply` with its headers at once and its body one byte every `ms`, until the client leaves. */
export function sendTrickled(
  res: ServerResponse,
  reply: Reply,
  ms: number
): Promise<void> {
  const headers: Record<string, string> = { ...reply.headers }
  let body: Buffer = Buffer.alloc(0)

  if (Buffer.isBuffer(reply.body)) body = reply.body
  else if (typeof reply.body === 'string') body = Buffer.from(reply.body)
  else if (reply.body !== undefined) {
    body = Buffer.from(JSON.stringify(reply.body))
    headers['content-type'] =
      headers['content-type'] ?? 'application/json; charset=utf-8'
  }

  headers['content-length'] = String(body.length)
  res.writeHead(reply.status, headers)
  res.flushHeaders()

  return new Promise((resolve) => {
    let sent = 0
    const timer = setInterval(() => {
      if (res.destroyed || sent >= body.length) {
        clearInterval(timer)
        if (!res.destroyed) res.end()
        resolve()

        return
      }

      res.write(body.subarray(sent, sent + 1))
      sent++
    }, ms)

    res.once('close', () => {
      clearInterval(timer)
      resolve()
    })
  })
}
