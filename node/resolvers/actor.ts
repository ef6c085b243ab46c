import type { Context } from '../typings'
import { sessionExpired, toResolverError } from './errors'

/** The admin acting (resolvers/access.ts checked what they hold), by their VTEX ID email. */
export async function actor(ctx: Context): Promise<string> {
  try {
    return (await ctx.clients.vtexIdApi.whoIs(ctx.vtex.adminUserAuthToken!))
      .email
  } catch (e) {
    if ((e as { status?: number }).status === 401) throw sessionExpired()
    throw toResolverError(e)
  }
}
