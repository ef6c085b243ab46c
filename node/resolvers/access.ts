// Who may call each GraphQL field, in one table. resolvers/index.ts wraps every Query and
// Mutation resolver with its entry, so a field without one cannot be served (the service fails
// to start) and dev/test/authorization.test.ts walks the schema to hold every field to it.
// Checks run on the admin's own session (License Manager's access check) and fail closed: if
// License Manager cannot answer, the request is refused, never let through.
import type { Requirement } from '../domain/resources'
import {
  GET_ROLES_PAGED,
  READ,
  RENEW_API_TOKEN,
  WRITE,
} from '../domain/resources'
import type { Context } from '../typings'
import {
  missingPermissions,
  requireAdminToken,
  sessionExpired,
  toResolverError,
  upstreamBehind,
} from './errors'
import { redactTokens } from '../domain/secrets'
import { requestData } from '../services/requestData'
import { isAuditor } from '../services/review/auditors'

export type Access =
  /** any signed-in admin: the field reveals nothing of the account (e.g. the rule catalogue) */
  | { signedIn: true }
  /** the admin's session must hold every requirement (any alternative of each); with `auditors`,
   * an auditor named in the settings may call it too (the service then shows completed reviews only) */
  | { requires: readonly Requirement[]; auditors?: true }

const SIGNED_IN: Access = { signedIn: true }
/** Anything derived from the account's keys, users and roles: what VTEX needs to list them. */
const READS: Access = { requires: READ }
/** Key Steward's own settings and state: what VTEX needs to manage keys. */
const MANAGES: Access = { requires: [WRITE] }
/** Writes whose answers reveal the account's keys and roles: both. */
const READS_AND_MANAGES: Access = {
  requires: [...READ, WRITE].filter((r, i, all) => all.indexOf(r) === i),
}

/**
 * Token renewal in VTEX ID: VTEX requires Renew API Token (vtex-id.json Permissions); Key Steward
 * finds the key in VTEX's list and reads it again, which needs the read resources.
 */
/**
 * Completed reviews and their evidence: whoever reads the inventory, and the auditors an admin
 * named in the settings (VTEX has no read-only access to keys: listing them needs Save user).
 */
const READS_OR_AUDITS: Access = { requires: READ, auditors: true }
const READS_AND_RENEWS: Access = { requires: [...READ, RENEW_API_TOKEN] }

export const FIELD_ACCESS: {
  Query: Record<string, Access>
  Mutation: Record<string, Access>
} = {
  Query: {
    inventory: READS,
    findings: READS,
    hygiene: READS,
    rules: SIGNED_IN,
    settings: MANAGES,
    // the limits of each setting: nothing of the account
    settingsLimits: SIGNED_IN,
    // role names and ids, as VTEX's paged roles list gives them to this admin
    accountRoles: { requires: [GET_ROLES_PAGED] },
    review: READS,
    reviewById: READS_OR_AUDITS,
    reviews: READS_OR_AUDITS,
    reviewsUnreadable: READS_OR_AUDITS,
    lastCompletedReview: READS_OR_AUDITS,
    reviewExport: READS_OR_AUDITS,
    reviewDecisions: READS_OR_AUDITS,
    leakScan: MANAGES,
    reminders: READS,
    changes: READS,
    // its status names the keys and users a partial scan could not read
    schedule: READS_AND_MANAGES,
    keyAudit: READS,
    keyAuditUnreadable: READS,
    // Reveals only what the admin's own session holds.
    keyActionPermissions: SIGNED_IN,
    // The copy's age and a read's progress (counts of keys and users): derived from the account.
    inventoryStatus: READS,
    keyList: READS,
    userList: READS,
    // One key of the inventory (the key page): what the inventory needs.
    keyDetail: READS,
  },
  Mutation: {
    updateSettings: MANAGES,
    startReview: READS_AND_MANAGES,
    decideKey: READS_AND_MANAGES,
    decideKeys: READS_AND_MANAGES,
    checkPractice: READS_AND_MANAGES,
    completeReview: READS_AND_MANAGES,
    annotateKey: MANAGES,
    registerExternalKey: READS_AND_MANAGES,
    removeExternalKey: MANAGES,
    runLeakScan: MANAGES,
    snoozeReminder: READS_AND_MANAGES,
    unregisterSchedule: MANAGES,
    restartSchedule: MANAGES,
    renewToken: READS_AND_RENEWS,
    finishTokenRenewal: READS_AND_RENEWS,
    // A statement about the key stored by Key Steward (like annotations), shown with its data.
    recordTokenRenewal: READS_AND_MANAGES,
    // PUT /api/vlm/appkeys/{id} and DELETE …/roles/{roleId}: Save user (license-manager.json).
    deactivateKey: READS_AND_MANAGES,
    reactivateKey: READS_AND_MANAGES,
    removeKeyRole: READS_AND_MANAGES,
  },
}

