import { withAccess } from './access'
import { annotateKey, keyAnnotation, registerExternalKey, removeExternalKey } from './annotations'
import { inventory } from './inventory'
import { leakScan, runLeakScan } from './leakScan'
import { findings, hygiene, rules, subjectFindings } from './policy'
import { changes, reminders, restartSchedule, schedule, snoozeReminder, unregisterSchedule } from './reminders'
import { reviewMutations, reviewQueries } from './review'
import { settings, updateSettings } from './settings'

export const resolvers = {
  Query: withAccess('Query', {
    inventory,
    findings,
    hygiene,
    rules,
    settings,
    ...reviewQueries,
    leakScan,
    reminders,
    changes,
    schedule,
  }),
  Mutation: withAccess('Mutation', {
    updateSettings,
    ...reviewMutations,
    annotateKey,
    registerExternalKey,
    removeExternalKey,
    runLeakScan,
    snoozeReminder,
    unregisterSchedule,
    restartSchedule,
  }),
  ApiKey: { findings: subjectFindings, annotation: keyAnnotation },
  ExternalKey: { findings: subjectFindings },
  AdminUser: { findings: subjectFindings },
}
