// The inventory as the domain sees it: plain data, already fetched. No I/O here.
import type { Wording } from './wording'

export interface RoleInfo {
  id: number
  name: string
  isAdmin: boolean
  /** 0 predefined by VTEX, 1 custom (License Manager's roleType) */
  roleType: number
  products: string[]
}

export interface KeyEntry {
  id: string
  appKey: string
  label: string
  createdAt: string
  /**
   * `createdAt` in milliseconds (NaN when it is not a date), parsed once when the entry is made
   * (the age is counted from it anyway): the rules read it for 50,000 keys after every live read
   */
  createdMs: number
  isActive: boolean
  ageDays: number
  /** false when the key's roles could not be loaded: `roles` is then empty but NOT "no roles" */
  rolesKnown: boolean
  roles: RoleInfo[]
}

export interface UserEntry {
  id: string
  email: string
  name: string
  isAdmin: boolean
  isBlocked: boolean
  rolesKnown: boolean
  roles: RoleInfo[]
}

export interface ExternalKeyEntry {
  appKey: string
  account: string
  addedDate: string
  /** who registered it in Key Steward, when known */
  addedBy?: string | null
  isActive: boolean
  rolesKnown: boolean
  roles: RoleInfo[]
}

/**
 * A part of the inventory that could not be loaded, and why: worded in the admin's language when
 * answered (resolvers/inventory.ts). Text: English, as a daily scan saved it before parts were
 * worded (shown as it is).
 */
export type Missing = Wording | string

export interface Inventory {
  /** LIVE: read now with the admin's session; SNAPSHOT: the daily scan's copy (the live read was slow) */
  source?: 'LIVE' | 'SNAPSHOT' | 'RECENT'
  /** RECENT: the copy's version (pages compare it with the status query's to know fresh data landed) */
  version?: string
  /** RECENT: seconds since the copy was read from VTEX */
  ageSeconds?: number
  /** RECENT: a fresh read is running in the background */
  revalidating?: boolean
  generatedAt: string
  /** false whenever any part could not be loaded; `missing` says which */
  complete: boolean
  missing: Missing[]
  keys: KeyEntry[]
  externalKeys: ExternalKeyEntry[]
  users: UserEntry[]
  /** false when the admin user list itself could not be read (then `users` is empty, not "none") */
  usersKnown?: boolean
  roles: RoleInfo[]
}
