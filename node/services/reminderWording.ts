// The reminder e-mail's words, in the language chosen in Settings (default: English), from the
// same messages as the Admin's reminder banner (copied by the build: node/generated/messages.ts).
import type { Reminder } from '../domain/scan/reminders'
import type { Locale, MessageId } from '../domain/wording'
import { say } from './wording'

const NAMES_SHOWN = 5

const format = (
  locale: Locale,
  id: MessageId,
  values: Record<string, string | number>
): string => say(locale, { id, values })

function names(locale: Locale, subjects: Reminder['subjects']): string {
  const shown = subjects.slice(0, NAMES_SHOWN).map((s) => s.label)
  const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    subjects.length > NAMES_SHOWN
      ? [...shown, `+${subjects.length - NAMES_SHOWN}`]
      : shown
  )

  return list
}

export interface ReminderEmail {
  subject: string
  intro: string
  reminders: string[]
  linkText: string
}

/** Plain text only: the Message Center template escapes every value ({{…}}, never {{{…}}}). */
export function reminderEmail(
  locale: Locale,
  account: string,
  reminders: Reminder[]
): ReminderEmail {
  return {
    subject: format(locale, 'email.subject', {
      count: reminders.length,
      account,
    }),
    intro: format(locale, 'email.intro', { account }),
    reminders: reminders.map((r) =>
      format(locale, `reminder.${r.kind}`, {
        count: r.count,
        names: names(locale, r.subjects),
        date: r.dueDate
          ? new Intl.DateTimeFormat(locale, {
              dateStyle: 'long',
              timeZone: 'UTC',
            }).format(new Date(r.dueDate))
          : '',
      })
    ),
    linkText: format(locale, 'email.open', {}),
  }
}
