// The reminders to show now, for the banner and the daily snapshot's e-mails.
import { now } from '../clock'
import { lastCompletedAt } from '../domain/review/machine'
import {
  computeReminders,
  possiblyPendingRenewals,
} from '../domain/scan/reminders'
import type { Renewal } from '../domain/rules/types'
import { scanFailure } from '../domain/scan/scanStatus'
import type { Changes, Snapshot } from '../domain/scan/snapshot'
import { toResolverError } from '../resolvers/errors'
import type { Context } from '../typings'
import { readScanStatus } from './dailyScan/registration'
import type { ReviewsDoc } from './requestData'
import { requestData } from './requestData'

export interface RemindersDoc {
  snoozes: Record<string, string>
  lastEmailed?: string[]
}

/**
 * The reminders to show now (not snoozed). The banner is on every page, so once a daily scan
 * exists it reads stored data only (the scan's snapshot and changes, the review index,
 * settings) instead of the whole inventory; before the first scan it uses a live evaluation.
 */
export async function currentReminders(ctx: Context) {
  const data = requestData(ctx)
  const [snapshot, changes, doc, settings, reviews, scanStatus, renewals] =
    await Promise.all([
      data.storage.read<Snapshot>('snapshots', 'latest.json'),
      data.storage.read<Changes>('snapshots', 'changes.json'),
      data.storage.read<RemindersDoc>('reminders'),
      data.settings(),
      data.storage.read<ReviewsDoc>('reviews'),
      readScanStatus(data.storage),
      data.storage.read<Record<string, Renewal>>('renewals'),
    ]).catch((e) => {
      throw toResolverError(e)
    })

  let unfinishedRenewals: Array<{ id: string; label: string }>
  let possiblyPending: Array<{ id: string; label: string }>

  if (snapshot.value) {
    const labels = new Map(
      snapshot.value.keys.map((k) => [k.id, k.label || k.appKey])
    )

    possiblyPending = possiblyPendingRenewals(
      snapshot.value.keys,
      renewals.value
    )
    unfinishedRenewals = snapshot.value.findings
      .filter((f) => f.rule === 'renewal-unfinished')
      .map((f) => ({
        id: f.subjectId,
        label: labels.get(f.subjectId) ?? f.subjectId,
      }))
  } else {
    const { input, findings } = await data.evaluation()

    possiblyPending = possiblyPendingRenewals(
      input.inventory.keys,
      input.renewals
    )
    const labels = new Map(
      input.inventory.keys.map((k) => [k.id, k.label || k.appKey])
    )

    unfinishedRenewals = findings
      .filter((f) => f.rule === 'renewal-unfinished')
      .map((f) => ({
        id: f.subjectId,
        label: labels.get(f.subjectId) ?? f.subjectLabel,
      }))
  }

  return computeReminders({
    now: now(),
    reviewCadenceDays: settings.value.reviewCadenceDays,
    remindBeforeDays: settings.value.reminderDays,
    lastReviewCompletedAt: lastCompletedAt(reviews.value),
    reviewOpen: !!reviews.value?.openId,
    changes: changes.value,
    unfinishedRenewals,
    possiblyPendingRenewals: possiblyPending,
    snoozes: doc.value?.snoozes ?? {},
    scanFailure: scanFailure(scanStatus),
  })
}
