// The daily scan: registered with VTEX's scheduler (idempotently, the first time an admin opens
// Key Steward and whenever settings change), protected by a random bearer secret kept in VBase.
// Every registration attempt and every run is recorded (schedule/status.json) so that a failure
// with no admin watching shows in the Admin, not only in a log line.
import { randomBytes, timingSafeEqual } from 'crypto'
import { now } from '../clock'
import type { AppStorage } from '../clients/appStorage'
import { Budget, REQUEST_BUDGET_MS } from '../clients/deadline'
import { currentOccurrence, OK, inventoryOutcome, ScanRun, ScanStatusDoc, StepOutcome, storefrontOutcome } from '../domain/scan/scanStatus'
import { buildSnapshot, Changes, diffSnapshots, isEmptyChanges, Snapshot } from '../domain/scan/snapshot'
import type { Context } from '../typings'
import { emailReminders } from './reminderEmails'
import { runScan } from './leakScan'
import { requestData } from './requestData'
import { failureOutcome } from './scanOutcome'

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

export interface ScheduleDoc { secret: string; jobId: string; expression: string; registeredAt: string; lastScanAt?: string | null; /** the scheduled time whose run was claimed */ runClaimedFor?: string | null }

const STATUS = 'status.json'

export async function readSchedule(storage: AppStorage): Promise<ScheduleDoc | null> {
  return (await storage.read<ScheduleDoc>('schedule')).value
}

export async function readScanStatus(storage: AppStorage): Promise<ScanStatusDoc | null> {
  return (await storage.read<ScanStatusDoc>('schedule', STATUS)).value
}

function recordStatus(storage: AppStorage, change: (cur: ScanStatusDoc) => ScanStatusDoc): Promise<void> {
  return storage.update<ScanStatusDoc, void>('schedule', cur => ({ value: change(cur ?? { registration: null, lastRun: null }), result: undefined }), STATUS)
}

function jobFor(ctx: Context, doc: ScheduleDoc) {
  const { account, workspace } = ctx.vtex
  return {
    id: doc.jobId,
    scheduler: { expression: doc.expression, endDate: new Date(now().getTime() + LEASE_DAYS * 86_400_000).toISOString().slice(0, 19) },
    request: { uri: `https://${workspace}--${account}.myvtex.com${SCAN_PATH}`, method: 'POST' as const, headers: { Authorization: `Bearer ${doc.secret}` }, body: {} },
    retry: { delay: { addMinutes: 5, addHours: 0, addDays: 0 }, times: 2, backOffRate: 1.0 },
  }
}

/** Registers the job, recording the outcome; a failure is recorded, then thrown. */
async function register(ctx: Context, storage: AppStorage, doc: ScheduleDoc): Promise<void> {
  const at = now().toISOString()
  try {
    await ctx.clients.scheduler.upsert(jobFor(ctx, doc))
  } catch (e) {
    const outcome = failureOutcome(e)
    await recordStatus(storage, cur => ({ ...cur, registration: { ...outcome, at } })).catch(() => undefined)
    throw e
  }
  await recordStatus(storage, cur => ({ ...cur, registration: { ...OK, at } }))
}

/**
 * Registers the daily job if it is not registered yet (or `force`, e.g. after a settings change),
 * unless an admin stopped it: then only `restart` (the Restart button) registers it again.
 */
export async function ensureSchedule(ctx: Context, force = false, restart = false): Promise<ScheduleDoc | null> {
  const { storage } = requestData(ctx)
  if (!restart && (await readScanStatus(storage))?.stoppedAt) return null
  const current = await storage.read<ScheduleDoc>('schedule')
  // An admin's visit renews the lease once it is a week old (the scan renews it daily).
  const fresh = current.value && now().getTime() - Date.parse(current.value.registeredAt) < 7 * 86_400_000
  if (current.value && fresh && !force) return current.value
  const doc: ScheduleDoc = current.value ?? { secret: randomBytes(32).toString('hex'), jobId: SCHEDULE_ID, expression: DAILY, registeredAt: now().toISOString(), lastScanAt: null }
  await register(ctx, storage, doc)
  if (restart) await recordStatus(storage, cur => ({ ...cur, stoppedAt: null }))
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
    await recordStatus(storage, cur => ({ ...cur, stoppedAt: now().toISOString() }))
    return
  }
  // VTEX answers 404 for a job it no longer has (e.g. its lease ended): it is stopped all the same.
  await ctx.clients.scheduler.remove(current.value.jobId).catch(e => {
    if ((e as { status?: number }).status !== 404) throw e
  })
  await storage.write('schedule', null, current.etag)
  await recordStatus(storage, cur => ({ ...cur, registration: null, stoppedAt: now().toISOString() }))
}

