// Scans a storefront for exposed VTEX credentials: the home page, configured extra paths and
// the pages the sitemaps list (on the store's host), then the scripts those pages load from the
// store's own and VTEX's asset hosts. Bounded in pages, sitemaps, scripts, bytes, time and
// concurrency; every URL that fails or is left out is reported with the reason.
// A URL that could not be read never counts as clean: what the previous result found there is
// kept, dated, and the scan says it is incomplete.
import { maskSecrets, maskSnippet, scanText } from '../domain/leaks/scanText'
import { readSitemap, scriptSources } from '../domain/leaks/pages'
import { answered as gone } from '../domain/leaks/completeness'
import { mapWithConcurrency } from '../utils/concurrency'
import type { Exposure } from '../domain/leaks/scanText'
import type {
  ExposureSource,
  Fetcher,
  FetchResult,
  LeakScanResult,
  ScanLimits,
  StopSignal,
} from './types'
import { DEFAULT_LIMITS } from './types'

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
  /** the last known result, whose findings stand for the URLs this scan cannot read */
  previous?: LeakScanResult | null
}

/** Pages kept per script as what loads it (enough to tell it was removed from them). */
export const MAX_VIA = 10

/** What a fetch still in flight at the deadline is reported as. */
export const TIMED_OUT = 'timed out'

/** The scan's deadline as a signal: fired once, by a timer, and every listener told. */
class Deadline implements StopSignal {
  stopped = false
  private listeners = new Set<() => void>()
  onStop(listener: () => void): () => void {
    if (this.stopped) listener()
    else this.listeners.add(listener)

    return () => {
      this.listeners.delete(listener)
    }
  }

  fire(): void {
    if (this.stopped) return
    this.stopped = true
    for (const l of [...this.listeners]) l()
    this.listeners.clear()
  }
}

interface Fetched {
  url: string
  text: string
}

