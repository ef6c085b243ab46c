// The daily snapshot's registration with VTEX's scheduler (idempotently, the first time an admin
// opens Key Steward and whenever settings change), protected by a random bearer secret kept in
// VBase. Every registration attempt and every run is recorded (schedule/status.json) so that a
// failure with no admin watching shows in the Admin, not only in a log line.
import { randomBytes } from 'crypto'

import { now } from '../../clock'
import { DAY_MS } from '../../domain/age'
import type { AppStorage } from '../../clients/appStorage'
import { REQUEST_BUDGET_MS } from '../../clients/deadline'
import type { ScanStatusDoc } from '../../domain/scan/scanStatus'
import { nextDailyRun, OK, scanFailure } from '../../domain/scan/scanStatus'
import type { Context } from '../../typings'
import { requestData } from '../requestData'
import { failureOutcome } from './scanOutcome'
import type { ScheduleDoc } from './types'

export type { ScheduleDoc }

export const SCHEDULE_ID = 'key-steward-daily-scan'
export const DAILY = '0 6 * * *'
export const SCAN_PATH = '/_v/key-steward/scan'
/**
 * The job ends this long after its last renewal; every scan and admin visit renews it. VTEX IO
 * documents no uninstall hook for apps, so an uninstalled Key Steward (whose route no longer
 * answers and renews nothing) leaves no job running for more than this.
 */
export const LEASE_DAYS = 30
/**
 * The inventory read and the storefront crawl run side by side within this, leaving the rest
 * of the request budget for saving the snapshot, renewing the job and e-mailing.
 */
export const SCAN_BUDGET_MS = REQUEST_BUDGET_MS - 7_000

const STATUS = 'status.json'

export async function readSchedule(
  storage: AppStorage
): Promise<ScheduleDoc | null> {
  return (await storage.read<ScheduleDoc>('schedule')).value
}

export async function readScanStatus(
  storage: AppStorage
): Promise<ScanStatusDoc | null> {
  return (await storage.read<ScanStatusDoc>('schedule', STATUS)).value
}

export function recordStatus(
  storage: AppStorage,
  change: (cur: ScanStatusDoc) => ScanStatusDoc
): Promise<void> {
  return storage.update<ScanStatusDoc, void>(
    'schedule',
    (cur) => ({
      value: change(cur ?? { registration: null, lastRun: null }),
      result: undefined,
    }),
    STATUS
  )
}

function jobFor(ctx: Context, doc: ScheduleDoc) {
  const { account, workspace } = ctx.vtex

  return {
    id: doc.jobId,
    scheduler: {
      expression: doc.expression,
      endDate: new Date(now().getTime() + LEASE_DAYS * DAY_MS)
        .toISOString()
        .slice(0, 19),
    },
    request: {
      uri: `https://${workspace}--${account}.myvtex.com${SCAN_PATH}`,
      method: 'POST' as const,
      headers: { Authorization: `Bearer ${doc.secret}` },
      body: {},
    },
    retry: {
      delay: { addMinutes: 5, addHours: 0, addDays: 0 },
      times: 2,
      backOffRate: 1.0,
    },
  }
}

/** Registers the job, recording the outcome; a failure is recorded, then thrown. */
async function register(
  ctx: Context,
  storage: AppStorage,
  doc: ScheduleDoc
): Promise<void> {
  const at = now().toISOString()

  try {
    await ctx.clients.scheduler.upsert(jobFor(ctx, doc))
  } catch (e) {
    const outcome = failureOutcome(e)

    await recordStatus(storage, (cur) => ({
      ...cur,
      registration: { ...outcome, at },
    })).catch(() => undefined)
    throw e
  }

  await recordStatus(storage, (cur) => ({
    ...cur,
    registration: { ...OK, at },
  }))
}

/**
 * Registers the daily job if it is not registered yet (or `force`, e.g. after a settings change),
 * unless an admin stopped it: then only `restart` (the Restart button) registers it again.
 */
export async function ensureSchedule(
  ctx: Context,
  force = false,
  restart = false
): Promise<ScheduleDoc | null> {
  const { storage } = requestData(ctx)

  if (!restart && (await readScanStatus(storage))?.stoppedAt) return null
  const current = await storage.read<ScheduleDoc>('schedule')
  // An admin's visit renews the lease once it is a week old (the scan renews it daily).
  const fresh =
    current.value &&
    now().getTime() - Date.parse(current.value.registeredAt) < 7 * DAY_MS

  if (current.value && fresh && !force) return current.value
  const doc: ScheduleDoc = current.value ?? {
    secret: randomBytes(32).toString('hex'),
    jobId: SCHEDULE_ID,
    expression: DAILY,
    registeredAt: now().toISOString(),
    lastScanAt: null,
  }

  await register(ctx, storage, doc)
  if (restart)
    await recordStatus(storage, (cur) => ({ ...cur, stoppedAt: null }))
  const saved = { ...doc, registeredAt: now().toISOString() }

  await storage.write('schedule', saved, current.etag)
  if (current.etag === null) {
    // Two replicas registering at once both create the document: keep whichever secret won,
    // and make sure the job carries it.
    const stored = await readSchedule(storage)

    if (stored && stored.secret !== saved.secret) {
      await register(ctx, storage, stored)

      return stored
    }
  }

  return saved
}

/** Stops the daily scan: removes the scheduler job and forgets the secret. */
export async function stopSchedule(ctx: Context): Promise<void> {
  const { storage } = requestData(ctx)
  const current = await storage.read<ScheduleDoc>('schedule')

  if (!current.value) {
    await recordStatus(storage, (cur) => ({
      ...cur,
      stoppedAt: now().toISOString(),
    }))

    return
  }

  // VTEX answers 404 for a job it no longer has (e.g. its lease ended): it is stopped all the same.
  await ctx.clients.scheduler.remove(current.value.jobId).catch((e) => {
    if ((e as { status?: number }).status !== 404) throw e
  })
  await storage.write('schedule', null, current.etag)
  await recordStatus(storage, (cur) => ({
    ...cur,
    registration: null,
    stoppedAt: now().toISOString(),
  }))
}

/** The daily snapshot as the Admin shows it (never the job's secret). */
export async function scheduleStatus(storage: AppStorage) {
  const [doc, status] = await Promise.all([
    readSchedule(storage),
    readScanStatus(storage),
  ])

  const endsAt = doc
    ? new Date(Date.parse(doc.registeredAt) + LEASE_DAYS * DAY_MS).toISOString()
    : null

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
