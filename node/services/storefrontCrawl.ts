// The storefront crawl (not to be confused with the daily snapshot, which runs it, or the leak
// detectors in domain/leaks, which it runs on each page): fetches public pages with no
// credentials, one crawl per workspace of an account at a time, and stores the result (never a
// full token).
// Each crawl builds on the last known result: what a URL it cannot read held is kept, dated.
import { now } from '../clock'
import { wording } from '../domain/wording'
import { scanStorefront } from '../scanner/scanStorefront'
import type { LeakScanResult, ScanLimits } from '../scanner/types'
import type { Context } from '../typings'
import { toResolverError } from '../resolvers/errors'
import { refusalError } from '../resolvers/refusals'
import { LATEST_SCAN, requestData } from './requestData'
import { logScanInOpenReview } from './review/scanInReview'
import { placeOf } from './place'

/** A running scan holds its workspace's lock this long at most (its own deadline is shorter). */
const LOCK_MS = 60_000
const RUNNING = 'running.json'

interface RunningDoc {
  until: number
}

/**
 * Crawls running in this replica, by account and workspace (place.ts), as the lock document is
 * (each workspace has its own VBase): refused at once, before any await. By account alone, a
 * scan of one workspace was refused while another workspace's ran on the same replica.
 */
const runningHere = new Set<string>()

const alreadyRunning = () =>
  refusalError({
    ok: false,
    code: 'CONFLICT',
    message: wording('refusal.scan.running'),
  })

/**
 * At most one storefront crawl per workspace of an account at a time: in this replica (a set),
 * and across replicas (a lock document in the workspace's VBase, changed only with If-Match once
 * it exists; it is never deleted, so only the very first scan of a workspace can race). Real time, not the app's clock, so the lock
 * expires even when time is pinned.
 */
async function withScanLock<T>(
  ctx: Context,
  work: () => Promise<T>
): Promise<T> {
  const place = placeOf(ctx.vtex)

  if (runningHere.has(place)) throw alreadyRunning()
  runningHere.add(place)
  const { storage } = requestData(ctx)
  const until = Date.now() + LOCK_MS

  try {
    if ((await storage.read<RunningDoc>('leakScans', RUNNING)).etag === null)
      await storage.write('leakScans', { until: 0 }, null, RUNNING)
    await storage.update<RunningDoc, void>(
      'leakScans',
      (cur) =>
        cur && cur.until > Date.now()
          ? { refused: alreadyRunning() }
          : { value: { until }, result: undefined },
      RUNNING
    )
  } catch (e) {
    runningHere.delete(place)
    throw e instanceof Error && 'extensions' in e ? e : toResolverError(e)
  }

  try {
    return await work()
  } finally {
    runningHere.delete(place)
    await storage
      .update<RunningDoc, void>(
        'leakScans',
        (cur) => ({
          value:
            cur && cur.until === until ? { until: 0 } : cur ?? { until: 0 },
          result: undefined,
        }),
        RUNNING
      )
      .catch(() => undefined)
  }
}

export async function crawlStorefront(
  ctx: Context,
  limits?: Partial<ScanLimits>
): Promise<LeakScanResult> {
  const data = requestData(ctx)
  const { value: settings } = await data.settings()
  const sf = ctx.clients.storefront

  return withScanLock(ctx, async () => {
    // The last known result stands for every URL this scan cannot read (read under the lock, so
    // two scans never build on the same result and overwrite each other).
    const previous = await data.storage
      .read<LeakScanResult>('leakScans', LATEST_SCAN)
      .catch((e) => {
        throw toResolverError(e)
      })

    const result = await scanStorefront({
      origin: sf.origin,
      scriptHosts: sf.scriptHosts,
      extraPaths: settings.scanExtraPaths,
      fetch: (url, max, stop) => sf.fetchText(url, max, stop),
      now: now(),
      limits,
      previous: previous.value,
    })

    await data.storage
      .write('leakScans', result, null, LATEST_SCAN)
      .catch((e) => {
        throw toResolverError(e)
      })
    // a scan run while a review is open is part of that review's record (its log)
    await logScanInOpenReview(ctx, result)

    return result
  })
}