export async function scanStorefront(
  input: ScanInput
): Promise<LeakScanResult> {
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

async function crawl(
  input: ScanInput,
  limits: ScanLimits,
  clock: () => number,
  deadline: number,
  stop: Deadline
): Promise<LeakScanResult> {
  const origin = new URL(input.origin)
  const reachable = new Set([origin.host, ...input.scriptHosts])
  const result: LeakScanResult = {
    at: input.now.toISOString(),
    origin: origin.origin,
    pagesScanned: 0,
    scriptsScanned: 0,
    bytesScanned: 0,
    errors: [],
    errorCount: 0,
    notFoundCount: 0,
    skipped: [],
    skippedCount: 0,
    unreachableHosts: [],
    exposures: [],
    truncated: false,
    complete: true,
    unreadCount: 0,
    keptUrls: 0,
    keptFrom: null,
    sources: [],
  }

  // What became of each URL, for the previous result's sake (see carryForward).
  const seenNow: Seen = {
    read: new Map(),
    kind: new Map(),
    via: new Map(),
    absent: new Set(),
    unread: new Set(),
    pages: new Set(),
    scripts: new Set(),
    sitemapsRead: true,
  }

  // The first notes are listed, the rest counted: one page can name 700,000 third-party scripts.
  // The 404s and 410s are counted apart, listed or not: answers, not URLs left unread.
  const error = (url: string, reason: string) => {
    if (gone(reason)) result.notFoundCount = (result.notFoundCount ?? 0) + 1
    if (result.errorCount++ < limits.maxNotes)
      result.errors.push({ url, reason })
  }

  const skip = (url: string, reason: string) => {
    if (result.skippedCount++ < limits.maxNotes)
      result.skipped.push({ url, reason })
  }

  const unreachable = new Set<string>()
  const seen = new Set<string>()
  let budget = limits.maxTotalBytes
  const limitHit = (url: string, reason: string) => {
    skip(url, reason)
    result.truncated = true
  }

  const withinLimits = (url: string): boolean => {
    if (stop.stopped || clock() > deadline)
      limitHit(url, 'scan time limit reached')
    else if (budget <= 0) limitHit(url, 'total size limit reached')
    else return true
    seenNow.unread.add(url)

    return false
  }

  /** A fetch that has not answered when the deadline fires is given up on (and told to stop). */
  const get = (url: string): Promise<FetchResult> => {
    let unlisten = () => undefined as void
    const stopped = new Promise<FetchResult>((resolve) => {
      unlisten = stop.onStop(() => resolve({ ok: false, reason: TIMED_OUT }))
    })

    return Promise.race([
      input.fetch(url, Math.min(limits.maxFileBytes, budget), stop),
      stopped,
    ]).finally(() => unlisten())
  }

  /**
   * Fetches within the deadline and the byte budget. The fetcher follows no redirect: one to a
   * host the app may reach is followed here once; one elsewhere (usually the store's own domain)
   * cannot be fetched through VTEX IO's egress, so it is left out with why.
   */
  const fetchText = async (
    url: string,
    note = (reason: string) => error(url, reason)
  ): Promise<Fetched | null> => {
    const failed = (reason: string) => {
      note(reason)
      if (gone(reason)) seenNow.absent.add(url)
      else seenNow.unread.add(url)
    }

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
        skip(
          url,
          `redirects to ${to} — a host Key Steward may not reach (not in the manifest’s outbound-access policies)`
        )
        seenNow.unread.add(url)

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
      failed(
        at === url ? got.reason : `${got.reason} at ${at}, where it redirects`
      )

      return null
    }

    budget -= got.text.length
    result.bytesScanned += got.text.length
    seenNow.read.set(url, at)

    return { url: at, text: got.text }
  }

  const scanFile = ({ url, text }: Fetched) => {
    const found = scanText(url, text)
    // One file repeating a key thousands of times says nothing more than its first places.
    const room = Math.max(0, limits.maxExposures - result.exposures.length)
    const kept = found.slice(0, Math.min(limits.maxExposuresPerUrl, room))

    if (kept.length < found.length)
      limitHit(
        url,
        `${found.length - kept.length} more exposures in this file not listed`
      )
    for (const e of kept) result.exposures.push(e)
  }

  // Sitemaps list the public domain: keep the path, always on the store's own origin (a path
  // like //evil.com/x must not become another host).
  const onStore = (pathOrUrl: string): string | null => {
    try {
      const url = new URL(pathOrUrl, origin)
      const mapped = new URL(
        `/${url.pathname.replace(/^\/+/, '')}${url.search}`,
        origin.origin
      )

      return mapped.host === origin.host ? mapped.toString() : null
    } catch {
      return null
    }
  }

  // Pages: home, extra paths, then what the sitemaps list.
  const pageUrls: string[] = []
  const addPage = (
    url: string,
    sitemap?: string
  ): 'added' | 'known' | 'full' => {
    seenNow.pages.add(url)
    if (seen.has(url)) return 'known'
    if (pageUrls.length >= limits.maxPages) return 'full'
    seen.add(url)
    pageUrls.push(url)
    seenNow.via.set(url, sitemap ? [sitemap] : [])

    return 'added'
  }

  for (const path of ['/', ...input.extraPaths]) {
    const url = onStore(path)

    if (url === null) skip(path, 'not a URL')
    else if (addPage(url) === 'full')
      limitHit(url, `page limit (${limits.maxPages}) reached`)
  }

  // A sitemap can list thousands of pages: one note for those beyond the limit, not one each.
  const addListed = (locations: string[], sitemap: string) => {
    let over = 0

    for (const location of locations) {
      const url = onStore(location)

      if (url !== null && addPage(url, sitemap) === 'full') over++
    }

    if (over > 0)
      limitHit(
        sitemap,
        `${over} more pages it lists not scanned: page limit (${limits.maxPages}) reached`
      )
  }

  // VTEX serves /sitemap.xml as an index of more sitemaps (products, categories, brands,
  // routes…): it is followed one level down, and an index found there is not followed.
  const indexUrl = onStore('/sitemap.xml')!

  seen.add(indexUrl)
  // No sitemap (404) is an answer; one that could not be read leaves the listed pages unknown.
  const index = await fetchText(indexUrl, (reason) =>
    gone(reason)
      ? skip(indexUrl, `no sitemap (${reason})`)
      : error(indexUrl, `sitemap: ${reason}`)
  )

  seenNow.sitemapsRead = index !== null || seenNow.absent.has(indexUrl)
  if (index) {
    const listed = readSitemap(index.text)

    addListed(listed.pages, indexUrl)
    const children = [...new Set(listed.sitemaps.map(onStore))].filter(
      (u): u is string => u !== null && !seen.has(u)
    )

    for (let i = 0; i < children.length; i++) {
      const full = pageUrls.length >= limits.maxPages

      if (full || i >= limits.maxSitemaps) {
        limitHit(
          indexUrl,
          `${children.length - i} more sitemaps it lists not read: ${
            full
              ? `page limit (${limits.maxPages})`
              : `sitemap limit (${limits.maxSitemaps})`
          } reached`
        )
        seenNow.sitemapsRead = false
        break
      }

      seen.add(children[i])
      const child = await fetchText(children[i])

      if (!child) {
        if (!seenNow.absent.has(children[i])) seenNow.sitemapsRead = false
        continue
      }

      const inner = readSitemap(child.text)

      addListed(inner.pages, children[i])
      if (inner.sitemaps.length > 0) {
        limitHit(
          children[i],
          `lists ${inner.sitemaps.length} sitemaps, not read: only /sitemap.xml is followed as an index`
        )
        seenNow.sitemapsRead = false
      }
    }
  }

  const fetchAndScan =
    (kind: ExposureSource['kind']) => async (url: string) => {
      const got = await fetchText(url)

      if (got) {
        seenNow.kind.set(got.url, kind)
        scanFile(got)
      }

      return got
    }

  const pages = await mapWithConcurrency(
    pageUrls,
    limits.concurrency,
    fetchAndScan('PAGE')
  )

  result.pagesScanned = pages.filter((p) => p !== null).length

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
      const via = seenNow.via.get(key)

      if (via && seenNow.scripts.has(key)) {
        if (via.length < MAX_VIA && !via.includes(page.url)) via.push(page.url)
        continue
      }

      if (seen.has(key)) continue
      seen.add(key)
      if (
        scriptUrl.host !== origin.host &&
        !input.scriptHosts.includes(scriptUrl.host)
      ) {
        skip(key, 'third-party host (not the store’s or VTEX’s)')
        continue
      }

      seenNow.scripts.add(key)
      if (scripts.length >= limits.maxScripts) {
        limitHit(key, `script limit (${limits.maxScripts}) reached`)
      } else {
        scripts.push(key)
        seenNow.via.set(key, [page.url])
      }
    }
  }

  const fetched = await mapWithConcurrency(
    scripts,
    limits.concurrency,
    fetchAndScan('SCRIPT')
  )

  result.scriptsScanned = fetched.filter((t) => t !== null).length
  result.unreachableHosts = [...unreachable].sort()
  result.unreadCount = seenNow.unread.size
  result.complete = seenNow.unread.size === 0 && result.pagesScanned > 0
  const masked = maskUrls(result)

  return carryForward(masked, maskSeen(seenNow), input.previous ?? null, limits)
}

