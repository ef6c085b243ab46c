import type { Context } from '../typings'
import { requestData } from '../services/requestData'
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
