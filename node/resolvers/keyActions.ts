// Actions in VTEX from Key Steward: renew a key's token (and finish the renewal), record a
// renewal done in VTEX's Admin, deactivate or reactivate a key, remove a role from a key.
// Safety, in order:
// - resolvers/access.ts checked the admin's own session holds what VTEX requires for the call
//   (Renew API Token; Save user), and every call to VTEX is made with that session;
// - the admin confirmed this key: `confirm` must be the key's appKey, as the confirmation dialog
//   showed it, or nothing happens;
// - VTEX is asked, never assumed: its refusals become messages that say what to do; the key is
//   read again from VTEX afterwards and that is what the answer shows;
// - every attempt that reached VTEX, and every recorded renewal, goes to the append-only audit
//   log; an open review's decision on the key is marked carried out;
// - the new token of a renewal is in renewToken's answer and nowhere else: not in the renewal
//   record, the audit log, an error or a log line, and that answer is marked no-store.
// The scheduled scan never calls any of this. The orchestration lives in services/keyActions/;
// this file parses, presents, and marks the renewal's answer no-store.
import type { ActionOutcome, KeyState } from '../generated/schema'
import { wording } from '../domain/wording'
import type { AuditRecord } from '../domain/audit'
import {
  answerable,
  readableAuditLog,
  unreadableAuditEntries,
  shownState,
} from '../domain/auditStateShown'
import { renewalStatus, tokenAge } from '../domain/renewals'
import type { Renewal } from '../domain/rules/types'
import { KEY_ID } from '../services/keyActions/acting'
import { auditFileOfKey } from '../services/keyActions/auditLog'
import { removeRole, setActive } from '../services/keyActions/remediation'
import * as renewal from '../services/keyActions/renewals'
import type { Context } from '../typings'
import { FIELD_ACCESS } from './access'
import { KEY_ACTION_FIELDS } from './keyActionFields'
import { toResolverError } from './errors'
import { refusalError } from './refusals'
import { requestData } from '../services/requestData'

export {
  auditFileOfKey,
  auditFileOfMonth,
} from '../services/keyActions/auditLog'

/** A renewal record as GraphQL shows it (never a token: the record holds none). */
export function presentRenewal(r: Renewal | null | undefined) {
  return {
    status: renewalStatus(r),
    startedAt: r?.startedAt ?? null,
    startedBy: r?.startedBy ?? null,
    finishedAt: r?.finishedAt ?? null,
    finishedBy: r?.finishedBy ?? null,
    recordedBy: r?.recordedBy ?? null,
    recordedAt: r?.recordedAt ?? null,
    note: r?.note ?? null,
    tokenCreatedAt: r?.tokenCreatedAt ?? null,
    newTokenCreatedAt: r?.newTokenCreatedAt ?? null,
    expirationPeriodDays: r?.expirationPeriodDays ?? null,
    vtexNotPendingAt: r?.vtexNotPendingAt ?? null,
    outcomeUnknownAt: r?.outcomeUnknownAt ?? null,
    previousRenewalAt: r?.previousRenewalAt ?? null,
  }
}

export function presentAudit(r: AuditRecord) {
  return {
    id: r.id,
    at: r.at,
    by: r.by,
    action: r.action,
    keyId: r.keyId,
    appKey: r.appKey,
    label: r.label,
    before: r.before,
    after: r.after,
    // read through readableAuditLog: an unreadable state is gone, its text is shown
    beforeState: shownState(r.beforeState),
    afterState: shownState(r.afterState),
    vtexCall: r.vtex?.endpoint ?? null,
    vtexStatus: r.vtex?.status ?? null,
    vtexAnswer: r.vtex?.answer ?? null,
    outcome: r.outcome,
    reviewId: r.reviewId,
    note: r.note,
  }
}

/**
 * The answer carrying a new token must not be kept by any cache (browser, proxy, CDN). @vtex/api
 * builds the response's Cache-Control from ctx.graphql.cacheControl after the resolvers ran
 * (runtime/graphql/utils/cacheControl.js: noStore → "no-store", noCache → "no-cache"); the
 * @cacheControl directive can only set scope and maxAge, so the resolver sets the flags.
 */
function markNoStore(ctx: Context): void {
  const { graphql } = ctx as unknown as {
    graphql?: {
      cacheControl?: { noStore?: boolean; noCache?: boolean; scope?: string }
    }
  }

  if (graphql?.cacheControl)
    Object.assign(graphql.cacheControl, {
      noStore: true,
      noCache: true,
      scope: 'private',
    })
}

