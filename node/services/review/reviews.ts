// The access review's operations, for resolvers/review.ts: read (an auditor reads completed
// reviews only), start, decide (one key or many, all or nothing), check, sign off.
import { randomBytes } from 'crypto'

import { wording } from '../../domain/wording'
import { now } from '../../clock'
import type { AuditRecord } from '../../domain/audit'
import { monthsBetween, within } from '../../domain/audit'
import { readableAuditLog } from '../../domain/auditStateShown'
import type { BulkHow } from '../../domain/review/bulk'
import { decideKeys } from '../../domain/review/bulk'
import { leakScanEvidence } from '../../domain/review/checklist'
import type {
  DecisionFilter,
  DecisionSort,
} from '../../domain/review/decisionPage'
import { matchingIds } from '../../domain/review/decisionPage'
import { reviewCsv, reviewJson } from '../../domain/review/export'
import {
  checkPractice,
  completeReview,
  decideKey,
  EMPTY_INDEX,
  indexWith,
  latestCompleted,
  startReview,
  withLeakScan,
} from '../../domain/review/machine'
import { readableEntries } from '../../domain/review/readableEntry'
import { readableReview } from '../../domain/review/readableReview'
import type { Review, ReviewIndex } from '../../domain/review/types'
import {
  withFindingsNow,
  withoutFindingsNow,
} from '../../domain/review/findingsNow'
import { quote } from '../../domain/secrets'
import type { Changes } from '../../domain/scan/snapshot'
import { actor } from '../../resolvers/actor'
import { auditFileOfMonth } from '../auditLog'
import { refusalError } from '../../resolvers/refusals'
import type { Context } from '../../typings'
import { requestData } from '../requestData'
import { findingsNow, findingsNowIfKnown } from './findingsNow'
import type { ReviewSummary } from './historyChangesAsked'
import { changesAskedCounter, withChangesAsked } from './historyChangesAsked'
import { labelsOf, labelsOfKeys, withLabelsNow } from './labelsNow'
import {
  changeOpen,
  fileOf,
  INDEX,
  latestLeakScan,
  readById,
  readIndex,
  readOpen,
  recordInIndex,
} from './store'

/** An auditor (named in the settings, without the read resources) sees completed reviews only. */
function visible(ctx: Context, r: Review | null, id: string): Review | null {
  if (r && ctx.state.auditor && r.status !== 'COMPLETED') {
    throw refusalError({
      ok: false,
      code: 'FORBIDDEN',
      message: wording('refusal.review.auditorOpen'),
    })
  }

  return r
}

/**
 * An open review as the admin sees it now: with a storefront scan run since it started, and each
 * key's findings raised since (a completed review is as signed).
 */
async function asNow(ctx: Context, r: Review): Promise<Review> {
  if (r.status !== 'OPEN') return r
  const [scan, current] = await Promise.all([
    latestLeakScan(requestData(ctx).storage),
    findingsNowIfKnown(ctx),
  ])

  return withFindingsNow(withLeakScan(r, scan), current)
}

/** The open review as the admin sees it now (asNow). */
export async function openReview(ctx: Context): Promise<Review | null> {
  const r = await readOpen(requestData(ctx).storage)

  return r && asNow(ctx, r)
}

/** A review by id; the open one as openReview shows it. */
export async function reviewById(
  ctx: Context,
  id: string
): Promise<Review | null> {
  const r = visible(ctx, await readById(requestData(ctx).storage, id), id)

  // a damaged document (readableReview) is said for what it is, not failed on as it is presented
  if (r && !readableReview(r))
    throw refusalError({
      ok: false,
      code: 'CONFLICT',
      message: wording('refusal.review.damaged', { id: quote(id) }),
    })

  return r && asNow(ctx, r)
}

/** The open review when no id is given. */
export async function reviewOrOpen(
  ctx: Context,
  id: string | null | undefined
): Promise<Review | null> {
  // An auditor asking for "the open review" gets none, or is refused while one is open.
  return id
    ? reviewById(ctx, id)
    : ctx.state.auditor
    ? visibleOpen(ctx)
    : openReview(ctx)
}

async function visibleOpen(ctx: Context): Promise<null> {
  const open = await readOpen(requestData(ctx).storage)

  visible(ctx, open, '')

  return null
}

/** Changes asked counted from completed reviews' documents, per account and review id. */
const changesAskedBefore = changesAskedCounter()

/** The review index's completed entries as this request read them (the two history fields). */
const historyRead = new WeakMap<Context, ReturnType<typeof readableEntries>>()

