// Turns upstream failures into GraphQL errors an admin can act on, without ever carrying the
// upstream request (its headers hold the admin's credentials) into a response or a log.
import { AuthenticationError, ForbiddenError, ResolverError } from '@vtex/api'

import { ACTION_RESOURCE_FOR, RESOURCE_FOR } from '../clients/licenseManagerApi'
import { ACTION_RESOURCE_FOR as RENEWAL_RESOURCE_FOR } from '../clients/vtexId'
import { ConflictError } from '../clients/appStorage'
import { UpstreamError } from '../clients/retry'
import type { Requirement } from '../domain/resources'
import { describeRequirement, unknownRequirement } from '../domain/resources'
import type { Context } from '../typings'

/** Puts the code where GraphQL clients read it (extensions.code), with optional details. */
export function withCode<E extends Error>(
  err: E,
  code: string,
  details: Record<string, unknown> = {}
): E {
  return Object.assign(err, { extensions: { code, ...details } })
}

export function requireAdminToken(ctx: Context): string {
  const token = ctx.vtex.adminUserAuthToken

  if (!token)
    throw withCode(
      new AuthenticationError(
        'Sign in to the VTEX Admin: Key Steward reads your account with your own admin session.'
      ),
      'UNAUTHENTICATED'
    )

  return token
}

export function sessionExpired(): AuthenticationError {
  return withCode(
    new AuthenticationError(
      'Your VTEX Admin session is invalid or expired. Sign in again.'
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
  const err = new ForbiddenError(
    `Your user lacks the License Manager resource${
      list.length > 1 ? 's' : ''
    } ${list.map(describeRequirement).join(', ')}. ` +
      'Ask an account admin for a role that grants it (for example a custom role with these resources).'
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
  message: string,
  extensions: Record<string, unknown> = {}
): Error {
  return withCode(
    new ResolverError(message, 409, 'CONFLICT'),
    'CONFLICT',
    extensions
  )
}

export function toResolverError(e: unknown): Error {
  if (e instanceof ConflictError)
    return conflictError(
      'Someone else changed this at the same time. Reload and try again.'
    )
  if (e instanceof UpstreamError) {
    if (e.status === 401) return sessionExpired()
    if (e.status === 403) return missingPermissions([resourceOf(e)])

    return withCode(
      new ResolverError(
        `VTEX did not answer: ${e.message}. Try again in a few minutes.`,
        502,
        'UPSTREAM_UNAVAILABLE'
      ),
      'UPSTREAM_UNAVAILABLE'
    )
  }

  return e instanceof Error ? e : new Error(String(e))
}