function bearerMatches(header: string | undefined, secret: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  if (!m) return false
  const a = Buffer.from(m[1])
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

const settle = <T>(p: Promise<T>) => p.then(value => ({ ok: true as const, value }), error => ({ ok: false as const, error }))

/**
 * POST /_v/key-steward/scan, called by VTEX's scheduler. The inventory read and the storefront
 * crawl run side by side under one deadline safely inside the route's timeout; what either could
 * not finish is saved as partial, with what was left out, and recorded for the Admin.
 */
export async function scheduledScan(ctx: Context, next: () => Promise<void>): Promise<void> {
  const { storage } = requestData(ctx)
  const schedule = await readSchedule(storage)
  if (!schedule || !bearerMatches(ctx.get('authorization'), schedule.secret)) {
    ctx.status = 401
    ctx.body = { error: 'A valid scheduler secret is required' }
    return next()
  }
  // One run per scheduled time: a replayed or repeated call for a run already done answers with
  // what is stored and changes nothing (VTEX's scheduler may retry; a replay must not erase).
  // The run is claimed with a conflict-safe update, so two deliveries at once cannot both run.
  const occurrence = currentOccurrence(schedule.expression, now())
  const REPLAY = Symbol('replay')
  const claimed = occurrence === null || await storage.update<ScheduleDoc, boolean>('schedule', cur => {
    const doc = cur ?? schedule
    if ((doc.runClaimedFor && doc.runClaimedFor >= occurrence) || (doc.lastScanAt && doc.lastScanAt >= occurrence)) return { refused: REPLAY }
    return { value: { ...doc, runClaimedFor: occurrence }, result: true }
  }).catch(e => {
    if (e === REPLAY) return false
    throw e
  })
  if (!claimed) {
    ctx.status = 200
    ctx.body = { replayed: true, at: schedule.lastScanAt ?? null }
    return next()
  }
  const startedAt = now()
  ;(ctx.state as { asApp?: boolean }).asApp = true
  // The inventory's License Manager reads stop at the scan's deadline: the roles not read by then
  // make the snapshot partial (complete: false, with what is missing) instead of failing it.
  ctx.clients.licenseManagerApi.budget = new Budget(SCAN_BUDGET_MS)
  const data = requestData(ctx)
  const crawlStart = Date.now()
  // The crawl aborts the fetches still running at its deadline (scanner/scanStorefront.ts).
  const crawlBudget = SCAN_BUDGET_MS
  const [evaluation, crawl] = await Promise.all([settle(data.evaluation()), settle(runScan(ctx, { deadlineMs: crawlBudget }))])

  let inventory: StepOutcome
  let changes: Changes | null = null
  let snapshot: Snapshot | null = null
  if (evaluation.ok) {
    inventory = inventoryOutcome(evaluation.value.input.inventory)
    const prev = (await storage.read<Snapshot>('snapshots', 'latest.json')).value
    snapshot = buildSnapshot(evaluation.value.input.inventory, evaluation.value.findings, now(), prev)
    changes = diffSnapshots(prev, snapshot)
    await storage.write('snapshots', snapshot, null, 'latest.json')
    // "What changed" keeps the last diff that found something (its dates say which scans).
    const stored = (await storage.read<Changes>('snapshots', 'changes.json')).value
    if (!stored || !isEmptyChanges(changes) || !stored.from) await storage.write('snapshots', changes, null, 'changes.json')
    await storage.update<ScheduleDoc, void>('schedule', cur => ({ value: { ...(cur ?? schedule), lastScanAt: snapshot!.at }, result: undefined }))
  } else {
    inventory = failureOutcome(evaluation.error)
  }
  const storefront = crawl.ok ? storefrontOutcome(crawl.value, Date.now() - crawlStart >= crawlBudget) : failureOutcome(crawl.error)

  // Renew the lease, unless an admin stopped the scan while it ran (a failure is recorded).
  if (await readSchedule(storage)) await ensureSchedule(ctx, true).catch(() => undefined)
  const email = await emailReminders(ctx).catch(e => ({ ...failureOutcome(e), sent: 0 }))
  const run: ScanRun = { startedAt: startedAt.toISOString(), finishedAt: now().toISOString(), inventory, storefront, email: { state: email.state, problem: email.problem, detail: email.detail }, emailsSent: email.sent }
  await recordStatus(storage, cur => ({ ...cur, lastRun: run }))

  // Anything but a failed inventory read is a run: VTEX's scheduler retries only failures.
  ctx.status = evaluation.ok ? 200 : 502
  ctx.body = {
    at: run.finishedAt, inventory: run.inventory.state, storefront: run.storefront.state, email: run.email.state, emailed: run.emailsSent,
    complete: snapshot?.complete ?? false, keys: snapshot?.keys.length ?? 0,
    leakScan: crawl.ok ? { exposures: crawl.value.exposures.length, errors: crawl.value.errors.length } : null,
    changes: changes && { keysCreated: changes.keysCreated.length, rolesAdded: changes.rolesAdded.length, rolesRemoved: changes.rolesRemoved.length, keysCrossedRotation: changes.keysCrossedRotation.length },
  }
  return next()
}
