import { inventory } from './inventory'
import { findings, hygiene, rules, subjectFindings } from './policy'
import { settings, updateSettings } from './settings'

export const resolvers = {
  Query: {
    inventory,
    findings,
    hygiene,
    rules,
    settings,
  },
  Mutation: {
    updateSettings,
  },
  ApiKey: { findings: subjectFindings },
  ExternalKey: { findings: subjectFindings },
  AdminUser: { findings: subjectFindings },
}