/** What became of the URLs of one scan, by URL. */
interface Seen {
  /** read: the URL asked for → where it was read (a redirect on the store's hosts moves it) */
  read: Map<string, string>
  /** what each URL read is, by where it was read */
  kind: Map<string, ExposureSource['kind']>
  /** what led to each page and script fetched (see ExposureSource.via) */
  via: Map<string, string[]>
  /** answered 404 or 410 */
  absent: Set<string>
  /** set out to read and could not */
  unread: Set<string>
  /** every page the scan knows of (home, extra paths, listed by the sitemaps it read) */
  pages: Set<string>
  /** every script on the store's hosts the pages it read load */
  scripts: Set<string>
  /** whether every sitemap was read (or there is none): then a page no longer listed is gone */
  sitemapsRead: boolean
}

function maskSeen(s: Seen): Seen {
  const m = (u: string) => maskSecrets(u)
  const set = (x: Set<string>) => new Set([...x].map(m))

  return {
    read: new Map([...s.read].map(([a, b]) => [m(a), m(b)])),
    kind: new Map([...s.kind].map(([u, k]) => [m(u), k])),
    via: new Map([...s.via].map(([u, v]) => [m(u), v.map(m)])),
    absent: set(s.absent),
    unread: set(s.unread),
    pages: set(s.pages),
    scripts: set(s.scripts),
    sitemapsRead: s.sitemapsRead,
  }
}

/**
 * The result to keep: this scan's, plus, for every URL the previous result found exposures in
 * and this scan could not read again, those exposures with the date they were last seen. They
 * are dropped only on evidence that they are gone: the URL was read again, answered 404/410, or
 * is no longer linked from what this scan read (a page no sitemap lists any more, a script the
 * pages that loaded it no longer load).
 */
