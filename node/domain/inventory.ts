// Assembles the inventory from what the clients fetched. A subject whose roles failed to load
// is marked rolesKnown: false and named in `missing`, never reported as holding no roles.
import { ageInDays, daysSince, parseTime } from './age'
import { compareSubjects } from './findings'
import type { Wording } from './wording'
import { wording } from './wording'
import type {
  ExternalKeyEntry,
  Inventory,
  KeyEntry,
  RoleInfo,
  UserEntry,
} from './types'

export interface RawRole {
  id: number
  name: string
  isAdmin?: boolean
  roleType?: number
  products?: Array<{ name: string }> | null
}
export interface RawKey {
  id: string
  appKey: string
  label: string
  createdIn: string
  isActive: boolean
}
export interface RawUser {
  id: string
  email: string
  name: string
  isAdmin: boolean
  isBlocked: boolean
}
export interface RawExternalKey {
  appKey: string
  account: string
  addedDate: string
  isActive: boolean
  addedBy?: string | null
}
export type RolesResult =
  | { ok: true; roles: Array<{ id: number; name: string }> }
  | { ok: false; reason: Wording }

export interface InventoryParts {
  now: Date
  keys: RawKey[]
  /** null when the role list could not be loaded */
  roles: RawRole[] | null
  /** null when the user list could not be loaded */
  users: RawUser[] | null
  externalKeys: RawExternalKey[]
  /** roles per subject id (key id, user id, or external appKey) */
  rolesOf: Map<string, RolesResult>
  /** why a list could not be read: the role and user lists (null), the registered external keys */
  failures?: { roles?: Wording; users?: Wording; externalKeys?: Wording }
}

export function toRoleInfo(r: RawRole): RoleInfo {
  return {
    id: r.id,
    name: r.name,
    isAdmin: r.isAdmin ?? false,
    roleType: r.roleType ?? 0,
    products: (r.products ?? []).map((p) => p.name),
  }
}

/** Why a part is missing, in brackets after it (nothing when the reason is not known). */
const because = (why?: Wording): Wording | string =>
  why ? wording('inventory.missing.because', { reason: why }) : ''

