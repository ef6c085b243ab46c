// Retries upstream calls that fail for reasons that pass (429, 5xx, timeouts, dropped
// connections) with exponential backoff and jitter, honouring Retry-After. Other failures
// (400, 401, 403, 404) are final and surface at once.

export interface RetryPolicy {
  retries: number
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 200, maxDelayMs: 10_000 }

/** What an upstream failure looked like, without the request (whose headers hold credentials). */
export class UpstreamError extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number | undefined,
    readonly attempts: number,
    readonly reason: string,
  ) {
    super(`${endpoint} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`)
    this.name = 'UpstreamError'
  }
}

interface HttpLikeError {
  code?: string
  message?: string
  response?: { status?: number; headers?: Record<string, string | undefined> }
}

export function isTransient(status: number | undefined, code?: string): boolean {
  // No response: a timeout or a dropped connection carries an error code; a bug does not.
  if (status === undefined) return code !== undefined
  return status === 429 || status >= 500
}

/** Delay before the next attempt: Retry-After when the upstream gave one, else backoff. */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfter?: string, random = Math.random, nowMs = Date.now()): number {
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxDelayMs)
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return Math.min(Math.max(date - nowMs, 0), policy.maxDelayMs)
  }
  const exp = policy.baseDelayMs * 2 ** (attempt - 1)
  return Math.min(exp + exp * 0.2 * random(), policy.maxDelayMs)
}

export async function withRetry<T>(
  endpoint: string,
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  sleep: (ms: number) => Promise<void> = ms => new Promise(r => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (e) {
      const err = e as HttpLikeError
      const status = err.response?.status
      const reason = status !== undefined ? `HTTP ${status}` : err.code ?? `request failed (${String(err.message ?? e).slice(0, 200)})`
      if (!isTransient(status, err.code) || attempt > policy.retries) {
        throw new UpstreamError(endpoint, status, attempt, reason)
      }
      await sleep(retryDelayMs(attempt, policy, err.response?.headers?.['retry-after']))
    }
  }
}
