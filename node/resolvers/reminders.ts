import { UserInputError } from '@vtex/api'
import { now } from '../clock'
import { computeReminders, snoozeUntil } from '../domain/scan/reminders'
import type { Changes, Snapshot } from '../domain/scan/snapshot'
import type { Context } from '../typings'
import { toResolverError, withCode } from './errors'
import { requestData, ReviewsDoc } from './requestData'
import { DAILY, ensureSchedule, LEASE_DAYS, readScanStatus, readSchedule, stopSchedule } from './schedule'
import { nextDailyRun, scanFailure } from '../domain/scan/scanStatus'

export interface RemindersDoc { snoozes: Record<string, string>; lastEmailed?: string[] }

export async function reminders(_: unknown, __: unknown, ctx: Context) {
  // First visit of an admin sets the daily scan up; later visits find it registered. A failure
  // is recorded (Settings → Daily scan) and raises the DAILY_SCAN_FAILING reminder below.
  await ensureSchedule(ctx).catch(e => ctx.vtex.logger.warn({ message: 'could not register the daily scan', reason: String((e as Error).message) }))
  return currentReminders(ctx)
}

/**
 * The reminders to show now (not snoozed). The banner is on every page, so once a daily scan
 * exists it reads stored data only (the scan's snapshot and changes, the review index,
 * settings) instead of the whole inventory; before the first scan it uses a live evaluation.
 */
export async function currentReminders(ctx: Context) {
  const data = requestData(ctx)
  const [snapshot, changes, doc, settings, reviews, scanStatus] = await Promise.all([
    data.storage.read<Snapshot>('snapshots', 'latest.json'),
    data.storage.read<Changes>('snapshots', 'changes.json'),
    data.storage.read<RemindersDoc>('reminders'),
    data.settings(),
    data.storage.read<ReviewsDoc>('reviews'),
    readScanStatus(data.storage),
  ]).catch(e => { throw toResolverError(e) })
  let unfinishedRenewals: Array<{ id: string; label: string }>
  if (snapshot.value) {
    const labels = new Map(snapshot.value.keys.map(k => [k.id, k.label || k.appKey]))
    unfinishedRenewals = snapshot.value.findings.filter(f => f.rule === 'renewal-unfinished').map(f => ({ id: f.subjectId, label: labels.get(f.subjectId) ?? f.subjectId }))
  } else {
    const { input, findings } = await data.evaluation()
    const labels = new Map(input.inventory.keys.map(k => [k.id, k.label || k.appKey]))
    unfinishedRenewals = findings.filter(f => f.rule === 'renewal-unfinished').map(f => ({ id: f.subjectId, label: labels.get(f.subjectId) ?? f.subjectLabel }))
  }
  const completed = (reviews.value?.completed ?? []).map(r => r.completedAt).sort()
  return computeReminders({
    now: now(),
    reviewCadenceDays: settings.value.reviewCadenceDays,
    remindBeforeDays: settings.value.reminderDays,
    lastReviewCompletedAt: completed.length ? completed[completed.length - 1] : null,
    changes: changes.value,
    unfinishedRenewals,
    snoozes: doc.value?.snoozes ?? {},
    scanFailure: scanFailure(scanStatus),
  })
}

export async function snoozeReminder(_: unknown, args: { id: string; days: number }, ctx: Context) {
  if (!Number.isInteger(args.days) || args.days < 1 || args.days > 90) {
    throw withCode(new UserInputError('days must be a whole number from 1 to 90'), 'BAD_USER_INPUT', { fields: [{ field: 'days', message: 'days must be a whole number from 1 to 90' }] })
  }
  // Only a reminder shown now can be snoozed: an id is never stored unless it is one of them.
  const shown = await currentReminders(ctx)
  if (!shown.some(r => r.id === args.id)) throw withCode(new UserInputError('Not a reminder shown now: reload the page'), 'BAD_USER_INPUT', { fields: [{ field: 'id', message: 'Not a reminder shown now' }] })
  const until = snoozeUntil(now(), args.days)
  await requestData(ctx).storage.update<RemindersDoc, void>('reminders', cur => ({ value: { ...cur, snoozes: { ...(cur?.snoozes ?? {}), [args.id]: until } }, result: undefined }))
    .catch(e => { throw toResolverError(e) })
  return until
}

export async function changes(_: unknown, __: unknown, ctx: Context) {
  const stored = (await requestData(ctx).storage.read<Changes>('snapshots', 'changes.json').catch(e => { throw toResolverError(e) })).value
  // Diffs stored before rolesNotCompared existed read as comparing everything they could.
  return stored && { ...stored, rolesNotCompared: stored.rolesNotCompared ?? [] }
}

/** The daily scan as the Admin shows it (never the job's secret). */
async function scheduleStatus(ctx: Context) {
  const { storage } = requestData(ctx)
  const [doc, status] = await Promise.all([readSchedule(storage), readScanStatus(storage)]).catch(e => { throw toResolverError(e) })
  const endsAt = doc ? new Date(Date.parse(doc.registeredAt) + LEASE_DAYS * 86_400_000).toISOString() : null
  return {
    registered: !!doc,
    expression: doc?.expression ?? null,
    registeredAt: doc?.registeredAt ?? null,
    lastScanAt: doc?.lastScanAt ?? null,
    nextRunAt: doc ? nextDailyRun(doc.expression ?? DAILY, now()) : null,
    endsAt,
    registration: status?.registration ?? null,
    lastRun: status?.lastRun ?? null,
    healthy: !!doc && !scanFailure(status),
    stoppedAt: status?.stoppedAt ?? null,
  }
}

export async function schedule(_: unknown, __: unknown, ctx: Context) {
  return scheduleStatus(ctx)
}

/** Stops the daily scan (it starts again the next time an admin opens Key Steward or restarts it). */
export async function unregisterSchedule(_: unknown, __: unknown, ctx: Context) {
  await stopSchedule(ctx).catch(e => { throw toResolverError(e) })
  return true
}

/** Registers the daily scan again now; a refusal by VTEX is shown to the admin and recorded. */
export async function restartSchedule(_: unknown, __: unknown, ctx: Context) {
  await ensureSchedule(ctx, true, true).catch(e => { throw toResolverError(e) })
  return scheduleStatus(ctx)
}
