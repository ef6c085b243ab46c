import { UserInputError } from '@vtex/api'
import { now } from '../clock'
import { computeReminders, snoozeUntil } from '../domain/scan/reminders'
import type { Changes } from '../domain/scan/snapshot'
import type { Context } from '../typings'
import { toResolverError, withCode } from './errors'
import { requestData } from './requestData'
import { ensureSchedule, readSchedule, stopSchedule } from './schedule'
import { requireResource } from './settings'

export interface RemindersDoc { snoozes: Record<string, string>; lastEmailed?: string[] }

export async function reminders(_: unknown, __: unknown, ctx: Context) {
  await requireResource(ctx)
  // First visit of an admin sets the daily scan up; later visits find it registered.
  await ensureSchedule(ctx).catch(e => ctx.vtex.logger.warn({ message: 'could not register the daily scan', reason: String((e as Error).message) }))
  return currentReminders(ctx)
}

/** The reminders to show now (not snoozed), from the request's evaluation and stored scans. */
export async function currentReminders(ctx: Context) {
  const data = requestData(ctx)
  const [evaluation, changes, doc] = await Promise.all([
    data.evaluation(),
    data.storage.read<Changes>('snapshots', 'changes.json'),
    data.storage.read<RemindersDoc>('reminders'),
  ]).catch(e => { throw toResolverError(e) })
  const { input, findings } = evaluation
  const keysById = new Map(input.inventory.keys.map(k => [k.id, k]))
  return computeReminders({
    now: input.now,
    reviewCadenceDays: input.settings.reviewCadenceDays,
    remindBeforeDays: input.settings.reminderDays,
    lastReviewCompletedAt: input.lastReviewCompletedAt,
    changes: changes.value,
    unfinishedRenewals: findings.filter(f => f.rule === 'renewal-unfinished').map(f => ({ id: f.subjectId, label: keysById.get(f.subjectId)?.label ?? f.subjectLabel })),
    snoozes: doc.value?.snoozes ?? {},
  })
}

export async function snoozeReminder(_: unknown, args: { id: string; days: number }, ctx: Context) {
  await requireResource(ctx)
  if (!Number.isInteger(args.days) || args.days < 1 || args.days > 90) {
    throw withCode(new UserInputError('days must be a whole number from 1 to 90'), 'BAD_USER_INPUT', { fields: [{ field: 'days', message: 'days must be a whole number from 1 to 90' }] })
  }
  if (!args.id || args.id.length > 300) throw withCode(new UserInputError('Not a reminder id'), 'BAD_USER_INPUT', { fields: [{ field: 'id', message: 'Not a reminder id' }] })
  const until = snoozeUntil(now(), args.days)
  await requestData(ctx).storage.update<RemindersDoc, void>('reminders', cur => ({ value: { ...cur, snoozes: { ...(cur?.snoozes ?? {}), [args.id]: until } }, result: undefined }))
    .catch(e => { throw toResolverError(e) })
  return until
}

export async function changes(_: unknown, __: unknown, ctx: Context) {
  await requireResource(ctx)
  return (await requestData(ctx).storage.read<Changes>('snapshots', 'changes.json').catch(e => { throw toResolverError(e) })).value
}

export async function schedule(_: unknown, __: unknown, ctx: Context) {
  await requireResource(ctx)
  const doc = await readSchedule(requestData(ctx).storage).catch(e => { throw toResolverError(e) })
  return { registered: !!doc, expression: doc?.expression ?? null, registeredAt: doc?.registeredAt ?? null, lastScanAt: doc?.lastScanAt ?? null }
}

/** Stops the daily scan (it starts again the next time an admin opens Key Steward). */
export async function unregisterSchedule(_: unknown, __: unknown, ctx: Context) {
  await requireResource(ctx)
  await stopSchedule(ctx).catch(e => { throw toResolverError(e) })
  return true
}
