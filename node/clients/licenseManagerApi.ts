// License Manager, called with the logged-in admin's own token so Key Steward never shows an
// admin more than VTEX lets them see. Paths and shapes: VTEX's License Manager OpenAPI.
import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import { redactedLabels, redactedText } from '../domain/redactedLabels'
import type { Requirement } from '../domain/resources'
import {
  FIND_USER_BY_EMAIL,
  GET_ROLES_PAGED,
  GET_USERS_PAGED,
  SAVE_USER,
} from '../domain/resources'
import { mapWithConcurrency } from '../utils/concurrency'
import { Budget, CLIENT_OPTIONS, vtexClientOptions } from './deadline'
import type { RetryPolicy } from './retry'
import { DEFAULT_RETRY } from './retry'

export interface VtexAppKey {
  id: string
  appKey: string
  label: string
  createdIn: string
  isActive: boolean
}
export interface VtexRoleProduct {
  name: string
}
export interface VtexRole {
  id: number
  name: string
  isAdmin: boolean
  roleType: number
  products: VtexRoleProduct[] | null
}
export interface VtexUser {
  id: string
  email: string
  name: string
  isAdmin: boolean
  isBlocked: boolean
}
export interface VtexRoleRef {
  id: number
  name: string
}
interface Paged<T> {
  items: T[]
  paging: { page: number; perPage: number; total: number; pages: number }
}

/** The endpoint templates, also used to name the resource an upstream 403 means is missing. */
export const LM = {
  appKeys: 'GET /api/vlm/appkeys',
  roles: 'GET /api/license-manager/site/pvt/roles/list/paged',
  users: 'GET /api/license-manager/site/pvt/logins/list/paged',
  rolesOf: 'GET /api/license-manager/users/{userId}/roles',
  access: 'GET /api/license-manager/resources/{resourceKey}/access',
  /** "Activates or deactivates an appKey by its ID"; body { isActive } (UpdateappkeyRequest); 200, or 400 VLMError */
  updateAppKey: 'PUT /api/vlm/appkeys/{id}',
  /** "Remove role from admin user or API Key"; 204 (also when the role or user does not exist), 400 */
  removeRole: 'DELETE /api/license-manager/users/{userId}/roles/{roleId}',
} as const

/**
 * License Manager resource each endpoint requires (VTEX API reference, Permissions tables), with
 * the newer resources VTEX documents as replacing it (domain/resources).
 */
export const RESOURCE_FOR: Record<string, Requirement> = {
  [LM.appKeys]: SAVE_USER,
  [LM.roles]: GET_ROLES_PAGED,
  [LM.users]: GET_USERS_PAGED,
  [LM.rolesOf]: FIND_USER_BY_EMAIL,
}

/**
 * What VTEX requires for the writes (Permissions tables: "Save user"). They are made only with an
 * admin's session, after the admin confirmed, never by the daily scan with the app's token: kept
 * apart from RESOURCE_FOR, from which the release check derives the app's manifest policies.
 */
export const ACTION_RESOURCE_FOR: Record<string, Requirement> = {
  [LM.updateAppKey]: SAVE_USER,
  [LM.removeRole]: SAVE_USER,
}

const PAGE_SIZE = 100

/** Told how calls go, so a fan-out can slow down on 429 and speed up again (utils/adaptiveConcurrency). */
export interface CallObserver {
  /** VTEX answered 429; the retry waits `delayMs` (its Retry-After when it sent one) */
  onThrottled(delayMs: number): void
  onSuccess(): void
}

