// Second step of POST /_v/key-steward/scan (after verifyScanSecret): claims this scheduled time's
// run, then takes the daily snapshot (services/dailyScan/takeDailySnapshot.ts).
import { now } from '../clock'
import { currentOccurrence } from '../domain/scan/scanStatus'
import type { ScheduleDoc } from '../services/dailyScan/registration'
import { takeDailySnapshot } from '../services/dailyScan/takeDailySnapshot'
import { requestData } from '../services/requestData'
import type { Context } from '../typings'

const REPLAY = Symbol('replay')

/**
 * One run per scheduled time: a replayed or repeated call for a run already done answers with
 * what is stored and changes nothing (VTEX's scheduler may retry; a replay must not erase). The
 * run is claimed with a conflict-safe update, so two deliveries at once cannot both run.
 */
async function claimRun(ctx: Context, schedule: ScheduleDoc): Promise<boolean> {
  const occurrence = currentOccurrence(schedule.expression, now())

  if (occurrence === null) return true

  return requestData(ctx)
    .storage.update<ScheduleDoc, boolean>('schedule', (cur) => {
      const doc = cur ?? schedule

      if (
        (doc.runClaimedFor && doc.runClaimedFor >= occurrence) ||
        (doc.lastScanAt && doc.lastScanAt >= occurrence)
      )
        return { refused: REPLAY }

      return { value: { ...doc, runClaimedFor: occurrence }, result: true }
    })
    .catch((e) => {
      if (e === REPLAY) return false
      throw e
    })
}

export async function dailySnapshot(
  ctx: Context,
  next: () => Promise<void>
): Promise<void> {
  const { schedule } = ctx.state

  if (!schedule) throw new Error('dailySnapshot runs after verifyScanSecret')
  if (!(await claimRun(ctx, schedule))) {
    ctx.status = 200
    ctx.body = { replayed: true, at: schedule.lastScanAt ?? null }

    return next()
  }

  const { ok, body } = await takeDailySnapshot(ctx, schedule)

  // Anything but a failed inventory read is a run: VTEX's scheduler retries only failures.
  ctx.status = ok ? 200 : 502
  ctx.body = body

  return next()
}
