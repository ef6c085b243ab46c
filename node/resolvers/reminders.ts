import { now } from '../clock'
import { snoozeUntil } from '../domain/scan/reminders'
import type { StepOutcome } from '../domain/scan/scanStatus'
import { shownProblem, shownState } from '../domain/scan/scanStatus'
import type { Changes } from '../domain/scan/snapshot'
import type { Context } from '../typings'
import { localeOf, wording } from '../domain/wording'
import { toResolverError } from './errors'
import { invalidFields } from './refusals'
import {
  ensureSchedule,
  scheduleStatus,
  stopSchedule,
} from '../services/dailyScan/registration'
import { stepDetail } from '../services/dailyScan/stepDetail'
import type { RemindersDoc } from '../services/reminders'
import { currentReminders } from '../services/reminders'
import { requestData } from '../services/requestData'

export async function reminders(_: unknown, __: unknown, ctx: Context) {
  // First visit of an admin sets the daily scan up; later visits find it registered. A failure
  // is recorded (Settings → Daily scan) and raises the DAILY_SCAN_FAILING reminder below.
  await ensureSchedule(ctx).catch((e) =>
    ctx.vtex.logger.warn({
      message: 'could not register the daily scan',
      reason: String((e as Error).message),
    })
  )

  return currentReminders(ctx)
}

export async function snoozeReminder(
  _: unknown,
  args: { id: string; days: number },
  ctx: Context
) {
  if (!Number.isInteger(args.days) || args.days < 1 || args.days > 90) {
    throw invalidFields([
      {
        field: 'days',
        message: wording('validation.range', {
          field: 'days',
          min: 1,
          max: 90,
        }),
      },
    ])
  }

  // Only a reminder shown now can be snoozed: an id is never stored unless it is one of them.
  const shown = await currentReminders(ctx)

  if (!shown.some((r) => r.id === args.id))
    throw invalidFields([
      { field: 'id', message: wording('refusal.reminder.notShown') },
    ])
  const until = snoozeUntil(now(), args.days)

  await requestData(ctx)
    .storage.update<RemindersDoc, void>('reminders', (cur) => ({
      value: { ...cur, snoozes: { ...(cur?.snoozes ?? {}), [args.id]: until } },
      result: undefined,
    }))
    .catch((e) => {
      throw toResolverError(e)
    })

  return until
}

export async function changes(_: unknown, __: unknown, ctx: Context) {
  const stored = (
    await requestData(ctx)
      .storage.read<Changes>('snapshots', 'changes.json')
      .catch((e) => {
        throw toResolverError(e)
      })
  ).value

  // Diffs stored before rolesNotCompared existed read as comparing everything they could.
  return (
    stored && { ...stored, rolesNotCompared: stored.rolesNotCompared ?? [] }
  )
}

export async function schedule(_: unknown, __: unknown, ctx: Context) {
  return scheduleStatus(requestData(ctx).storage).catch((e) => {
    throw toResolverError(e)
  })
}

/** Stops the daily scan (it starts again the next time an admin opens Key Steward or restarts it). */
export async function unregisterSchedule(
  _: unknown,
  __: unknown,
  ctx: Context
) {
  await stopSchedule(ctx).catch((e) => {
    throw toResolverError(e)
  })

  return true
}

/** Registers the daily scan again now; a refusal by VTEX is shown to the admin and recorded. */
export async function restartSchedule(_: unknown, __: unknown, ctx: Context) {
  await ensureSchedule(ctx, true, true).catch((e) => {
    throw toResolverError(e)
  })

  return scheduleStatus(requestData(ctx).storage).catch((e) => {
    throw toResolverError(e)
  })
}

/**
 * A daily scan step's detail in the admin's language (a status stored in English: as it is); a
 * state or problem this version does not know is shown as a failure it cannot name.
 */
export const scanStepFields = {
  state: (step: StepOutcome) => shownState(step.state),
  problem: (step: StepOutcome) => shownProblem(step.problem),
  detail: (step: StepOutcome, _: unknown, ctx: Context) =>
    stepDetail(step, localeOf(ctx.vtex.locale)),
}
