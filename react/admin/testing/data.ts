// Data for component tests, shaped like the service's answers.
import { DocumentNode, GraphQLError } from 'graphql'

import INVENTORY from '../graphql/inventory.gql'
import { ApiKey, Inventory, NO_RENEWAL } from '../types'

export const OWNER_ROLE = { id: 1, name: 'Owner (Admin Super)', isAdmin: true, roleType: 0, products: ['License Manager'] }
export const CALL_CENTER = { id: 957, name: 'Call center operator', isAdmin: false, roleType: 0, products: ['Catalog', 'OMS'] }

export function key(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: 'k-erp', appKey: 'vtexappkey-acme-ERPSYN', label: 'ERP orders sync', createdAt: '2026-10-01T09:00:00Z',
    isActive: true, ageDays: 56, tokenAgeDays: overrides.ageDays ?? 56, tokenAgeSince: overrides.createdAt ?? '2026-10-01T09:00:00Z', tokenAgeBasis: 'KEY_CREATED',
    renewal: NO_RENEWAL, rolesKnown: true, roles: [CALL_CENTER], findings: [], annotation: null, ...overrides,
  }
}

export const STALE = key({
  id: 'k-old', appKey: 'vtexappkey-acme-OLDKEY', label: 'Legacy OMS export', createdAt: '2026-03-21T12:00:00Z', ageDays: 250,
  findings: [{ rule: 'key-age-exceeded', severity: 'HIGH', practice: 'ROTATE_KEYS', message: 'Key "Legacy OMS export" is 250 days old, 160 days past the 90-day rotation period.', daysPastPeriod: 160 }],
})
export const OWNER_KEY = key({
  id: 'k-owner', appKey: 'vtexappkey-acme-OWNERK', label: 'Agency deploy pipeline', roles: [OWNER_ROLE],
  findings: [{ rule: 'owner-role', severity: 'CRITICAL', practice: 'INDIVIDUAL_KEYS', message: 'Key "Agency deploy pipeline" holds Owner (Admin Super), which grants every permission of the account.', daysPastPeriod: null }],
})
export const UNKNOWN_ROLES = key({ id: 'k-unknown', appKey: 'vtexappkey-acme-UNKNOW', label: 'Feed with unknown roles', rolesKnown: false, roles: [] })

export function inventory(overrides: Partial<Inventory> = {}): Inventory {
  return {
    source: 'LIVE', generatedAt: '2026-11-26T12:00:00.000Z', complete: true, missing: [],
    keys: [key(), STALE, OWNER_KEY],
    users: [
      { id: 'u-ana', email: 'ana@acme.com', name: 'Ana Souza', isAdmin: true, isBlocked: false, rolesKnown: true, roles: [{ id: 1, name: 'Owner (Admin Super)', isAdmin: true }], findings: [] },
      { id: 'u-diego', email: 'diego@acme.com', name: 'Diego Rocha', isAdmin: false, isBlocked: false, rolesKnown: true, roles: [{ id: 957, name: 'Call center operator', isAdmin: false }], findings: [] },
    ],
    roles: [OWNER_ROLE, CALL_CENTER],
    ...overrides,
  }
}

export const inventoryMock = (inv: Inventory = inventory()) => ({ request: { query: INVENTORY }, result: { data: { inventory: inv } } })

export const errorMock = (query: DocumentNode, code: string, message: string, extra: Record<string, unknown> = {}) => ({
  request: { query },
  result: { errors: [new GraphQLError(message, undefined, undefined, undefined, undefined, undefined, { code, ...extra })] },
})
