// The daily scan: registered with VTEX's scheduler (idempotently, the first time an admin opens
// Key Steward and whenever settings change), protected by a random bearer secret kept in VBase.
import { randomBytes, timingSafeEqual } from 'crypto'
import { now } from '../clock'
import type { AppStorage } from '../clients/appStorage'
import { buildSnapshot, Changes, diffSnapshots, Snapshot } from '../domain/scan/snapshot'
import type { Context } from '../typings'
import { runScan } from './leakScan'
import { currentReminders, RemindersDoc } from './reminders'
import { requestData } from './requestData'

export const SCHEDULE_ID = 'key-steward-daily-scan'
export const DAILY = '0 6 * * *'
export const SCAN_PATH = '/_v/key-steward/scan'
/**
 * The job ends this long after its last renewal; every scan and admin visit renews it. VTEX IO
 * documents no uninstall hook for apps, so an uninstalled Key Steward (whose route no longer
 * answers and renews nothing) leaves no job running for more than this.
 */
export const LEASE_DAYS = 30

export interface ScheduleDoc { secret: string; jobId: string; expression: string; registeredAt: string; lastScanAt?: string | null }

export async function readSchedule(storage: AppStorage): Promise<ScheduleDoc | null> {
  return (await storage.read<ScheduleDoc>('schedule')).value
}

/** Registers the daily job if it is not registered yet (or `force`, e.g. after a settings change). */
export async function ensureSchedule(ctx: Context, force = false): Promise<ScheduleDoc> {
  const { storage } = requestData(ctx)
  const current = await storage.read<ScheduleDoc>('schedule')
  // An admin's visit renews the lease once it is a week old (the scan renews it daily).
  const fresh = current.value && now().getTime() - Date.parse(current.value.registeredAt) < 7 * 86_400_000
  if (current.value && fresh && !force) return current.value
  const doc: ScheduleDoc = current.value ?? { secret: randomBytes(32).toString('hex'), jobId: SCHEDULE_ID, expression: DAILY, registeredAt: now().toISOString(), lastScanAt: null }
  const { account, workspace } = ctx.vtex
  await ctx.clients.scheduler.upsert({
    id: doc.jobId,
    scheduler: { expression: doc.expression, endDate: new Date(now().getTime() + LEASE_DAYS * 86_400_000).toISOString().slice(0, 19) },
    request: { uri: `https://${workspace}--${account}.myvtex.com${SCAN_PATH}`, method: 'POST', headers: { Authorization: `Bearer ${doc.secret}` }, body: {} },
  })
  const saved = { ...doc, registeredAt: now().toISOString() }
  await storage.write('schedule', saved, current.etag)
  if (current.etag === null) {
    // Two replicas registering at once both create the document: keep whichever secret won,
    // and make sure the job carries it.
    const stored = await readSchedule(storage)
    if (stored && stored.secret !== saved.secret) {
      await ctx.clients.scheduler.upsert({
        id: stored.jobId,
        scheduler: { expression: stored.expression, endDate: new Date(now().getTime() + LEASE_DAYS * 86_400_000).toISOString().slice(0, 19) },
        request: { uri: `https://${workspace}--${account}.myvtex.com${SCAN_PATH}`, method: 'POST', headers: { Authorization: `Bearer ${stored.secret}` }, body: {} },
      })
      return stored
    }
  }
  return saved
}

/** Stops the daily scan: removes the scheduler job and forgets the secret. */
export async function stopSchedule(ctx: Context): Promise<void> {
  const { storage } = requestData(ctx)
  const current = await storage.read<ScheduleDoc>('schedule')
  if (!current.value) return
  await ctx.clients.scheduler.remove(current.value.jobId)
  await storage.write('schedule', null, current.etag)
}

