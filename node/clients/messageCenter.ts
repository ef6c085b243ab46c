// VTEX Message Center: the app registers its reminder e-mail template and sends through it,
// with its own token (the daily scan has no admin).
import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'
import { withRetry } from './retry'

export const REMINDER_TEMPLATE = 'key-steward-reminders'

/** The reminder template (Handlebars), registered once per account. */
export const reminderTemplate = {
  Name: REMINDER_TEMPLATE,
  FriendlyName: 'Key Steward reminders',
  Description: 'API key hygiene reminders sent by Key Steward',
  IsDefaultTemplate: false,
  IsPersisted: true,
  IsRemoved: false,
  Type: '',
  Templates: {
    email: {
      To: '{{to}}',
      CC: null,
      BCC: null,
      Subject: 'Key Steward: {{reminders.length}} reminder(s) for {{account}}',
      Message: '<p>Key Steward has reminders for the account <b>{{account}}</b>:</p><ul>{{#each reminders}}<li>{{this}}</li>{{/each}}</ul><p><a href="{{link}}">Open Key Steward</a></p>',
      Type: 'E',
      ProviderId: '00000000-0000-0000-0000-000000000000',
      IsActive: true,
      withError: false,
    },
    sms: { Type: 'S', ProviderId: null, IsActive: false, withError: false, Parameters: [] },
  },
}

export class MessageCenter extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, { timeout: 5000, ...options, memoizable: false, headers: { ...options?.headers, VtexIdclientAutCookie: context.authToken, 'X-Vtex-Use-Https': 'true' } })
  }

  publishTemplate(): Promise<unknown> {
    return withRetry('POST /api/template-render/pvt/templates', () => this.http.post('/api/template-render/pvt/templates', reminderTemplate, { metric: 'mc-template' }))
  }

  sendReminders(to: string, jsonData: { account: string; reminders: string[]; link: string }): Promise<unknown> {
    return withRetry('POST /api/mail-service/pvt/sendmail', () => this.http.post('/api/mail-service/pvt/sendmail', { providerName: null, templateName: REMINDER_TEMPLATE, jsonData: { to, ...jsonData } }, { metric: 'mc-sendmail' }))
  }
}
