// Loads everything the inventory needs with the admin's token, then hands plain data to the
// domain. The key list is required; the role and user lists and each subject's roles may fail
// after retries, which makes the inventory partial (complete: false) instead of wrong.
import type { AppStorage } from '../clients/appStorage'
import type { LicenseManagerApi } from '../clients/licenseManagerApi'
import type { UpstreamError } from '../clients/retry'
import { AdaptiveLimiter, mapAdaptive } from '../utils/adaptiveConcurrency'
import type { Reporter } from './liveRead'
import { reasonOf } from './missingReason'
import type { RawExternalKey, RolesResult } from '../domain/inventory'
import { assembleInventory } from '../domain/inventory'
import type { Inventory } from '../domain/types'
import { wording } from '../domain/wording'
import {
  isUpstream,
  missingPermissions,
  resourceOf,
  sessionExpired,
  toResolverError,
} from '../resolvers/errors'

export const DEFAULT_ROLE_FETCH_CONCURRENCY = 8

export interface LoadOptions {
  now: Date
  /** the most role reads in flight; fewer while VTEX answers 429 (utils/adaptiveConcurrency) */
  concurrency?: number
  /** told what the read is doing, for the progress the pages show */
  report?: Reporter
}

export async function loadInventory(
  lm: LicenseManagerApi,
  storage: AppStorage,
  adminToken: string,
  opts: LoadOptions
): Promise<Inventory> {
  const [keys, roles, users, external] = await Promise.allSettled([
    lm.listAppKeys(adminToken),
    lm.listAllRoles(adminToken),
    lm.listAllUsers(adminToken),
    storage.read<RawExternalKey[]>('externalKeys'),
  ])

  const failures = [keys, roles, users]
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason)

  denyIfUnauthorized(failures)
  if (keys.status === 'rejected') throw toResolverError(keys.reason)

  const externalKeys =
    external.status === 'fulfilled' ? external.value.value ?? [] : []

  const subjects = [
    ...keys.value.map((k) => k.id),
    ...(users.status === 'fulfilled' ? users.value.map((u) => u.id) : []),
    ...externalKeys.map((e) => e.appKey),
  ]

  let forbidden: UpstreamError | undefined
  const limiter = new AdaptiveLimiter(
    opts.concurrency ?? DEFAULT_ROLE_FETCH_CONCURRENCY
  )

  let done = 0

  opts.report?.({ phase: 'ROLES', done, total: subjects.length, limiter })
  const results = await mapAdaptive(
    subjects,
    limiter,
    async (id): Promise<RolesResult> => {
      if (forbidden)
        return { ok: false, reason: wording('inventory.reason.notLoaded') }
      try {
        return { ok: true, roles: await lm.rolesOf(adminToken, id, limiter) }
      } catch (e) {
        if (isUpstream(e, 401) || isUpstream(e, 403))
          forbidden = e as UpstreamError

        return { ok: false, reason: reasonOf(e) }
      } finally {
        opts.report?.({ done: ++done })
      }
    }
  )

  if (forbidden) denyIfUnauthorized([forbidden])

  return assembleInventory({
    now: opts.now,
    keys: keys.value,
    roles: roles.status === 'fulfilled' ? roles.value : null,
    users: users.status === 'fulfilled' ? users.value : null,
    externalKeys,
    rolesOf: new Map(subjects.map((id, i) => [id, results[i]])),
    failures: {
      roles: roles.status === 'rejected' ? reasonOf(roles.reason) : undefined,
      users: users.status === 'rejected' ? reasonOf(users.reason) : undefined,
      externalKeys:
        external.status === 'rejected' ? reasonOf(external.reason) : undefined,
    },
  })
}

/** 401 anywhere means the session is gone; 403s name every resource the admin lacks. */
function denyIfUnauthorized(errors: unknown[]): void {
  if (errors.some((e) => isUpstream(e, 401))) throw sessionExpired()
  const lacking = errors
    .filter((e): e is UpstreamError => isUpstream(e, 403))
    .map((e) => resourceOf(e))

  if (lacking.length) throw missingPermissions(lacking)
}
