// One decision on many keys at once (select rows, "keep every key without findings", decide by
// rule or severity). All or nothing: every key is checked before any changes, and a refusal
// names the keys at fault. Each recorded decision keeps who and when, like a single one.
import { quote } from '../secrets'
import { decisionProblem } from './machine'
import type { Decision, Outcome, Refusal, Review } from './types'

/** More than any account has keys; bounds the work one request may ask for. */
export const MAX_BULK_KEYS = 20_000
/** How many offending keys a refusal names in its message (all are in its details). */
const NAMED = 5

export interface BulkInput {
  keyIds: string[]
  decision: string
  justification?: string | null
  by: string
  now: Date
}
export interface BulkResult {
  review: Review
  changed: string[]
}

const refuse = (
  code: Refusal['code'],
  message: string,
  field: string,
  details?: Record<string, unknown>
): Refusal => ({
  ok: false,
  code,
  message,
  field,
  ...(details ? { details } : {}),
})

function naming(items: string[]): string {
  const shown = items.slice(0, NAMED).join(', ')

  return items.length > NAMED
    ? `${shown} and ${items.length - NAMED} more`
    : shown
}

export function decideKeys(
  review: Review,
  input: BulkInput
): Outcome<BulkResult> {
  if (review.status !== 'OPEN')
    return {
      ok: false,
      code: 'CONFLICT',
      message: 'This review is completed; its decisions can no longer change.',
    }
  const ids = [...new Set(input.keyIds)]

  if (!ids.length)
    return refuse(
      'BAD_USER_INPUT',
      'Select at least one key to decide on.',
      'keyIds'
    )
  if (ids.length > MAX_BULK_KEYS)
    return refuse(
      'BAD_USER_INPUT',
      `At most ${MAX_BULK_KEYS} keys can be decided at once.`,
      'keyIds'
    )
  const byId = new Map(review.keys.map((k) => [k.id, k]))
  const unknown = ids.filter((id) => !byId.has(id))

  if (unknown.length) {
    return refuse(
      'NOT_FOUND',
      `Not part of this review (they did not exist when it started): ${naming(
        unknown.map((id) => quote(id))
      )}. Nothing was decided.`,
      'keyIds',
      { keys: unknown.map((id) => ({ id })) }
    )
  }

  const justification = (input.justification ?? '').trim()
  const problems = ids
    .map((id) => ({
      key: byId.get(id)!,
      problem: decisionProblem(byId.get(id)!, input.decision, justification),
    }))
    .filter((p) => p.problem)

  if (problems.length) {
    const first = problems[0].problem!

    // A problem of the decision or the justification itself is the same for every key.
    if (
      first.field !== 'justification' ||
      !/needs a justification/.test(first.message)
    )
      return { ...first, message: `${first.message} Nothing was decided.` }
    const labels = problems.map((p) => `"${p.key.label || p.key.appKey}"`)

    return refuse(
      'BAD_USER_INPUT',
      `Keeping ${
        problems.length === 1 ? 'a key' : `${problems.length} keys`
      } with a HIGH or CRITICAL finding needs a justification (${naming(
        labels
      )}). Add one (it applies to every selected key) or leave ${
        problems.length === 1 ? 'it' : 'them'
      } out. Nothing was decided.`,
      'justification',
      {
        keys: problems.map((p) => ({
          id: p.key.id,
          label: p.key.label || p.key.appKey,
        })),
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

  const next: Review = changed.length
    ? { ...review, decisions, audit: [...review.audit, ...entries] }
    : review

  return { ok: true, value: { review: next, changed } }
}
