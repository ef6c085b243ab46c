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
// The scheduled scan never calls any of this.
import { ResolverError } from '@vtex/api'
import { randomBytes } from 'crypto'
import { now } from '../clock'
import type { AppStorage } from '../clients/appStorage'
import type { VtexAppKey, VtexRoleRef } from '../clients/licenseManagerApi'
import { LM } from '../clients/licenseManagerApi'
import { UpstreamError } from '../clients/retry'
import { VTEX_ID } from '../clients/vtexId'
import { appended, auditRecord, AuditOutcome, AuditRecord, monthOf } from '../domain/audit'
import { finishAnswerFacts, isPending, recordRenewal, renewAnswerFacts, renewalFinished, renewalNotPending, renewalStarted, renewalStatus, tokenAge } from '../domain/renewals'
import { carryOut, EMPTY_INDEX } from '../domain/review/machine'
import type { KeyAction, Review, ReviewIndex } from '../domain/review/types'
import type { Renewal } from '../domain/rules/types'
import type { Context } from '../typings'
import { FIELD_ACCESS } from './access'
import { actor } from './actor'
import { requireAdminToken, toResolverError, withCode } from './errors'
import { refusalError } from './refusals'
import { requestData } from '../services/requestData'
import { reflectKey } from '../services/reflectWrite'

type Renewals = Record<string, Renewal>

const KEY_ID = /^[A-Za-z0-9-]{1,64}$/
export const auditFileOfKey = (keyId: string) => `key-${keyId}.json`
export const auditFileOfMonth = (month: string) => `month-${month}.json`

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
  }
}

export function presentAudit(r: AuditRecord) {
  return {
    id: r.id, at: r.at, by: r.by, action: r.action, keyId: r.keyId, appKey: r.appKey, label: r.label, before: r.before, after: r.after,
    vtexCall: r.vtex?.endpoint ?? null, vtexStatus: r.vtex?.status ?? null, vtexAnswer: r.vtex?.answer ?? null, outcome: r.outcome, reviewId: r.reviewId, note: r.note,
  }
}

/**
 * The answer carrying a new token must not be kept by any cache (browser, proxy, CDN). @vtex/api
 * builds the response's Cache-Control from ctx.graphql.cacheControl after the resolvers ran
 * (runtime/graphql/utils/cacheControl.js: noStore → "no-store", noCache → "no-cache"); the
 * @cacheControl directive can only set scope and maxAge, so the resolver sets the flags.
 */
function markNoStore(ctx: Context): void {
  const graphql = (ctx as unknown as { graphql?: { cacheControl?: { noStore?: boolean; noCache?: boolean; scope?: string } } }).graphql
  if (graphql?.cacheControl) Object.assign(graphql.cacheControl, { noStore: true, noCache: true, scope: 'private' })
}

/** The key, found in VTEX's list with the admin's session, and confirmed by its appKey. */
async function confirmedKey(ctx: Context, keyId: string, confirm: string | null): Promise<VtexAppKey> {
  const keys = await ctx.clients.licenseManagerApi.listAppKeys(requireAdminToken(ctx)).catch(e => { throw toResolverError(e) })
  const key = keys.find(k => k.id === keyId)
  if (!key) throw refusalError({ ok: false, code: 'NOT_FOUND', field: 'keyId', message: `No API key ${String(keyId).slice(0, 80)} in this account (it may have been deleted): nothing was done.` })
  if (confirm !== null && (confirm ?? '').trim() !== key.appKey) {
    throw refusalError({ ok: false, code: 'BAD_USER_INPUT', field: 'confirm', message: `Not confirmed for this key: confirm with its appKey ${key.appKey}. Nothing was done.` })
  }
  return key
}

