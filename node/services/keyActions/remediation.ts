// Deactivate or reactivate a key, remove a role from a key: with the admin's session, after they
// confirmed the key. VTEX is asked, never assumed: the key is read again afterwards, and also
// when VTEX's answer was an error or never came (a timeout may hide a change VTEX applied), and
// the audit log says what is true then, not what the call's answer suggested.
import { ResolverError } from '@vtex/api'

import { wording } from '../../domain/wording'
import type { AuditState } from '../../domain/auditStates'
import { englishOf, state } from '../../domain/auditStates'
import type { VtexRoleRef } from '../../clients/licenseManagerApi'
import { LM } from '../../clients/licenseManagerApi'
import { outcomeUnknown } from '../../clients/retry'
import type { AuditOutcome } from '../../domain/audit'
import type { KeyAction } from '../../domain/review/types'
import {
  requireAdminToken,
  toResolverError,
  withCode,
} from '../../resolvers/errors'
import { refusalError } from '../../resolvers/refusals'
import type { Context } from '../../typings'
import type { Acting, KeyState } from './acting'
import { acting, markCarriedOut, reread } from './acting'
import { worded } from '../wording'
import { audit, outcomeOf, reasonOf, record, statusOf } from './auditLog'

export interface ActionDone {
  key: KeyState | null
  outcome: AuditOutcome
  audited: boolean
  carriedOut: boolean
}

/**
 * After VTEX's answer was an error or never came: reads the key again and audits what is true.
 * Answers the result when VTEX did apply the change; otherwise throws what the admin should know.
 */
async function settleAfterError(
  ctx: Context,
  a: Acting,
  action: KeyAction,
  e: unknown,
  p: {
    endpoint: string
    before: AuditState
    describe: (k: KeyState) => AuditState
    applied: (k: KeyState) => boolean | null
    note?: string
    detail: (k: KeyState) => string
    /** the role removed, for REMOVE_ROLE's message */
    role?: string
  }
): Promise<ActionDone> {
  // A refusal is an answer: nothing changed.
  if (!outcomeUnknown(e)) {
    await audit(
      ctx,
      record(a, action, {
        before: p.before,
        after: state.of('UNCHANGED'),
        endpoint: p.endpoint,
        status: statusOf(e),
        answer: reasonOf(e),
        outcome: outcomeOf(e),
        note: p.note,
      })
    )
    throw toResolverError(e)
  }

  const seen = await reread(ctx, a.key.id)
  const applied = seen ? p.applied(seen) : null
  const outcome: AuditOutcome =
    applied === null
      ? 'UNKNOWN'
      : applied
      ? 'APPLIED_DESPITE_ERROR'
      : 'NOT_APPLIED'

  const after =
    seen && applied !== null ? p.describe(seen) : state.of('KEY_UNREADABLE')

  const audited = await audit(
    ctx,
    record(a, action, {
      before: p.before,
      after,
      endpoint: p.endpoint,
      status: statusOf(e),
      answer: reasonOf(e),
      outcome,
      note: p.note,
    })
  )

  if (applied)
    return {
      key: seen,
      outcome,
      audited,
      carriedOut: await markCarriedOut(ctx, a, action, p.detail(seen!)),
    }
  throw withCode(
    worded(
      (m) => new ResolverError(m, 502, 'UPSTREAM_UNAVAILABLE'),
      wording('refusal.key.unconfirmed', {
        action,
        role: p.role ?? '',
        key: a.key.label || a.key.appKey,
        reason: reasonOf(e),
        applied: applied === false ? 'no' : 'unknown',
      })
    ),
    'UPSTREAM_UNAVAILABLE',
    { outcome }
  )
}

const word = (v: boolean) => englishOf(state.active(v))

