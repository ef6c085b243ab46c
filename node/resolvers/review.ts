// The access review over GraphQL: every change is a pure transition (domain/review/machine)
// applied with AppStorage.update, so concurrent admins' decisions all land.
import { randomBytes } from 'crypto'
import { now } from '../clock'
import type { AppStorage } from '../clients/appStorage'
import { ATTESTED, evidenceFor, leakScanEvidence } from '../domain/review/checklist'
import { AuditRecord, monthsBetween, within } from '../domain/audit'
import { reviewCsv, reviewJson } from '../domain/review/export'
import { carryOutStatus, checkPractice, completeReview, decideKey, EMPTY_INDEX, indexWith, progressOf, startReview } from '../domain/review/machine'
import type { Outcome, Review, ReviewIndex } from '../domain/review/types'
import { PRACTICES, severityRank } from '../domain/findings'
import { quote } from '../domain/secrets'
import type { Changes } from '../domain/scan/snapshot'
import type { Context } from '../typings'
import { actor } from './actor'
import { auditFileOfMonth } from './keyActions'
import { toResolverError } from './errors'
import { refusalError } from './refusals'
import { requestData } from '../services/requestData'

const INDEX = 'reviews.json'
const fileOf = (id: string) => `review-${id}.json`
const HIGH = severityRank('HIGH')

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    throw e instanceof Error && 'extensions' in e ? e : toResolverError(e)
  }
}

function present(r: Review) {
  const p = progressOf(r)
  return {
    id: r.id, status: r.status, startedAt: r.startedAt, startedBy: r.startedBy, completedAt: r.completedAt,
    signedBy: r.signedBy, signatureNote: r.signatureNote, inventoryComplete: r.evidence.inventoryComplete,
    progress: { keysTotal: p.keysTotal, keysDecided: p.keysDecided, practicesTotal: p.practicesTotal, practicesClosed: p.practicesClosed },
    checklist: PRACTICES.map(practice => {
      const c = r.checklist[practice]
      return {
        practice, status: c.status, note: c.note, checkedBy: c.by, checkedAt: c.at, attested: ATTESTED.includes(practice),
        evidence: evidenceFor(practice, r.evidence).map(e => ({ ...e, value: String(e.value) })),
      }
    }),
    keys: r.keys.map(k => {
      const d = r.decisions[k.id]
      return {
        ...k,
        risky: k.findings.some(f => severityRank(f.severity) <= HIGH),
        decision: d ? { decision: d.decision, justification: d.justification, decidedBy: d.by, decidedAt: d.at, carriedOut: d.carriedOut ?? [], carryOutStatus: carryOutStatus(d) } : null,
      }
    }),
    audit: r.audit,
  }
}

/**
 * The review index, repaired if a completion was written but the index update after it failed
 * (then openId still names a COMPLETED review, which would block every later review).
 */
async function index(storage: AppStorage): Promise<ReviewIndex> {
  const idx = (await storage.read<ReviewIndex>('reviews', INDEX)).value ?? EMPTY_INDEX
  if (!idx.openId) return idx
  const open = (await storage.read<Review>('reviews', fileOf(idx.openId))).value
  if (open?.status !== 'COMPLETED') return idx
  return storage.update<ReviewIndex, ReviewIndex>('reviews', current => {
    const repaired = indexWith(current ?? EMPTY_INDEX, open)
    return { value: repaired, result: repaired }
  }, INDEX)
}

async function openReview(storage: AppStorage): Promise<Review | null> {
  const { openId } = await index(storage)
  return openId ? (await storage.read<Review>('reviews', fileOf(openId))).value : null
}

/** Applies a transition to the open review, re-reading and re-applying on concurrent writes. */
async function changeOpen(ctx: Context, transition: (r: Review, by: string) => Outcome<Review>): Promise<Review> {
  const by = await actor(ctx)
  const { storage } = requestData(ctx)
  const { openId } = await index(storage)
  if (!openId) throw refusalError({ ok: false, code: 'NOT_FOUND', message: 'No access review is open. Start one first.' })
  return storage.update<Review, Review>('reviews', current => {
    if (!current) return { refused: refusalError({ ok: false, code: 'NOT_FOUND', message: 'The open review could not be found.' }) }
    const out = transition(current, by)
    return out.ok ? { value: out.value, result: out.value } : { refused: refusalError(out) }
  }, fileOf(openId))
}

