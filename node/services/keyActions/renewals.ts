// Token renewal from Key Steward: renew (the new token goes to the caller, once, and nowhere
// else), finish, and record a renewal done in VTEX's Admin. Renewal records never hold a token.
// When VTEX's answer to renew never comes (timed out after the request was sent), the renewal is
// recorded as possibly pending, so the key page and a later 409 can say what happened.
import { ResolverError } from '@vtex/api'

import type { VtexAppKey } from '../../clients/licenseManagerApi'
import { outcomeUnknown, shownCause, UpstreamError } from '../../clients/retry'
import { VTEX_ID } from '../../clients/vtexId'
import {
  finishAnswerFacts,
  isPending,
  recordRenewal,
  renewAnswerFacts,
  renewalFinished,
  renewalNotPending,
  renewalPossiblyStarted,
  renewalStarted,
  renewalStatus,
} from '../../domain/renewals'
import type { Renewal } from '../../domain/rules/types'
import { state } from '../../domain/auditStates'
import {
  requireAdminToken,
  toResolverError,
  withCode,
} from '../../resolvers/errors'
import { refusalError } from '../../resolvers/refusals'
import type { Wording } from '../../domain/wording'
import { wording } from '../../domain/wording'
import { worded } from '../wording'
import { requestData } from '../requestData'
import type { Context } from '../../typings'
import type { KeyState } from './acting'
import { acting, markCarriedOut, reread } from './acting'
import { audit, outcomeOf, reasonOf, record, statusOf } from './auditLog'

type Renewals = Record<string, Renewal>

async function readRenewals(ctx: Context): Promise<Renewals> {
  return (
    (
      await requestData(ctx)
        .storage.read<Renewals>('renewals')
        .catch((e) => {
          throw toResolverError(e)
        })
    ).value ?? {}
  )
}

/** Saves a key's renewal record; answers whether it landed (a failure is logged, not thrown). */
async function saveRenewal(
  ctx: Context,
  keyId: string,
  r: Renewal
): Promise<boolean> {
  const same = (stored: Renewals | null) =>
    JSON.stringify(stored?.[keyId]) === JSON.stringify(r)

  try {
    await requestData(ctx).storage.update<Renewals, void>(
      'renewals',
      (cur) => ({ value: { ...(cur ?? {}), [keyId]: r }, result: undefined }),
      'renewals.json',
      { applied: same }
    )

    return true
  } catch {
    ctx.vtex.logger.error({
      message: 'could not save the renewal record',
      keyId,
    })

    return false
  }
}

/** A recorded date in messages, or "unknown date" in the admin's language. */
const dayWording = (iso: string | null | undefined) =>
  iso ? iso.slice(0, 10) : wording('refusal.renewal.unknownDate')

/** A renewal refusal in English, keeping its wording; VTEX's status goes in the extensions. */
function renewalRefusal(
  w: Wording,
  status: number,
  code: 'CONFLICT' | 'BAD_USER_INPUT' | 'UPSTREAM_UNAVAILABLE',
  vtexStatus: number | null
): Error {
  return withCode(
    worded((m) => new ResolverError(m, status, code), w),
    code,
    { vtexStatus }
  )
}

/** VTEX's refusals of a renewal, as what the admin can do about them. */
function renewalError(
  e: unknown,
  key: VtexAppKey,
  current: Renewal | undefined,
  finishing: boolean
): Error {
  if (!(e instanceof UpstreamError)) return toResolverError(e)
  const name = key.label || key.appKey
  const check = wording('refusal.renewal.checkInVtex')

  if (e.status === 409) {
    if (renewalStatus(current) === 'POSSIBLY_PENDING') {
      return renewalRefusal(
        wording('refusal.renewal.possiblyPending', {
          key: name,
          date: dayWording(current!.startedAt),
          who: current!.startedBy ?? wording('refusal.renewal.anAdmin'),
          check,
        }),
        409,
        'CONFLICT',
        409
      )
    }

    const started = Boolean(current && isPending(current) && current.startedBy)

    return renewalRefusal(
      wording('refusal.renewal.alreadyPending', {
        key: name,
        started: started ? 'yes' : 'no',
        by: (started && current?.startedBy) || '',
        date: started ? dayWording(current?.startedAt) : '',
      }),
      409,
      'CONFLICT',
      409
    )
  }

  if (e.status === 404 && finishing) {
    return renewalRefusal(
      wording('refusal.renewal.nothingToFinish', { key: name }),
      409,
      'CONFLICT',
      404
    )
  }

  if (e.status === 400) {
    return renewalRefusal(
      wording('refusal.renewal.invalidKey', { appKey: key.appKey }),
      400,
      'BAD_USER_INPUT',
      400
    )
  }

  if (e.status === undefined || e.status >= 500) {
    const values = { key: name, reason: shownCause(e) }

    return renewalRefusal(
      finishing
        ? wording('refusal.renewal.finishUnconfirmed', values)
        : outcomeUnknown(e)
        ? wording('refusal.renewal.renewUnconfirmed', { ...values, check })
        : wording('refusal.renewal.unreachable', values),
      502,
      'UPSTREAM_UNAVAILABLE',
      e.status ?? null
    )
  }

  return toResolverError(e)
}

