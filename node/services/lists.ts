// The Keys and Users pages' lists, paged on the server from the request's evaluation (the recent
// copy when there is one): one page of rows, the total, and what the filters offer.
import type { KeyListQuery, KeyRow, KeySelection } from '../domain/keyList'
import {
  externalRow,
  isOwnerUser,
  listKeys,
  listUsers,
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

export async function keyList(ctx: Context, asked: KeyListQuery) {
  const picked = asked.among ? await selectedIds(ctx, asked.among) : null
  // both a link's ids and a picked set: the keys in both
  const named = asked.ids ? new Set(asked.ids) : null
  const ids =
    picked && named ? picked.filter((id) => named.has(id)) : picked ?? asked.ids

  const q = { ...asked, ids }
  const { input, findingsOf } = await requestData(ctx).evaluation()
  const inv = input.inventory
  const rows: KeyRow[] = [
    ...inv.keys.map((k) => ({ ...k, external: false, account: null })),
    ...inv.externalKeys.map((e) => externalRow(e, input.now)),
  ]

  // an empty pick ([]) lists no key; no pick (null) lists every key
  const page = listKeys(rows, findingsOf, q)
  // What the Rule filter offers: rules that fire on some key of the whole list, not just this page.
  const rules = new Set<string>()

  for (const r of rows) for (const f of findingsOf(r.id)) rules.add(f.rule)

  return {
    ...page,
    allTotal: rows.length,
    // how many keys the link named or picked (some may have left the account since)
    selected: ids ? ids.length : null,
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
