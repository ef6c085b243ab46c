// A storefront scan run while a review is open is logged in that review (domain/review/scanLog.ts):
// by the admin who ran it, or as the daily scan. Best effort: the scan's result stands whether or
// not the log could be written (the checklist reads the scan itself either way).
import { leakScanEvidence } from '../../domain/review/checklist'
import { logScan } from '../../domain/review/scanLog'
import type { StoredScan } from '../../domain/rules/types'
import { actor } from '../../resolvers/actor'
import type { Context } from '../../typings'
import { requestData } from '../requestData'
import { changeOpen, readIndex } from './store'

/** Who the log names for a scan the daily job ran (no admin session). */
export const DAILY_SCAN_BY = 'Key Steward (daily scan)'

export async function logScanInOpenReview(
  ctx: Context,
  scan: StoredScan
): Promise<void> {
  const { storage } = requestData(ctx)

  try {
    if (!(await readIndex(storage)).openId) return
    const by = ctx.state.asApp ? DAILY_SCAN_BY : await actor(ctx)
    const evidence = leakScanEvidence(scan)

    await changeOpen(storage, (r) => ({
      ok: true,
      value: { review: logScan(r, evidence, by) ?? r, result: undefined },
    }))
  } catch (e) {
    // the code only: an upstream message is not the service log's to repeat
    const { code } = ((e as { extensions?: { code?: string } }).extensions ??
      {}) as { code?: string }

    console.warn(
      `review: scan not logged in the open review (${code ?? 'error'})`
    )
  }
}
