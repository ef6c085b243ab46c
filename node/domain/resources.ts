// The License Manager resources Key Steward requires of an admin, each as a list of
// alternatives: the legacy resource VTEX's API reference names first, then the newer resources
// VTEX documents as replacing it. Holding any one of them passes.
//
// Source of the alternatives (the only one VTEX publishes; its API reference Permissions tables
// still list only the legacy resources): help center announcement "License Manager: New
// resources for managing admin users", 2025-08-07,
// https://help.vtex.com/en/announcements/2025-08-07-license-manager-new-resources-for-managing-admin-users
//   "These new resources replace the legacy resources for managing users in the VTEX Admin:
//    Get paged users | Get_Users_Paged → View Admin Users | ViewAdminUsers
//    Find user by email | Get_User_By_Identifier → View Admin Users | ViewAdminUsers
//    Get paged roles | Get_Roles_Paged → View Admin Users | ViewAdminUsers
//    Save user | Save_User → Edit Admin Users | EditAdminUsers"
//   "If a role already had one or more legacy resources, an equivalent new resource was added.
//    No previous permissions were removed. Legacy resources weren't deprecated."
// VTEX documents no such equivalence for the API Key Management resources (View API keys,
// Edit API keys, Renew API Token): they are not alternatives here.

import type { Wording } from './wording'
import { wording } from './wording'

export interface Resource {
  /** what manifest policies and License Manager's access check use, e.g. Save_User */
  key: string
  /** what VTEX's Permissions tables and the Roles page show, e.g. Save user */
  name: string
}

/** Any one of these passes; the first is the legacy resource. */
export type Requirement = readonly [Resource, ...Resource[]]

const EDIT_ADMIN_USERS: Resource = {
  key: 'EditAdminUsers',
  name: 'Edit Admin Users',
}

const VIEW_ADMIN_USERS: Resource = {
  key: 'ViewAdminUsers',
  name: 'View Admin Users',
}

export const SAVE_USER: Requirement = [
  { key: 'Save_User', name: 'Save user' },
  EDIT_ADMIN_USERS,
]
export const GET_ROLES_PAGED: Requirement = [
  { key: 'Get_Roles_Paged', name: 'Get paged roles' },
  VIEW_ADMIN_USERS,
]
export const GET_USERS_PAGED: Requirement = [
  { key: 'Get_Users_Paged', name: 'Get paged users' },
  VIEW_ADMIN_USERS,
]
export const FIND_USER_BY_EMAIL: Requirement = [
  { key: 'Get_User_By_Identifier', name: 'Find user by email' },
  VIEW_ADMIN_USERS,
]
/**
 * What VTEX ID's token renewal needs (vtex-id.json, PATCH …/apitoken/renew and …/finish-renewal,
 * Permissions: "License Manager | API Key Management | Renew API Token"). No newer equivalent is
 * documented, so it has none.
 */
export const RENEW_API_TOKEN: Requirement = [
  { key: 'RenewApiToken', name: 'Renew API Token' },
]

/** To see anything derived from the account's keys, users and roles (what VTEX needs to list them). */
export const READ: readonly Requirement[] = [
  SAVE_USER,
  GET_ROLES_PAGED,
  GET_USERS_PAGED,
  FIND_USER_BY_EMAIL,
]

/** For Key Steward's own writes: what VTEX needs to manage keys. */
export const WRITE: Requirement = SAVE_USER

/** A requirement for something VTEX refused that Key Steward has no table entry for. */
export function unknownRequirement(what: string): Requirement {
  return [{ key: what, name: what }]
}

/** `"Save user" (or its newer equivalent "Edit Admin Users")`, for messages (VTEX's names, untranslated). */
export function describeRequirement(r: Requirement): Wording {
  const [legacy, ...newer] = r

  if (!newer.length)
    return wording('refusal.resources.name', { name: legacy.name })

  return wording('refusal.resources.withNewer', {
    legacy: legacy.name,
    count: newer.length,
    newer: newer.map((n) =>
      wording('refusal.resources.name', { name: n.name })
    ),
  })
}

/**
 * Whether the admin holds the requirement: asks `holds` for each alternative in order and stops
 * at the first yes. A failure to answer is thrown, never taken as a yes (checks fail closed).
 */
export async function holdsRequirement(
  r: Requirement,
  holds: (resourceKey: string) => Promise<boolean>
): Promise<boolean> {
  for (const alternative of r) {
    if (await holds(alternative.key)) return true
  }

  return false
}
