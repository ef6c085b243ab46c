// Registering and removing keys of other accounts (external keys) in Key Steward's registry.
// VTEX lists no external keys (DESIGN.md), so an admin names each one; Key Steward then reads its
// roles by appKey like any subject. Safety, in order:
// - the input is checked before anything is read, stored or echoed (domain/externalKeys): the
//   format VTEX documents, another account than this one, the account the appKey names, never a
//   pasted token;
// - VTEX is asked, with the admin's own session, which roles the key holds here: none means a
//   typo or a key not added in VTEX yet, and nothing is registered;
// - the registry is changed with If-Match (AppStorage.update), so two admins never lose an
//   entry, and a duplicate or an unknown key is refused with nothing changed;
// - each registration and removal goes to the append-only audit log (who, when, the roles).
// Removing a key here changes nothing in VTEX: its roles stay until removed in VTEX's Admin.
import { randomBytes } from 'crypto'

import { NotFoundError, UserInputError } from '@vtex/api'

import { now } from '../clock'
import type { VtexRoleRef } from '../clients/licenseManagerApi'
import { LM } from '../clients/licenseManagerApi'
import { UpstreamError } from '../clients/retry'
import type { AuditRecord } from '../domain/audit'
import { auditRecord } from '../domain/audit'
import type {
  ExternalKeyAction,
  ExternalKeyError,
  StoredExternalKey,
} from '../domain/externalKeys'
import {
  checkAppKey,
  noRolesHere,
  registrationChange,
  removalChange,
  validateExternalKey,
  withoutRegistered,
  withRegistered,
} from '../domain/externalKeys'
import type { ExternalKeyEntry } from '../domain/types'
import { actor } from '../resolvers/actor'
import {
  conflictError,
  requireAdminToken,
  toResolverError,
  withCode,
} from '../resolvers/errors'
import type { Context } from '../typings'
import { appendAudit } from './auditLog'
import { reflectExternalKey } from './reflectWrite'
import { requestData } from './requestData'
import { english, withWording } from './wording'

/** A refusal as the GraphQL error the Admin reads: the code, and each field with its reason. */
function refusal(
  errors: ExternalKeyError[],
  code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND' = 'BAD_USER_INPUT'
): Error {
  const words = errors.map((e) => e.message)
  const message = words.map(english).join('; ')
  const fields = errors.map((e) => ({ ...e, message: english(e.message) }))
  const err =
    code === 'CONFLICT'
      ? conflictError(words, { fields })
      : withCode(
          code === 'NOT_FOUND'
            ? new NotFoundError(message)
            : new UserInputError(message),
          code,
          { fields }
        )

  return withWording(err, { message: words, fields: words })
}

/** The roles VTEX shows for the appKey in this account; a 404 means none. */
async function rolesHere(ctx: Context, appKey: string): Promise<VtexRoleRef[]> {
  try {
    return await ctx.clients.licenseManagerApi.rolesOf(
      requireAdminToken(ctx),
      appKey
    )
  } catch (e) {
    if (e instanceof UpstreamError && e.status === 404) return []
    throw toResolverError(e)
  }
}

function record(
  action: ExternalKeyAction,
  key: { appKey: string; account: string },
  by: string,
  at: Date,
  change: { before: string; after: string },
  roles: VtexRoleRef[] | null
): AuditRecord {
  return auditRecord({
    id: `${at.toISOString()}-${randomBytes(6).toString('hex')}`,
    at: at.toISOString(),
    by,
    action,
    keyId: key.appKey,
    appKey: key.appKey,
    label: key.account,
    ...change,
    // VTEX was read (its roles for the key), never changed
    vtex: roles
      ? {
          endpoint: LM.rolesOf,
          status: 200,
          answer: JSON.stringify(
            roles.map((r) => ({ id: r.id, name: r.name }))
          ),
        }
      : null,
    outcome: 'DONE',
    reviewId: null,
  })
}

