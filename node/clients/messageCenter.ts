// VTEX Message Center: the app registers its reminder e-mail template and sends through it,
// with its own token (the daily scan has no admin). Paths as vtex-apps/return-app's mail client
// uses them (node/clients/mail.ts): GET /api/template-render/pvt/templates/{name} reads a
// template, POST /api/template-render/pvt/templates creates or updates one, POST
// /api/mail-service/pvt/sendmail sends. The manifest declares the policies real apps declare for
// them: template-criar (create), template-editar (update), send-message (send).
import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import { Budget, vtexClientOptions } from './deadline'

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
      // Worded by the service in the account's chosen language (services/reminderWording.ts).
      // "Message Center uses a language called Handlebars … {{class.attribute}} is obtained using
      // the JSON Data field" (developers.vtex.com, How to set up functions in the Message Center
      // templates); Handlebars' {{…}} HTML-escapes every value, so a key label cannot inject markup.
      Subject: '{{subject}}',
      Message:
        '<p>{{intro}}</p><ul>{{#each reminders}}<li>{{this}}</li>{{/each}}</ul><p><a href="{{link}}">{{linkText}}</a></p>',
      Type: 'E',
      ProviderId: '00000000-0000-0000-0000-000000000000',
      IsActive: true,
      withError: false,
    },
    sms: {
      Type: 'S',
      ProviderId: null,
      IsActive: false,
      withError: false,
      Parameters: [],
    },
  },
}

interface StoredTemplate {
  Name?: string
  Templates?: { email?: { Subject?: string; Message?: string } }
}

export const MESSAGE_CENTER = {
  readTemplate: 'GET /api/template-render/pvt/templates/{name}',
  saveTemplate: 'POST /api/template-render/pvt/templates',
  send: 'POST /api/mail-service/pvt/sendmail',
} as const

/**
 * The manifest policies each call needs besides outbound access (all of them): saving creates the
 * template when missing (template-criar) and updates it when it changed (template-editar);
 * reading is allowed by either, so it adds none.
 */
export const MESSAGE_CENTER_POLICIES: Record<string, string[]> = {
  [MESSAGE_CENTER.readTemplate]: [],
  [MESSAGE_CENTER.saveTemplate]: ['template-criar', 'template-editar'],
  [MESSAGE_CENTER.send]: ['send-message'],
}

export class MessageCenter extends JanusClient {
  budget = new Budget()

  constructor(context: IOContext, options?: InstanceOptions) {
    super(
      context,
      vtexClientOptions(options, { VtexIdclientAutCookie: context.authToken })
    )
  }

  /** Creates the reminder template when missing, updates it when it changed, else leaves it. */
  async ensureTemplate(): Promise<'created' | 'updated' | 'unchanged'> {
    const current = await this.readTemplate(REMINDER_TEMPLATE)
    const wanted = reminderTemplate.Templates.email

    if (
      current &&
      current.Templates?.email?.Subject === wanted.Subject &&
      current.Templates?.email?.Message === wanted.Message
    )
      return 'unchanged'
    await this.budget.run(MESSAGE_CENTER.saveTemplate, (timeout) =>
      this.http.post('/api/template-render/pvt/templates', reminderTemplate, {
        metric: 'mc-template',
        timeout,
      })
    )

    return current ? 'updated' : 'created'
  }

  private async readTemplate(name: string): Promise<StoredTemplate | null> {
    try {
      return await this.budget.run(MESSAGE_CENTER.readTemplate, (timeout) =>
        this.http.get<StoredTemplate>(
          `/api/template-render/pvt/templates/${encodeURIComponent(name)}`,
          { metric: 'mc-template-read', timeout }
        )
      )
    } catch (e) {
      if ((e as { status?: number }).status === 404) return null
      throw e
    }
  }

  sendReminders(
    to: string,
    jsonData: {
      account: string
      subject: string
      intro: string
      reminders: string[]
      link: string
      linkText: string
    }
  ): Promise<unknown> {
    return this.budget.run(MESSAGE_CENTER.send, (timeout) =>
      this.http.post(
        '/api/mail-service/pvt/sendmail',
        {
          providerName: null,
          templateName: REMINDER_TEMPLATE,
          jsonData: { to, ...jsonData },
        },
        { metric: 'mc-sendmail', timeout }
      )
    )
  }
}