/** The key as VTEX shows it now (read again after an action), with its roles. */
async function reread(ctx: Context, keyId: string) {
  const lm = ctx.clients.licenseManagerApi
  const token = requireAdminToken(ctx)
  const [keys, roles] = await Promise.all([
    lm.listAppKeys(token).catch(() => null),
    lm.rolesOf(token, keyId).then(rs => ({ ok: true as const, rs }), () => ({ ok: false as const, rs: [] as VtexRoleRef[] })),
  ])
  const key = keys?.find(k => k.id === keyId)
  if (!key) return null
  return { id: key.id, appKey: key.appKey, label: key.label, isActive: key.isActive, createdAt: key.createdIn, rolesKnown: roles.ok, roles: roles.rs.map(r => ({ id: r.id, name: r.name })) }
}

/**
 * Appends a record to the key's log and to the month's log (the review export reads months).
 * Each file only ever grows (domain/audit appended). Answers whether both writes landed; a
 * failure is logged without the record, never thrown: the action in VTEX already happened.
 */
async function audit(ctx: Context, record: AuditRecord): Promise<boolean> {
  const storage = requestData(ctx).storage
  const append = (path: string) => storage.update<AuditRecord[], void>('audit', cur => ({ value: appended(cur, record), result: undefined }), path)
  try {
    await append(auditFileOfMonth(monthOf(record.at)))
    await append(auditFileOfKey(record.keyId))
    return true
  } catch (e) {
    ctx.vtex.logger.error({ message: 'could not write the audit log', action: record.action, keyId: record.keyId, reason: String((e as Error)?.name ?? 'error') })
    return false
  }
}

const outcomeOf = (e: unknown): AuditOutcome => (e instanceof UpstreamError && e.status !== undefined && e.status < 500 ? 'REFUSED' : 'FAILED')

interface Acting { key: VtexAppKey; by: string; at: Date; reviewId: string | null }

function record(a: Acting, action: KeyAction, parts: { before: string; after: string; endpoint: string | null; status: number | null; answer?: string; outcome: AuditOutcome; note?: string | null }): AuditRecord {
  return auditRecord({
    id: `${a.at.toISOString()}-${randomBytes(6).toString('hex')}`, at: a.at.toISOString(), by: a.by, action, keyId: a.key.id, appKey: a.key.appKey, label: a.key.label,
    before: parts.before, after: parts.after, vtex: parts.endpoint ? { endpoint: parts.endpoint, status: parts.status, answer: parts.answer ?? '' } : null,
    outcome: parts.outcome, reviewId: a.reviewId, note: parts.note ?? null,
  })
}

/** The open review's id if its decision on the key calls for this action. */
async function reviewFor(storage: AppStorage, keyId: string, action: KeyAction, by: string, at: Date): Promise<string | null> {
  const { openId } = (await storage.read<ReviewIndex>('reviews', 'reviews.json').catch(() => ({ value: null }))).value ?? EMPTY_INDEX
  if (!openId) return null
  const review = (await storage.read<Review>('reviews', `review-${openId}.json`).catch(() => ({ value: null }))).value
  return review && carryOut(review, { keyId, action, detail: '', by, now: at }) ? openId : null
}

/** Marks the open review's decision carried out; answers whether it did. */
async function markCarriedOut(ctx: Context, a: Acting, action: KeyAction, detail: string): Promise<boolean> {
  if (!a.reviewId) return false
  const NOT_APPLICABLE = new Error('not applicable')
  try {
    return await requestData(ctx).storage.update<Review, boolean>('reviews', current => {
      const next = current && carryOut(current, { keyId: a.key.id, action, detail, by: a.by, now: a.at })
      return next ? { value: next, result: true } : { refused: NOT_APPLICABLE }
    }, `review-${a.reviewId}.json`)
  } catch (e) {
    if (e !== NOT_APPLICABLE) ctx.vtex.logger.error({ message: 'could not mark the review decision carried out', keyId: a.key.id, action })
    return false
  }
}

