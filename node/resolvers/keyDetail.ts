// The key page's query: check the id, then the service picks the key out of the inventory.
import { KEY_ID } from '../services/keyActions/acting'
import { keyDetail as detail } from '../services/keyDetail'
import type { Context } from '../typings'
import { wording } from '../domain/wording'
import { refusalError } from './refusals'

/** `live: true` is the page's "Load live data": it waits for a live read as Query.inventory does. */
export function keyDetail(
  _: unknown,
  args: { id: string; live?: boolean | null },
  ctx: Context
) {
  if (typeof args.id !== 'string' || !KEY_ID.test(args.id))
    throw refusalError({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'id',
      message: wording('refusal.key.badId'),
    })
  if (args.live) ctx.state.live = true

  return detail(ctx, args.id)
}
