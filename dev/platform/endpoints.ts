// Which License Manager resource each platform endpoint requires, as VTEX's API reference states
// in each endpoint's "Permissions" table (any one of the listed resources grants access).
// contract.test.ts holds this table to ../shared/vtex-openapi.

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
  { method: 'GET', path: '/api/license-manager/site/pvt/roles/list/paged', resources: ['Get paged roles'] },
  { method: 'GET', path: '/api/license-manager/site/pvt/logins/list/paged', resources: ['Get paged users'] },
  { method: 'GET', path: '/api/license-manager/users/{userId}/roles', resources: ['Find user by email'] },
  { method: 'PUT', path: '/api/license-manager/users/{userId}/roles', resources: ['Save user'] },
  { method: 'DELETE', path: '/api/license-manager/users/{userId}/roles/{roleId}', resources: ['Save user'] },
  { method: 'PATCH', path: '/api/vtexid/apikey/{apiKey}/apitoken/renew', resources: ['Renew API Token'] },
  { method: 'PATCH', path: '/api/vtexid/apikey/{apiKey}/apitoken/finish-renewal', resources: ['Renew API Token'] },
]