async function acting(ctx: Context, keyId: string, confirm: string | null, action: KeyAction): Promise<Acting> {
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) throw refusalError({ ok: false, code: 'BAD_USER_INPUT', field: 'keyId', message: 'Not an API key id.' })
  const key = await confirmedKey(ctx, keyId, confirm)
  const by = await actor(ctx)
  const at = now()
  return { key, by, at, reviewId: await reviewFor(requestData(ctx).storage, key.id, action, by, at) }
}

async function readRenewals(ctx: Context): Promise<Renewals> {
  return (await requestData(ctx).storage.read<Renewals>('renewals').catch(e => { throw toResolverError(e) })).value ?? {}
}

/** Saves a key's renewal record; answers whether it landed (a failure is logged, not thrown). */
async function saveRenewal(ctx: Context, keyId: string, r: Renewal): Promise<boolean> {
  try {
    await requestData(ctx).storage.update<Renewals, void>('renewals', cur => ({ value: { ...(cur ?? {}), [keyId]: r }, result: undefined }))
    return true
  } catch {
    ctx.vtex.logger.error({ message: 'could not save the renewal record', keyId })
    return false
  }
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : 'unknown date')

/** VTEX's refusals of a renewal, as what the admin can do about them. */
function renewalError(e: unknown, key: VtexAppKey, current: Renewal | undefined, finishing: boolean): Error {
  if (!(e instanceof UpstreamError)) return toResolverError(e)
  const name = `"${key.label || key.appKey}"`
  if (e.status === 409) {
    const who = current && isPending(current) && current.startedBy ? ` It was started in Key Steward by ${current.startedBy} on ${day(current.startedAt)}.` : ' Key Steward did not start it: it was started in VTEX\'s Admin or by another tool.'
    return withCode(new ResolverError(
      `VTEX says a renewal of the token of ${name} is already pending (409): both the old and the new token work.${who} ` +
      'Whoever started it was shown the new token. Once the integration uses it, finish the renewal. If nobody holds the new token, do not finish: handle the pending renewal in VTEX\'s Admin (Account settings → API keys) first.', 409, 'CONFLICT'), 'CONFLICT', { vtexStatus: 409 })
  }
  if (e.status === 404 && finishing) {
    return withCode(new ResolverError(
      `VTEX has no pending renewal of the token of ${name} (404): there is nothing to finish. It may have been finished already, here or in VTEX's Admin. ` +
      'If it was renewed in VTEX\'s Admin, record that renewal here so the token\'s age counts from it.', 409, 'CONFLICT'), 'CONFLICT', { vtexStatus: 404 })
  }
  if (e.status === 400) {
    return withCode(new ResolverError(
      `VTEX refused: it says the API key ${key.appKey} is invalid or does not belong to this account (400). Reload the key list; if the key still shows, contact VTEX support.`, 400, 'BAD_USER_INPUT'), 'BAD_USER_INPUT', { vtexStatus: 400 })
  }
  if (e.status === undefined || e.status >= 500) {
    const verb = finishing ? 'finish the renewal' : 'renew the token'
    return withCode(new ResolverError(
      `VTEX did not answer the request to ${verb} of ${name} (${e.reason}). It may or may not have been done, so Key Steward did not repeat it. ` +
      (finishing ? 'Reload the key page and try again: a second finish is harmless.' : 'Reload the key page and try again: if VTEX then says a renewal is pending, its new token was not shown to anyone; handle it in VTEX\'s Admin (Account settings → API keys) before renewing again.'),
      502, 'UPSTREAM_UNAVAILABLE'), 'UPSTREAM_UNAVAILABLE', { vtexStatus: e.status ?? null })
  }
  return toResolverError(e)
}

const statusOf = (e: unknown) => (e instanceof UpstreamError ? e.status ?? null : null)
const reasonOf = (e: unknown) => (e instanceof UpstreamError ? e.reason : 'not sent')

