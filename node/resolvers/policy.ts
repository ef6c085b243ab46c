import { UserInputError } from '@vtex/api'

import { neverReviewed, TOP_COSTS } from '../domain/hygiene'
import type { Finding, Severity } from '../domain/findings'
import { HYGIENE_FORMULA } from '../domain/messages'
import { localeOf, wording } from '../domain/wording'
import { RULE_IDS, RULES } from '../domain/rules'
import type { Context } from '../typings'
import { nextReviewDueAt } from '../domain/age'
import { unknownRule, withCode } from './errors'
import { requestData } from '../services/requestData'
import { say, sayFinding, worded } from '../services/wording'

/** How many of the costliest subjects the Overview names */

/** A finding as GraphQL returns it: with its message in the admin's language. */
function present(f: Finding, ctx: Context) {
  const { params, ...rest } = f
  const daysPastPeriod =
    f.rule === 'key-age-exceeded' && Number.isFinite(Number(params.overdueDays))
      ? Number(params.overdueDays)
      : null

  return {
    ...rest,
    message: sayFinding(localeOf(ctx.vtex.locale), f),
    daysPastPeriod,
    neverReviewed: f.rule === 'review-overdue' ? neverReviewed(f) : null,
  }
}

export async function findings(
  _: unknown,
  args: {
    severity?: Severity | null
    rule?: string | null
    first?: number | null
  },
  ctx: Context
) {
  if (
    args.first !== undefined &&
    args.first !== null &&
    !(Number.isInteger(args.first) && args.first >= 0)
  ) {
    throw withCode(
      worded(
        (m) => new UserInputError(m),
        wording('validation.wholeFrom', { field: 'first', min: 0 })
      ),
      'BAD_USER_INPUT',
      { field: 'first' }
    )
  }

  if (
    args.rule !== undefined &&
    args.rule !== null &&
    !RULE_IDS.includes(args.rule)
  )
    throw unknownRule('rule', args.rule)

  const { findings: all } = await requestData(ctx).evaluation()
  const chosen = all.filter(
    (f) =>
      (!args.severity || f.severity === args.severity) &&
      (!args.rule || f.rule === args.rule)
  )

  // Messages are rendered only for the findings sent.
  return (
    args.first === undefined || args.first === null
      ? chosen
      : chosen.slice(0, args.first)
  ).map((f) => present(f, ctx))
}

export async function subjectFindings(
  subject: { id?: string; appKey?: string },
  _: unknown,
  ctx: Context
) {
  const { findingsOf } = await requestData(ctx).evaluation()
  const id = subject.id ?? subject.appKey ?? ''

  return findingsOf(id).map((f) => present(f, ctx))
}

export async function hygiene(_: unknown, __: unknown, ctx: Context) {
  const {
    hygiene: h,
    input,
    findings: all,
  } = await requestData(ctx).evaluation()

  const last = input.lastReviewCompletedAt

  return {
    score: h.score,
    counts: {
      critical: h.counts.CRITICAL,
      high: h.counts.HIGH,
      medium: h.counts.MEDIUM,
      low: h.counts.LOW,
      info: h.counts.INFO,
    },
    nextReviewDue: nextReviewDueAt(last, input.settings.reviewCadenceDays),
    overdue: all.some((f) => f.rule === 'review-overdue'),
    lastReviewCompletedAt: last,
    complete: input.inventory.complete,
    formula: say(localeOf(ctx.vtex.locale), HYGIENE_FORMULA),
    band: h.band,
    uncappedScore: h.uncapped,
    capped: h.capped,
    topCosts: h.costs.slice(0, TOP_COSTS).map((c) => ({
      ...c,
      unchecked: c.unchecked ?? false,
      neverReviewed: c.neverReviewed ?? false,
    })),
  }
}

export function rules(_: unknown, __: unknown, ctx: Context) {
  return RULES.map(({ id, practice, severities, docs }) => ({
    id,
    practice,
    severities,
    docs,
  }))
}
