// Message Center stand-in: apps register templates and send mail through them; sent mail lands
// in an outbox that tests and developers read (GET /_platform/outbox).
// Paths as vtex-apps/return-app's mail client uses them (node/clients/mail.ts). An app needs the
// manifest policies real apps declare for each call: template-criar to create a template,
// template-editar to change one (reading one takes either), send-message to send.
import type { Router } from './http-kit'
import { json, parseJson } from './http-kit'
import type { PlatformState } from './state'

export interface SentMail {
  at: string
  templateName: string
  to: string
  subject: string
  html: string
  jsonData: Record<string, unknown>
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
}

/** As Handlebars' {{…}} does (Message Center templates are Handlebars): HTML-escaped. */
const escape = (v: unknown) =>
  String(v ?? '').replace(/[&<>"'`=]/g, (c) => ESCAPES[c])

/**
 * Message Center renders templates with Handlebars over the sendmail's jsonData (developers.vtex.com,
 * "How to set up functions in the Message Center templates"). The Handlebars a template of this
 * app uses, rendered as Message Center would: {{name}},
 * {{name.length}}, {{#each list}}…{{this}}…{{/each}}; every value escaped. {{{…}}} (unescaped) is
 * not supported, so a template relying on it shows up in tests.
 */
export function renderTemplate(
  template: string,
  data: Record<string, unknown>
): string {
  return template
    .replace(
      /\{\{#each (\w+)\}\}([\s\S]*?)\{\{\/each\}\}/g,
      (_, k: string, body: string) =>
        Array.isArray(data[k])
          ? (data[k] as unknown[])
              .map((item) => body.replace(/\{\{this\}\}/g, escape(item)))
              .join('')
          : ''
    )
    .replace(/\{\{(\w+)(\.length)?\}\}/g, (_, k: string, len?: string) =>
      len
        ? String(Array.isArray(data[k]) ? (data[k] as unknown[]).length : '')
        : escape(data[k])
    )
}

interface Template {
  Name: string
  Templates?: { email?: { Subject?: string; Message?: string } }
}

const refuse = (policy: string) =>
  json(403, {
    message: `The app's manifest does not declare the "${policy}" policy`,
  })

export class MessageCenterStandIn {
  readonly templates = new Map<string, Template>()
  readonly outbox: SentMail[] = []
  /** template saves (create or update), for tests that check the app saves only on change */
  saves = 0

  constructor(
    private readonly state: PlatformState,
    private readonly appPolicies: ReadonlySet<string>
  ) {}

  routes(router: Router): void {
    router.add('GET', '/api/template-render/pvt/templates/{name}', (req) => {
      if (
        !this.appPolicies.has('template-criar') &&
        !this.appPolicies.has('template-editar')
      )
        return refuse('template-editar')
      const t = this.templates.get(req.params.name)

      return t
        ? json(200, t)
        : json(404, { message: `Template ${req.params.name} not found` })
    })
    router.add('POST', '/api/template-render/pvt/templates', (req) => {
      const parsed = parseJson(req)

      if (!parsed.ok) return parsed.reply
      const t = parsed.value as {
        Name?: unknown
        Templates?: { email?: { Subject?: string; Message?: string } }
      }

      if (typeof t?.Name !== 'string' || !t.Templates?.email?.Message)
        return json(400, {
          message: 'Name and Templates.email.Message are required',
        })
      const needed = this.templates.has(t.Name)
        ? 'template-editar'
        : 'template-criar'

      if (!this.appPolicies.has(needed)) return refuse(needed)
      this.templates.set(t.Name, t as Template)
      this.saves++

      return json(200, { Name: t.Name })
    })
    router.add('POST', '/api/mail-service/pvt/sendmail', (req) => {
      if (!this.appPolicies.has('send-message')) return refuse('send-message')
      const parsed = parseJson(req)

      if (!parsed.ok) return parsed.reply
      const m = parsed.value as {
        templateName?: string
        jsonData?: Record<string, unknown>
      }

      const template = m?.templateName
        ? this.templates.get(m.templateName)
        : undefined

      if (!template)
        return json(400, {
          message: `Template ${m?.templateName} does not exist`,
        })
      const to = String(m.jsonData?.to ?? '')

      if (!to)
        return json(400, { message: 'jsonData.to is required by the template' })
      const data = m.jsonData ?? {}
      const subject = renderTemplate(
        template.Templates?.email?.Subject ?? '',
        data
      )

      const html = renderTemplate(
        template.Templates?.email?.Message ?? '',
        data
      )

      this.outbox.push({
        at: this.state.now().toISOString(),
        templateName: template.Name,
        to,
        subject,
        html,
        jsonData: data,
      })

      return json(200, 'Mail sent')
    })
  }
}
