// Scans a storefront for exposed VTEX credentials: the home page, configured extra paths and
// the pages sitemap.xml lists (on the store's host), then the scripts those pages load from the
// store's own and VTEX's asset hosts. Bounded in pages, scripts, bytes, time and concurrency;
// every URL that fails or is left out is reported with the reason.
import { maskSecrets, scanText } from '../domain/leaks/scanText'
import { scriptSources, sitemapLocations } from '../domain/leaks/pages'
import { mapWithConcurrency } from '../utils/concurrency'
import { DEFAULT_LIMITS, Fetcher, LeakScanResult, ScanLimits } from './types'

export interface ScanInput {
  /** e.g. https://acme.myvtex.com */
  origin: string
  /** hosts whose scripts are the store's (its own and VTEX's asset hosts) */
  scriptHosts: string[]
  extraPaths: string[]
  fetch: Fetcher
  now: Date
  limits?: Partial<ScanLimits>
  /** for the deadline; defaults to Date.now */
  clock?: () => number
}

export async function scanStorefront(input: ScanInput): Promise<LeakScanResult> {
  const limits = { ...DEFAULT_LIMITS, ...input.limits }
  const clock = input.clock ?? Date.now
  const deadline = clock() + limits.deadlineMs
  const origin = new URL(input.origin)
  const result: LeakScanResult = {
    at: input.now.toISOString(), origin: origin.origin, pagesScanned: 0, scriptsScanned: 0, bytesScanned: 0,
    errors: [], skipped: [], exposures: [], truncated: false,
  }
  const seen = new Set<string>()
  let budget = limits.maxTotalBytes

  const fetchAndScan = async (url: string): Promise<string | null> => {
    if (clock() > deadline) {
      result.skipped.push({ url, reason: 'scan time limit reached' })
      result.truncated = true
      return null
    }
    if (budget <= 0) {
      result.skipped.push({ url, reason: 'total size limit reached' })
      result.truncated = true
      return null
    }
    const got = await input.fetch(url, Math.min(limits.maxFileBytes, budget))
    if (!got.ok) {
      result.errors.push({ url, reason: got.reason })
      return null
    }
    budget -= got.text.length
    result.bytesScanned += got.text.length
    const found = scanText(url, got.text)
    // One file repeating a key thousands of times says nothing more than its first places.
    const room = Math.max(0, limits.maxExposures - result.exposures.length)
    const kept = found.slice(0, Math.min(limits.maxExposuresPerUrl, room))
    if (kept.length < found.length) {
      result.truncated = true
      result.skipped.push({ url, reason: `${found.length - kept.length} more exposures in this file not listed` })
    }
    for (const e of kept) result.exposures.push(e)
    return got.text
  }

  // Pages: home, extra paths, then what the sitemap lists, mapped onto the store's origin.
  const pageUrls: string[] = []
  const addPage = (pathOrUrl: string) => {
    let url: URL
    try {
      url = new URL(pathOrUrl, origin)
    } catch {
      result.skipped.push({ url: pathOrUrl, reason: 'not a URL' })
      return
    }
    // Sitemaps list the public domain: keep the path, always on the store's own origin
    // (a path like //evil.com/x must not become another host).
    const onStore = new URL(`/${url.pathname.replace(/^\/+/, '')}${url.search}`, origin.origin).toString()
    if (new URL(onStore).host !== origin.host) return
    if (seen.has(onStore)) return
    if (pageUrls.length >= limits.maxPages) {
      result.skipped.push({ url: onStore, reason: `page limit (${limits.maxPages}) reached` })
      result.truncated = true
      return
    }
    seen.add(onStore)
    pageUrls.push(onStore)
  }
  addPage('/')
  input.extraPaths.forEach(addPage)
  const sitemap = await input.fetch(new URL('/sitemap.xml', origin).toString(), limits.maxFileBytes)
  if (sitemap.ok) sitemapLocations(sitemap.text).forEach(addPage)
  else result.skipped.push({ url: new URL('/sitemap.xml', origin).toString(), reason: `no sitemap (${sitemap.reason})` })

  const pages = await mapWithConcurrency(pageUrls, limits.concurrency, async url => ({ url, html: await fetchAndScan(url) }))
  result.pagesScanned = pages.filter(p => p.html !== null).length

  // Scripts the pages load, from allowed hosts only.
  const scripts: string[] = []
  for (const { url, html } of pages) {
    if (html === null) continue
    for (const src of scriptSources(html)) {
      let scriptUrl: URL
      try {
        scriptUrl = new URL(src, url)
      } catch {
        continue
      }
      const key = scriptUrl.toString()
      if (seen.has(key)) continue
      seen.add(key)
      if (scriptUrl.host !== origin.host && !input.scriptHosts.includes(scriptUrl.host)) {
        result.skipped.push({ url: key, reason: 'third-party host (not the store’s or VTEX’s)' })
      } else if (scripts.length >= limits.maxScripts) {
        result.skipped.push({ url: key, reason: `script limit (${limits.maxScripts}) reached` })
        result.truncated = true
      } else {
        scripts.push(key)
      }
    }
  }
  const fetched = await mapWithConcurrency(scripts, limits.concurrency, fetchAndScan)
  result.scriptsScanned = fetched.filter(t => t !== null).length
  return maskUrls(result)
}

/** URLs can carry secrets too (?token=…): every URL the result keeps is masked like snippets. */
function maskUrls(r: LeakScanResult): LeakScanResult {
  const mask = (u: string) => maskSecrets(u)
  return {
    ...r,
    errors: r.errors.map(e => ({ ...e, url: mask(e.url) })),
    skipped: r.skipped.map(e => ({ ...e, url: mask(e.url) })),
    exposures: r.exposures.map(e => ({ ...e, url: mask(e.url) })),
  }
}
