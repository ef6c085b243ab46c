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
import { callName } from '../clients/callNames'
import { shownCause, UpstreamError } from '../clients/retry'
import type { Requirement } from '../domain/resources'
import { RULE_IDS } from '../domain/rules'
import { KEY_RULE_IDS, NOT_ABOUT_KEYS } from '../domain/rules/keyRules'
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

/**
 * Longer than any rule id (the longest is under 30 characters). A longer one is refused for its
 * length alone: quoting it back looks through all of it for a token (~0.3 s for 1 MB).
 */
export const MAX_RULE_LENGTH = 100

/** A rule id the policy does not have, named back (redacted) with the ones that could match. */
export const unknownRule = (
  field: string,
  rule: string,
  known: readonly string[] = RULE_IDS
) =>
  rule.length > MAX_RULE_LENGTH
    ? badInput(
        field,
        wording('validation.tooLong', { field, max: MAX_RULE_LENGTH }),
        { allowed: known }
      )
    : badInput(
        field,
        wording('validation.unknownRule', {
          rule: quote(rule),
          rules: known.join(', '),
        }),
        { allowed: known }
      )

/**
 * A rule filter over keys (the key list, the review's decisions), checked the same way for both.
 * A blank rule is refused: read as "any rule" it would list every key (and decide them all in
 * bulk). A rule about users or the account matches no key, so it is refused as well, and an
 * unknown rule is named back with the rules that can be on a key only.
 */
export function checkKeyRule(
  field: string,
  rule: string | null | undefined
): void {
  if (rule === null || rule === undefined) return
  if (!rule.trim())
    throw badInput(
      field,
      wording('validation.blankRule', {
        field,
        rules: KEY_RULE_IDS.join(', '),
      }),
      { allowed: KEY_RULE_IDS }
    )
  if (NOT_ABOUT_KEYS.includes(rule))
    throw badInput(
      field,
      wording('validation.ruleNotOnKeys', {
        rule,
        rules: KEY_RULE_IDS.join(', '),
      }),
      { allowed: KEY_RULE_IDS }
    )
  if (!KEY_RULE_IDS.includes(rule)) throw unknownRule(field, rule, KEY_RULE_IDS)
}

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
 * `auditor`: the session is an auditor named in the settings (refused here, as anything beyond
 * completed reviews): its page then says so and leads to the reviews, not "ask to be named one".
 */
export function missingPermissions(
  requirements: Requirement[],
  { auditor = false }: { auditor?: boolean } = {}
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
    ...(auditor ? { auditor: true } : {}),
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

/** `VBase GET reviews/review-….json`: which document of the app's storage, read or written. */
const STORAGE_CALL = /^VBase (GET|PUT) ([^/\s]+)\//

/**
 * VTEX kept failing (5xx, 429, timeouts) past the retries: the admin may try again later. The
 * admin is told what could not be done in plain words (a call clients/callNames.ts does not name
 * is shown by its endpoint), and whether VTEX failed or did not answer: never a document's path in the app's
 * storage, nor the free text of a failure (it could quote an upstream answer). The upstream error
 * rides along, not enumerable (so never answered), for the log (resolvers/access.ts).
 */
export function upstreamUnavailable(e: UpstreamError): Error {
  const storage = STORAGE_CALL.exec(e.endpoint)
  const err = withCode(
    worded(
      (m) => new ResolverError(m, 502, 'UPSTREAM_UNAVAILABLE'),
      storage
        ? wording('refusal.upstream.storage', {
            op: storage[1] === 'PUT' ? 'write' : 'read',
            what: storage[2],
          })
        : wording('refusal.upstream.unavailable', {
            what: callName(e.endpoint),
            endpoint: e.endpoint,
            // VTEX answered with an error (HTTP 502) / no answer (timeout, cut) / never asked
            outcome:
              e.status !== undefined
                ? 'failed'
                : e.attempts === 0
                ? 'notSent'
                : 'noAnswer',
            attempts: e.attempts,
            reason: shownCause(e),
            deadline: e.deadlineReached ? 'yes' : 'no',
          })
    ),
    'UPSTREAM_UNAVAILABLE'
  )

  Object.defineProperty(err, 'upstream', { value: e, enumerable: false })

  return err
}

/** The upstream failure behind an error made by upstreamUnavailable, for the log only. */
export function upstreamBehind(e: unknown): UpstreamError | undefined {
  const u = (e as { upstream?: unknown } | null | undefined)?.upstream

  return u instanceof UpstreamError ? u : undefined
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
