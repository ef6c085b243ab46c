import type { Inventory } from '../domain/types'
import { localeOf } from '../domain/wording'
import type { Context } from '../typings'
import { requestData } from '../services/requestData'
import { say } from '../services/wording'
import { inventoryStatus as status } from '../services/inventoryStatus'

/** `live: true` waits for the live read even when it is slow (the page's refresh button). */
export function inventory(
  _: unknown,
  args: { live?: boolean | null },
  ctx: Context
) {
  if (args?.live) ctx.state.live = true

  return requestData(ctx).inventory()
}

export function inventoryStatus(_: unknown, __: unknown, ctx: Context) {
  return status(ctx)
}

/** What could not be loaded, in the admin's language (text a daily scan saved in English: as is). */
export const inventoryFields = {
  missing: (inv: Inventory, _: unknown, ctx: Context) =>
    inv.missing.map((m) =>
      typeof m === 'string' ? m : say(localeOf(ctx.vtex.locale), m)
    ),
  // absent in copies saved before the flag: read as known, as hygiene.ts does (=== false)
  usersKnown: (inv: Inventory) => inv.usersKnown !== false,
}