export function carryForward(
  current: LeakScanResult,
  seen: Seen,
  previous: LeakScanResult | null,
  limits: ScanLimits = DEFAULT_LIMITS
): LeakScanResult {
  const readWhere = new Set(seen.read.values())
  const sources: ExposureSource[] = []

  for (const url of new Set(current.exposures.map((e) => e.url))) {
    const asked = [...seen.read].find(([, to]) => to === url)?.[0]

    sources.push({
      url,
      ...(asked !== undefined && asked !== url ? { asked } : {}),
      kind: seen.kind.get(url) ?? 'PAGE',
      via: seen.via.get(url) ?? seen.via.get(asked ?? '') ?? [],
      at: current.at,
    })
  }

  if (!previous) return { ...current, sources }

  const any = (s: ExposureSource, set: Set<string>) =>
    set.has(s.url) || (s.asked !== undefined && set.has(s.asked))

  const readNow = (u: string) => seen.read.has(u) || readWhere.has(u)
  // A page is known gone when it answers 404/410, or when no sitemap lists it any more and every
  // sitemap was read.
  const pageGone = (u: string) =>
    seen.absent.has(u) || (!seen.pages.has(u) && seen.sitemapsRead)

  const stillThere = (s: ExposureSource): boolean => {
    if (any(s, seen.absent)) return false
    if (any(s, seen.unread)) return true
    switch (s.kind) {
      // still listed (beyond the page limit), or listed by a sitemap this scan could not read
      case 'PAGE':
        return (
          any(s, seen.pages) ||
          (!seen.sitemapsRead && s.via.some((sitemap) => !readNow(sitemap)))
        )

      // still loaded (beyond the script limit), or loaded by a page this scan could not read
      case 'SCRIPT':
        return (
          any(s, seen.scripts) ||
          s.via.some((page) => !readNow(page) && !pageGone(page))
        )

      // stored before sources existed: kept while the scan is incomplete
      default:
        return !current.complete
    }
  }

  const previousSources: ExposureSource[] =
    previous.sources ??
    [...new Set(previous.exposures.map((e) => e.url))].map((url) => ({
      url,
      kind: undefined as unknown as ExposureSource['kind'],
      via: [],
      at: previous.at,
    }))

  const kept = previousSources.filter(
    (s) =>
      !(readNow(s.url) || (s.asked !== undefined && readNow(s.asked))) &&
      stillThere(s)
  )

  if (!kept.length) return { ...current, sources }

  const keptAt = new Map(kept.map((s) => [s.url, s.at]))
  const carried: Exposure[] = previous.exposures
    .filter((e) => keptAt.has(e.url))
    .map((e) => ({
      ...e,
      snippet: maskSnippet(e.snippet),
      lastSeenAt: keptAt.get(e.url)!,
    }))

  const room = Math.max(0, limits.maxExposures - current.exposures.length)
  const result = {
    ...current,
    exposures: [...current.exposures, ...carried.slice(0, room)],
    sources: [...sources, ...kept],
  }

  if (carried.length > room) {
    result.truncated = true
    result.skippedCount++
    if (result.skipped.length < limits.maxNotes)
      result.skipped = [
        ...result.skipped,
        {
          url: current.origin,
          reason: `${
            carried.length - room
          } exposures kept from earlier scans not listed: exposure limit (${
            limits.maxExposures
          }) reached`,
        },
      ]
  }

  result.keptUrls = kept.length
  result.keptFrom = kept.map((s) => s.at).sort()[0]
  // Not re-checked counts as not read.
  result.unreadCount = new Set([
    ...seen.unread,
    ...kept.map((s) => s.asked ?? s.url),
  ]).size
  result.complete = false

  return result
}

/** URLs can carry secrets too (?token=…): every URL the result keeps is masked like snippets,
 * and so are reasons, which can quote a redirect's Location. */
function maskUrls(r: LeakScanResult): LeakScanResult {
  const mask = (u: string) => maskSecrets(u)

  return {
    ...r,
    errors: r.errors.map((e) => ({ url: mask(e.url), reason: mask(e.reason) })),
    skipped: r.skipped.map((e) => ({
      url: mask(e.url),
      reason: mask(e.reason),
    })),
    exposures: r.exposures.map((e) => ({ ...e, url: mask(e.url) })),
  }
}
