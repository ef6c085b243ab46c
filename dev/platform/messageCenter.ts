// Message Center stand-in: apps register templates and send mail through them; sent mail lands
// in an outbox that tests and developers read (GET /_platform/outbox).
import { json, parseJson, Router } from './http-kit'
import type { PlatformState } from './state'

export interface SentMail { at: string; templateName: string; to: string; subject: string; jsonData: Record<string, unknown> }

export class MessageCenterStandIn {
  readonly templates = new Map<string, { Name: string; Templates?: { email?: { Subject?: string } } }>()
  readonly outbox: SentMail[] = []

  constructor(private readonly state: PlatformState) {}

  routes(router: Router): void {
    router.add('POST', '/api/template-render/pvt/templates', req => {
      const parsed = parseJson(req)
      if (!parsed.ok) return parsed.reply
      const t = parsed.value as { Name?: unknown; Templates?: { email?: { Subject?: string; Message?: string } } }
      if (typeof t?.Name !== 'string' || !t.Templates?.email?.Message) return json(400, { message: 'Name and Templates.email.Message are required' })
      this.templates.set(t.Name, t as { Name: string })
      return json(200, { Name: t.Name })
    })
    router.add('POST', '/api/mail-service/pvt/sendmail', req => {
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
