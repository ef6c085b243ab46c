// Message Center stand-in: apps register templates and send mail through them; sent mail lands
// in an outbox that tests and developers read (GET /_platform/outbox).
// Paths as vtex-apps/return-app's mail client uses them (node/clients/mail.ts). An app needs the
// manifest policies real apps declare for each call: template-criar to create a template,
// template-editar to change one (reading one takes either), send-message to send.
import { json, parseJson, Router } from './http-kit'
import type { PlatformState } from './state'

export interface SentMail { at: string; templateName: string; to: string; subject: string; jsonData: Record<string, unknown> }

interface Template { Name: string; Templates?: { email?: { Subject?: string; Message?: string } } }

const refuse = (policy: string) => json(403, { message: `The app's manifest does not declare the "${policy}" policy` })

export class MessageCenterStandIn {
  readonly templates = new Map<string, Template>()
  readonly outbox: SentMail[] = []
  /** template saves (create or update), for tests that check the app saves only on change */
  saves = 0

  constructor(private readonly state: PlatformState, private readonly appPolicies: ReadonlySet<string>) {}

  routes(router: Router): void {
    router.add('GET', '/api/template-render/pvt/templates/{name}', req => {
      if (!this.appPolicies.has('template-criar') && !this.appPolicies.has('template-editar')) return refuse('template-editar')
      const t = this.templates.get(req.params.name)
      return t ? json(200, t) : json(404, { message: `Template ${req.params.name} not found` })
    })
    router.add('POST', '/api/template-render/pvt/templates', req => {
      const parsed = parseJson(req)
      if (!parsed.ok) return parsed.reply
      const t = parsed.value as { Name?: unknown; Templates?: { email?: { Subject?: string; Message?: string } } }
      if (typeof t?.Name !== 'string' || !t.Templates?.email?.Message) return json(400, { message: 'Name and Templates.email.Message are required' })
      const needed = this.templates.has(t.Name) ? 'template-editar' : 'template-criar'
      if (!this.appPolicies.has(needed)) return refuse(needed)
      this.templates.set(t.Name, t as Template)
      this.saves++
      return json(200, { Name: t.Name })
    })
    router.add('POST', '/api/mail-service/pvt/sendmail', req => {
      if (!this.appPolicies.has('send-message')) return refuse('send-message')
      const parsed = parseJson(req)
      if (!parsed.ok) return parsed.reply
      const m = parsed.value as { templateName?: string; jsonData?: Record<string, unknown> }
      const template = m?.templateName ? this.templates.get(m.templateName) : undefined
      if (!template) return json(400, { message: `Template ${m?.templateName} does not exist` })
      const to = String(m.jsonData?.to ?? '')
      if (!to) return json(400, { message: 'jsonData.to is required by the template' })
      const subject = (template.Templates?.email?.Subject ?? '').replace(/\{\{(\w+)(?:\.length)?\}\}/g, (_, k: string) => {
        const v = m.jsonData?.[k]
        return Array.isArray(v) ? String(v.length) : String(v ?? '')
      })
      this.outbox.push({ at: this.state.now().toISOString(), templateName: template.Name, to, subject, jsonData: m.jsonData ?? {} })
      return json(200, 'Mail sent')
    })
  }
}
