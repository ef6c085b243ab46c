// What the daily scan did, kept in VBase so failures that happen with no admin watching are
// shown in the Admin (Settings → Daily scan, the Overview, the reminder banner) and not only
// written to a log. Pure: outcomes are built from plain data.
import type { Inventory, Missing } from '../types'
import type { Wording } from '../wording'
import { DAY_MS } from '../age'
import { scanCompleteness } from '../leaks/completeness'
import type { StoredScan } from '../rules/types'

const STATES = ['OK', 'PARTIAL', 'FAILED', 'SKIPPED'] as const

export type StepState = (typeof STATES)[number]

/** Why a step did not fully succeed; each has words and a next step in messages/. */
const PROBLEMS = [
  'APP_FORBIDDEN', // VTEX refused the app's own token: a manifest policy is missing
  'UPSTREAM_UNAVAILABLE', // VTEX answered 429/5xx or did not answer, after retries
  'DEADLINE', // the step ran out of time before the route's timeout
  'INCOMPLETE', // the step finished but some parts could not be read
  'NO_RECIPIENTS', // no reminder e-mail recipients in the settings
  'NOTHING_NEW', // no reminder appeared since the last e-mail
  'UNEXPECTED',
] as const

export type ScanProblem = (typeof PROBLEMS)[number]

/**
 * A stored step's state and problem as this version can show them: a status written by another
 * version (a state or problem added later, then rolled back) or by hand is a failure this
 * version cannot name, not an error that breaks the whole Settings status.
 */
export function shownState(state: unknown): StepState {
  return STATES.includes(state as StepState) ? (state as StepState) : 'FAILED'
}

export function shownProblem(problem: unknown): ScanProblem | null {
  if (problem === null || problem === undefined) return null

  return PROBLEMS.includes(problem as ScanProblem)
    ? (problem as ScanProblem)
    : 'UNEXPECTED'
}

export interface StepOutcome {
  state: StepState
  problem: ScanProblem | null
  /** what failed, in VTEX's terms (endpoint, status); never a credential. A status saved before
   * `missing` existed holds the inventory's missing parts here, in English: shown as it is. */
  detail: string | null
  /** inventory: the first parts that could not be read, as data, worded in the admin's language
   * when the status is read (resolvers/reminders.ts scanStepFields) */
  missing?: Missing[] | null
  /** inventory: how many parts could not be read in all (the rest are counted: "and N more") */
  missingCount?: number | null
  /** storefront: how many URLs could not be read (the Admin words it in the admin's language) */
  unreadUrls?: number | null
  /** storefront: a page, byte or sitemap limit stopped the crawl */
  limitReached?: boolean | null
  /** a FAILED step: what failed, as data (which call, its status or network code, attempts, the
   * missing resources' names), worded in the admin's language when the status is read. A status
   * saved before this existed holds an English sentence in `detail`: shown as it is. */
  failure?: Wording | Wording[] | null
}

export interface ScanRun {
  startedAt: string
  finishedAt: string
  inventory: StepOutcome
  storefront: StepOutcome
  email: StepOutcome
  emailsSent: number
}

export interface ScanStatusDoc {
  /** the last attempt to register (or renew) the job with VTEX's scheduler */
  registration: (StepOutcome & { at: string }) | null
  lastRun: ScanRun | null
  /** when an admin stopped the scan: page visits do not register it again, only Restart does */
  stoppedAt?: string | null
}

export const OK: StepOutcome = { state: 'OK', problem: null, detail: null }

const MAX_DETAIL = 500

export const detail = (text: string): string =>
  text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text

/** Parts named in a status; the others are counted. Three keep it short (a failing VTEX can
 * leave thousands of roles unread) and within the 500 characters of `detail` once worded. */
export const NAMED_MISSING = 3

/** What the inventory misses is kept as data: the status is worded when an admin reads it. */
export function inventoryOutcome(
  inventory: Pick<Inventory, 'complete' | 'missing'>
): StepOutcome {
  if (inventory.complete) return OK

  return {
    state: 'PARTIAL',
    problem: 'INCOMPLETE',
    detail: null,
    missing: inventory.missing.slice(0, NAMED_MISSING),
    missingCount: inventory.missing.length,
  }
}

/**
 * The storefront step as the Exposure page judges the same scan (leaks/completeness.ts): a URL
 * that answered 404 or 410 was read (nothing is there), so a store with a dead script link is
 * not "partial" every day; only URLs that could not be read, or a limit, make it partial.
 */
export function storefrontOutcome(
  result: StoredScan & { truncated: boolean },
  deadlineReached: boolean
): StepOutcome {
  const { complete, unreadCount } = scanCompleteness(result)

  if (deadlineReached)
    return {
      state: 'PARTIAL',
      problem: 'DEADLINE',
      detail: null,
      unreadUrls: unreadCount,
      limitReached: result.truncated,
    }
  if (!complete || result.truncated)
    return {
      state: 'PARTIAL',
      problem: 'INCOMPLETE',
      detail: null,
      unreadUrls: unreadCount,
      limitReached: result.truncated,
    }

  return OK
}

/** The next time a daily "M H * * *" job fires after `now` (UTC), or null for other forms. */
export function nextDailyRun(expression: string, now: Date): string | null {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(expression.trim())

  if (!m) return null
  const next = new Date(
    Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate(),
      Number(m[2]),
      Number(m[1])
    )
  )

  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1)

  return next.toISOString()
}

/** The daily run a call at `now` belongs to: the latest "M H * * *" time at or before it. */
export function currentOccurrence(
  expression: string,
  now: Date
): string | null {
  const next = nextDailyRun(expression, now)

  if (!next) return null

  return new Date(Date.parse(next) - DAY_MS).toISOString()
}

/** The problem an admin must act on, if any: a failed registration or a failed last run. */
export function scanFailure(
  doc: ScanStatusDoc | null
): { at: string; problem: ScanProblem | null } | null {
  if (doc?.registration && doc.registration.state === 'FAILED')
    return { at: doc.registration.at, problem: doc.registration.problem }
  const run = doc?.lastRun

  if (run) {
    const failed = [run.inventory, run.storefront, run.email].find(
      (s) => s.state === 'FAILED'
    )

    if (failed) return { at: run.finishedAt, problem: failed.problem }
  }

  return null
}