export async function renewToken(_: unknown, args: { keyId: string; confirm: string }, ctx: Context) {
  const token = requireAdminToken(ctx)
  const a = await acting(ctx, args.keyId, args.confirm, 'RENEW_TOKEN')
  const current = (await readRenewals(ctx))[a.key.id]
  let answer
  try {
    answer = await ctx.clients.vtexIdApi.renew(token, a.key.appKey)
  } catch (e) {
    await audit(ctx, record(a, 'RENEW_TOKEN', { before: `renewal ${renewalStatus(current).toLowerCase()}`, after: 'unchanged', endpoint: VTEX_ID.renew, status: statusOf(e), answer: reasonOf(e), outcome: outcomeOf(e) }))
    throw renewalError(e, a.key, current, false)
  }
  markNoStore(ctx)
  const newToken = typeof answer.newToken === 'string' ? answer.newToken : ''
  const facts = renewAnswerFacts(answer)
  const renewal = renewalStarted(answer, a.by, a.at)
  const recorded = await saveRenewal(ctx, a.key.id, renewal)
  const audited = await audit(ctx, record(a, 'RENEW_TOKEN', {
    before: `one token, created ${day(facts.creationDateToken)}`,
    after: `old token and a new one (created ${day(facts.creationDateNewToken)}) both valid until the renewal is finished`,
    endpoint: VTEX_ID.renew, status: 200, answer: JSON.stringify(facts), outcome: 'DONE',
  }))
  const carriedOut = await markCarriedOut(ctx, a, 'RENEW_TOKEN', 'token renewal started')
  if (!newToken) {
    // VTEX answered 200 without a token: the renewal is pending and its token unknown.
    throw withCode(new ResolverError('VTEX started the renewal but its answer carried no new token. Handle the pending renewal in VTEX\'s Admin (Account settings → API keys).', 502, 'UPSTREAM_UNAVAILABLE'), 'UPSTREAM_UNAVAILABLE')
  }
  return { keyId: a.key.id, appKey: a.key.appKey, newToken, renewal: presentRenewal(renewal), recorded, audited, carriedOut }
}

export async function finishTokenRenewal(_: unknown, args: { keyId: string; confirm: string }, ctx: Context) {
  const token = requireAdminToken(ctx)
  const a = await acting(ctx, args.keyId, args.confirm, 'FINISH_RENEWAL')
  const current = (await readRenewals(ctx))[a.key.id]
  let answer
  try {
    answer = await ctx.clients.vtexIdApi.finishRenewal(token, a.key.appKey)
  } catch (e) {
    const notPending = e instanceof UpstreamError && e.status === 404
    await audit(ctx, record(a, 'FINISH_RENEWAL', {
      before: `renewal ${renewalStatus(current).toLowerCase()}`, after: notPending ? 'VTEX has no pending renewal' : 'unchanged',
      endpoint: VTEX_ID.finishRenewal, status: statusOf(e), answer: reasonOf(e), outcome: outcomeOf(e),
    }))
    if (notPending && current && isPending(current)) await saveRenewal(ctx, a.key.id, renewalNotPending(current, a.at))
    throw renewalError(e, a.key, current, true)
  }
  const renewal = renewalFinished(current, answer, a.by, a.at)
  const recorded = await saveRenewal(ctx, a.key.id, renewal)
  const facts = finishAnswerFacts(answer)
  const audited = await audit(ctx, record(a, 'FINISH_RENEWAL', {
    before: 'old and new token both valid', after: `only the new token (created ${day(facts.creationDateToken)}) is valid`,
    endpoint: VTEX_ID.finishRenewal, status: 200, answer: JSON.stringify(facts), outcome: 'DONE',
  }))
  const carriedOut = await markCarriedOut(ctx, a, 'FINISH_RENEWAL', 'token renewal finished')
  return { key: await reread(ctx, a.key.id), renewal: presentRenewal(renewal), recorded, audited, carriedOut }
}