export function assembleInventory(parts: InventoryParts): Inventory {
  // What is missing account-wide comes first: the partial banner shows five parts and counts the
  // rest, and the role list, the admin user list or the registered external keys (each of which
  // leaves whole rules unchecked) must not hide behind thousands of single keys' roles.
  const accountWide: Wording[] = []
  const missing: Wording[] = []

  if (parts.failures?.externalKeys)
    accountWide.push(
      wording('inventory.missing.externalKeys', {
        because: because(parts.failures.externalKeys),
      })
    )
  const catalog = new Map((parts.roles ?? []).map((r) => [r.id, toRoleInfo(r)]))

  if (parts.roles === null)
    accountWide.push(
      wording('inventory.missing.roleList', {
        because: because(parts.failures?.roles),
      })
    )

  /** The subject's roles; unknown (and said missing, `saying` which) when they failed. */
  const resolve = (
    subject: string,
    saying: (because: Wording | string) => Wording
  ): { rolesKnown: boolean; roles: RoleInfo[] } => {
    const result = parts.rolesOf.get(subject)

    if (!result || !result.ok) {
      missing.push(
        saying(because(result && !result.ok ? result.reason : undefined))
      )

      return { rolesKnown: false, roles: [] }
    }

    // A role assigned but absent from the catalog (e.g. the list failed) keeps its id and name.
    return {
      rolesKnown: true,
      roles: result.roles.map((r) => catalog.get(r.id) ?? toRoleInfo(r)),
    }
  }

  // Kept in the order findings are listed (VTEX's order means nothing to an admin), so the
  // policy engine's sort finds each rule's findings already in order (findings.ts). Sorted
  // before the entries are made, so they also lie in memory in the order the rules walk them.
  const keys: KeyEntry[] = [...parts.keys]
    .sort((a, b) =>
      compareSubjects(a.label || a.appKey, a.id, b.label || b.appKey, b.id)
    )
    .map((k) => {
      const createdMs = parseTime(k.createdIn)

      return {
        id: k.id,
        appKey: k.appKey,
        label: k.label,
        createdAt: k.createdIn,
        createdMs,
        isActive: k.isActive,
        // ageInDays refuses a creation time that is not a date
        ageDays: Number.isNaN(createdMs)
          ? ageInDays(k.createdIn, parts.now)
          : daysSince(createdMs, parts.now),
        ...resolve(k.id, (b) =>
          wording('inventory.missing.keyRoles', {
            label: k.label,
            appKey: k.appKey,
            because: b,
          })
        ),
      }
    })

  const users: UserEntry[] = [...(parts.users ?? [])]
    .sort((a, b) => compareSubjects(a.email, a.id, b.email, b.id))
    .map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      isAdmin: u.isAdmin,
      isBlocked: u.isBlocked,
      ...resolve(u.id, (b) =>
        wording('inventory.missing.userRoles', { email: u.email, because: b })
      ),
    }))

  if (parts.users === null)
    accountWide.push(
      wording('inventory.missing.userList', {
        because: because(parts.failures?.users),
      })
    )

  const externalKeys: ExternalKeyEntry[] = parts.externalKeys.map((e) => ({
    appKey: e.appKey,
    account: e.account,
    addedDate: e.addedDate,
    addedBy: e.addedBy ?? null,
    isActive: e.isActive,
    ...resolve(e.appKey, (b) =>
      wording('inventory.missing.externalKeyRoles', {
        appKey: e.appKey,
        because: b,
      })
    ),
  }))

  return {
    source: 'LIVE',
    generatedAt: parts.now.toISOString(),
    complete: accountWide.length + missing.length === 0,
    missing: [...accountWide, ...missing],
    keys,
    externalKeys,
    users,
    usersKnown: parts.users !== null,
    roles: [...catalog.values()],
  }
}

const sameRole = (a: RoleInfo, b: RoleInfo) =>
  a.id === b.id &&
  a.name === b.name &&
  a.isAdmin === b.isAdmin &&
  a.roleType === b.roleType &&
  a.products.length === b.products.length &&
  a.products.every((p, i) => p === b.products[i])

/**
 * An inventory read back from JSON (the recent copy in VBase), made as assembleInventory made it.
 * Roles: each key and user has its own role objects; assembleInventory gave them the catalog's.
 * Shared again, the policy engine decides each role once (engine.ts memoByRole) instead of once
 * per key: measured at 50,000 keys, the two role rules took ~40 ms instead of ~6. A role that
 * differs from the catalog's entry, or is not in it (kept by id and name), stays the subject's
 * own. Creation times are parsed again from `createdAt`: JSON holds NaN as null, copies saved
 * before `createdMs` existed have none, and a number read back is not trusted.
 */
export function fromStoredCopy(inventory: Inventory): Inventory {
  const catalog = new Map(inventory.roles.map((r) => [r.id, r]))
  const shared = (r: RoleInfo) => {
    const c = catalog.get(r.id)

    return c && sameRole(c, r) ? c : r
  }

  const relink = <T extends { roles: RoleInfo[] }>(s: T): T =>
    s.roles.length ? { ...s, roles: s.roles.map(shared) } : s

  return {
    ...inventory,
    // always from `createdAt`, the time shown: a stored number is not trusted (a copy saved by
    // another version or edited could hold one that disagrees, e.g. 1e999 read as Infinity:
    // age 0, no age finding); parsed once per copy version and replica (~15 ms at 50,000 keys)
    keys: inventory.keys.map((k) =>
      relink({ ...k, createdMs: parseTime(k.createdAt) })
    ),
    users: inventory.users.map(relink),
    externalKeys: inventory.externalKeys.map(relink),
  }
}
