// Token renewal from Key Steward: renew (the new token goes to the caller, once, and nowhere
// else), finish, and record a renewal done in VTEX's Admin. Renewal records never hold a token.
// When VTEX's answer to renew never comes (timed out after the request was sent), the renewal is
// recorded as possibly pending, so the key page and a later 409 can say what happened.
import { ResolverError } from '@vtex/api'

import type { VtexAppKey } from '../../clients/licenseManagerApi'
import { outcomeUnknown, UpstreamError } from '../../clients/retry'
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
import {
  requireAdminToken,
  toResolverError,
  withCode,
} from '../../resolvers/errors'
import { refusalError } from '../../resolvers/refusals'
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

const day = (iso: string | null | undefined) =>
  iso ? iso.slice(0, 10) : 'unknown date'

const CHECK_IN_VTEX =
  "Check the key in VTEX's Admin (Account settings → API keys, Generated tab: a pending renewal shows two token durations)."

/** VTEX's refusals of a renewal, as what the admin can do about them. */
function renewalError(
  e: unknown,
  key: VtexAppKey,
  current: Renewal | undefined,
  finishing: boolean
): Error {
  if (!(e instanceof UpstreamError)) return toResolverError(e)
  const name = `"${key.label || key.appKey}"`

  if (e.status === 409) {
    if (renewalStatus(current) === 'POSSIBLY_PENDING') {
      return withCode(
        new ResolverError(
          `VTEX says a renewal of the token of ${name} is already pending (409). On ${day(
            current!.startedAt
          )}, ${
            current!.startedBy ?? 'an admin'
          } asked VTEX to renew it from Key Steward and the answer never arrived: ` +
            'that renewal most likely went through, and its new token was never shown to anyone. The old token still works, so nothing is broken now. ' +
            `${CHECK_IN_VTEX} To get a token you can use, finish the pending renewal (the old token then stops working, so the integration stops until it gets the next token) and renew again.`,
          409,
          'CONFLICT'
        ),
        'CONFLICT',
        { vtexStatus: 409 }
      )
    }

    const who =
      current && isPending(current) && current.startedBy
        ? ` It was started in Key Steward by ${current.startedBy} on ${day(
            current.startedAt
          )}.`
        : " Key Steward did not start it: it was started in VTEX's Admin or by another tool."

    return withCode(
      new ResolverError(
        `VTEX says a renewal of the token of ${name} is already pending (409): both the old and the new token work.${who} ` +
          "Whoever started it was shown the new token. Once the integration uses it, finish the renewal. If nobody holds the new token, do not finish: handle the pending renewal in VTEX's Admin (Account settings → API keys) first.",
        409,
        'CONFLICT'
      ),
      'CONFLICT',
      { vtexStatus: 409 }
    )
  }

  if (e.status === 404 && finishing) {
    return withCode(
      new ResolverError(
        `VTEX has no pending renewal of the token of ${name} (404): there is nothing to finish. It may have been finished already, here or in VTEX's Admin. ` +
          "If it was renewed in VTEX's Admin, record that renewal here so the token's age counts from it.",
        409,
        'CONFLICT'
      ),
      'CONFLICT',
      { vtexStatus: 404 }
    )
  }

  if (e.status === 400) {
    return withCode(
      new ResolverError(
        `VTEX refused: it says the API key ${key.appKey} is invalid or does not belong to this account (400). Reload the key list; if the key still shows, contact VTEX support.`,
        400,
        'BAD_USER_INPUT'
      ),
      'BAD_USER_INPUT',
      { vtexStatus: 400 }
    )
  }

  if (e.status === undefined || e.status >= 500) {
    const message = finishing
      ? `VTEX did not confirm the request to finish the renewal of ${name} (${e.reason}). It may or may not have been done, so Key Steward did not repeat it. Reload the key page and try again: a second finish is harmless.`
      : outcomeUnknown(e)
      ? `VTEX did not confirm the request to renew the token of ${name} (${e.reason}). It may or may not have been done, so Key Steward did not repeat it, and recorded the renewal as possibly pending. ` +
        `If VTEX did start it, its new token was never shown to anyone; the old token keeps working. ${CHECK_IN_VTEX} The key page says what to do.`
      : `VTEX could not be reached to renew the token of ${name} (${e.reason}): nothing was done. Try again in a few minutes.`

    return withCode(
      new ResolverError(message, 502, 'UPSTREAM_UNAVAILABLE'),
      'UPSTREAM_UNAVAILABLE',
      { vtexStatus: e.status ?? null }
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
 * Starts a renewal. The answer holds the new token: the caller passes it to the admin once; it is
 * in no record, log line or error. A ROTATE decision is only in progress now (carried out at the
 * finish: the old token still works).
 */
export async function renew(
  ctx: Context,
  args: { keyId: string; confirm: string }
): Promise<Renewed> {
  const token = requireAdminToken(ctx)
  const a = await acting(ctx, args.keyId, args.confirm, 'RENEW_TOKEN')
  const current = (await readRenewals(ctx))[a.key.id]
  const before = `renewal ${renewalStatus(current)
    .toLowerCase()
    .replace(/_/g, ' ')}`

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
          after:
            'unknown: VTEX may have started a renewal; its new token, if any, was never shown',
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
          after: 'unchanged',
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
      before: `one token, created ${day(facts.creationDateToken)}`,
      after: `old token and a new one (created ${day(
        facts.creationDateNewToken
      )}) both valid until the renewal is finished`,
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
      new ResolverError(
        "VTEX started the renewal but its answer carried no new token. Handle the pending renewal in VTEX's Admin (Account settings → API keys).",
        502,
        'UPSTREAM_UNAVAILABLE'
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
  const token = requireAdminToken(ctx)
  const a = await acting(ctx, args.keyId, args.confirm, 'FINISH_RENEWAL')
  const current = (await readRenewals(ctx))[a.key.id]
  const before = `renewal ${renewalStatus(current)
    .toLowerCase()
    .replace(/_/g, ' ')}`

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
        after: notPending
          ? 'VTEX has no pending renewal'
          : unknown
          ? 'unknown: VTEX may have finished the renewal'
          : 'unchanged',
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
      before: 'old and new token both valid',
      after: `only the new token (created ${day(
        facts.creationDateToken
      )}) is valid`,
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
        ? `last renewal ${day(previous.finishedAt)}`
        : `renewal ${renewalStatus(previous).toLowerCase().replace(/_/g, ' ')}`,
      after: `renewed in VTEX's Admin on ${day(renewal.finishedAt)} (recorded)`,
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