async function completedEntries(ctx: Context) {
  const kept = historyRead.get(ctx)

  if (kept) return kept
  const read = readableEntries(await readIndex(requestData(ctx).storage))

  historyRead.set(ctx, read)

  return read
}

/**
 * Completed reviews, newest first. An entry of the index that cannot be read (readableEntry) is
 * left out, as latestCompleted leaves it out of the Overview, and counted (unreadableReviews).
 */
export async function completedReviews(ctx: Context): Promise<ReviewSummary[]> {
  // reversed first: on equal times the review completed later (appended later) comes first;
  // by time as latestCompleted orders them, so its latest is the list's first row
  const list = [...(await completedEntries(ctx)).readable]
    .reverse()
    .sort((a, b) => Date.parse(b.completedAt) - Date.parse(a.completedAt))

  // one review whose document cannot be read is a row with its count unknown, not a failed list
  return withChangesAsked(list, (id) =>
    changesAskedBefore(`${ctx.vtex.account}/${ctx.vtex.workspace}`, id, () =>
      readById(requestData(ctx).storage, id)
    )
  )
}

/** How many completed reviews' index entries could not be read (left out of completedReviews). */
export async function unreadableReviews(ctx: Context): Promise<number> {
  return (await completedEntries(ctx)).unreadable
}

/**
 * The most recently completed review (the one whose follow-up the Overview reports), or null.
 * Null too when its document is damaged (readableReview): left out, as a damaged index entry is,
 * never an internal error; the history still lists it. Not an older review in its place: the
 * Overview would report that one's follow-up as the latest.
 */
export async function lastCompleted(ctx: Context): Promise<Review | null> {
  const { storage } = requestData(ctx)
  const latest = latestCompleted(await readIndex(storage))
  const r = latest
    ? visible(ctx, await readById(storage, latest.id), latest.id)
    : null

  return readableReview(r) ? asNow(ctx, r) : null
}

/** The audit log's actions from the review's start to its sign-off (or now, while open). */
async function actionsDuring(ctx: Context, r: Review): Promise<AuditRecord[]> {
  const { storage } = requestData(ctx)
  const to = r.completedAt ?? now().toISOString()
  const months = await Promise.all(
    monthsBetween(r.startedAt, to).map((m) =>
      storage
        .read<AuditRecord[]>('audit', auditFileOfMonth(m))
        .then((d) => readableAuditLog(d.value))
    )
  )

  return within(months.flat(), r.startedAt, to)
}

export async function exportReview(
  ctx: Context,
  id: string,
  format: 'CSV' | 'JSON'
) {
  const r = await reviewById(ctx, id)

  if (!r)
    throw refusalError({
      ok: false,
      code: 'NOT_FOUND',
      message: wording('refusal.review.notFound', { id: quote(id) }),
    })
  const actions = await actionsDuring(ctx, r)

  return format === 'CSV'
    ? {
        filename: `key-steward-review-${r.id}.csv`,
        contentType: 'text/csv; charset=utf-8',
        content: reviewCsv(r, actions),
      }
    : {
        filename: `key-steward-review-${r.id}.json`,
        contentType: 'application/json',
        content: reviewJson(r, actions),
      }
}

export async function start(ctx: Context): Promise<Review> {
  const by = await actor(ctx)
  const data = requestData(ctx)
  const ev = await data.evaluation()
  const at = now()
  const id = `${at.toISOString().slice(0, 10)}-${randomBytes(4).toString(
    'hex'
  )}`

  const leakScan = leakScanEvidence(ev.input.leakScan)
  const changes = (
    await data.storage.read<Changes>('snapshots', 'changes.json')
  ).value

  const started = startReview(await readIndex(data.storage), {
    id,
    now: at,
    by,
    policy: ev.input,
    findings: ev.findings,
    leakScan,
    changes,
  })

  if (!started.ok) throw refusalError(started)
  await data.storage.write('reviews', started.value, null, fileOf(id))
  await data.storage.update<ReviewIndex, void>(
    'reviews',
    (current) => {
      const idx = current ?? EMPTY_INDEX

      if (idx.openId)
        return {
          refused: refusalError({
            ok: false,
            code: 'CONFLICT',
            message: wording('refusal.review.startedByOther'),
          }),
        }

      return { value: indexWith(idx, started.value), result: undefined }
    },
    INDEX
  )

  return started.value
}

