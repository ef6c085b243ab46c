// Scans a storefront for exposed VTEX credentials: the home page, configured extra paths and
// the pages the sitemaps list (on the store's host), then the scripts those pages load from the
// store's own and VTEX's asset hosts. Bounded in pages, sitemaps, scripts, bytes, time and
// concurrency; every URL that fails or is left out is reported with the reason.
import { maskSecrets, scanText } from '../domain/leaks/scanText'
import { readSitemap, scriptSources } from '../domain/leaks/pages'
import { mapWithConcurrency } from '../utils/concurrency'
import { DEFAULT_LIMITS, Fetcher, FetchResult, LeakScanResult, ScanLimits, StopSignal } from './types'

export interface ScanInput {
  /** e.g. https://acme.myvtex.com */
  origin: string
  /** hosts whose scripts are the store's (its own and VTEX's asset hosts); with the origin's,
   * the only hosts the app may reach (the manifest's outbound-access policies) */
  scriptHosts: string[]
  extraPaths: string[]
  fetch: Fetcher
  now: Date
  limits?: Partial<ScanLimits>
  /** for the deadline; defaults to Date.now */
  clock?: () => number
}

/** What a fetch still in flight at the deadline is reported as. */
export const TIMED_OUT = 'timed out'

/** The scan's deadline as a signal: fired once, by a timer, and every listener told. */
class Deadline implements StopSignal {
  stopped = false
  private listeners = new Set<() => void>()
  onStop(listener: () => void): () => void {
    if (this.stopped) listener()
    else this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }
  fire(): void {
    if (this.stopped) return
    this.stopped = true
    for (const l of [...this.listeners]) l()
    this.listeners.clear()
  }
}

interface Fetched { url: string; text: string }

export async function scanStorefront(input: ScanInput): Promise<LeakScanResult> {
  const limits = { ...DEFAULT_LIMITS, ...input.limits }
  const clock = input.clock ?? Date.now
  const deadline = clock() + limits.deadlineMs
  // The deadline is checked between fetches and also ends the fetches in flight: a server that
  // trickles a byte every few seconds never trips an idle-socket timeout.
  const stop = new Deadline()
  const timer = setTimeout(() => stop.fire(), limits.deadlineMs)
  try {
    return await crawl(input, limits, clock, deadline, stop)
  } finally {
    clearTimeout(timer)
    stop.fire() // whatever still runs in the background gives up
  }
}

