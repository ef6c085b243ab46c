// A write made through Key Steward shows at once (issue 13): the recent copy is patched with what
// VTEX showed when the key was read again after the action, or marked stale (served, and read
// again in the background) when the change cannot be patched in. Annotations, renewals and
// settings need nothing: they are read from VBase on every request.
import type { ExternalKeyEntry } from '../domain/types'
import type { Context } from '../typings'
import { markStale, patchCopy, withKey } from './recentCopy'
import { placeOf } from './place'
import { forgetRequestData, requestData } from './requestData'

type RereadKey = Parameters<typeof withKey>[1]

export async function reflectKey(
  ctx: Context,
  key: RereadKey | null
): Promise<void> {
  const { storage } = requestData(ctx)

  try {
    if (!key) await markStale(storage)
    else await patchCopy(placeOf(ctx.vtex), storage, (inv) => withKey(inv, key))
  } catch (e) {
    // The action happened; a copy that could not be patched is read again instead.
    await markStale(storage).catch(() => undefined)
    ctx.vtex.logger.warn({
      message: 'recent copy not patched after a key action',
      reason: String((e as Error).message).slice(0, 200),
    })
  }
}

/** An external key registered (with its roles as just read) or removed (null) through Key Steward. */
export async function reflectExternalKey(
  ctx: Context,
  appKey: string,
  entry: ExternalKeyEntry | null
): Promise<void> {
  const { storage } = requestData(ctx)

  try {
    await patchCopy(placeOf(ctx.vtex), storage, (inv) => ({
      ...inv,
      externalKeys: [
        ...inv.externalKeys.filter((e) => e.appKey !== appKey),
        ...(entry ? [entry] : []),
      ],
    }))
  } catch (e) {
    await markStale(storage).catch(() => undefined)
    ctx.vtex.logger.warn({
      message: 'recent copy not patched after an external key change',
      reason: String((e as Error).message).slice(0, 200),
    })
  }
  // The answer's findings are evaluated on the inventory with this change.
  forgetRequestData(ctx)
}