export interface Renewed {
  keyId: string
  appKey: string
  newToken: string
  renewal: Renewal
  recorded: boolean
  audited: boolean
  carryOutStarted: boolean
}

/**
 * What starting and finishing a renewal both begin with: the admin's token, the key checked and
 * confirmed (acting.ts), its renewal record, and the renewal's state as the audit log names it.
 */
async function renewalAction(
  ctx: Context,
  args: { keyId: string; confirm: string },
  action: 'RENEW_TOKEN' | 'FINISH_RENEWAL'
) {
  const token = requireAdminToken(ctx)
  const a = await acting(ctx, args.keyId, args.confirm, action)
  const current = (await readRenewals(ctx))[a.key.id]
  const before = state.renewal(renewalStatus(current))

  return { token, a, current, before }
}

/**
 * Starts a renewal. The answer holds the new token: the caller passes it to the admin once; it is
 * in no record, log line or error. A ROTATE decision is only in progress now (carried out at the
 * finish: the old token still works).
 */
export async function renew(
  ctx: Context,
  args: { keyId: string; confirm: string }
): Promise<Renewed> {
  const { token, a, current, before } = await renewalAction(
    ctx,
    args,
    'RENEW_TOKEN'
  )

  let answer

  try {
    answer = await ctx.clients.vtexIdApi.renew(token, a.key.appKey)
  } catch (e) {
    if (outcomeUnknown(e)) {
      // VTEX offers no way to read a pending renewal: what happened stays unknown, and is said so.
      const possibly = renewalPossiblyStarted(current, a.by, a.at)

      if (possibly !== current) await saveRenewal(ctx, a.key.id, possibly)
      await audit(
        ctx,
        record(a, 'RENEW_TOKEN', {
          before,
          after: state.of('RENEWAL_MAY_HAVE_STARTED'),
          endpoint: VTEX_ID.renew,
          status: statusOf(e),
          answer: reasonOf(e),
          outcome: 'UNKNOWN',
        })
      )
    } else {
      await audit(
        ctx,
        record(a, 'RENEW_TOKEN', {
          before,
          after: state.of('UNCHANGED'),
          endpoint: VTEX_ID.renew,
          status: statusOf(e),
          answer: reasonOf(e),
          outcome: outcomeOf(e),
        })
      )
    }

    throw renewalError(e, a.key, current, false)
  }

  const newToken = typeof answer.newToken === 'string' ? answer.newToken : ''
  const facts = renewAnswerFacts(answer)
  const renewal = renewalStarted(answer, a.by, a.at, current)
  const recorded = await saveRenewal(ctx, a.key.id, renewal)
  const audited = await audit(
    ctx,
    record(a, 'RENEW_TOKEN', {
      before: state.dated('ONE_TOKEN', facts.creationDateToken),
      after: state.dated(
        'BOTH_TOKENS_UNTIL_FINISHED',
        facts.creationDateNewToken
      ),
      endpoint: VTEX_ID.renew,
      status: 200,
      answer: JSON.stringify(facts),
      outcome: 'DONE',
    })
  )

  const carryOutStarted = await markCarriedOut(
    ctx,
    a,
    'RENEW_TOKEN',
    'token renewal started: in progress until it is finished'
  )

  if (!newToken) {
    // VTEX answered 200 without a token: the renewal is pending and its token unknown.
    throw withCode(
      worded(
        (m) => new ResolverError(m, 502, 'UPSTREAM_UNAVAILABLE'),
        wording('refusal.renewal.noToken')
      ),
      'UPSTREAM_UNAVAILABLE'
    )
  }

  return {
    keyId: a.key.id,
    appKey: a.key.appKey,
    newToken,
    renewal,
    recorded,
    audited,
    carryOutStarted,
  }
}