/** Writes the record; a failure is logged (without the record), never thrown: the change landed. */
async function audited(ctx: Context, r: AuditRecord): Promise<boolean> {
  try {
    await appendAudit(requestData(ctx).storage, r)

    return true
  } catch (e) {
    ctx.vtex.logger.error({
      message: 'could not write the audit log',
      action: r.action,
      keyId: r.keyId,
      reason: String((e as Error)?.name ?? 'error'),
    })

    return false
  }
}

export async function registerExternalKey(
  ctx: Context,
  args: { appKey?: unknown; account?: unknown }
): Promise<ExternalKeyEntry> {
  const checked = validateExternalKey(args, ctx.vtex.account)

  if (!checked.ok) throw refusal(checked.errors)
  const { appKey, account } = checked.value
  const roles = await rolesHere(ctx, appKey)

  if (!roles.length) throw refusal([noRolesHere(appKey)])
  const by = await actor(ctx)
  const at = now()
  const entry: StoredExternalKey = {
    appKey,
    account,
    addedDate: at.toISOString(),
    isActive: true,
    addedBy: by,
  }

  await requestData(ctx)
    .storage.update<StoredExternalKey[], void>('externalKeys', (current) => {
      const next = withRegistered(current, entry)

      return next.ok
        ? { value: next.value, result: undefined }
        : { refused: refusal([next.error], 'CONFLICT') }
    })
    .catch((e) => {
      throw e instanceof Error && 'extensions' in e ? e : toResolverError(e)
    })
  await audited(
    ctx,
    record(
      'REGISTER_EXTERNAL_KEY',
      entry,
      by,
      at,
      registrationChange(roles),
      roles
    )
  )
  // The key as the inventory shows it (role catalogue, findings); the roles just read if the
  // inventory came from the daily scan's copy, which predates it.
  const inventory = await requestData(ctx)
    .inventory()
    .catch(() => null)

  const listed = inventory?.externalKeys.find((e) => e.appKey === appKey)
  // Not listed yet (the inventory is a copy that predates it): its roles as just read, described
  // by the account's role catalogue (Owner is an admin role).
  const catalogue = new Map((inventory?.roles ?? []).map((r) => [r.id, r]))
  const basic = {
    ...entry,
    rolesKnown: true,
    roles: roles.map(
      (r) =>
        catalogue.get(r.id) ?? {
          id: r.id,
          name: r.name,
          isAdmin: false,
          roleType: 0,
          products: [],
        }
    ),
  }

  const added = { ...(listed ?? basic), addedBy: by }

  // The recent copy lists it at once (services/reflectWrite.ts).
  await reflectExternalKey(ctx, appKey, added)

  return added
}

export async function removeExternalKey(
  ctx: Context,
  args: { appKey?: unknown }
): Promise<boolean> {
  const checked = checkAppKey(args.appKey)

  if (!checked.ok) throw refusal(checked.errors)
  const appKey = checked.value
  const by = await actor(ctx)
  const at = now()
  const removed = await requestData(ctx)
    .storage.update<StoredExternalKey[], StoredExternalKey>(
      'externalKeys',
      (current) => {
        const next = withoutRegistered(current, appKey)

        return next.ok
          ? { value: next.value, result: next.removed }
          : { refused: refusal([next.error], 'NOT_FOUND') }
      }
    )
    .catch((e) => {
      throw e instanceof Error && 'extensions' in e ? e : toResolverError(e)
    })

  // What VTEX still grants it, for the record; the removal does not depend on this read.
  const roles = await ctx.clients.licenseManagerApi
    .rolesOf(requireAdminToken(ctx), appKey)
    .catch(() => null)

  await audited(
    ctx,
    record(
      'REMOVE_EXTERNAL_KEY',
      removed,
      by,
      at,
      removalChange(removed, roles),
      roles
    )
  )
  await reflectExternalKey(ctx, appKey, null)

  return true
}