function bearerMatches(header: string | undefined, secret: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  if (!m) return false
  const a = Buffer.from(m[1])
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** POST /_v/key-steward/scan, called by VTEX's scheduler. */
export async function scheduledScan(ctx: Context, next: () => Promise<void>): Promise<void> {
  const { storage } = requestData(ctx)
  const schedule = await readSchedule(storage)
  if (!schedule || !bearerMatches(ctx.get('authorization'), schedule.secret)) {
    ctx.status = 401
    ctx.body = { error: 'A valid scheduler secret is required' }
    return next()
  }
  ;(ctx.state as { asApp?: boolean }).asApp = true
  const data = requestData(ctx)
  const evaluation = await data.evaluation()
  const scan = await runScan(ctx).catch(() => null)
  const prev = (await storage.read<Snapshot>('snapshots', 'latest.json')).value
  const snapshot = buildSnapshot(evaluation.input.inventory, evaluation.findings, now())
  const changes: Changes = diffSnapshots(prev, snapshot)
  await storage.write('snapshots', snapshot, null, 'latest.json')
  await storage.write('snapshots', changes, null, 'changes.json')
  await storage.update<ScheduleDoc, void>('schedule', cur => ({ value: { ...(cur ?? schedule), lastScanAt: snapshot.at }, result: undefined }))
  // Renew the lease, unless an admin stopped the scan while it ran.
  if (await readSchedule(storage)) await ensureSchedule(ctx, true).catch(e => ctx.vtex.logger.warn({ message: 'could not renew the daily scan', reason: String((e as Error).message) }))
  const emailed = await emailReminders(ctx).catch(e => {
    ctx.vtex.logger.warn({ message: 'could not send reminder e-mails', reason: String((e as Error).message) })
    return 0
  })
  ctx.status = 200
  ctx.body = {
    at: snapshot.at, complete: snapshot.complete, keys: snapshot.keys.length, findings: evaluation.findings.length,
    leakScan: scan ? { exposures: scan.exposures.length, errors: scan.errors.length } : null,
    emailed,
    changes: { keysCreated: changes.keysCreated.length, rolesAdded: changes.rolesAdded.length, rolesRemoved: changes.rolesRemoved.length, keysCrossedRotation: changes.keysCrossedRotation.length },
  }
  return next()
}

const REMINDER_TEXT: Record<string, (count: number) => string> = {
  REVIEW_OVERDUE: () => 'The access review is overdue: start one and decide on every key.',
  REVIEW_DUE_SOON: () => 'The next access review is due soon.',
  KEYS_CROSSED_ROTATION: n => `${n} key(s) crossed the rotation period since the last scan: renew their tokens or rotate them.`,
  RENEWALS_UNFINISHED: n => `${n} token renewal(s) are unfinished, so old tokens still work: finish them.`,
}

/**
 * E-mails the configured recipients through Message Center when a reminder appeared that was not
 * in the last e-mail (so a daily scan does not repeat the same message every day).
 */
async function emailReminders(ctx: Context): Promise<number> {
  const data = requestData(ctx)
  const { value: settings } = await data.settings()
  if (!settings.reminderEmails.length) return 0
  const reminders = await currentReminders(ctx)
  const ids = reminders.map(r => r.id).sort()
  const doc = (await data.storage.read<RemindersDoc>('reminders')).value
  const emailedBefore = new Set(doc?.lastEmailed ?? [])
  if (!ids.some(id => !emailedBefore.has(id))) return 0
  const mc = ctx.clients.messageCenter
  await mc.publishTemplate()
  const { account, workspace } = ctx.vtex
  const body = { account, reminders: reminders.map(r => REMINDER_TEXT[r.kind](r.count)), link: `https://${workspace === 'master' ? '' : `${workspace}--`}${account}.myvtex.com/admin/app/key-steward` }
  for (const to of settings.reminderEmails) await mc.sendReminders(to, body)
  await data.storage.update<RemindersDoc, void>('reminders', cur => ({ value: { snoozes: cur?.snoozes ?? {}, lastEmailed: ids }, result: undefined }))
  return settings.reminderEmails.length
}
