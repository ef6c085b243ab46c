// One deadline per request. VTEX IO aborts a request after service.json's `timeout`; every
// upstream call of the request (retries included) must end before it, with time left to answer.
// Clients are built per request (IOClients), so a client's budget starts with its request.
import type { InstanceOptions } from '@vtex/api'

import type { RetryOptions, RetryPolicy } from './retry'
import { DEFAULT_RETRY, withRetry } from './retry'

/** node/service.json `timeout`, in ms (app-files.test.ts holds the two equal). */
export const ROUTE_TIMEOUT_MS = 30_000

/** What a request may spend on upstream calls; the rest is for the answer (and saving it). */
export const REQUEST_BUDGET_MS = ROUTE_TIMEOUT_MS - 5_000

export class Budget {
  readonly deadlineAt: number
  constructor(ms = REQUEST_BUDGET_MS, start = Date.now()) {
    this.deadlineAt = start + ms
  }

  /**
   * Calls an upstream with retries (retry.ts) that all end by the deadline; `call` gets the
   * attempt's timeout: the client's own, cut to the time left.
   */
  run<T>(
    endpoint: string,
    call: (timeoutMs: number) => Promise<T>,
    policy: RetryPolicy = DEFAULT_RETRY,
    clientTimeoutMs: number = CLIENT_OPTIONS.timeout,
    onRetry?: RetryOptions['onRetry']
  ): Promise<T> {
    return withRetry(
      endpoint,
      (remaining) => call(Math.max(1, Math.min(clientTimeoutMs, remaining))),
      policy,
      { deadlineAt: this.deadlineAt, onRetry }
    )
  }
}

/** Options every client of the service is built with: @vtex/api retries nothing (retry.ts does). */
export const CLIENT_OPTIONS = { retries: 0, timeout: 5000 } as const

/**
 * A VTEX client's options: the caller's, with CLIENT_OPTIONS' timeout unless given, @vtex/api's
 * retries off (retry.ts is the one retry layer: it counts the attempts it reports) and its
 * memoization off (it keeps a GET's promise per client instance, so a retry of a failed call
 * would get the same rejection back without reaching VTEX again), over HTTPS.
 */
export function vtexClientOptions(
  options: InstanceOptions | undefined,
  headers: Record<string, string> = {}
): InstanceOptions {
  return {
    ...CLIENT_OPTIONS,
    ...options,
    retries: 0,
    memoizable: false,
    headers: { ...options?.headers, ...headers, 'X-Vtex-Use-Https': 'true' },
  }
}
