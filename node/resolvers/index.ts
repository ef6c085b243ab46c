import type { Resolvers } from '../generated/schema'
import { withAccess } from './access'
import {
  annotateKey,
  keyAnnotation,
  registerExternalKey,
  removeExternalKey,
} from './annotations'
import { inventory, inventoryFields, inventoryStatus } from './inventory'
import { keyList, keyRowFields, userList } from './lists'
import { roleFields, userRowFields } from './ownerFields'
import { keyDetail } from './keyDetail'
import {
  apiKeyRenewalFields,
  deactivateKey,
  finishTokenRenewal,
  keyActionPermissions,
  keyAudit,
  keyAuditUnreadable,
  reactivateKey,
  recordTokenRenewal,
  removeKeyRole,
  renewToken,
} from './keyActions'
import { exposureKey, leakScan, runLeakScan } from './leakScan'
import { findings, hygiene, rules, subjectFindings } from './policy'
import {
  changes,
  reminders,
  restartSchedule,
  scanStepFields,
  schedule,
  snoozeReminder,
  unregisterSchedule,
} from './reminders'
import {
  reviewKeyFields,
  reviewMutations,
  reviewQueries,
  reviewTypeFields,
} from './review'
import {
  accountRoles,
  settings,
  settingsLimits,
  updateSettings,
} from './settings'

export const resolvers = {
  Query: withAccess('Query', {
    inventory,
    findings,
    hygiene,
    rules,
    settings,
    settingsLimits,
    accountRoles,
    ...reviewQueries,
    leakScan,
    reminders,
    changes,
    schedule,
    keyAudit,
    keyAuditUnreadable,
    keyActionPermissions,
    inventoryStatus,
    keyList,
    userList,
    keyDetail,
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
  ApiKey: {
    findings: subjectFindings,
    annotation: keyAnnotation,
    ...apiKeyRenewalFields,
    ...keyRowFields,
  },
  Inventory: inventoryFields,
  ScanStep: scanStepFields,
  ExternalKey: { findings: subjectFindings },
  AdminUser: { findings: subjectFindings, ...userRowFields },
  Role: roleFields,
  Exposure: { key: exposureKey },
  Review: reviewTypeFields,
  ReviewKey: reviewKeyFields,
}

// The resolver map checked against the schema's generated signatures (generated/schema.ts).
export const typedResolvers: Resolvers = resolvers