export async function recordTokenRenewal(_: unknown, args: { keyId: string; date: string; note?: string | null }, ctx: Context) {
  const a = await acting(ctx, args.keyId, null, 'RECORD_RENEWAL')
  const previous = (await readRenewals(ctx))[a.key.id]
  const renewal = await requestData(ctx).storage.update<Renewals, Renewal>('renewals', cur => {
    const out = recordRenewal({ createdAt: a.key.createdIn, label: a.key.label, appKey: a.key.appKey }, (cur ?? {})[a.key.id], { date: args.date, note: args.note, by: a.by, now: a.at })
    return out.ok ? { value: { ...(cur ?? {}), [a.key.id]: out.value }, result: out.value } : { refused: refusalError(out) }
  }).catch(e => { throw e instanceof Error && 'extensions' in e ? e : toResolverError(e) })
  const audited = await audit(ctx, record(a, 'RECORD_RENEWAL', {
    before: previous?.finishedAt ? `last renewal ${day(previous.finishedAt)}` : `renewal ${renewalStatus(previous).toLowerCase()}`,
    after: `renewed in VTEX's Admin on ${day(renewal.finishedAt)} (recorded)`, endpoint: null, status: null, outcome: 'DONE', note: renewal.note,
  }))
  return { key: await reread(ctx, a.key.id), renewal: presentRenewal(renewal), recorded: true, audited, carriedOut: false }
}

async function setActive(ctx: Context, args: { keyId: string; confirm: string }, active: boolean) {
  const action: KeyAction = active ? 'REACTIVATE' : 'DEACTIVATE'
  const token = requireAdminToken(ctx)
  const a = await acting(ctx, args.keyId, args.confirm, action)
  const word = (v: boolean) => (v ? 'active' : 'inactive')
  if (a.key.isActive === active) {
    throw refusalError({ ok: false, code: 'CONFLICT', message: `"${a.key.label || a.key.appKey}" is already ${word(active)} in VTEX: nothing was done.` })
  }
  try {
    await ctx.clients.licenseManagerApi.setAppKeyActive(token, a.key.id, active)
  } catch (e) {
    await audit(ctx, record(a, action, { before: word(a.key.isActive), after: 'unchanged', endpoint: LM.updateAppKey, status: statusOf(e), answer: reasonOf(e), outcome: outcomeOf(e) }))
    throw toResolverError(e)
  }
  const now = await reread(ctx, a.key.id)
  await reflectKey(ctx, now)
  const after = now ? word(now.isActive) : 'not found when read again'
  const audited = await audit(ctx, record(a, action, { before: word(a.key.isActive), after, endpoint: LM.updateAppKey, status: 200, answer: `{"isActive":${active}}`, outcome: now?.isActive === active ? 'DONE' : 'FAILED' }))
  // A decision is carried out only when VTEX shows the key as asked, read again afterwards.
  const carriedOut = now?.isActive === active ? await markCarriedOut(ctx, a, action, `${word(a.key.isActive)} → ${after}`) : false
  return { key: now, renewal: null, recorded: false, audited, carriedOut }
}

export const deactivateKey = (_: unknown, args: { keyId: string; confirm: string }, ctx: Context) => setActive(ctx, args, false)
export const reactivateKey = (_: unknown, args: { keyId: string; confirm: string }, ctx: Context) => setActive(ctx, args, true)

