// What each VTEX call does, as refusal.upstream.unavailable names it to an admin ("Could not read
// the list of API keys"): a method and path mean nothing to most admins. A call missing here is
// named by its endpoint (callNames.test.ts checks that every client's endpoint has a name).
import { LM } from './licenseManagerApi'
import { MESSAGE_CENTER } from './messageCenter'
import { SCHEDULER } from './scheduler'
import { VTEX_ID } from './vtexId'

/** Endpoint template → the `what` of refusal.upstream.unavailable (its select keys). */
export const CALL_NAME: Readonly<Record<string, string>> = {
  [LM.appKeys]: 'appKeys',
  [LM.roles]: 'roles',
  [LM.users]: 'users',
  [LM.rolesOf]: 'rolesOf',
  [LM.access]: 'access',
  [LM.updateAppKey]: 'updateAppKey',
  [LM.removeRole]: 'removeRole',
  [VTEX_ID.whoIs]: 'whoIs',
  [VTEX_ID.renew]: 'renew',
  [VTEX_ID.finishRenewal]: 'finishRenewal',
  [SCHEDULER.upsert]: 'scheduleUpsert',
  [SCHEDULER.read]: 'scheduleRead',
  [SCHEDULER.remove]: 'scheduleRemove',
  [MESSAGE_CENTER.readTemplate]: 'readTemplate',
  [MESSAGE_CENTER.saveTemplate]: 'saveTemplate',
  [MESSAGE_CENTER.send]: 'send',
  'GET storefront': 'storefront', // clients/storefront.ts
}

/** The call's name for the message; `other` (then the endpoint is shown) when it has none. */
export const callName = (endpoint: string): string =>
  Object.prototype.hasOwnProperty.call(CALL_NAME, endpoint)
    ? CALL_NAME[endpoint]
    : 'other'