export async function decideOne(
  ctx: Context,
  a: { keyId: string; decision: string; justification?: string | null }
): Promise<Review> {
  const by = await actor(ctx)
  // Keeping a key is judged by its findings now too (a CRITICAL raised during the review needs
  // a justification like any): refused while they cannot be worked out.
  const current = await findingsNow(ctx)
  // a refusal names the key as the table does: a renamed one by its label now (that key's only)
  const labelsNow = await labelsOfKeys(ctx, [a.keyId])

  return changeOpen(requestData(ctx).storage, (stored) => {
    const r = withFindingsNow(stored, current)
    const out = decideKey(r, { ...a, by, now: now(), labelsNow })

    return out.ok
      ? {
          ok: true,
          value: { review: storable(stored, r, out.value), result: out.value },
        }
      : out
  })
}

/** What a transition on the review as seen now writes: the stored review when it changed nothing,
 * else the changed one without the new findings a read works out (stored at sign-off only). */
const storable = (stored: Review, seen: Review, next: Review): Review =>
  next === seen ? stored : withoutFindingsNow(next)

export interface DecideMany {
  keyIds?: string[] | null
  matching?: DecisionFilter | null
  decision: string
  justification?: string | null
}

/**
 * One decision on the given keys, or on every key matching a filter (evaluated against the
 * review as stored at write time, so a concurrent reviewer's decisions are taken into account).
 */
export async function decideMany(
  ctx: Context,
  a: DecideMany
): Promise<{ review: Review; changed: string[] }> {
  if (!!a.keyIds === !!a.matching) {
    throw refusalError({
      ok: false,
      code: 'BAD_USER_INPUT',
      message: wording('refusal.review.keysOrMatching'),
      field: 'keyIds',
    })
  }

  const by = await actor(ctx)
  // "Every key without findings" and the rule and severity filters count findings raised since
  // the review started: refused while they cannot be worked out.
  const current = await findingsNow(ctx)
  // words match a key renamed during the review by its new label too, as the table's search
  const matching = a.matching && (await withLabelsNow(ctx, true, a.matching))
  // a refusal names the keys as the table does: a renamed one by its label now
  const labelsNow = await labelsOf(ctx)

  return changeOpen(requestData(ctx).storage, (stored) => {
    const r = withFindingsNow(stored, current)
    const keyIds = a.keyIds ?? matchingIds(r, matching!)

    if (!keyIds.length && a.matching)
      return {
        ok: true,
        value: { review: stored, result: { review: r, changed: [] } },
      }
    const out = decideKeys(r, {
      keyIds,
      decision: a.decision,
      justification: a.justification,
      by,
      now: now(),
      how: bulkHow(a),
      labelsNow,
    })

    return out.ok
      ? {
          ok: true,
          value: {
            review: storable(stored, r, out.value.review),
            result: out.value,
          },
        }
      : out
  })
}

/** How a bulk decision chose its keys, for its log entry: "keep every key without findings" is
 * the filter the bulk bar sends for it (undecided, without findings, nothing else). */
export function bulkHow(a: DecideMany): BulkHow {
  if (a.keyIds) return 'SELECTED'
  const set = Object.entries(a.matching ?? {}).filter(
    ([, v]) => v !== null && v !== undefined
  )

  return set.length === 2 &&
    a.matching?.status === 'UNDECIDED' &&
    a.matching?.withoutFindings === true
    ? 'WITHOUT_FINDINGS'
    : 'MATCHING'
}

export async function check(
  ctx: Context,
  a: { practice: string; status: string; note?: string | null }
): Promise<Review> {
  const by = await actor(ctx)
  const { storage } = requestData(ctx)
  const [leakScan, current] = await Promise.all([
    latestLeakScan(storage),
    findingsNowIfKnown(ctx),
  ])

  return changeOpen(storage, (stored) => {
    // judged as the page shows it (an adverse count now, with new findings, needs a note too)
    const r = withFindingsNow(stored, current)
    const out = checkPractice(r, { ...a, by, now: now(), leakScan })

    return out.ok
      ? {
          ok: true,
          value: {
            review: storable(stored, r, out.value),
            // answered as the page reads it: with the findings raised since the start
            result: out.value,
          },
        }
      : out
  })
}

export async function complete(
  ctx: Context,
  a: { note?: string | null }
): Promise<Review> {
  const by = await actor(ctx)
  const { storage } = requestData(ctx)
  // What is new since the start is stored with the signed review: sign-off is refused (nothing
  // changes) while it cannot be worked out, rather than signing "no problems" unseen.
  const [leakScan, current] = await Promise.all([
    latestLeakScan(storage),
    findingsNow(ctx),
  ])

  const done = await changeOpen(storage, (r) => {
    const out = completeReview(r, {
      by,
      now: now(),
      note: a.note,
      leakScan,
      findingsNow: current,
    })

    return out.ok
      ? { ok: true, value: { review: out.value, result: out.value } }
      : out
  })

  await recordInIndex(storage, done)

  return done
}

export type { DecisionFilter, DecisionSort }
