import { withAccess } from './access'
import { annotateKey, keyAnnotation, registerExternalKey, removeExternalKey } from './annotations'
import { inventory, inventoryStatus } from './inventory'
import { keyList, keyRowFields, userList } from './lists'
import { apiKeyRenewalFields, deactivateKey, finishTokenRenewal, keyActionPermissions, keyAudit, reactivateKey, recordTokenRenewal, removeKeyRole, renewToken } from './keyActions'
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
    keyAudit,
    keyActionPermissions,
    inventoryStatus,
    keyList,
    userList,
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
    renewToken,
    finishTokenRenewal,
    recordTokenRenewal,
    deactivateKey,
    reactivateKey,
    removeKeyRole,
  }),
  ApiKey: { findings: subjectFindings, annotation: keyAnnotation, ...apiKeyRenewalFields, ...keyRowFields },
  ExternalKey: { findings: subjectFindings },
  AdminUser: { findings: subjectFindings },
}
