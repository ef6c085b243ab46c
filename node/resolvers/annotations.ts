import { validateAnnotation } from '../domain/annotations'
import { wording } from '../domain/wording'
import type { Annotation } from '../domain/rules/types'
import { quote } from '../domain/secrets'
import type { Context } from '../typings'
import { toResolverError } from './errors'
import { invalidFields, refusalError } from './refusals'
import { requestData } from '../services/requestData'
import {
  registerExternalKey as registerKey,
  removeExternalKey as removeKey,
} from '../services/externalKeys'

export async function annotateKey(
  _: unknown,
  args: { keyId: string; annotation: Record<string, unknown> },
  ctx: Context
) {
  const checked = validateAnnotation(args.annotation ?? {})

  if (!checked.ok) throw invalidFields(checked.errors)
  const keys = await ctx.clients.licenseManagerApi
    .listAppKeys(ctx.vtex.adminUserAuthToken!)
    .catch((e) => {
      throw toResolverError(e)
    })

  if (!keys.some((k) => k.id === args.keyId))
    throw refusalError({
      ok: false,
      code: 'NOT_FOUND',
      message: wording('refusal.key.notInAccount', { key: quote(args.keyId) }),
      field: 'keyId',
    })
  await requestData(ctx)
    .storage.update<Record<string, Annotation>, void>(
      'annotations',
      (current) => ({
        value: { ...(current ?? {}), [args.keyId]: checked.value },
        result: undefined,
      })
    )
    .catch((e) => {
      throw toResolverError(e)
    })

  return presentAnnotation(checked.value)
}

export function presentAnnotation(a: Annotation | undefined | null) {
  return a
    ? {
        owner: a.owner ?? null,
        integrations: a.integrations ?? [],
        purpose: a.purpose ?? null,
        notes: a.notes ?? null,
      }
    : null
}

export async function keyAnnotation(
  key: { id: string },
  _: unknown,
  ctx: Context
) {
  const { input } = await requestData(ctx).evaluation()

  return presentAnnotation(input.annotations[key.id])
}

export const registerExternalKey = (
  _: unknown,
  args: { appKey: string; account: string },
  ctx: Context
) => registerKey(ctx, args)

export const removeExternalKey = (
  _: unknown,
  args: { appKey: string },
  ctx: Context
) => removeKey(ctx, args)