export interface RenewalDone {
  key: KeyState | null
  renewal: Renewal
  recorded: boolean
  audited: boolean
  carriedOut: boolean
}

export async function finish(
  ctx: Context,
  args: { keyId: string; confirm: string }
): Promise<RenewalDone> {
  const { token, a, current, before } = await renewalAction(
    ctx,
    args,
    'FINISH_RENEWAL'
  )

  let answer

  try {
    answer = await ctx.clients.vtexIdApi.finishRenewal(token, a.key.appKey)
  } catch (e) {
    const notPending = e instanceof UpstreamError && e.status === 404
    const unknown = outcomeUnknown(e)

    await audit(
      ctx,
      record(a, 'FINISH_RENEWAL', {
        before,
        after: state.of(
          notPending
            ? 'NO_RENEWAL_PENDING_IN_VTEX'
            : unknown
            ? 'RENEWAL_MAY_HAVE_FINISHED'
            : 'UNCHANGED'
        ),
        endpoint: VTEX_ID.finishRenewal,
        status: statusOf(e),
        answer: reasonOf(e),
        outcome: unknown ? 'UNKNOWN' : outcomeOf(e),
      })
    )
    if (
      notPending &&
      current &&
      !current.finishedAt &&
      !current.vtexNotPendingAt
    )
      await saveRenewal(ctx, a.key.id, renewalNotPending(current, a.at))
    throw renewalError(e, a.key, current, true)
  }

  const renewal = renewalFinished(current, answer, a.by, a.at)
  const recorded = await saveRenewal(ctx, a.key.id, renewal)
  const facts = finishAnswerFacts(answer)
  const audited = await audit(
    ctx,
    record(a, 'FINISH_RENEWAL', {
      before: state.of('BOTH_TOKENS'),
      after: state.dated('NEW_TOKEN_ONLY', facts.creationDateToken),
      endpoint: VTEX_ID.finishRenewal,
      status: 200,
      answer: JSON.stringify(facts),
      outcome: 'DONE',
    })
  )

  const carriedOut = await markCarriedOut(
    ctx,
    a,
    'FINISH_RENEWAL',
    'token renewal finished'
  )

  return {
    key: await reread(ctx, a.key.id),
    renewal,
    recorded,
    audited,
    carriedOut,
  }
}

export async function recordElsewhere(
  ctx: Context,
  args: { keyId: string; date: string; note?: string | null }
): Promise<RenewalDone> {
  const a = await acting(ctx, args.keyId, null, 'RECORD_RENEWAL')
  const previous = (await readRenewals(ctx))[a.key.id]
  let written: Renewal | null = null
  const renewal = await requestData(ctx)
    .storage.update<Renewals, Renewal>(
      'renewals',
      (cur) => {
        const out = recordRenewal(
          {
            createdAt: a.key.createdIn,
            label: a.key.label,
            appKey: a.key.appKey,
          },
          (cur ?? {})[a.key.id],
          { date: args.date, note: args.note, by: a.by, now: a.at }
        )

        if (out.ok) written = out.value

        return out.ok
          ? {
              value: { ...(cur ?? {}), [a.key.id]: out.value },
              result: out.value,
            }
          : { refused: refusalError(out) }
      },
      'renewals.json',
      {
        applied: (stored) =>
          written !== null &&
          JSON.stringify(stored?.[a.key.id]) === JSON.stringify(written),
      }
    )
    .catch((e) => {
      throw e instanceof Error && 'extensions' in e ? e : toResolverError(e)
    })

  const audited = await audit(
    ctx,
    record(a, 'RECORD_RENEWAL', {
      before: previous?.finishedAt
        ? state.dated('LAST_RENEWAL', previous.finishedAt)
        : state.renewal(renewalStatus(previous)),
      after: state.dated('RENEWED_IN_VTEX', renewal.finishedAt),
      endpoint: null,
      status: null,
      outcome: 'DONE',
      note: renewal.note,
    })
  )

  return {
    key: await reread(ctx, a.key.id),
    renewal,
    recorded: true,
    audited,
    carriedOut: false,
  }
}
