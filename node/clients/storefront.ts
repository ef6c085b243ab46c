// The store's public pages and scripts, fetched the way a visitor's browser would (no
// credentials), for the exposure scan. Hosts are declared in manifest.json outbound policies.
import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import type { FetchResult, StopSignal } from '../scanner/types'
import { Budget, vtexClientOptions } from './deadline'
import type { RetryPolicy } from './retry'
import { UpstreamError } from './retry'

const REDIRECTS = [301, 302, 303, 307, 308]
/** A page that fails for a passing reason is tried once more (retry.ts, within the deadline). */
const STOREFRONT_RETRY: RetryPolicy = {
  retries: 1,
  baseDelayMs: 300,
  maxDelayMs: 2000,
}

export const STOREFRONT_TIMEOUT_MS = 8000

export class Storefront extends ExternalClient {
  budget = new Budget()

  constructor(context: IOContext, options?: InstanceOptions) {
    super(
      `http://${context.account}.myvtex.com`,
      context,
      vtexClientOptions({ ...options, timeout: STOREFRONT_TIMEOUT_MS })
    )
  }

  get origin(): string {
    return `https://${this.context.account}.myvtex.com`
  }

  /** Hosts whose scripts belong to the store: its own and VTEX's asset hosts. */
  get scriptHosts(): string[] {
    const a = this.context.account

    return [
      `${a}.myvtex.com`,
      `${a}.vtexassets.com`,
      `${a}.vteximg.com.br`,
      `${a}.vtexcommercestable.com.br`,
    ]
  }

  /**
   * Never throws: a failure is a reason the scan reports for that URL. Each attempt ends by a
   * wall-clock timer (axios' own timeout only fires on an idle socket, so a server trickling a
   * byte every few seconds would never trip it) and when the scan's deadline fires (`stop`).
   */
  async fetchText(
    url: string,
    maxBytes: number,
    stop?: StopSignal
  ): Promise<FetchResult> {
    // Fetched over http with X-Vtex-Use-Https, as VTEX IO's egress expects.
    const target = url.replace(/^https:/, 'http:')

    try {
      // No redirect is followed here: stores often redirect to their own domain, which VTEX
      // IO's egress refuses; the scanner decides what to do with the Location. 3xx answers are
      // answers (validateStatus), so only 429/5xx and timeouts are retried.
      const res = await this.budget.run(
        'GET storefront',
        (timeout) => this.attempt(target, maxBytes, timeout, stop),
        STOREFRONT_RETRY,
        STOREFRONT_TIMEOUT_MS
      )

      const location = res.headers?.location

      if (REDIRECTS.includes(res.status))
        return typeof location === 'string' && location
          ? { ok: false, reason: `HTTP ${res.status}`, redirect: location }
          : { ok: false, reason: `HTTP ${res.status} without a Location` }
      const text =
        typeof res.data === 'string' ? res.data : String(res.data ?? '')

      if (text.length > maxBytes)
        return { ok: false, reason: `larger than ${maxBytes} bytes` }

      return { ok: true, text }
    } catch (e) {
      if (stop?.stopped) return { ok: false, reason: 'timed out' }
      if (!(e instanceof UpstreamError))
        return { ok: false, reason: 'unreachable' }
      if (e.status) return { ok: false, reason: `HTTP ${e.status}` }
      // axios names an answer over maxContentLength ERR_BAD_RESPONSE (it has no status).
      if (/maxContentLength|ERR_BAD_RESPONSE/.test(e.reason))
        return { ok: false, reason: `larger than ${maxBytes} bytes` }

      return {
        ok: false,
        reason:
          e.reason === 'ECONNABORTED'
            ? 'timed out'
            : e.deadlineReached
            ? 'no time left before the deadline'
            : e.reason,
      }
    }
  }

  /** One GET, aborted after `timeoutMs` of wall-clock time or when `stop` fires, whichever is first. */
  private async attempt(
    target: string,
    maxBytes: number,
    timeoutMs: number,
    stop?: StopSignal
  ) {
    // No code and no status: final, so the retry layer does not wait to try again.
    if (stop?.stopped) throw new Error('the scan’s deadline passed')
    const abort = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      abort.abort()
    }, timeoutMs)

    const unlisten = stop?.onStop(() => abort.abort())

    try {
      return await this.http.getRaw<string>(target, {
        responseType: 'text',
        maxContentLength: maxBytes,
        maxRedirects: 0,
        transformResponse: [(d: string) => d],
        metric: 'storefront-fetch',
        timeout: timeoutMs,
        signal: abort.signal,
        validateStatus: (status: number) => status >= 200 && status < 400,
      } as never)
    } catch (e) {
      if (stop?.stopped) throw new Error('the scan’s deadline passed')
      // A timeout like axios' own: retried while the request's deadline allows.
      if (timedOut)
        throw Object.assign(new Error(`no answer within ${timeoutMs} ms`), {
          code: 'ECONNABORTED',
        })
      throw e
    } finally {
      clearTimeout(timer)
      unlisten?.()
    }
  }
}
