// The storefront exposure scan: run now (Mutation.runLeakScan) or read the latest result.
// The scan fetches public pages with no credentials; its result never holds a full token.
import { now } from '../clock'
import { scanStorefront } from '../scanner/scanStorefront'
import { DEFAULT_LIMITS } from '../scanner/types'
import type { LeakScanResult, ScanLimits } from '../scanner/types'
import type { Context } from '../typings'
import { toResolverError } from './errors'
import { LATEST_SCAN, requestData } from './requestData'

/** Notes listed in an answer; scans stored before the cap (MAX_NOTES) could hold 700,000. */
const MAX_NOTES = DEFAULT_LIMITS.maxNotes

export function presentScan(r: LeakScanResult | null) {
  // Scans stored before unreachableHosts and the note counts existed have none.
  return r && {
    ...r,
    errors: r.errors.slice(0, MAX_NOTES), errorCount: r.errorCount ?? r.errors.length,
    skipped: r.skipped.slice(0, MAX_NOTES), skippedCount: r.skippedCount ?? r.skipped.length,
    unreachableHosts: r.unreachableHosts ?? [], exposedKeys: new Set(r.exposures.filter(e => e.appKey).map(e => e.appKey)).size,
  }
}

export async function runScan(ctx: Context, limits?: Partial<ScanLimits>): Promise<LeakScanResult> {
  const data = requestData(ctx)
  const { value: settings } = await data.settings()
  const sf = ctx.clients.storefront
  const result = await scanStorefront({
    origin: sf.origin, scriptHosts: sf.scriptHosts, extraPaths: settings.scanExtraPaths,
    fetch: (url, max, stop) => sf.fetchText(url, max, stop), now: now(), limits,
  })
  await data.storage.write('leakScans', result, null, LATEST_SCAN).catch(e => { throw toResolverError(e) })
  return result
}

export async function runLeakScan(_: unknown, __: unknown, ctx: Context) {
  return presentScan(await runScan(ctx))
}

export async function leakScan(_: unknown, __: unknown, ctx: Context) {
  const stored = await requestData(ctx).storage.read<LeakScanResult>('leakScans', LATEST_SCAN).catch(e => { throw toResolverError(e) })
  return presentScan(stored.value)
}
