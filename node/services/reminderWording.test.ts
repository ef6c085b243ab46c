import type { Reminder } from '../domain/scan/reminders'
import { reminderEmail } from './reminderWording'

const reminder = (
  kind: Reminder['kind'],
  count: number,
  labels: string[] = [],
  dueDate: string | null = null
): Reminder => ({
  id: kind,
  kind,
  count,
  dueDate,
  subjects: labels.map((label, i) => ({ id: `k${i}`, label })),
})

describe('the reminder e-mail, in the language chosen in Settings', () => {
  const reminders = [
    reminder('REVIEW_OVERDUE', 1),
    reminder('KEYS_CROSSED_ROTATION', 7, [
      'ERP',
      'Feed',
      'WMS',
      'OMS',
      'CRM',
      'BI',
      'Tax',
    ]),
    reminder('RENEWALS_UNFINISHED', 1, ['ERP']),
  ]

  it('English: the banner’s wording with plurals, at most five names', () => {
    expect(reminderEmail('en', 'acme', reminders)).toEqual({
      subject: 'Key Steward: 3 reminders for acme',
      intro: 'Key Steward has reminders for the account acme:',
      reminders: [
        'The access review is overdue.',
        '7 keys crossed the rotation period since the last scan: ERP, Feed, WMS, OMS, CRM, and +2.',
        '1 token renewal is unfinished, so old tokens still work: ERP.',
      ],
      linkText: 'Open Key Steward in the VTEX Admin',
    })
  })

  it('Portuguese and Spanish, with the due date in the language', () => {
    const pt = reminderEmail('pt', 'acme', [
      reminder('REVIEW_DUE_SOON', 1, [], '2026-12-10T00:00:00.000Z'),
    ])

    expect(pt.subject).toBe('Key Steward: 1 lembrete para acme')
    expect(pt.reminders[0]).toMatch(/10 de dezembro de 2026/)
    const es = reminderEmail('es', 'acme', [
      reminder('KEYS_CROSSED_ROTATION', 1, ['ERP']),
    ])

    expect(es.subject).toBe('Key Steward: 1 recordatorio para acme')
    expect(es.linkText).toBe('Abrir Key Steward en el Admin de VTEX')
  })

  it('keeps a label as plain text (the template escapes it)', () => {
    expect(
      reminderEmail('en', 'acme', [
        reminder('RENEWALS_UNFINISHED', 1, ['<b>x</b>']),
      ]).reminders[0]
    ).toContain('<b>x</b>')
  })
})
