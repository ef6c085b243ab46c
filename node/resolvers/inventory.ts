import { AppStorage } from '../clients/appStorage'
import { now } from '../clock'
import type { Context } from '../typings'
import { requireAdminToken } from './errors'
import { loadInventory } from './loadInventory'

export async function inventory(_: unknown, __: unknown, ctx: Context) {
  const token = requireAdminToken(ctx)
  return loadInventory(ctx.clients.licenseManagerApi, new AppStorage(ctx.clients.vbase), token, { now: now() })
}
