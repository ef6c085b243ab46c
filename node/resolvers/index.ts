import { annotateKey, keyAnnotation, registerExternalKey, removeExternalKey } from './annotations'
import { inventory } from './inventory'
import { findings, hygiene, rules, subjectFindings } from './policy'
import { reviewMutations, reviewQueries } from './review'
import { settings, updateSettings } from './settings'

export const resolvers = {
  Query: {
    inventory,
    findings,
    hygiene,
    rules,
    settings,
    ...reviewQueries,
  },
  Mutation: {
    updateSettings,
    ...reviewMutations,
    annotateKey,
    registerExternalKey,
    removeExternalKey,
  },
  ApiKey: { findings: subjectFindings, annotation: keyAnnotation },
  ExternalKey: { findings: subjectFindings },
  AdminUser: { findings: subjectFindings },
}
