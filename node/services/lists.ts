// The Keys and Users pages' lists, paged on the server from the request's evaluation (the recent
// copy when there is one): one page of rows, the total, and what the filters offer.
import type { Finding } from '../domain/findings'
import type { Inventory } from '../domain/types'
import type {
  KeyListQuery,
  KeyOrder,
  KeyRow,
  KeySelection,
} from '../domain/keyList'
import {
  externalRow,
  isOwnerUser,
  listKeys,
  listUsers,
  orderKeys,
} from '../domain/keyList'
import type { Context } from '../typings'
import { keysBehind } from '../domain/review/evidenceKeys'
import { quote } from '../domain/secrets'
import { wording } from '../domain/wording'
import { refusalError } from '../resolvers/refusals'
import { currentReminders } from './reminders'
import { requestData } from './requestData'
import { reviewOrOpen } from './review/reviews'

/** The ids of the keys a link picked by name (a review's evidence line, a reminder). */
async function selectedIds(ctx: Context, among: KeySelection) {
  if ('reminder' in among) {
    const reminder = (await currentReminders(ctx)).find(
      (r) => r.kind === among.reminder
    )

    // snoozed or gone since the banner was drawn: it names no key now
    return reminder ? reminder.subjects.map((s) => s.id) : []
  }

  const review = await reviewOrOpen(ctx, among.review || null)

  if (!review)
    throw refusalError({
      ok: false,
      code: 'NOT_FOUND',
      message: wording('refusal.review.notFound', {
        id: quote(among.review || 'open'),
      }),
    })

  // an external key is `external:<appKey>` in a review and its appKey in the key list
  const behind = new Set(keysBehind(review, among.evidence))

  return review.keys
    .filter((k) => behind.has(k.id))
    .map((k) => (k.external ? k.appKey : k.id))
}

type FindingsOf = (id: string) => Finding[]

/** What every key list of one evaluation shares: its rows, the rules that fire, each sort's order. */
interface Listed {
  keys: Inventory['keys']
  externalKeys: Inventory['externalKeys']
  rows: KeyRow[]
  /** what the Rule filter offers: rules that fire on some key of the whole list */
  rules: string[]
  order: KeyOrder
}

/**
 * Kept by the evaluation's findingsOf, which requestData.ts hands to every request on the same
 * copy, documents and minute (a write or the next minute makes a new one), so it never outlives
 * the findings it was made from nor crosses accounts. At 5,000 keys, ordering the rows for each
 * request was most of a warm Keys page's time on the service (~35 ms of ~70).
 */
const listed = new WeakMap<FindingsOf, Listed>()

function listedOf(inv: Inventory, now: Date, findingsOf: FindingsOf): Listed {
  const kept = listed.get(findingsOf)

  if (kept && kept.keys === inv.keys && kept.externalKeys === inv.externalKeys)
    return kept
  const rows: KeyRow[] = [
    ...inv.keys.map((k) => ({ ...k, external: false, account: null })),
    ...inv.externalKeys.map((e) => externalRow(e, now)),
  ]

  const rules = new Set<string>()

  for (const r of rows) for (const f of findingsOf(r.id)) rules.add(f.rule)
  const order = orderKeys(rows, findingsOf)
  const orders = new Map<string, KeyRow[]>()
  const made: Listed = {
    keys: inv.keys,
    externalKeys: inv.externalKeys,
    rows,
    rules: [...rules].sort(),
    // each sort's order worked out once
    order: (sort, descending) => {
      const name = `${sort} ${descending}`
      let ordered = orders.get(name)

      if (!ordered) orders.set(name, (ordered = order(sort, descending)))

      return ordered
    },
  }

  listed.set(findingsOf, made)

  return made
}

export async function keyList(ctx: Context, asked: KeyListQuery) {
  const picked = asked.among ? await selectedIds(ctx, asked.among) : null
  // both a link's ids and a picked set: the keys in both
  const named = asked.ids ? new Set(asked.ids) : null
  const ids =
    picked && named ? picked.filter((id) => named.has(id)) : picked ?? asked.ids

  const q = { ...asked, ids }
  const { input, findingsOf } = await requestData(ctx).evaluation()
  const inv = input.inventory
  const { rows, rules, order } = listedOf(inv, input.now, findingsOf)
  // an empty pick ([]) lists no key; no pick (null) lists every key
  const page = listKeys(order, findingsOf, q)

  return {
    ...page,
    allTotal: rows.length,
    // how many keys the link named or picked (some may have left the account since)
    selected: ids ? ids.length : null,
    rules,
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