export class LicenseManagerApi extends JanusClient {
  retry: RetryPolicy = DEFAULT_RETRY
  budget = new Budget()
  private readonly timeoutMs: number

  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, vtexClientOptions(options))
    this.timeoutMs = options?.timeout ?? CLIENT_OPTIONS.timeout
  }

  /** VTEX's keys, a token pasted into a label redacted (domain/redactedLabels.ts). */
  async listAppKeys(adminToken: string): Promise<VtexAppKey[]> {
    return redactedLabels(
      await this.get<VtexAppKey[]>(
        LM.appKeys,
        '/api/vlm/appkeys',
        adminToken,
        'lm-appkeys'
      )
    )
  }

  /** The account's roles, a token pasted into a custom role's name redacted. */
  async listAllRoles(adminToken: string): Promise<VtexRole[]> {
    return redactedText(
      await this.allPages<VtexRole>(
        LM.roles,
        '/api/license-manager/site/pvt/roles/list/paged',
        adminToken,
        'id'
      ),
      'name'
    )
  }

  /** The account's admin users, a token pasted into a user's name redacted. */
  async listAllUsers(adminToken: string): Promise<VtexUser[]> {
    return redactedText(
      await this.allPages<VtexUser>(
        LM.users,
        '/api/license-manager/site/pvt/logins/list/paged',
        adminToken,
        'email'
      ),
      'name'
    )
  }

  /**
   * Roles of an admin user (by user id) or of an API key (by its id, or appKey for external
   * keys), names redacted like the role list's (a role missing from the list keeps this name).
   */
  async rolesOf(
    adminToken: string,
    subjectId: string,
    observer?: CallObserver
  ): Promise<VtexRoleRef[]> {
    const roles = await this.get<VtexRoleRef[]>(
      LM.rolesOf,
      `/api/license-manager/users/${encodeURIComponent(subjectId)}/roles`,
      adminToken,
      'lm-roles-of',
      undefined,
      observer
    )

    return Array.isArray(roles) ? redactedText(roles, 'name') : roles
  }

  /**
   * Activates or deactivates a key (PUT /api/vlm/appkeys/{id}, Permissions: Save user). Setting
   * the same value twice has the same effect, so the default retries apply.
   */
  async setAppKeyActive(
    adminToken: string,
    id: string,
    isActive: boolean
  ): Promise<void> {
    await this.budget.run(
      LM.updateAppKey,
      (timeout) =>
        this.http.put(
          `/api/vlm/appkeys/${encodeURIComponent(id)}`,
          { isActive },
          {
            headers: { VtexIdclientAutCookie: adminToken },
            metric: 'lm-appkey-update',
            timeout,
          }
        ),
      this.retry,
      this.timeoutMs
    )
  }

  /**
   * Removes one role from a user or key (DELETE …/users/{userId}/roles/{roleId}, Permissions: Save
   * user). VTEX answers 204 even when the subject does not hold the role, so callers check the
   * roles before and read them again after.
   */
  async removeRole(
    adminToken: string,
    subjectId: string,
    roleId: number
  ): Promise<void> {
    await this.budget.run(
      LM.removeRole,
      (timeout) =>
        this.http.delete(
          `/api/license-manager/users/${encodeURIComponent(
            subjectId
          )}/roles/${roleId}`,
          {
            headers: { VtexIdclientAutCookie: adminToken },
            metric: 'lm-role-remove',
            timeout,
          }
        ),
      this.retry,
      this.timeoutMs
    )
  }

  /**
   * Whether the admin's session holds a License Manager resource (by its key, e.g. Save_User).
   * Unlike @vtex/api's canAccessResource, an outage is an error here, not a silent "no".
   */
  async canAccess(adminToken: string, resourceKey: string): Promise<boolean> {
    try {
      await this.get(
        LM.access,
        `/api/license-manager/resources/${encodeURIComponent(
          resourceKey
        )}/access`,
        adminToken,
        'lm-access'
      )

      return true
    } catch (e) {
      if ((e as { status?: number }).status === 403) return false
      throw e
    }
  }

  private async allPages<T>(
    endpoint: string,
    path: string,
    adminToken: string,
    sort: string
  ): Promise<T[]> {
    const get = (page: number) =>
      this.get<Paged<T>>(endpoint, path, adminToken, 'lm-paged', {
        numItems: PAGE_SIZE,
        pageNumber: page,
        sort,
        sortType: 'ASC',
      })

    const first = await get(1)
    const rest = await mapWithConcurrency(
      Array.from(
        { length: Math.max(first.paging.pages - 1, 0) },
        (_, i) => i + 2
      ),
      4,
      get
    )

    return [first, ...rest].flatMap((p) => p.items)
  }

  /** A GET with the admin's token, retried within the request's deadline. */
  private async get<T>(
    endpoint: string,
    path: string,
    adminToken: string,
    metric: string,
    params?: Record<string, unknown>,
    observer?: CallObserver
  ): Promise<T> {
    const onRetry =
      observer &&
      ((status: number | undefined, delayMs: number) => {
        if (status === 429) observer.onThrottled(delayMs)
      })

    const value = await this.budget.run(
      endpoint,
      (timeout) =>
        this.http.get<T>(path, {
          headers: { VtexIdclientAutCookie: adminToken },
          metric,
          params,
          timeout,
        }),
      this.retry,
      this.timeoutMs,
      onRetry
    )

    observer?.onSuccess()

    return value
  }
}
