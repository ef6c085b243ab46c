// One decision on many keys at once (select rows, "keep every key without findings", decide by
// rule or severity). All or nothing: every key is checked before any changes, and a refusal
// names the keys at fault. Each recorded decision keeps who and when, like a single one.
import { quote, quotedList } from '../secrets'
import type { Wording } from '../wording'
import { wording } from '../wording'
import type { LabelsNow } from './labelNow'
import { nameNow } from './labelNow'
import { decisionFitsKey } from './externalKeyDecisions'
import { decisionProblem } from './machine'
import { shownText } from './shownText'
import type { Decision, Outcome, Refusal, Review } from './types'
import { DECISIONS } from './types'

/** More than any account has keys; bounds the work one request may ask for. */
export const MAX_BULK_KEYS = 20_000
/** How many offending keys a refusal names in its message (all are in its details). */
const NAMED = 5

/** How the keys of a bulk decision were chosen (its log entry says so). */
export type BulkHow = 'SELECTED' | 'MATCHING' | 'WITHOUT_FINDINGS'

/** The log action of a bulk decision; each key's DECIDE entry follows it. */
export const BULK_ACTION = 'DECIDE_BULK'

export interface BulkInput {
  keyIds: string[]
  decision: string
  justification?: string | null
  by: string
  now: Date
  /** how the keys were chosen; absent: SELECTED */
  how?: BulkHow
  /** an open review's labels in VTEX now: a refusal names a key renamed since the start by its
   * label now, as the table shows it (the decisions recorded name no label) */
  labelsNow?: LabelsNow | null
}
export interface BulkResult {
  review: Review
  changed: string[]
}

const refuse = (
  code: Refusal['code'],
  message: Wording,
  field: string,
  details?: Record<string, unknown>
): Refusal => ({
  ok: false,
  code,
  message,
  field,
  ...(details ? { details } : {}),
})

/** The first few items, and how many more: the values `keys` and `more` of a message. */
const naming = (items: Array<string | Wording>) => ({
  keys: quotedList(items.slice(0, NAMED)),
  more: Math.max(0, items.length - NAMED),
})

export function decideKeys(
  review: Review,
  input: BulkInput
): Outcome<BulkResult> {
  if (review.status !== 'OPEN')
    return {
      ok: false,
      code: 'CONFLICT',
      message: wording('refusal.review.decisionsClosed'),
    }
  const ids = [...new Set(input.keyIds)]

  if (!ids.length)
    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.bulk.noKeys'),
      'keyIds'
    )
  if (ids.length > MAX_BULK_KEYS)
    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.bulk.tooMany', { max: MAX_BULK_KEYS }),
      'keyIds'
    )
  const byId = new Map(review.keys.map((k) => [k.id, k]))
  const unknown = ids.filter((id) => !byId.has(id))

  if (unknown.length) {
    return refuse(
      'NOT_FOUND',
      wording(
        'refusal.review.bulk.notInReview',
        naming(unknown.map((id) => quote(id)))
      ),
      'keyIds',
      { keys: unknown.map((id) => ({ id })) }
    )
  }

  const justification = shownText(input.justification)
  const problems = ids
    .map((id) => ({
      key: byId.get(id)!,
      problem: decisionProblem(byId.get(id)!, input.decision, justification),
    }))
    .filter((p) => p.problem)

  // Rotate or Deactivate on keys of other accounts: named, as Key Steward cannot act on them.
  const decision = DECISIONS.find((d) => d === input.decision) // unknown: refused as such
  const external = decision
    ? problems.filter((p) => !decisionFitsKey(p.key, decision))
    : []

  if (external.length) {
    const names = external.map((p) => nameNow(p.key, input.labelsNow))

    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.bulk.externalKeys', {
        count: external.length,
        decision: input.decision,
        ...naming(names.map((n) => `“${n}”`)),
      }),
      'decision',
      {
        keysTotal: external.length,
        keys: external.map((p, i) => ({ id: p.key.id, label: names[i] })),
      }
    )
  }

  if (problems.length) {
    const first = problems[0].problem!

    // A problem of the decision or the justification itself is the same for every key.
    if (
      first.field !== 'justification' ||
      first.message.id !== 'refusal.review.keepNeedsJustification'
    )
      return {
        ...first,
        message: wording('refusal.review.bulk.nothingDecided', {
          problem: first.message,
        }),
      }
    const names = problems.map((p) => nameNow(p.key, input.labelsNow))
    const labels = names.map((n) => `“${n}”`)

    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.bulk.keepNeedsJustification', {
        count: problems.length,
        ...naming(labels),
      }),
      'justification',
      {
        // how many: a formatted error keeps at most 200 items of a list (redactDeep)
        keysTotal: problems.length,
        keys: problems.map((p, i) => ({ id: p.key.id, label: names[i] })),
      }
    )
  }

  // Built in one pass (not key by key through recordDecision), so 5,000 keys cost one copy.
  const decisions = { ...review.decisions }
  const entries: Review['audit'] = []
  const at = input.now.toISOString()
  const changed: string[] = []

  for (const id of ids) {
    const before = decisions[id]

    // Deciding again what is already decided the same way keeps the original who and when.
    if (
      before &&
      before.decision === input.decision &&
      before.justification === justification
    )
      continue
    decisions[id] = {
      decision: input.decision as Decision,
      justification,
      by: input.by,
      at,
      ...(before?.carriedOut ? { carriedOut: before.carriedOut } : {}),
    }
    entries.push({
      at,
      by: input.by,
      action: 'DECIDE',
      subject: id,
      detail: `${input.decision}${justification ? `: ${justification}` : ''}`,
    })
    changed.push(id)
  }

  // One entry says the decisions below it were taken at once and how the keys were chosen
  // ("KEEP 28 WITHOUT_FINDINGS"), so 28 bulk keeps do not read as 28 single decisions.
  const header = {
    at,
    by: input.by,
    action: BULK_ACTION,
    subject: review.id,
    detail: `${input.decision} ${changed.length} ${input.how ?? 'SELECTED'}${
      justification ? `: ${justification}` : ''
    }`,
  }

  const next: Review = changed.length
    ? { ...review, decisions, audit: [...review.audit, header, ...entries] }
    : review

  return { ok: true, value: { review: next, changed } }
}
