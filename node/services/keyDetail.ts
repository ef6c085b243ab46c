// The key page: one key of the request's inventory (the recent copy when there is one), with
// where it comes from; the page no longer downloads every key to show one.
import { keyPageMissing } from '../domain/keyPageMissing'
import type { Context } from '../typings'
import { requestData } from './requestData'

export async function keyDetail(ctx: Context, id: string) {
  const inventory = await requestData(ctx).inventory()
  const key = inventory.keys.find((k) => k.id === id) ?? null

  return {
    key,
    // what is missing as this key's page tells it: its own failure named, other keys' counted
    inventory: key
      ? { ...inventory, missing: keyPageMissing(inventory.missing, key.appKey) }
      : inventory,
  }
}
