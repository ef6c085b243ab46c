// Turns upstream failures into GraphQL errors an admin can act on, without ever carrying the
// upstream request (its headers hold the admin's credentials) into a response or a log.
import {
  AuthenticationError,
  ForbiddenError,
  ResolverError,
  UserInputError,
} from '@vtex/api'

import { ACTION_RESOURCE_FOR, RESOURCE_FOR } from '../clients/licenseManagerApi'
import { ACTION_RESOURCE_FOR as RENEWAL_RESOURCE_FOR } from '../clients/vtexId'
import { ConflictError } from '../clients/appStorage'
import { UpstreamError } from '../clients/retry'
import type { Requirement } from '../domain/resources'
import { RULE_IDS } from '../domain/rules'
import { quote } from '../domain/secrets'
import { describeRequirement, unknownRequirement } from '../domain/resources'
import type { Wording } from '../domain/wording'
import { wording } from '../domain/wording'
import { worded } from '../services/wording'
import type { Context } from '../typings'

/** Puts the code where GraphQL clients read it (extensions.code), with optional details. */
export function withCode<E extends Error>(
  err: E,
  code: string,
  details: Record<string, unknown> = {}
): E {
  return Object.assign(err, { extensions: { code, ...details } })
}

/** Bad input in one argument, worded in the admin's language. */
export const badInput = (
  field: string,
  w: Wording,
  details: Record<string, unknown> = {}
) =>
  withCode(
    worded((m) => new UserInputError(m), w),
    'BAD_USER_INPUT',
    {
      field,
      ...details,
    }
  )

/** A rule id the policy does not have, named back (redacted) with the ones it has. */
export const unknownRule = (field: string, rule: string) =>
  badInput(
    field,
    wording('validation.unknownRule', {
      rule: quote(rule),
      rules: RULE_IDS.join(', '),
    }),
    { allowed: RULE_IDS }
  )

export function requireAdminToken(ctx: Context): string {
  const token = ctx.vtex.adminUserAuthToken

  if (!token)
    throw withCode(
      worded(
        (m) => new AuthenticationError(m),
        wording('refusal.session.signIn')
      ),
      'UNAUTHENTICATED'
    )

  return token
}

export function sessionExpired(): AuthenticationError {
  return withCode(
    worded(
      (m) => new AuthenticationError(m),
      wording('refusal.session.expired')
    ),
    'UNAUTHENTICATED'
  )
}

/**
 * FORBIDDEN naming the License Manager resources the admin's roles lack: each by its legacy name
 * and its newer equivalents. `missingResources` keeps the legacy names (as VTEX's API reference
 * spells them); `acceptedResources` lists, for each, every resource that would do.
 */
export function missingPermissions(
  requirements: Requirement[]
): ForbiddenError {
  const byLegacy = new Map(requirements.map((r) => [r[0].name, r]))
  const list = [...byLegacy.keys()].sort().map((name) => byLegacy.get(name)!)
  const err = worded(
    (m) => new ForbiddenError(m),
    wording('refusal.resources.missing', {
      count: list.length,
      resources: list.map(describeRequirement),
    })
  )

  return withCode(err, 'FORBIDDEN', {
    missingResources: list.map((r) => r[0].name),
    acceptedResources: list.map((r) => r.map((x) => x.name)),
  })
}

export function isUpstream(e: unknown, status: number): e is UpstreamError {
  return e instanceof UpstreamError && e.status === status
}

/** The resource an UpstreamError's endpoint requires, when the failure was a 403. */
export function resourceOf(e: UpstreamError): Requirement {
  return (
    RESOURCE_FOR[e.endpoint] ??
    ACTION_RESOURCE_FOR[e.endpoint] ??
    RENEWAL_RESOURCE_FOR[e.endpoint] ??
    unknownRequirement(e.endpoint)
  )
}

/** The one CONFLICT error (HTTP 409): someone else changed it, or it is in a state that forbids this. */
export function conflictError(
  message: Wording | Wording[],
  extensions: Record<string, unknown> = {}
): Error {
  return withCode(
    worded((m) => new ResolverError(m, 409, 'CONFLICT'), message),
    'CONFLICT',
    extensions
  )
}

/** VTEX kept failing (5xx, 429, timeouts) past the retries: the admin may try again later. */
export function upstreamUnavailable(e: UpstreamError): Error {
  return withCode(
    worded(
      (m) => new ResolverError(m, 502, 'UPSTREAM_UNAVAILABLE'),
      wording('refusal.upstream.unavailable', {
        endpoint: e.endpoint,
        attempts: e.attempts,
        reason: e.reason,
        deadline: e.deadlineReached ? 'yes' : 'no',
      })
    ),
    'UPSTREAM_UNAVAILABLE'
  )
}

export function toResolverError(e: unknown): Error {
  if (e instanceof ConflictError)
    return conflictError(wording('refusal.conflict.concurrent'))
  if (e instanceof UpstreamError) {
    if (e.status === 401) return sessionExpired()
    if (e.status === 403) return missingPermissions([resourceOf(e)])

    return upstreamUnavailable(e)
  }

  return e instanceof Error ? e : new Error(String(e))
}
