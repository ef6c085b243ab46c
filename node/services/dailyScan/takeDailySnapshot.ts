// The daily snapshot: the inventory read (with the app's token) and the storefront crawl run side
// by side under one deadline safely inside the route's timeout; what either could not finish is
// saved as partial, with what was left out, and recorded for the Admin. Then the job's lease is
// renewed and reminder e-mails go out. It only reads VTEX: it never acts on a key.
import { now } from '../../clock'
import { Budget } from '../../clients/deadline'
import type { ScanRun, StepOutcome } from '../../domain/scan/scanStatus'
import {
  inventoryOutcome,
  storefrontOutcome,
} from '../../domain/scan/scanStatus'
import type { Changes, Snapshot } from '../../domain/scan/snapshot'
import {
  buildSnapshot,
  diffSnapshots,
  isEmptyChanges,
} from '../../domain/scan/snapshot'
import type { Context } from '../../typings'
import { emailReminders } from '../reminderEmails'
import { requestData } from '../requestData'
import { crawlStorefront } from '../storefrontCrawl'
import type { ScheduleDoc } from './registration'
import {
  ensureSchedule,
  readSchedule,
  recordStatus,
  SCAN_BUDGET_MS,
} from './registration'
import { failureOutcome } from './scanOutcome'

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error) => ({ ok: false as const, error })
  )

export async function takeDailySnapshot(
  ctx: Context,
  schedule: ScheduleDoc
): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  const startedAt = now()

  ctx.state.asApp = true
  // The inventory's License Manager reads stop at the scan's deadline: the roles not read by then
  // make the snapshot partial (complete: false, with what is missing) instead of failing it.
  ctx.clients.licenseManagerApi.budget = new Budget(SCAN_BUDGET_MS)
  const data = requestData(ctx)
  const { storage } = data
  const crawlStart = Date.now()
  // The crawl aborts the fetches still running at its deadline (scanner/scanStorefront.ts).
  const crawlBudget = SCAN_BUDGET_MS
  const [evaluation, crawl] = await Promise.all([
    settle(data.evaluation()),
    settle(crawlStorefront(ctx, { deadlineMs: crawlBudget })),
  ])

  let inventory: StepOutcome
  let changes: Changes | null = null
  let snapshot: Snapshot | null = null

  if (evaluation.ok) {
    inventory = inventoryOutcome(evaluation.value.input.inventory)
    const prev = (await storage.read<Snapshot>('snapshots', 'latest.json'))
      .value

    snapshot = buildSnapshot(
      evaluation.value.input.inventory,
      evaluation.value.findings,
      now(),
      prev
    )
    changes = diffSnapshots(prev, snapshot)
    await storage.write('snapshots', snapshot, null, 'latest.json')
    // "What changed" keeps the last diff that found something (its dates say which scans).
    const stored = (await storage.read<Changes>('snapshots', 'changes.json'))
      .value

    if (!stored || !isEmptyChanges(changes) || !stored.from)
      await storage.write('snapshots', changes, null, 'changes.json')
    const { at } = snapshot

    await storage.update<ScheduleDoc, void>('schedule', (cur) => ({
      value: { ...(cur ?? schedule), lastScanAt: at },
      result: undefined,
    }))
  } else {
    inventory = failureOutcome(evaluation.error)
  }

  const storefront = crawl.ok
    ? storefrontOutcome(crawl.value, Date.now() - crawlStart >= crawlBudget)
    : failureOutcome(crawl.error)

  // Renew the lease, unless an admin stopped the scan while it ran (a failure is recorded).
  if (await readSchedule(storage))
    await ensureSchedule(ctx, true).catch(() => undefined)
  const email = await emailReminders(ctx).catch((e) => ({
    ...failureOutcome(e),
    sent: 0,
  }))

  const run: ScanRun = {
    startedAt: startedAt.toISOString(),
    finishedAt: now().toISOString(),
    inventory,
    storefront,
    email: {
      state: email.state,
      problem: email.problem,
      detail: email.detail,
      failure: email.failure,
    },
    emailsSent: email.sent,
  }

  await recordStatus(storage, (cur) => ({ ...cur, lastRun: run }))

  return {
    ok: evaluation.ok,
    body: {
      at: run.finishedAt,
      inventory: run.inventory.state,
      storefront: run.storefront.state,
      email: run.email.state,
      emailed: run.emailsSent,
      complete: snapshot?.complete ?? false,
      keys: snapshot?.keys.length ?? 0,
      leakScan: crawl.ok
        ? {
            exposures: crawl.value.exposures.length,
            errors: crawl.value.errors.length,
          }
        : null,
      changes: changes && {
        keysCreated: changes.keysCreated.length,
        rolesAdded: changes.rolesAdded.length,
        rolesRemoved: changes.rolesRemoved.length,
        keysCrossedRotation: changes.keysCrossedRotation.length,
      },
    },
  }
}
