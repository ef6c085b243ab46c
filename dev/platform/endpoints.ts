// Which License Manager resource each platform endpoint requires, as VTEX's API reference states
// in each endpoint's "Permissions" table (any one of the listed resources grants access).
// contract.test.ts holds this table to ../shared/vtex-openapi. The newer resources VTEX says
// replace a legacy one are accepted too (NEWER_EQUIVALENTS), as the real platform must.

export interface EndpointRule {
  method: string
  /** OpenAPI path template, e.g. /api/vlm/appkeys/{id} */
  path: string
  resources: string[]
}

export const ENDPOINT_RESOURCES: EndpointRule[] = [
  { method: 'GET', path: '/api/vlm/appkeys', resources: ['Save user'] },
  { method: 'POST', path: '/api/vlm/appkeys', resources: ['Save user'] },
  { method: 'PUT', path: '/api/vlm/appkeys/{id}', resources: ['Save user'] },
  {
    method: 'GET',
    path: '/api/license-manager/site/pvt/roles/list/paged',
    resources: ['Get paged roles'],
  },
  {
    method: 'GET',
    path: '/api/license-manager/site/pvt/logins/list/paged',
    resources: ['Get paged users'],
  },
  {
    method: 'GET',
    path: '/api/license-manager/users/{userId}/roles',
    resources: ['Find user by email'],
  },
  {
    method: 'PUT',
    path: '/api/license-manager/users/{userId}/roles',
    resources: ['Save user'],
  },
  {
    method: 'DELETE',
    path: '/api/license-manager/users/{userId}/roles/{roleId}',
    resources: ['Save user'],
  },
  {
    method: 'PATCH',
    path: '/api/vtexid/apikey/{apiKey}/apitoken/renew',
    resources: ['Renew API Token'],
  },
  {
    method: 'PATCH',
    path: '/api/vtexid/apikey/{apiKey}/apitoken/finish-renewal',
    resources: ['Renew API Token'],
  },
]

/**
 * Newer resources VTEX documents as replacing a legacy one, by name. Help center announcement
 * "License Manager: New resources for managing admin users" (2025-08-07): "These new resources
 * replace the legacy resources for managing users in the VTEX Admin" and "If a role already had
 * one or more legacy resources, an equivalent new resource was added."
 * https://help.vtex.com/en/announcements/2025-08-07-license-manager-new-resources-for-managing-admin-users
 * The Permissions tables still list only the legacy names, hence this separate table.
 */
export const NEWER_EQUIVALENTS: Record<string, string[]> = {
  'Get paged users': ['View Admin Users'],
  'Find user by email': ['View Admin Users'],
  'Get paged roles': ['View Admin Users'],
  'Save user': ['Edit Admin Users'],
  'Remove user': ['Edit Admin Users'],
}

/** Every resource an endpoint accepts: its Permissions table and their newer equivalents. */
export function acceptedBy(resources: string[]): string[] {
  return [
    ...new Set(resources.flatMap((r) => [r, ...(NEWER_EQUIVALENTS[r] ?? [])])),
  ]
}