export async function authorize(ctx: Context, access: Access): Promise<void> {
  const token = requireAdminToken(ctx)

  if ('signedIn' in access) {
    // A cookie is not a session: VTEX ID must know it.
    await ctx.clients.vtexIdApi.whoIs(token).catch((e) => {
      throw (e as { status?: number }).status === 401 ||
        (e as { status?: number }).status === 403
        ? sessionExpired()
        : toResolverError(e)
    })

    return
  }

  const held = await Promise.all(
    access.requires.map((r) => requestData(ctx).holds(r))
  ).catch((e) => {
    if ((e as { status?: number }).status === 401) throw sessionExpired()
    throw toResolverError(e)
  })

  const lacking = access.requires.filter((_, i) => !held[i])

  if (!lacking.length) return
  if (access.auditors && (await isAuditor(ctx))) {
    ctx.state.auditor = true

    return
  }

  // Refused, an auditor is told that they are one (their refusal leads to the completed
  // reviews). About their own session only; if the settings cannot be read, they are not told.
  const auditor = !access.auditors && (await isAuditor(ctx).catch(() => false))

  throw missingPermissions([...lacking], { auditor })
}

type Resolver = (
  parent: unknown,
  args: never,
  ctx: Context,
  info: unknown
) => unknown

/**
 * The admin is told in plain words that VTEX or the storage did not answer (errors.ts
 * upstreamUnavailable); the log keeps what failed: the endpoint or storage path, the attempts and
 * the reason (redacted: a failure's text could quote an upstream answer).
 */
function logUpstream(ctx: Context, e: unknown): void {
  const u = upstreamBehind(e)

  if (!u) return
  ctx.vtex.logger.warn({
    message: 'upstream unavailable',
    endpoint: u.endpoint,
    status: u.status ?? null,
    attempts: u.attempts,
    reason: redactTokens(u.reason),
    deadlineReached: u.deadlineReached,
  })
}

/**
 * Wraps each resolver of a root type with its declared access; a field without a declaration is
 * an error. (A request's cost is limited before any field runs: runtime/hardenGraphql.ts.)
 */
export function withAccess<T extends Record<string, Resolver>>(
  type: 'Query' | 'Mutation',
  fields: T
): T {
  const table = FIELD_ACCESS[type]
  const undeclared = Object.keys(fields).filter((f) => !table[f])

  if (undeclared.length)
    throw new Error(
      `No access declared in resolvers/access.ts for ${type}.${undeclared.join(
        `, ${type}.`
      )}`
    )

  return Object.fromEntries(
    Object.entries(fields).map(([name, resolve]) => [
      name,
      async (parent: unknown, args: never, ctx: Context, info: unknown) => {
        try {
          await authorize(ctx, table[name])

          return await resolve(parent, args, ctx, info)
        } catch (e) {
          logUpstream(ctx, e)
          throw e
        }
      },
    ])
  ) as T
}