export async function setActive(
  ctx: Context,
  args: { keyId: string; confirm: string },
  active: boolean
): Promise<ActionDone> {
  const action: KeyAction = active ? 'REACTIVATE' : 'DEACTIVATE'
  const token = requireAdminToken(ctx)
  const a = await acting(ctx, args.keyId, args.confirm, action)

  if (a.key.isActive === active) {
    throw refusalError({
      ok: false,
      code: 'CONFLICT',
      message: wording('refusal.key.alreadyState', {
        key: a.key.label || a.key.appKey,
        active: active ? 'yes' : 'no',
      }),
    })
  }

  const before = state.active(a.key.isActive)

  try {
    await ctx.clients.licenseManagerApi.setAppKeyActive(token, a.key.id, active)
  } catch (e) {
    return settleAfterError(ctx, a, action, e, {
      endpoint: LM.updateAppKey,
      before,
      describe: (k) => state.active(k.isActive),
      applied: (k) => k.isActive === active,
      detail: (k) => `${word(a.key.isActive)} → ${word(k.isActive)}`,
    })
  }

  const seen = await reread(ctx, a.key.id)
  const after = seen ? state.active(seen.isActive) : state.of('KEY_NOT_FOUND')
  const outcome: AuditOutcome = !seen
    ? 'UNKNOWN'
    : seen.isActive === active
    ? 'DONE'
    : 'FAILED'

  const audited = await audit(
    ctx,
    record(a, action, {
      before,
      after,
      endpoint: LM.updateAppKey,
      status: 200,
      answer: `{"isActive":${active}}`,
      outcome,
    })
  )

  // A decision is carried out only when VTEX shows the key as asked, read again afterwards.
  const carriedOut =
    seen?.isActive === active
      ? await markCarriedOut(
          ctx,
          a,
          action,
          `${englishOf(before)} → ${englishOf(after)}`
        )
      : false

  return { key: seen, outcome, audited, carriedOut }
}

export async function removeRole(
  ctx: Context,
  args: { keyId: string; roleId: number; confirm: string }
): Promise<ActionDone> {
  const token = requireAdminToken(ctx)
  const a = await acting(ctx, args.keyId, args.confirm, 'REMOVE_ROLE')
  const lm = ctx.clients.licenseManagerApi
  const roles = await lm.rolesOf(token, a.key.id).catch((e) => {
    throw toResolverError(e)
  })

  const role = roles.find((r) => r.id === args.roleId)

  // VTEX answers 204 to removing a role the key does not hold, so Key Steward checks first.
  if (!role)
    throw refusalError({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'roleId',
      message: wording('refusal.key.noRole', {
        key: a.key.label || a.key.appKey,
        role: args.roleId,
      }),
    })
  const names = (rs: Array<Pick<VtexRoleRef, 'name'>>) =>
    state.roles(rs.map((r) => r.name))

  try {
    await lm.removeRole(token, a.key.id, role.id)
  } catch (e) {
    return settleAfterError(ctx, a, 'REMOVE_ROLE', e, {
      endpoint: LM.removeRole,
      before: names(roles),
      note: role.name,
      role: role.name,
      describe: (k) => names(k.roles),
      applied: (k) =>
        k.rolesKnown ? !k.roles.some((r) => r.id === role.id) : null,
      detail: () => `removed ${role.name}`,
    })
  }

  const seen = await reread(ctx, a.key.id)
  const gone = !!seen?.rolesKnown && !seen.roles.some((r) => r.id === role.id)
  const after = seen?.rolesKnown
    ? names(seen.roles)
    : state.of('ROLES_UNREADABLE')

  const outcome: AuditOutcome = !seen?.rolesKnown
    ? 'UNKNOWN'
    : gone
    ? 'DONE'
    : 'FAILED'

  const audited = await audit(
    ctx,
    record(a, 'REMOVE_ROLE', {
      before: names(roles),
      after,
      endpoint: LM.removeRole,
      status: 204,
      outcome,
      note: role.name,
    })
  )

  const carriedOut = gone
    ? await markCarriedOut(ctx, a, 'REMOVE_ROLE', `removed ${role.name}`)
    : false

  return { key: seen, outcome, audited, carriedOut }
}