export async function removeKeyRole(_: unknown, args: { keyId: string; roleId: number; confirm: string }, ctx: Context) {
  const token = requireAdminToken(ctx)
  const a = await acting(ctx, args.keyId, args.confirm, 'REMOVE_ROLE')
  const lm = ctx.clients.licenseManagerApi
  const roles = await lm.rolesOf(token, a.key.id).catch(e => { throw toResolverError(e) })
  const role = roles.find(r => r.id === args.roleId)
  // VTEX answers 204 to removing a role the key does not hold, so Key Steward checks first.
  if (!role) throw refusalError({ ok: false, code: 'BAD_USER_INPUT', field: 'roleId', message: `"${a.key.label || a.key.appKey}" does not hold role ${args.roleId}: nothing was done.` })
  const names = (rs: VtexRoleRef[]) => rs.map(r => r.name).join(', ') || 'no roles'
  try {
    await lm.removeRole(token, a.key.id, role.id)
  } catch (e) {
    await audit(ctx, record(a, 'REMOVE_ROLE', { before: names(roles), after: 'unchanged', endpoint: LM.removeRole, status: statusOf(e), answer: reasonOf(e), outcome: outcomeOf(e), note: role.name }))
    throw toResolverError(e)
  }
  const now = await reread(ctx, a.key.id)
  await reflectKey(ctx, now)
  const gone = !!now?.rolesKnown && !now.roles.some(r => r.id === role.id)
  const after = now?.rolesKnown ? names(now.roles) : 'roles could not be read again'
  const audited = await audit(ctx, record(a, 'REMOVE_ROLE', { before: names(roles), after, endpoint: LM.removeRole, status: 204, outcome: gone ? 'DONE' : 'FAILED', note: role.name }))
  const carriedOut = gone ? await markCarriedOut(ctx, a, 'REMOVE_ROLE', `removed ${role.name}`) : false
  return { key: now, renewal: null, recorded: false, audited, carriedOut }
}

/** The key's audit log, newest first. */
export async function keyAudit(_: unknown, args: { keyId: string }, ctx: Context) {
  if (typeof args.keyId !== 'string' || !KEY_ID.test(args.keyId)) throw refusalError({ ok: false, code: 'BAD_USER_INPUT', field: 'keyId', message: 'Not an API key id.' })
  const log = await requestData(ctx).storage.read<AuditRecord[]>('audit', auditFileOfKey(args.keyId)).catch(e => { throw toResolverError(e) })
  return [...(log.value ?? [])].reverse().map(presentAudit)
}

/** The actions of the key page and the review, and whether the admin's session may do each. */
export const KEY_ACTION_FIELDS = ['renewToken', 'finishTokenRenewal', 'recordTokenRenewal', 'deactivateKey', 'reactivateKey', 'removeKeyRole'] as const

export async function keyActionPermissions(_: unknown, __: unknown, ctx: Context) {
  const data = requestData(ctx)
  return Promise.all(KEY_ACTION_FIELDS.map(async field => {
    const access = FIELD_ACCESS.Mutation[field]
    const requires = 'requires' in access ? access.requires : []
    const held = await Promise.all(requires.map(r => data.holds(r))).catch(e => { throw toResolverError(e) })
    const lacking = requires.filter((_, i) => !held[i])
    return { field, allowed: lacking.length === 0, missingResources: lacking.map(r => r[0].name), acceptedResources: lacking.map(r => r.map(x => x.name)) }
  }))
}

/** ApiKey fields: how old the token in use is (what key-age-exceeded uses), and its renewal. */
async function ageOf(key: { id: string; createdAt: string }, ctx: Context) {
  const { input } = await requestData(ctx).evaluation()
  return { age: tokenAge(key, input.renewals[key.id], input.now), renewal: input.renewals[key.id] }
}

export const apiKeyRenewalFields = {
  tokenAgeDays: async (key: { id: string; createdAt: string }, _: unknown, ctx: Context) => (await ageOf(key, ctx)).age.days,
  tokenAgeSince: async (key: { id: string; createdAt: string }, _: unknown, ctx: Context) => (await ageOf(key, ctx)).age.since,
  tokenAgeBasis: async (key: { id: string; createdAt: string }, _: unknown, ctx: Context) => (await ageOf(key, ctx)).age.basis,
  renewal: async (key: { id: string; createdAt: string }, _: unknown, ctx: Context) => presentRenewal((await ageOf(key, ctx)).renewal),
}
