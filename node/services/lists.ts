// The Keys and Users pages' lists, paged on the server from the request's evaluation (the recent
// copy when there is one): one page of rows, the total, and what the filters offer.
import type { KeyListQuery, KeyRow } from '../domain/keyList'
import {
  externalRow,
  isOwnerUser,
  listKeys,
  listUsers,
} from '../domain/keyList'
import type { Context } from '../typings'
import { requestData } from './requestData'

export async function keyList(ctx: Context, q: KeyListQuery) {
  const { input, findingsOf } = await requestData(ctx).evaluation()
  const inv = input.inventory
  const rows: KeyRow[] = [
    ...inv.keys.map((k) => ({ ...k, external: false, account: null })),
    ...inv.externalKeys.map((e) => externalRow(e, input.now)),
  ]

  const page = listKeys(rows, findingsOf, q)
  // What the Rule filter offers: rules that fire on some key of the whole list, not just this page.
  const rules = new Set<string>()

  for (const r of rows) for (const f of findingsOf(r.id)) rules.add(f.rule)

  return {
    ...page,
    allTotal: rows.length,
    rules: [...rules].sort(),
    roles: inv.roles,
    inventory: inv,
  }
}

export async function userList(
  ctx: Context,
  q: { page: number; pageSize: number; search: string }
) {
  const { input } = await requestData(ctx).evaluation()
  const inv = input.inventory
  // counted as the too-many-Owners rule counts (a failed role list leaves isAdmin false)
  const owners = inv.users.filter((u) => !u.isBlocked && isOwnerUser(u)).length

  return {
    ...listUsers(inv.users, q),
    allTotal: inv.users.length,
    ownerCount: owners,
    // the limit the owner count is held to (the user-owner-role rule), said beside it
    maxOwnerUsers: input.settings.maxOwnerUsers,
    inventory: inv,
  }
}
