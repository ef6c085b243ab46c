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

export const DEFAULT_LIMITS: ScanLimits = { maxPages: 25, maxSitemaps: 10, maxScripts: 60, maxFileBytes: 2 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024, concurrency: 4, deadlineMs: 20_000, maxExposuresPerUrl: 20, maxExposures: 200, maxNotes: 50 }

export interface UrlNote { url: string; reason: string }

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
}

/** `redirect`: the Location of a 3xx answer, which the fetcher does not follow itself. */
export type FetchResult = { ok: true; text: string } | { ok: false; reason: string; redirect?: string }
/** Fires once, when the scan's deadline passes: a fetch still running then must stop at once. */
export interface StopSignal {
  readonly stopped: boolean
  /** calls `listener` when the signal fires; returns what stops listening */
  onStop(listener: () => void): () => void
}
/** Fetches a URL as text within `maxBytes`, giving up when `stop` fires; never throws. */
export type Fetcher = (url: string, maxBytes: number, stop?: StopSignal) => Promise<FetchResult>
