// What every action in VTEX starts from: the key found in VTEX's list with the admin's session and
// confirmed by its appKey, who acts and when, and the open review's decision it may carry out;
// and what it ends with: the key read again from VTEX, and that decision marked.
import { now } from '../../clock'
import { wording } from '../../domain/wording'
import type { AppStorage } from '../../clients/appStorage'
import type { VtexAppKey, VtexRoleRef } from '../../clients/licenseManagerApi'
import {
  carryOut,
  EMPTY_INDEX,
  reviewsToFollowUp,
} from '../../domain/review/machine'
import type { KeyAction, Review, ReviewIndex } from '../../domain/review/types'
import { actor } from '../../resolvers/actor'
import { requireAdminToken, toResolverError } from '../../resolvers/errors'
import { refusalError } from '../../resolvers/refusals'
import { requestData } from '../requestData'
import type { Context } from '../../typings'
import { reflectKey } from '../reflectWrite'

export const KEY_ID = /^[A-Za-z0-9-]{1,64}$/

export interface Acting {
  key: VtexAppKey
  by: string
  at: Date
  reviewId: string | null
}

/** A key as VTEX shows it when read again. */
export interface KeyState {
  id: string
  appKey: string
  label: string
  isActive: boolean
  createdAt: string
  rolesKnown: boolean
  roles: Array<{ id: number; name: string }>
}

/** The key, found in VTEX's list with the admin's session, and confirmed by its appKey. */
async function confirmedKey(
  ctx: Context,
  keyId: string,
  confirm: string | null
): Promise<VtexAppKey> {
  const keys = await ctx.clients.licenseManagerApi
    .listAppKeys(requireAdminToken(ctx))
    .catch((e) => {
      throw toResolverError(e)
    })

  const key = keys.find((k) => k.id === keyId)

  if (!key)
    throw refusalError({
      ok: false,
      code: 'NOT_FOUND',
      field: 'keyId',
      message: wording('refusal.key.notFound', {
        key: String(keyId).slice(0, 80),
      }),
    })
  if (confirm !== null && (confirm ?? '').trim() !== key.appKey) {
    throw refusalError({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'confirm',
      message: wording('refusal.key.notConfirmed', { appKey: key.appKey }),
    })
  }

  return key
}

/** The key as VTEX shows it now (read again after an action, or after one failed), with its roles; null if it could not be read. */
export async function reread(
  ctx: Context,
  keyId: string
): Promise<KeyState | null> {
  const lm = ctx.clients.licenseManagerApi
  const token = requireAdminToken(ctx)
  const [keys, roles] = await Promise.all([
    lm.listAppKeys(token).catch(() => null),
    lm.rolesOf(token, keyId).then(
      (rs) => ({ ok: true as const, rs }),
      () => ({ ok: false as const, rs: [] as VtexRoleRef[] })
    ),
  ])

  const key = keys?.find((k) => k.id === keyId)
  const state = key
    ? {
        id: key.id,
        appKey: key.appKey,
        label: key.label,
        isActive: key.isActive,
        createdAt: key.createdIn,
        rolesKnown: roles.ok,
        roles: roles.rs.map((r) => ({ id: r.id, name: r.name })),
      }
    : null

  // The recent copy shows the key as VTEX does now (or is read again when it could not be seen).
  await reflectKey(ctx, state)

  return state
}

/**
 * The review whose decision on the key calls for this action: the open one, else the latest
 * completed one (domain/review/machine reviewsToFollowUp), or null.
 */
async function reviewFor(
  storage: AppStorage,
  keyId: string,
  action: KeyAction,
  by: string,
  at: Date
): Promise<string | null> {
  const index =
    (
      await storage
        .read<ReviewIndex>('reviews', 'reviews.json')
        .catch(() => ({ value: null }))
    ).value ?? EMPTY_INDEX

  for (const id of reviewsToFollowUp(index)) {
    const review = (
      await storage
        .read<Review>('reviews', `review-${id}.json`)
        .catch(() => ({ value: null }))
    ).value

    if (review && carryOut(review, { keyId, action, detail: '', by, now: at }))
      return id
  }

  return null
}

/**
 * Marks the review's decision carried out (for a renewal's start: in progress, see
 * domain/review/machine carryOutStatus); answers whether it did. Re-applying it after a lost
 * answer adds nothing (carryOut is idempotent), so appStorage.update can check its own write.
 */
export async function markCarriedOut(
  ctx: Context,
  a: Acting,
  action: KeyAction,
  detail: string
): Promise<boolean> {
  if (!a.reviewId) return false
  const NOT_APPLICABLE = new Error('not applicable')

  try {
    return await requestData(ctx).storage.update<Review, boolean>(
      'reviews',
      (current) => {
        const next =
          current &&
          carryOut(current, {
            keyId: a.key.id,
            action,
            detail,
            by: a.by,
            now: a.at,
          })

        return next
          ? { value: next, result: true }
          : { refused: NOT_APPLICABLE }
      },
      `review-${a.reviewId}.json`
    )
  } catch (e) {
    if (e !== NOT_APPLICABLE)
      ctx.vtex.logger.error({
        message: 'could not mark the review decision carried out',
        keyId: a.key.id,
        action,
      })

    return false
  }
}

export async function acting(
  ctx: Context,
  keyId: string,
  confirm: string | null,
  action: KeyAction
): Promise<Acting> {
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId))
    throw refusalError({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'keyId',
      message: wording('refusal.key.badId'),
    })
  const key = await confirmedKey(ctx, keyId, confirm)
  const by = await actor(ctx)
  const at = now()

  return {
    key,
    by,
    at,
    reviewId: await reviewFor(requestData(ctx).storage, key.id, action, by, at),
  }
}
