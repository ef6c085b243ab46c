// Data for component tests, shaped like the service's answers.
import type { DocumentNode } from 'graphql'
import { GraphQLError } from 'graphql'

import INVENTORY from '../graphql/inventory.gql'
import KEY_DETAIL from '../graphql/keyDetail.gql'
import KEY_LIST from '../graphql/keyList.gql'
import USER_LIST from '../graphql/userList.gql'
import type {
  ApiKey,
  Inventory,
  InventoryMeta,
  KeyPage,
  KeyRow,
  UserPage,
} from '../types'
import { NO_RENEWAL } from '../types'

export const OWNER_ROLE = {
  id: 1,
  name: 'Owner (Admin Super)',
  isAdmin: true,
  roleType: 0,
  products: ['License Manager'],
}
export const CALL_CENTER = {
  id: 957,
  name: 'Call center operator',
  isAdmin: false,
  roleType: 0,
  products: ['Catalog', 'OMS'],
}

export function key(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: 'k-erp',
    appKey: 'vtexappkey-acme-ERPSYN',
    label: 'ERP orders sync',
    createdAt: '2026-10-01T09:00:00Z',
    isActive: true,
    ageDays: 56,
    tokenAgeDays: overrides.ageDays ?? 56,
    tokenAgeSince: overrides.createdAt ?? '2026-10-01T09:00:00Z',
    tokenAgeBasis: 'KEY_CREATED',
    renewal: NO_RENEWAL,
    rolesKnown: true,
    roles: [CALL_CENTER],
    findings: [],
    annotation: null,
    ...overrides,
  }
}

export const STALE = key({
  id: 'k-old',
  appKey: 'vtexappkey-acme-OLDKEY',
  label: 'Legacy OMS export',
  createdAt: '2026-03-21T12:00:00Z',
  ageDays: 250,
  findings: [
    {
      rule: 'key-age-exceeded',
      severity: 'HIGH',
      practice: 'ROTATE_KEYS',
      message:
        'Key “Legacy OMS export” is 250 days old, 160 days past the 90-day rotation period.',
      daysPastPeriod: 160,
    },
  ],
})
export const OWNER_KEY = key({
  id: 'k-owner',
  appKey: 'vtexappkey-acme-OWNERK',
  label: 'Agency deploy pipeline',
  roles: [OWNER_ROLE],
  findings: [
    {
      rule: 'owner-role',
      severity: 'CRITICAL',
      practice: 'INDIVIDUAL_KEYS',
      message:
        'Key “Agency deploy pipeline” holds Owner (Admin Super), which grants every permission of the account.',
      daysPastPeriod: null,
    },
  ],
})
export const UNKNOWN_ROLES = key({
  id: 'k-unknown',
  appKey: 'vtexappkey-acme-UNKNOW',
  label: 'Feed with unknown roles',
  rolesKnown: false,
  roles: [],
})

export function inventory(overrides: Partial<Inventory> = {}): Inventory {
  return {
    source: 'LIVE',
    generatedAt: '2026-11-26T12:00:00.000Z',
    complete: true,
    missing: [],
    keys: [key(), STALE, OWNER_KEY],
    users: [
      {
        id: 'u-ana',
        email: 'ana@acme.com',
        name: 'Ana Souza',
        isAdmin: true,
        isBlocked: false,
        rolesKnown: true,
        roles: [{ id: 1, name: 'Owner (Admin Super)', isAdmin: true }],
        findings: [],
      },
      {
        id: 'u-diego',
        email: 'diego@acme.com',
        name: 'Diego Rocha',
        isAdmin: false,
        isBlocked: false,
        rolesKnown: true,
        roles: [{ id: 957, name: 'Call center operator', isAdmin: false }],
        findings: [],
      },
    ],
    roles: [OWNER_ROLE, CALL_CENTER],
    ...overrides,
  }
}

export const inventoryMock = (inv: Inventory = inventory()) => ({
  request: { query: INVENTORY },
  result: { data: { inventory: inv } },
})

export const errorMock = (
  query: DocumentNode,
  code: string,
  message: string,
  extra: Record<string, unknown> = {}
) => ({
  request: { query },
  result: {
    errors: [
      new GraphQLError(
        message,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        { code, ...extra }
      ),
    ],
  },
})

