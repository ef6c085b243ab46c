// The key page: one key of the request's inventory (the recent copy when there is one), with
// where it comes from; the page no longer downloads every key to show one.
import type { Context } from '../typings'
import { requestData } from './requestData'

export async function keyDetail(ctx: Context, id: string) {
  const inventory = await requestData(ctx).inventory()

  return {
    key: inventory.keys.find((k) => k.id === id) ?? null,
    inventory,
  }
}
