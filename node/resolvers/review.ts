// The access review over GraphQL: parse, call services/review, present. Who may call what is in
// resolvers/access.ts (auditors named in the settings read completed reviews only).
import type { Context } from '../typings'
import { CARRY_OUT_FILTERS } from '../domain/review/followUp'
import { MAX_SEARCH_LENGTH } from '../domain/keyList'
import { badInput, checkKeyRule, toResolverError } from './errors'
import { wording } from '../domain/wording'
import { wholeNumberProblem } from '../domain/pagingArgs'
import { MAX_PAGE } from '../domain/review/decisionPage'
import {
  presentKey,
  presentPage,
  presentProgress,
  presentReview,
  reviewFields,
} from '../services/review/present'
import type { PresentedReview } from '../services/review/present'
import { requestData } from '../services/requestData'
import { nextDueFrom } from '../domain/review/nextDueIfSignedNow'
import { now } from '../clock'
import * as reviews from '../services/review/reviews'
import { labelNow, withLabelsNow } from '../services/review/labelsNow'
import type { DecisionFilter, DecisionSort } from '../services/review/reviews'

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    throw e instanceof Error && 'extensions' in e ? e : toResolverError(e)
  }
}

/**
 * A filter naming a rule that no key can have matches nothing: say so instead. An empty rule is
 * refused too: read as "any rule" it would match every key (and decide them all in bulk). The
 * key list checks its rule the same way (errors.ts checkKeyRule).
 */
function checkFilter(field: string, filter?: DecisionFilter | null) {
  checkKeyRule(`${field}.rule`, filter?.rule)
  // as the key list limits its search: each word is looked for in every key's label and appKey
  // (a 100 KB search of one-letter words held the service ~8 s over 1,000 keys)
  if ((filter?.search ?? '').length > MAX_SEARCH_LENGTH)
    throw badInput(
      `${field}.search`,
      wording('validation.tooLong', {
        field: `${field}.search`,
        max: MAX_SEARCH_LENGTH,
      })
    )
  // GraphQL refuses a value outside the enum first; this holds for any other caller too.
  if (
    filter?.carryOut != null &&
    !(CARRY_OUT_FILTERS as readonly string[]).includes(filter.carryOut)
  )
    throw badInput(
      `${field}.carryOut`,
      wording('validation.oneOf', {
        field: `${field}.carryOut`,
        allowed: CARRY_OUT_FILTERS.join(', '),
      }),
      { allowed: CARRY_OUT_FILTERS }
    )
}

/** A bad offset or limit is refused (BAD_USER_INPUT, naming the argument and its range), not clamped. */
function checkPaging(
  a: { offset?: number | null; limit?: number | null },
  maxLimit?: number
) {
  const offset = wholeNumberProblem('offset', a.offset, 0)
  const limit = wholeNumberProblem('limit', a.limit, 1, maxLimit)

  if (offset) throw badInput('offset', offset)
  if (limit) throw badInput('limit', limit)
}

type PageArgs = {
  reviewId?: string | null
  filter?: DecisionFilter | null
  sort?: DecisionSort | null
  offset?: number | null
  limit?: number | null
}

export const reviewQueries = {
  review: (_: unknown, __: unknown, ctx: Context) =>
    guarded(async () => {
      const r = await reviews.openReview(ctx)

      return r ? presentReview(r) : null
    }),
  reviewById: (_: unknown, { id }: { id: string }, ctx: Context) =>
    guarded(async () => {
      const r = await reviews.reviewById(ctx, id)

      return r ? presentReview(r) : null
    }),
  reviews: (_: unknown, __: unknown, ctx: Context) =>
    guarded(() => reviews.completedReviews(ctx)),
  reviewsUnreadable: (_: unknown, __: unknown, ctx: Context) =>
    guarded(() => reviews.unreadableReviews(ctx)),
  lastCompletedReview: (_: unknown, __: unknown, ctx: Context) =>
    guarded(async () => {
      const r = await reviews.lastCompleted(ctx)

      return r ? presentReview(r) : null
    }),
  reviewDecisions: (_: unknown, a: PageArgs, ctx: Context) =>
    guarded(async () => {
      checkPaging(a, MAX_PAGE)
      checkFilter('filter', a.filter)
      const r = await reviews.reviewOrOpen(ctx, a.reviewId)

      return r
        ? presentPage(r, {
            ...a,
            filter: await withLabelsNow(ctx, r.status === 'OPEN', a.filter),
          })
        : null
    }),
  reviewExport: (
    _: unknown,
    { id, format }: { id: string; format: 'CSV' | 'JSON' },
    ctx: Context
  ) => guarded(() => reviews.exportReview(ctx, id, format)),
}

export const reviewMutations = {
  startReview: (_: unknown, __: unknown, ctx: Context) =>
    guarded(async () => presentReview(await reviews.start(ctx))),
  decideKey: (
    _: unknown,
    a: { keyId: string; decision: string; justification?: string | null },
    ctx: Context
  ) => guarded(async () => presentReview(await reviews.decideOne(ctx, a))),
  // Answers only what changed: the keys decided now and the progress.
  decideKeys: (_: unknown, a: reviews.DecideMany, ctx: Context) =>
    guarded(async () => {
      checkFilter('matching', a.matching)
      const { review, changed } = await reviews.decideMany(ctx, a)
      const byId = new Map(review.keys.map((k) => [k.id, k]))

      return {
        reviewId: review.id,
        changed: changed.map((id) => presentKey(review, byId.get(id)!)),
        progress: presentProgress(review),
      }
    }),
  checkPractice: (
    _: unknown,
    a: { practice: string; status: string; note?: string | null },
    ctx: Context
  ) => guarded(async () => presentReview(await reviews.check(ctx, a))),
  completeReview: (_: unknown, a: { note?: string | null }, ctx: Context) =>
    guarded(async () => presentReview(await reviews.complete(ctx, a))),
}

/**
 * Review's lists, built only when selected (services/review/present.ts), and for an open review
 * the day the next one would be due if signed off now: the sign-off dialog names that date, as
 * the success notice after it does (walk 11 #12), on the service's clock. Null, not an error,
 * when the settings cannot be read or their cadence gives no date (the dialog then names none):
 * an error here failed the whole review page, which reads without the settings otherwise.
 */
export const reviewTypeFields = {
  ...reviewFields,
  // the whole log is the default; a limit asks for fewer, so it has no maximum
  audit: (
    p: PresentedReview,
    a: { offset?: number | null; limit?: number | null }
  ) => {
    checkPaging(a)

    return reviewFields.audit(p, a)
  },
  nextDueIfSignedNow: async (p: PresentedReview, _: unknown, ctx: Context) => {
    if (p.status !== 'OPEN' || p.completedAt) return null
    const settings = await requestData(ctx)
      .settings()
      .catch(() => null)

    return settings
      ? nextDueFrom(now(), settings.value.reviewCadenceDays)
      : null
  },
}

/** A key of an open review renamed in VTEX since the start: its label now (`label` stays the record). */
export const reviewKeyFields = {
  labelNow: (
    k: {
      id?: string
      label?: string
      external?: boolean
      reviewOpen?: boolean
    },
    _: unknown,
    ctx: Context
  ) =>
    k.reviewOpen && k.id !== undefined
      ? labelNow(ctx, { id: k.id, label: k.label ?? '', external: k.external })
      : null,
}