/** A row of Query.keyList from a test key. */
export const row = (k: ApiKey, extra: Partial<KeyRow> = {}): KeyRow => ({
  id: k.id,
  appKey: k.appKey,
  label: k.label,
  createdAt: k.createdAt,
  isActive: k.isActive,
  ageDays: k.ageDays,
  tokenAgeDays: k.tokenAgeDays,
  external: false,
  account: null,
  rolesKnown: k.rolesKnown,
  roles: k.roles.map((r) => ({ id: r.id, name: r.name })),
  findings: k.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    daysPastPeriod: 'daysPastPeriod' in f ? f.daysPastPeriod ?? null : null,
  })),
  ...extra,
})

export const LIVE_META: InventoryMeta = {
  source: 'LIVE',
  generatedAt: '2026-11-26T12:00:00.000Z',
  version: 'v1',
  ageSeconds: null,
  revalidating: null,
  complete: true,
  missing: [],
}

export function keyPage(
  rows: KeyRow[],
  overrides: Partial<KeyPage> = {}
): KeyPage {
  return {
    total: rows.length,
    externalTotal: rows.filter((r) => r.external).length,
    allTotal: rows.length,
    selected: null,
    page: 1,
    pages: 1,
    pageSize: 100,
    rules: [
      ...new Set(rows.flatMap((r) => r.findings.map((f) => f.rule))),
    ].sort(),
    roles: [OWNER_ROLE, CALL_CENTER].map((r) => ({ id: r.id, name: r.name })),
    inventory: LIVE_META,
    rows,
    ...overrides,
  }
}

/** What KeysPage asks for the default view; a test overrides what its case changes. */
export const keyListVariables = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 100,
  search: null,
  severity: null,
  rule: null,
  status: 'all',
  roleId: null,
  ids: null,
  evidence: null,
  review: null,
  reminder: null,
  sort: 'severity',
  descending: false,
  ...over,
})

export const keyListMock = (
  page: KeyPage,
  variables: Record<string, unknown> = {}
) => ({
  request: { query: KEY_LIST, variables: keyListVariables(variables) },
  result: { data: { keyList: page } },
})

/**
 * A user as the Users page's list sends it: an inventory user (or a row) with the server's Owner
 * answers, which default to VTEX's isAdmin as when the role list was read.
 */
const userRow = (
  u: Omit<UserPage['rows'][number], 'holdsOwner' | 'roles'> & {
    holdsOwner?: boolean
    roles: Array<
      Omit<UserPage['rows'][number]['roles'][number], 'grantsEverything'> & {
        grantsEverything?: boolean
      }
    >
  }
): UserPage['rows'][number] => {
  const roles = u.roles.map((r) => ({
    ...r,
    grantsEverything: r.grantsEverything ?? r.isAdmin,
  }))

  return {
    ...u,
    roles,
    holdsOwner: u.holdsOwner ?? roles.some((r) => r.grantsEverything),
  }
}

export const userListMock = (
  page: Partial<Omit<UserPage, 'rows'>> & {
    rows?: Array<Parameters<typeof userRow>[0]>
  },
  variables: Record<string, unknown> = {}
) => ({
  request: {
    query: USER_LIST,
    variables: { page: 1, pageSize: 100, search: null, ...variables },
  },
  result: {
    data: {
      userList: {
        total: 0,
        allTotal: 0,
        page: 1,
        pages: 1,
        pageSize: 100,
        ownerCount: 0,
        maxOwnerUsers: 3,
        inventory: { ...LIVE_META, usersKnown: true },
        ...page,
        rows: (page.rows ?? []).map(userRow),
      },
    },
  },
})

/**
 * What the key page asks (Query.keyDetail) for the key `id`, answered from an inventory as the
 * service answers it: that key (or null when the inventory has none) and the inventory's freshness.
 */
export const keyDetailMock = (
  id: string,
  inv: Inventory = inventory(),
  meta: Partial<InventoryMeta> = {}
) => ({
  request: { query: KEY_DETAIL, variables: { id } },
  result: {
    data: {
      keyDetail: {
        key: inv.keys.find((k) => k.id === id) ?? null,
        inventory: {
          ...LIVE_META,
          source: inv.source,
          generatedAt: inv.generatedAt,
          complete: inv.complete,
          missing: inv.missing,
          ...meta,
        },
      },
    },
  },
})
