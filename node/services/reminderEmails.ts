// Reminder e-mails through VTEX's Message Center, sent by the daily scan when a reminder appeared
// that was not in the last e-mail (so the same message is not repeated every day).
import type { StepOutcome } from '../domain/scan/scanStatus'
import { reminderLocaleOf } from '../domain/settings'
import { reminderEmail } from './reminderWording'
import type { Context } from '../typings'
import type { RemindersDoc } from './reminders'
import { currentReminders } from './reminders'
import { requestData } from './requestData'

/** The Admin's own URL for the app (the sidebar link), not the frame's /admin/app/… URL. */
export function adminLink(account: string, workspace: string): string {
  return `https://${
    workspace === 'master' ? '' : `${workspace}--`
  }${account}.myvtex.com/admin/key-steward`
}

export async function emailReminders(
  ctx: Context
): Promise<StepOutcome & { sent: number }> {
  const data = requestData(ctx)
  const { value: settings } = await data.settings()

  if (!settings.reminderEmails.length)
    return { state: 'SKIPPED', problem: 'NO_RECIPIENTS', detail: null, sent: 0 }
  const reminders = await currentReminders(ctx)
  const ids = reminders.map((r) => r.id).sort()
  const doc = (await data.storage.read<RemindersDoc>('reminders')).value
  const emailedBefore = new Set(doc?.lastEmailed ?? [])

  if (!ids.some((id) => !emailedBefore.has(id)))
    return { state: 'SKIPPED', problem: 'NOTHING_NEW', detail: null, sent: 0 }
  const mc = ctx.clients.messageCenter

  await mc.ensureTemplate()
  const { account, workspace } = ctx.vtex
  const body = {
    account,
    ...reminderEmail(reminderLocaleOf(settings), account, reminders),
    link: adminLink(account, workspace),
  }

  let sent = 0

  for (const to of settings.reminderEmails) {
    await mc.sendReminders(to, body)
    sent++
  }

  await data.storage.update<RemindersDoc, void>('reminders', (cur) => ({
    value: { snoozes: cur?.snoozes ?? {}, lastEmailed: ids },
    result: undefined,
  }))

  return { state: 'OK', problem: null, detail: null, sent }
}
