// The review's decision table, filtered, sorted and paged on the server: a 5,000-key review
// ships one page per view, and "select all matching" is the same filter applied to decide.
import type { Severity } from '../findings'
import { severityRank } from '../findings'
import type { Decision, KeyDecision, Review, ReviewKey } from './types'
import { standingDecision } from './externalKeyDecisions'
import { findingsOf, worstRank } from './findingsNow'
import { isRiskyKey } from './keepNeedsJustification'
import type { LabelsNow } from './labelNow'
import { nameNow } from './labelNow'
import type { CarryOutFilter } from './followUp'
import { carryOutMatches } from './followUp'
import { compareLabels } from '../labelOrder'

export type DecisionStatus = 'ALL' | 'UNDECIDED' | 'DECIDED'
export type DecisionSort = 'RISK' | 'LABEL' | 'AGE'

export interface DecisionFilter {
  status?: DecisionStatus | null
  /** keys with at least one finding of this severity */
  severity?: Severity | null
  /** keys whose worst finding has this severity (the bulk bar counts the Critical ones) */
  worstSeverity?: Severity | null
  /** keys with a finding of this rule */
  rule?: string | null
  /** true: keys without findings; false: keys with some */
  withoutFindings?: boolean | null
  /** true: only keys with a HIGH or CRITICAL finding; false: only keys without one */
  risky?: boolean | null
  /** true: only keys of other accounts; false: only this account's (the bulk bar names the
   * external keys a Rotate or Deactivate would be refused for) */
  external?: boolean | null
  decision?: Decision | null
  /** decisions asking for a change (not KEEP) by where carrying them out stands; NOT_CARRIED_OUT:
   * not started or in progress (the completed review's follow-up list) */
  carryOut?: CarryOutFilter | null
  /** words of the label or appKey */
  search?: string | null
  /**
   * An open review's keys' labels in VTEX now, by key id (services/review/labelsNow.ts): the
   * search finds a key renamed during the review by its new label too, and the sort by label
   * puts it where its label now belongs. Not a GraphQL argument.
   */
  labelsNow?: LabelsNow | null
}

export const MAX_PAGE = 200
// Findings at start and those new since the review started (findingsNow.ts) count alike.
const worst = worstRank

/** The search's words, split once per filter rather than once per key. */
const wordsOf = new WeakMap<DecisionFilter, string[]>()

function searchWords(f: DecisionFilter): string[] {
  let words = wordsOf.get(f)

  if (!words) {
    words = (f.search ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean)
    wordsOf.set(f, words)
  }

  return words
}

export function matches(
  review: Review,
  k: ReviewKey,
  f: DecisionFilter
): boolean {
  // as progress counts it: a decision that does not fit its key is none (standingDecision)
  const d: KeyDecision | undefined = standingDecision(review, k)
  const findings = findingsOf(k)

  if (f.status === 'UNDECIDED' && d) return false
  if (f.status === 'DECIDED' && !d) return false
  if (f.decision && d?.decision !== f.decision) return false
  if (f.carryOut && !carryOutMatches(k, d, f.carryOut)) return false
  if (f.severity && !findings.some((x) => x.severity === f.severity))
    return false
  if (f.worstSeverity && worst(k) !== severityRank(f.worstSeverity))
    return false
  if (f.rule && !findings.some((x) => x.rule === f.rule)) return false
  if (f.withoutFindings === true && findings.length) return false
  if (f.withoutFindings === false && !findings.length) return false
  // the keys the service will not keep without a justification (the bulk bar counts them)
  const risky = isRiskyKey(k)

  if (f.risky === true && !risky) return false
  if (f.risky === false && risky) return false
  if (f.external === true && !k.external) return false
  if (f.external === false && k.external) return false
  const words = searchWords(f)

  if (words.length) {
    const now = k.external ? '' : f.labelsNow?.get(k.id) ?? ''
    const text = `${k.label} ${k.appKey} ${
      k.external?.account ?? ''
    } ${now}`.toLowerCase()

    if (!words.every((w) => text.includes(w))) return false
  }

  return true
}

/** Ids of every key the filter matches, in table order (what "select all matching" decides). */
export function matchingIds(
  review: Review,
  filter: DecisionFilter,
  sort: DecisionSort = 'RISK'
): string[] {
  return sorted(
    review.keys.filter((k) => matches(review, k, filter)),
    sort,
    filter.labelsNow
  ).map((k) => k.id)
}

function sorted(
  keys: ReviewKey[],
  sort: DecisionSort,
  labelsNow: LabelsNow | null | undefined
): ReviewKey[] {
  // by the name the table shows: a key renamed during an open review sorts by its label now
  const names = new Map(keys.map((k) => [k.id, nameNow(k, labelsNow)]))
  const name = (k: ReviewKey) => names.get(k.id) ?? ''
  const byLabel = (a: ReviewKey, b: ReviewKey) =>
    // numbers as numbers, as the API keys page sorts the same labels (walk12)
    compareLabels(name(a), name(b)) || a.id.localeCompare(b.id)

  const order =
    sort === 'LABEL'
      ? byLabel
      : sort === 'AGE'
      ? (a: ReviewKey, b: ReviewKey) => b.ageDays - a.ageDays || byLabel(a, b)
      : (a: ReviewKey, b: ReviewKey) =>
          worst(a) - worst(b) ||
          findingsOf(b).length - findingsOf(a).length ||
          byLabel(a, b)

  return [...keys].sort(order)
}

export interface DecisionPage {
  total: number
  offset: number
  keys: ReviewKey[]
  /** rules with a finding (at start or new since) on some key of the review, whatever the filter: the Finding filter's
   * choices (a rule about users or the account, or one that found nothing, would match no key) */
  rules: string[]
}

/** The rules with a finding on some of the review's keys, sorted. */
export function rulesOnKeys(review: Review): string[] {
  const rules = new Set<string>()

  for (const k of review.keys) for (const f of findingsOf(k)) rules.add(f.rule)

  return [...rules].sort()
}

export function decisionPage(
  review: Review,
  q: {
    filter?: DecisionFilter | null
    sort?: DecisionSort | null
    offset?: number | null
    limit?: number | null
  }
): DecisionPage {
  const filter = q.filter ?? {}
  const all = sorted(
    review.keys.filter((k) => matches(review, k, filter)),
    q.sort ?? 'RISK',
    filter.labelsNow
  )

  const offset = Math.max(0, Math.floor(q.offset ?? 0))
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(q.limit ?? 50)))

  return {
    total: all.length,
    offset,
    keys: all.slice(offset, offset + limit),
    rules: rulesOnKeys(review),
  }
}
