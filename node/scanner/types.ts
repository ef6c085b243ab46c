import type { Exposure } from '../domain/leaks/scanText'

export interface ScanLimits {
  maxPages: number
  /** sitemaps a sitemap index lists that are read (each can be up to maxFileBytes) */
  maxSitemaps: number
  maxScripts: number
  maxFileBytes: number
  maxTotalBytes: number
  concurrency: number
  /** whole-scan deadline (kept under the service's 30 s request timeout) */
  deadlineMs: number
  /** exposures kept per file and per scan (a file can repeat a key thousands of times) */
  maxExposuresPerUrl: number
  maxExposures: number
  /** entries kept in `errors` and in `skipped` each; the rest are only counted (hostile markup
   * can name hundreds of thousands of URLs, and every evaluation reads the stored scan) */
  maxNotes: number
}

export const DEFAULT_LIMITS: ScanLimits = {
  maxPages: 25,
  maxSitemaps: 10,
  maxScripts: 60,
  maxFileBytes: 2 * 1024 * 1024,
  maxTotalBytes: 20 * 1024 * 1024,
  concurrency: 4,
  deadlineMs: 20_000,
  maxExposuresPerUrl: 20,
  maxExposures: 200,
  maxNotes: 50,
}

export interface UrlNote {
  url: string
  reason: string
}

export interface LeakScanResult {
  at: string
  origin: string
  pagesScanned: number
  scriptsScanned: number
  bytesScanned: number
  /** URLs that could not be fetched, with why: the first `maxNotes` of them */
  errors: UrlNote[]
  /** how many URLs could not be fetched (errors lists the first ones) */
  errorCount: number
  /** of errorCount, how many answered 404 or 410, listed or not (absent on scans stored before
   * it was counted: only the listed ones are known there) */
  notFoundCount?: number
  /** URLs left out on purpose (other hosts, limits, redirects away): the first `maxNotes` */
  skipped: UrlNote[]
  /** how many URLs were left out (skipped lists the first ones) */
  skippedCount: number
  /** hosts the store redirected to that the app may not reach (not in its outbound-access
   * policies, e.g. the store's own domain): what is there was not scanned */
  unreachableHosts: string[]
  exposures: Exposure[]
  /** true when a limit stopped the scan before it saw everything it found */
  truncated: boolean
  /** false when a URL the scan set out to read could not be read (it failed, timed out, was
   * stopped by the time or size limit, or redirects where the app may not go), or when no page
   * was read: what those URLs hold now is not known, so the scan cannot say they are clean */
  complete: boolean
  /** how many URLs could not be read (a 404 or 410 is an answer: the URL is gone) */
  unreadCount: number
  /** URLs whose exposures are kept from an earlier scan because they could not be re-checked */
  keptUrls: number
  /** the oldest of the earlier scans whose results are kept, or null when none is */
  keptFrom: string | null
  /** where this result's exposures were read, so that the next scan can tell, for a URL it cannot
   * read, what was last known there */
  sources: ExposureSource[]
}

export interface ExposureSource {
  /** where the exposures were found (masked like every URL of the result) */
  url: string
  /** the URL the scan asked for, when a redirect on the store's hosts led to `url` */
  asked?: string
  kind: 'PAGE' | 'SCRIPT'
  /** what led the scan there: the sitemap listing a page (none for the home page and the extra
   * paths), or the pages loading a script (up to MAX_VIA) */
  via: string[]
  /** when it was last read: the scan's own `at`, or an earlier scan's when it could not be re-read */
  at: string
}

/** `redirect`: the Location of a 3xx answer, which the fetcher does not follow itself. */
export type FetchResult =
  | { ok: true; text: string }
  | { ok: false; reason: string; redirect?: string }
/** Fires once, when the scan's deadline passes: a fetch still running then must stop at once. */
export interface StopSignal {
  readonly stopped: boolean
  /** calls `listener` when the signal fires; returns what stops listening */
  onStop(listener: () => void): () => void
}
/** Fetches a URL as text within `maxBytes`, giving up when `stop` fires; never throws. */
export type Fetcher = (
  url: string,
  maxBytes: number,
  stop?: StopSignal
) => Promise<FetchResult>