export const reviewQueries = {
  review: (_: unknown, __: unknown, ctx: Context) => guarded(async () => {
    const r = await openReview(requestData(ctx).storage)
    return r ? present(r) : null
  }),
  reviewById: (_: unknown, { id }: { id: string }, ctx: Context) => guarded(async () => {
    const r = (await requestData(ctx).storage.read<Review>('reviews', fileOf(safeId(id)))).value
    return r ? present(r) : null
  }),
  reviews: (_: unknown, __: unknown, ctx: Context) => guarded(async () => {
    return [...(await index(requestData(ctx).storage)).completed].sort((a, b) => b.completedAt.localeCompare(a.completedAt))
  }),
  reviewExport: (_: unknown, { id, format }: { id: string; format: 'CSV' | 'JSON' }, ctx: Context) => guarded(async () => {
    const { storage } = requestData(ctx)
    const r = (await storage.read<Review>('reviews', fileOf(safeId(id)))).value
    if (!r) throw refusalError({ ok: false, code: 'NOT_FOUND', message: `No review ${quote(id)}.` })
    const actions = await actionsDuring(storage, r)
    return format === 'CSV'
      ? { filename: `key-steward-review-${r.id}.csv`, contentType: 'text/csv; charset=utf-8', content: reviewCsv(r, actions) }
      : { filename: `key-steward-review-${r.id}.json`, contentType: 'application/json', content: reviewJson(r, actions) }
  }),
}

/** The audit log's actions from the review's start to its sign-off (or now, while open). */
async function actionsDuring(storage: AppStorage, r: Review): Promise<AuditRecord[]> {
  const to = r.completedAt ?? now().toISOString()
  const months = await Promise.all(monthsBetween(r.startedAt, to).map(m => storage.read<AuditRecord[]>('audit', auditFileOfMonth(m)).then(d => d.value ?? [])))
  return within(months.flat(), r.startedAt, to)
}

function safeId(id: string): string {
  if (!/^[0-9a-z-]{1,64}$/.test(id)) throw refusalError({ ok: false, code: 'BAD_USER_INPUT', message: 'Not a review id.', field: 'id' })
  return id
}

export const reviewMutations = {
  startReview: (_: unknown, __: unknown, ctx: Context) => guarded(async () => {
    const by = await actor(ctx)
    const data = requestData(ctx)
    const ev = await data.evaluation()
    const at = now()
    const id = `${at.toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`
    const leakScan = leakScanEvidence(ev.input.leakScan)
    const changes = (await data.storage.read<Changes>('snapshots', 'changes.json')).value
    const started = startReview(await index(data.storage), { id, now: at, by, policy: ev.input, findings: ev.findings, leakScan, changes })
    if (!started.ok) throw refusalError(started)
    await data.storage.write('reviews', started.value, null, fileOf(id))
    await data.storage.update<ReviewIndex, void>('reviews', current => {
      const idx = current ?? EMPTY_INDEX
      if (idx.openId) return { refused: refusalError({ ok: false, code: 'CONFLICT', message: 'Another admin just started a review: open it instead.' }) }
      return { value: indexWith(idx, started.value), result: undefined }
    }, INDEX)
    return present(started.value)
  }),
  decideKey: (_: unknown, a: { keyId: string; decision: string; justification?: string | null }, ctx: Context) => guarded(async () =>
    present(await changeOpen(ctx, (r, by) => decideKey(r, { ...a, by, now: now() })))),
  checkPractice: (_: unknown, a: { practice: string; status: string; note?: string | null }, ctx: Context) => guarded(async () =>
    present(await changeOpen(ctx, (r, by) => checkPractice(r, { ...a, by, now: now() })))),
  completeReview: (_: unknown, a: { note?: string | null }, ctx: Context) => guarded(async () => {
    const done = await changeOpen(ctx, (r, by) => completeReview(r, { by, now: now(), note: a.note }))
    await requestData(ctx).storage.update<ReviewIndex, void>('reviews', current => ({ value: indexWith(current ?? EMPTY_INDEX, done), result: undefined }), INDEX)
    return present(done)
  }),
}
