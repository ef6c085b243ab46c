// The one retry layer of the service. @vtex/api's own retries are switched off (CLIENT_OPTIONS,
// retries: 0), so the attempts reported here are the requests VTEX really received.
// Calls that fail for reasons that pass (429, 5xx, timeouts, dropped connections) are retried
// with exponential backoff and jitter, honouring Retry-After, until the request's deadline;
// other failures (400, 401, 403, 404) are final and surface at once.
import type { Wording } from '../domain/wording'
import { wording } from '../domain/wording'

export interface RetryPolicy {
  retries: number
  baseDelayMs: number
  maxDelayMs: number
  /** which failures may be retried; default isTransient (429, 5xx, timeouts, dropped connections) */
  retryable?: (status: number | undefined, code: string | undefined) => boolean
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 3,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
}

/** Errors that mean the request never reached the upstream (the connection was not made). */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
])

/**
 * For calls that are not idempotent (VTEX ID's token renewal: repeating one that VTEX carried
 * out but whose answer was lost gets 409, and its new token is gone). Retried only when VTEX
 * surely did not act: the connection was never made, or a 429 (the request was refused
 * unprocessed). A timeout, a dropped connection or a 5xx may have happened after VTEX acted, so
 * they are final.
 */
export const UNSENT_ONLY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  retryable: (status, code) =>
    status === 429 ||
    (status === undefined && code !== undefined && NOT_SENT.has(code)),
}

/**
 * Whether a failed call may have been carried out upstream: it was sent and no answer said what
 * happened (a timeout, a cut connection, a 5xx). A refusal (4xx) or a call never sent did not.
 */
export function outcomeUnknown(e: unknown): boolean {
  if (!(e instanceof UpstreamError) || e.attempts === 0) return false
  if (e.status !== undefined) return e.status >= 500

  return !NOT_SENT.has(e.reason) && !/^request failed/.test(e.reason)
}

/** An attempt with less time than this left before the deadline is not started. */
export const MIN_ATTEMPT_MS = 250

const NO_TIME_LEFT = 'no time left before the deadline'

/** What an upstream failure looked like, without the request (whose headers hold credentials). */
export class UpstreamError extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number | undefined,
    readonly attempts: number,
    readonly reason: string,
    /** true when the request's deadline, not the retry count, ended the attempts */
    readonly deadlineReached = false
  ) {
    super(
      `${endpoint} failed after ${attempts} attempt${
        attempts === 1 ? '' : 's'
      }: ${reason}${
        deadlineReached ? ' (no time left before the deadline)' : ''
      }`
    )
    this.name = 'UpstreamError'
  }
}

/**
 * A failure as an admin may read it: the HTTP status or the network error's code. The free text
 * of any other failure stays in the log: it could quote an upstream answer (a token in it).
 */
function shownReason(e: UpstreamError): string {
  return /^(HTTP \d{3}|E[A-Z_]+)$/.test(e.reason) || e.reason === NO_TIME_LEFT
    ? e.reason
    : 'request failed'
}

/** Network failures in words (the code stays, for support): no answer in time, a cut connection, no connection. */
const NETWORK_CAUSE: Record<
  string,
  'TIMED_OUT' | 'CONNECTION_CUT' | 'UNREACHABLE'
> = {
  ECONNABORTED: 'TIMED_OUT', // axios: the request's timeout
  ETIMEDOUT: 'TIMED_OUT',
  ESOCKETTIMEDOUT: 'TIMED_OUT',
  ECONNRESET: 'CONNECTION_CUT',
  EPIPE: 'CONNECTION_CUT',
  ECONNREFUSED: 'UNREACHABLE',
  ENOTFOUND: 'UNREACHABLE',
  EAI_AGAIN: 'UNREACHABLE',
  EHOSTUNREACH: 'UNREACHABLE',
  ENETUNREACH: 'UNREACHABLE',
}

/**
 * shownReason as words in the admin's language: an HTTP status reads the same in every language;
 * a known network code is said in words with the code in brackets (an admin may pass it to
 * support); "request failed" and "no time left" are translated; another code is shown as is.
 */
export function shownCause(e: UpstreamError): Wording {
  const shown = shownReason(e)

  return wording('upstream.cause', {
    cause:
      shown === NO_TIME_LEFT
        ? 'NO_TIME_LEFT'
        : shown === 'request failed'
        ? 'REQUEST_FAILED'
        : NETWORK_CAUSE[shown] ?? shown,
    code: shown,
  })
}

interface HttpLikeError {
  code?: string
  message?: string
  response?: { status?: number; headers?: Record<string, string | undefined> }
}

export function isTransient(
  status: number | undefined,
  code?: string
): boolean {
  // No response: a timeout or a dropped connection carries an error code; a bug does not.
  if (status === undefined) return code !== undefined

  return status === 429 || status >= 500
}

/** Delay before the next attempt: Retry-After when the upstream gave one, else backoff. */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfter?: string,
  random = Math.random,
  nowMs = Date.now()
): number {
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter)

    if (Number.isFinite(seconds) && seconds >= 0)
      return Math.min(seconds * 1000, policy.maxDelayMs)
    const date = Date.parse(retryAfter)

    if (!Number.isNaN(date))
      return Math.min(Math.max(date - nowMs, 0), policy.maxDelayMs)
  }

  const exp = policy.baseDelayMs * 2 ** (attempt - 1)

  return Math.min(exp + exp * 0.2 * random(), policy.maxDelayMs)
}

export interface RetryOptions {
  /** epoch ms after which no attempt starts and no retry waits (the request's deadline) */
  deadlineAt?: number
  sleep?: (ms: number) => Promise<void>
  /** real time, for the deadline (tests pass a fake one) */
  clock?: () => number
  /** told before each wait: the status that caused it and how long (the adaptive fan-out listens) */
  onRetry?: (status: number | undefined, delayMs: number) => void
}

/**
 * Calls `call` until it succeeds, fails for good, runs out of retries or of time. `call` gets
 * the milliseconds left before the deadline, so each attempt's timeout can end with it.
 */
export async function withRetry<T>(
  endpoint: string,
  call: (remainingMs: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  {
    deadlineAt = Infinity,
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
    clock = Date.now,
    onRetry,
  }: RetryOptions = {}
): Promise<T> {
  let last: { status?: number; reason: string } = { reason: NO_TIME_LEFT }

  for (let attempt = 1; ; attempt++) {
    const remaining = deadlineAt - clock()

    if (remaining < MIN_ATTEMPT_MS)
      throw new UpstreamError(
        endpoint,
        last.status,
        attempt - 1,
        last.reason,
        true
      )
    try {
      return await call(remaining)
    } catch (e) {
      const err = e as HttpLikeError
      const status = err.response?.status
      const reason =
        status !== undefined
          ? `HTTP ${status}`
          : err.code ??
            `request failed (${String(err.message ?? e).slice(0, 200)})`

      if (
        !(policy.retryable ?? isTransient)(status, err.code) ||
        attempt > policy.retries
      )
        throw new UpstreamError(endpoint, status, attempt, reason)
      const delay = retryDelayMs(
        attempt,
        policy,
        err.response?.headers?.['retry-after']
      )

      if (clock() + delay + MIN_ATTEMPT_MS > deadlineAt)
        throw new UpstreamError(endpoint, status, attempt, reason, true)
      last = { status, reason }
      onRetry?.(status, delay)
      await sleep(delay)
    }
  }
}
