// What a role lets its holder do. VTEX's role list does not expose a role's resources (the
// field is null), so Key Steward decides by what VTEX does report:
// - `isAdmin`, VTEX's own flag for Owner-like roles that hold every resource;
// - the resources VTEX documents for its predefined roles (help center, "Predefined roles");
// - custom roles the store declares as key-managing in the settings.
// Names are compared case-insensitively; a custom role is never judged by its name.
import type { RoleInfo } from './types'
import type { Settings } from './settings'

const OWNER_NAMES = new Set(['owner (admin super)', 'owner'])

/** Predefined roles VTEX documents as granting key management (Save user / Edit API keys). */
const PREDEFINED_KEY_MANAGERS = new Set(['user administrator - restricted'])

export function grantsEverything(role: RoleInfo): boolean {
  return (
    role.isAdmin ||
    (role.roleType === 0 && OWNER_NAMES.has(role.name.trim().toLowerCase()))
  )
}

/**
 * A user (or key) holding an Owner-like role: the one test of the too-many-Owners rule, the Users
 * page's owner count and its owners-first order. By grantsEverything, not `isAdmin` alone: when
 * the role list fails, roles keep only id and name (isAdmin false) and Owner is known by name.
 */
export const holdsOwnerRole = (subject: { roles: RoleInfo[] }): boolean =>
  subject.roles.some(grantsEverything)

/** Able to create keys or change roles: Owner-like, a documented predefined one, or declared. */
export function canManageKeys(role: RoleInfo, settings: Settings): boolean {
  return (
    grantsEverything(role) ||
    (role.roleType === 0 &&
      PREDEFINED_KEY_MANAGERS.has(role.name.trim().toLowerCase())) ||
    settings.keyManagingRoleIds.includes(role.id)
  )
}
