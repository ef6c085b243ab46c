// The store's public pages and scripts, fetched the way a visitor's browser would (no
// credentials), for the exposure scan. Hosts are declared in manifest.json outbound policies.
import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'
import type { FetchResult } from '../scanner/types'

const REDIRECTS = [301, 302, 303, 307, 308]

export class Storefront extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(`http://${context.account}.myvtex.com`, context, { timeout: 8000, ...options, memoizable: false, retries: 1, headers: { ...options?.headers, 'X-Vtex-Use-Https': 'true' } })
  }

  get origin(): string {
    return `https://${this.context.account}.myvtex.com`
  }

  /** Hosts whose scripts belong to the store: its own and VTEX's asset hosts. */
  get scriptHosts(): string[] {
    const a = this.context.account
    return [`${a}.myvtex.com`, `${a}.vtexassets.com`, `${a}.vteximg.com.br`, `${a}.vtexcommercestable.com.br`]
  }

  /** Never throws: a failure is a reason the scan reports for that URL. */
  async fetchText(url: string, maxBytes: number): Promise<FetchResult> {
    // Fetched over http with X-Vtex-Use-Https, as VTEX IO's egress expects.
    const target = url.replace(/^https:/, 'http:')
    try {
      // No redirect is followed here: stores often redirect to their own domain, which VTEX
      // IO's egress refuses; the scanner decides what to do with the Location.
      const res = await this.http.getRaw<string>(target, { responseType: 'text', maxContentLength: maxBytes, maxRedirects: 0, transformResponse: [(d: string) => d], metric: 'storefront-fetch' } as never)
      const text = typeof res.data === 'string' ? res.data : String(res.data ?? '')
      if (text.length > maxBytes) return { ok: false, reason: `larger than ${maxBytes} bytes` }
      return { ok: true, text }
    } catch (e) {
      const err = e as { response?: { status?: number; headers?: Record<string, unknown> }; code?: string; message?: string }
      const status = err.response?.status
      const location = err.response?.headers?.location
      if (status && REDIRECTS.includes(status) && typeof location === 'string' && location) return { ok: false, reason: `HTTP ${status}`, redirect: location }
      if (status) return { ok: false, reason: `HTTP ${status}` }
      if (/maxContentLength/.test(err.message ?? '')) return { ok: false, reason: `larger than ${maxBytes} bytes` }
      return { ok: false, reason: err.code === 'ECONNABORTED' ? 'timed out' : err.code ?? 'unreachable' }
    }
  }
}
