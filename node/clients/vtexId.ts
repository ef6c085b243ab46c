// VTEX ID: who the signed-in admin is (their email), for the review's record of who decided
// and who signed, and the API token renewal, made with the admin's own session.
// POST /api/vtexid/credential/validate needs no License Manager resource.
import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import type { FinishAnswer, RenewAnswer } from '../domain/renewals'
import type { Requirement } from '../domain/resources'
import { RENEW_API_TOKEN } from '../domain/resources'
import { Budget, CLIENT_OPTIONS, vtexClientOptions } from './deadline'
import { UNSENT_ONLY } from './retry'

export interface AuthenticatedUser {
  id: string
  email: string
}

/**
 * The endpoints this client calls (the release check maps them to manifest policies). Renewal:
 * ../shared/vtex-openapi/vtex-id.json, "Token renewal" (dev/platform/license-manager.ts quotes
 * what each answers); the path names the key by its appKey (vtexappkey-…), as VTEX's guide
 * "Rotating VTEX API tokens" does.
 */
export const VTEX_ID = {
  whoIs: 'POST /api/vtexid/credential/validate',
  renew: 'PATCH /api/vtexid/apikey/{apiKey}/apitoken/renew',
  finishRenewal: 'PATCH /api/vtexid/apikey/{apiKey}/apitoken/finish-renewal',
} as const

/**
 * What VTEX requires for each renewal call (Permissions: "Renew API Token"). Only ever called
 * with an admin's session, never with the app's token, so no manifest policy follows from it.
 */
export const ACTION_RESOURCE_FOR: Record<string, Requirement> = {
  [VTEX_ID.renew]: RENEW_API_TOKEN,
  [VTEX_ID.finishRenewal]: RENEW_API_TOKEN,
}

export class VtexIdApi extends JanusClient {
  budget = new Budget()
  private readonly timeoutMs: number

  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, vtexClientOptions(options))
    this.timeoutMs = options?.timeout ?? CLIENT_OPTIONS.timeout
  }

  async whoIs(adminToken: string): Promise<AuthenticatedUser> {
    const res = await this.budget.run(
      VTEX_ID.whoIs,
      (timeout) =>
        this.http.post<{ authStatus: string; id: string; user: string }>(
          '/api/vtexid/credential/validate',
          { token: adminToken },
          { metric: 'vtexid-validate', timeout }
        ),
      undefined,
      this.timeoutMs
    )

    return { id: res.id, email: res.user }
  }

  /**
   * Starts a token renewal: VTEX answers with a new token while the old one keeps working. The
   * answer carries the new token: the caller shows it once and keeps only its dates. Not
   * repeated after a timeout or a 5xx (VTEX may have renewed already; a repeat would get 409 and
   * the token would be lost): retried only when the request surely did not reach VTEX.
   */
  renew(adminToken: string, appKey: string): Promise<RenewAnswer> {
    return this.budget.run(
      VTEX_ID.renew,
      (timeout) =>
        this.patchWithin<RenewAnswer>(
          `/api/vtexid/apikey/${encodeURIComponent(appKey)}/apitoken/renew`,
          adminToken,
          'vtexid-renew',
          timeout
        ),
      UNSENT_ONLY,
      this.timeoutMs
    )
  }

  /** Finishes a renewal: the old token stops working. Same retry care as renew. */
  finishRenewal(adminToken: string, appKey: string): Promise<FinishAnswer> {
    return this.budget.run(
      VTEX_ID.finishRenewal,
      (timeout) =>
        this.patchWithin<FinishAnswer>(
          `/api/vtexid/apikey/${encodeURIComponent(
            appKey
          )}/apitoken/finish-renewal`,
          adminToken,
          'vtexid-finish-renewal',
          timeout
        ),
      UNSENT_ONLY,
      this.timeoutMs
    )
  }

  /**
   * One PATCH, aborted after `timeoutMs` of wall-clock time (the budget cuts it to the request's
   * deadline). axios' own timeout only fires on an idle socket, so an answer trickling a byte
   * every few seconds would outlive VTEX IO's request timeout, and the renewal's outcome, the
   * renewal record and the audit entry with it, would be lost (as storefront.ts does for pages).
   */
  private async patchWithin<T>(
    path: string,
    adminToken: string,
    metric: string,
    timeoutMs: number
  ): Promise<T> {
    const abort = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      abort.abort()
    }, timeoutMs)

    try {
      return await this.http.patch<T>(path, undefined, {
        headers: { VtexIdclientAutCookie: adminToken },
        metric,
        timeout: timeoutMs,
        signal: abort.signal,
      } as never)
    } catch (e) {
      // Named like axios' own timeout: the request was sent, its outcome is unknown.
      if (timedOut)
        throw Object.assign(
          new Error(`no complete answer within ${timeoutMs} ms`),
          { code: 'ECONNABORTED' }
        )
      throw e
    } finally {
      clearTimeout(timer)
    }
  }
}
