// The storefront exposure scan: run a crawl now (Mutation.runLeakScan) or read the latest result.
import { exposedKeys, scanCompleteness } from '../domain/leaks/completeness'
import { notFoundOf } from '../domain/leaks/notFound'
import { maskSnippet } from '../domain/leaks/scanText'
import { DEFAULT_LIMITS } from '../scanner/types'
import type { LeakScanResult } from '../scanner/types'
import { crawlStorefront } from '../services/storefrontCrawl'
import type { Context } from '../typings'
import { toResolverError } from './errors'
import { LATEST_SCAN, requestData } from '../services/requestData'
import { READ } from '../domain/resources'
import { renewalStatus } from '../domain/renewals'
import type { Renewal } from '../domain/rules/types'

type Shown = LeakScanResult['exposures'][number]
const severityOf = (e: Shown): 'CRITICAL' | 'HIGH' =>
  e.tokenFound || e.kind !== 'APP_KEY' ? 'CRITICAL' : 'HIGH'

/** Most severe first, then where it was found (stable for the same scan). */
const bySeverity = (a: Shown, b: Shown) =>
  Number(severityOf(a) === 'HIGH') - Number(severityOf(b) === 'HIGH') ||
  a.url.localeCompare(b.url) ||
  a.line - b.line ||
  a.column - b.column

/** Notes listed in an answer; scans stored before the cap (MAX_NOTES) could hold 700,000. */
const MAX_NOTES = DEFAULT_LIMITS.maxNotes

export function presentScan(r: LeakScanResult) {
  // Scans stored before unreachableHosts, the note counts and completeness existed have none.
  const { sources: _sources, ...shown } = r

  return {
    ...shown,
    errors: r.errors.slice(0, MAX_NOTES),
    errorCount: r.errorCount ?? r.errors.length,
    // of them, the 404s and 410s: answers, which the Exposure page lists apart
    ...notFoundOf(r.errors.slice(0, MAX_NOTES), r.notFoundCount),
    skipped: r.skipped.slice(0, MAX_NOTES),
    skippedCount: r.skippedCount ?? r.skipped.length,
    unreachableHosts: r.unreachableHosts ?? [],
    exposedKeys: exposedKeys(r),
    ...scanCompleteness(r),
    keptUrls: r.keptUrls ?? 0,
    keptFrom: r.keptFrom ?? null,
    // snippets stored before split tokens were masked are masked again
    exposures: [...r.exposures].sort(bySeverity).map((e) => ({
      ...e,
      snippet: maskSnippet(e.snippet),
      tokenLength: e.tokenLength ?? null,
      lastSeenAt: e.lastSeenAt ?? null,
      severity: severityOf(e),
    })),
  }
}

export async function runLeakScan(_: unknown, __: unknown, ctx: Context) {
  return presentScan(await crawlStorefront(ctx))
}

export async function leakScan(_: unknown, __: unknown, ctx: Context) {
  const stored = await requestData(ctx)
    .storage.read<LeakScanResult>('leakScans', LATEST_SCAN)
    .catch((e) => {
      throw toResolverError(e)
    })

  return stored.value && presentScan(stored.value)
}

/**
 * Exposure.key: the inventory key with the exposure's appKey, so the page can name it. Labels are
 * read data: only for an admin whose own session holds the read resources (null otherwise, or
 * when the inventory cannot be read now: the appKey still identifies it).
 */
export async function exposureKey(
  e: { appKey?: string | null },
  _: unknown,
  ctx: Context
) {
  if (!e.appKey) return null
  const data = requestData(ctx)
  const allowed = await Promise.all(READ.map((r) => data.holds(r))).then(
    (a) => a.every(Boolean),
    () => false
  )

  if (!allowed) return null
  const inventory = await data.inventory().catch(() => null)
  const key = inventory?.keys.find((k) => k.appKey === e.appKey)

  if (!key) return null
  // its renewal, so the page does not say "renew it now" where a renewal is (or may be) pending
  const renewals = await data.storage
    .read<Record<string, Renewal>>('renewals')
    .then(
      (r) => r.value ?? {},
      () => null
    )

  return {
    id: key.id,
    label: key.label,
    renewalStatus: renewals ? renewalStatus(renewals[key.id]) : null,
  }
}
