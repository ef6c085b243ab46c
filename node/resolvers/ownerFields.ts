// Users page: who is an Owner, answered by the server as it counts them (domain/roleGrants.ts).
import { isOwnerUser } from '../domain/keyList'
import { grantsEverything } from '../domain/roleGrants'
import type { RoleInfo, UserEntry } from '../domain/types'

/**
 * The server's answer to "is this an Owner?", which the owner count and order use: the page marks
 * rows and role tags by it, not by `isAdmin` (false for every role when the role list failed).
 */
export const userRowFields = {
  holdsOwner: (u: UserEntry) => isOwnerUser(u),
}

export const roleFields = {
  grantsEverything: (r: RoleInfo) => grantsEverything(r),
}