async function crawl(input: ScanInput, limits: ScanLimits, clock: () => number, deadline: number, stop: Deadline): Promise<LeakScanResult> {
  const origin = new URL(input.origin)
  const reachable = new Set([origin.host, ...input.scriptHosts])
  const result: LeakScanResult = {
    at: input.now.toISOString(), origin: origin.origin, pagesScanned: 0, scriptsScanned: 0, bytesScanned: 0,
    errors: [], errorCount: 0, skipped: [], skippedCount: 0, unreachableHosts: [], exposures: [], truncated: false,
  }
  // The first notes are listed, the rest counted: one page can name 700,000 third-party scripts.
  const error = (url: string, reason: string) => {
    if (result.errorCount++ < limits.maxNotes) result.errors.push({ url, reason })
  }
  const skip = (url: string, reason: string) => {
    if (result.skippedCount++ < limits.maxNotes) result.skipped.push({ url, reason })
  }
  const unreachable = new Set<string>()
  const seen = new Set<string>()
  let budget = limits.maxTotalBytes
  const limitHit = (url: string, reason: string) => {
    skip(url, reason)
    result.truncated = true
  }

  const withinLimits = (url: string): boolean => {
    if (stop.stopped || clock() > deadline) limitHit(url, 'scan time limit reached')
    else if (budget <= 0) limitHit(url, 'total size limit reached')
    else return true
    return false
  }

  /** A fetch that has not answered when the deadline fires is given up on (and told to stop). */
  const get = (url: string): Promise<FetchResult> => {
    let unlisten = () => undefined as void
    const stopped = new Promise<FetchResult>(resolve => { unlisten = stop.onStop(() => resolve({ ok: false, reason: TIMED_OUT })) })
    return Promise.race([input.fetch(url, Math.min(limits.maxFileBytes, budget), stop), stopped]).finally(() => unlisten())
  }

  /**
   * Fetches within the deadline and the byte budget. The fetcher follows no redirect: one to a
   * host the app may reach is followed here once; one elsewhere (usually the store's own domain)
   * cannot be fetched through VTEX IO's egress, so it is left out with why.
   */
  const fetchText = async (url: string, failed = (reason: string) => error(url, reason)): Promise<Fetched | null> => {
    if (!withinLimits(url)) return null
    let at = url
    let got = await get(at)
    if (!got.ok && got.redirect !== undefined) {
      let to: URL
      try {
        to = new URL(got.redirect, at)
      } catch {
        failed(`${got.reason}, to a Location that is not a URL`)
        return null
      }
      if (!/^https?:$/.test(to.protocol)) {
        failed(`${got.reason}, to a ${to.protocol} URL`)
        return null
      }
      if (!reachable.has(to.host)) {
        unreachable.add(to.host)
        skip(url, `redirects to ${to} — a host Key Steward may not reach (not in the manifest’s outbound-access policies)`)
        return null
      }
      at = to.toString()
      if (at !== url && seen.has(at)) {
        skip(url, `redirects to ${at}, which this scan reads already`)
        return null
      }
      seen.add(at)
      if (!withinLimits(url)) return null
      got = await get(at)
      if (!got.ok && got.redirect !== undefined) {
        failed(`redirects more than once (to ${at}, then on)`)
        return null
      }
    }
    if (!got.ok) {
      failed(at === url ? got.reason : `${got.reason} at ${at}, where it redirects`)
      return null
    }
    budget -= got.text.length
    result.bytesScanned += got.text.length
    return { url: at, text: got.text }
  }

  const scanFile = ({ url, text }: Fetched) => {
    const found = scanText(url, text)
    // One file repeating a key thousands of times says nothing more than its first places.
    const room = Math.max(0, limits.maxExposures - result.exposures.length)
    const kept = found.slice(0, Math.min(limits.maxExposuresPerUrl, room))
    if (kept.length < found.length) limitHit(url, `${found.length - kept.length} more exposures in this file not listed`)
    for (const e of kept) result.exposures.push(e)
  }

  // Sitemaps list the public domain: keep the path, always on the store's own origin (a path
  // like //evil.com/x must not become another host).
  const onStore = (pathOrUrl: string): string | null => {
    try {
      const url = new URL(pathOrUrl, origin)
      const mapped = new URL(`/${url.pathname.replace(/^\/+/, '')}${url.search}`, origin.origin)
      return mapped.host === origin.host ? mapped.toString() : null
    } catch {
      return null
    }
  }

  // Pages: home, extra paths, then what the sitemaps list.
  const pageUrls: string[] = []
  const addPage = (url: string): 'added' | 'known' | 'full' => {
    if (seen.has(url)) return 'known'
    if (pageUrls.length >= limits.maxPages) return 'full'
    seen.add(url)
    pageUrls.push(url)
    return 'added'
  }
  for (const path of ['/', ...input.extraPaths]) {
    const url = onStore(path)
    if (url === null) skip(path, 'not a URL')
    else if (addPage(url) === 'full') limitHit(url, `page limit (${limits.maxPages}) reached`)
  }
  // A sitemap can list thousands of pages: one note for those beyond the limit, not one each.
  const addListed = (locations: string[], sitemap: string) => {
    let over = 0
    for (const location of locations) {
      const url = onStore(location)
      if (url !== null && addPage(url) === 'full') over++
    }
    if (over > 0) limitHit(sitemap, `${over} more pages it lists not scanned: page limit (${limits.maxPages}) reached`)
  }

  // VTEX serves /sitemap.xml as an index of more sitemaps (products, categories, brands,
  // routes…): it is followed one level down, and an index found there is not followed.
  const indexUrl = onStore('/sitemap.xml')!
  seen.add(indexUrl)
  const index = await fetchText(indexUrl, reason => skip(indexUrl, `no sitemap (${reason})`))
  if (index) {
    const listed = readSitemap(index.text)
    addListed(listed.pages, indexUrl)
    const children = [...new Set(listed.sitemaps.map(onStore))].filter((u): u is string => u !== null && !seen.has(u))
    for (let i = 0; i < children.length; i++) {
      const full = pageUrls.length >= limits.maxPages
      if (full || i >= limits.maxSitemaps) {
        limitHit(indexUrl, `${children.length - i} more sitemaps it lists not read: ${full ? `page limit (${limits.maxPages})` : `sitemap limit (${limits.maxSitemaps})`} reached`)
        break
      }
      seen.add(children[i])
      const child = await fetchText(children[i])
      if (!child) continue
      const inner = readSitemap(child.text)
      addListed(inner.pages, children[i])
      if (inner.sitemaps.length > 0) limitHit(children[i], `lists ${inner.sitemaps.length} sitemaps, not read: only /sitemap.xml is followed as an index`)
    }
  }

  const fetchAndScan = async (url: string) => {
    const got = await fetchText(url)
    if (got) scanFile(got)
    return got
  }
  const pages = await mapWithConcurrency(pageUrls, limits.concurrency, fetchAndScan)
  result.pagesScanned = pages.filter(p => p !== null).length

  // Scripts the pages load (relative to where each page ended up), from allowed hosts only.
  const scripts: string[] = []
  for (const page of pages) {
    if (page === null) continue
    for (const src of scriptSources(page.text)) {
      let scriptUrl: URL
      try {
        scriptUrl = new URL(src, page.url)
      } catch {
        continue
      }
      const key = scriptUrl.toString()
      if (seen.has(key)) continue
      seen.add(key)
      if (scriptUrl.host !== origin.host && !input.scriptHosts.includes(scriptUrl.host)) {
        skip(key, 'third-party host (not the store’s or VTEX’s)')
      } else if (scripts.length >= limits.maxScripts) {
        limitHit(key, `script limit (${limits.maxScripts}) reached`)
      } else {
        scripts.push(key)
      }
    }
  }
  const fetched = await mapWithConcurrency(scripts, limits.concurrency, fetchAndScan)
  result.scriptsScanned = fetched.filter(t => t !== null).length
  result.unreachableHosts = [...unreachable].sort()
  return maskUrls(result)
}

/** URLs can carry secrets too (?token=…): every URL the result keeps is masked like snippets,
 * and so are reasons, which can quote a redirect's Location. */
function maskUrls(r: LeakScanResult): LeakScanResult {
  const mask = (u: string) => maskSecrets(u)
  return {
    ...r,
    errors: r.errors.map(e => ({ url: mask(e.url), reason: mask(e.reason) })),
    skipped: r.skipped.map(e => ({ url: mask(e.url), reason: mask(e.reason) })),
    exposures: r.exposures.map(e => ({ ...e, url: mask(e.url) })),
  }
}