export const renewToken = async (
  _: unknown,
  args: { keyId: string; confirm: string },
  ctx: Context
) => {
  // Before anything: whatever this answer carries is never kept by a cache.
  markNoStore(ctx)
  const r = await renewal.renew(ctx, args)

  // The decision is in progress, not carried out: the old token works until the renewal is finished.
  return {
    keyId: r.keyId,
    appKey: r.appKey,
    newToken: r.newToken,
    renewal: presentRenewal(r.renewal),
    recorded: r.recorded,
    audited: r.audited,
    carriedOut: false,
    carryOutStarted: r.carryOutStarted,
  }
}

const presentDone = (r: {
  key: KeyState | null
  renewal?: Renewal | null
  recorded?: boolean
  audited: boolean
  carriedOut: boolean
  outcome?: ActionOutcome
}) => ({
  key: r.key,
  renewal: r.renewal ? presentRenewal(r.renewal) : null,
  recorded: r.recorded ?? false,
  audited: r.audited,
  carriedOut: r.carriedOut,
  outcome: r.outcome ?? ('DONE' as const),
})

export const finishTokenRenewal = async (
  _: unknown,
  args: { keyId: string; confirm: string },
  ctx: Context
) => presentDone(await renewal.finish(ctx, args))
export const recordTokenRenewal = async (
  _: unknown,
  args: { keyId: string; date: string; note?: string | null },
  ctx: Context
) => presentDone(await renewal.recordElsewhere(ctx, args))
export const deactivateKey = async (
  _: unknown,
  args: { keyId: string; confirm: string },
  ctx: Context
) => presentDone(await setActive(ctx, args, false))
export const reactivateKey = async (
  _: unknown,
  args: { keyId: string; confirm: string },
  ctx: Context
) => presentDone(await setActive(ctx, args, true))
export const removeKeyRole = async (
  _: unknown,
  args: { keyId: string; roleId: number; confirm: string },
  ctx: Context
) => presentDone(await removeRole(ctx, args))

/** The key's audit log, newest first. */
export async function keyAudit(
  _: unknown,
  args: { keyId: string },
  ctx: Context
) {
  const log = await storedAuditLog(ctx, args.keyId)

  return readableAuditLog(log).filter(answerable).reverse().map(presentAudit)
}

/** How many entries of the key's audit log keyAudit leaves out because they cannot be read. */
export async function keyAuditUnreadable(
  _: unknown,
  args: { keyId: string },
  ctx: Context
) {
  return unreadableAuditEntries(await storedAuditLog(ctx, args.keyId))
}

async function storedAuditLog(ctx: Context, keyId: string): Promise<unknown> {
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId))
    throw refusalError({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'keyId',
      message: wording('refusal.key.badId'),
    })
  const log = await requestData(ctx)
    .storage.read<unknown>('audit', auditFileOfKey(keyId))
    .catch((e) => {
      throw toResolverError(e)
    })

  return log.value
}

/** The actions of the key page and the review, and whether the admin's session may do each. */
export async function keyActionPermissions(
  _: unknown,
  __: unknown,
  ctx: Context
) {
  const data = requestData(ctx)

  return Promise.all(
    KEY_ACTION_FIELDS.map(async (field) => {
      const access = FIELD_ACCESS.Mutation[field]
      const requires = 'requires' in access ? access.requires : []
      const held = await Promise.all(requires.map((r) => data.holds(r))).catch(
        (e) => {
          throw toResolverError(e)
        }
      )

      const lacking = requires.filter((_requirement, i) => !held[i])

      return {
        field,
        allowed: lacking.length === 0,
        missingResources: lacking.map((r) => r[0].name),
        acceptedResources: lacking.map((r) => r.map((x) => x.name)),
      }
    })
  )
}

/** ApiKey fields: how old the token in use is (what key-age-exceeded uses), and its renewal. */
async function ageOf(key: { id: string; createdAt: string }, ctx: Context) {
  const { input } = await requestData(ctx).evaluation()

  return {
    age: tokenAge(key, input.renewals[key.id], input.now),
    renewal: input.renewals[key.id],
  }
}

export const apiKeyRenewalFields = {
  tokenAgeDays: async (
    key: { id: string; createdAt: string },
    _: unknown,
    ctx: Context
  ) => (await ageOf(key, ctx)).age.days,
  tokenAgeSince: async (
    key: { id: string; createdAt: string },
    _: unknown,
    ctx: Context
  ) => (await ageOf(key, ctx)).age.since,
  tokenAgeBasis: async (
    key: { id: string; createdAt: string },
    _: unknown,
    ctx: Context
  ) => (await ageOf(key, ctx)).age.basis,
  renewal: async (
    key: { id: string; createdAt: string },
    _: unknown,
    ctx: Context
  ) => presentRenewal((await ageOf(key, ctx)).renewal),
}
