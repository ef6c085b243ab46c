// License Manager stand-in: the paths and JSON shapes of VTEX's published OpenAPI
// (../shared/vtex-openapi/license-manager.json). Roles and users come back in VTEX's shapes,
// without the fixture's private fields (resources, tokens).
import { randomUUID } from 'crypto'

import type { FixtureRole, FixtureUser } from './fixture'
import type { Reply, Request, Router } from './http-kit'
import { json, parseJson } from './http-kit'
import type { PlatformState } from './state'

const MAX_PAGE = 100

export function roleShape(r: FixtureRole) {
  return {
    id: r.id,
    isAdmin: r.isAdmin,
    roleType: r.roleType,
    products: r.products.map((p) => ({
      id: null,
      categoryId: null,
      categoryName: null,
      description: null,
      consoleUrlMask: null,
      urlConfiguration: null,
      webApiUrlMask: null,
      url: null,
      productResources: null,
      name: p.name,
    })),
    resources: null,
    logins: null,
    name: r.name,
  }
}

export function userShape(u: FixtureUser, account: string) {
  return {
    id: u.id,
    email: u.email,
    isAdmin: u.isAdmin,
    isReliable: false,
    isBlocked: u.isBlocked,
    roles: [],
    accountNames: [account],
    name: u.name,
  }
}

function paged<T>(
  req: Request,
  all: T[],
  sortKey: (t: T) => string | number
): Reply {
  const numItems = intParam(req, 'numItems', 10)
  const pageNumber = intParam(req, 'pageNumber', 1)

  if (numItems === null || numItems < 1)
    return json(400, { Message: 'numItems must be a positive integer' })
  if (pageNumber === null || pageNumber < 1)
    return json(400, { Message: 'pageNumber must be a positive integer' })
  const perPage = Math.min(numItems, MAX_PAGE)
  const desc = (req.query.get('sortType') ?? 'ASC').toUpperCase() === 'DSC'
  const sorted = [...all].sort((a, b) => {
    const x = sortKey(a)
    const y = sortKey(b)

    return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1)
  })

  const items = sorted.slice((pageNumber - 1) * perPage, pageNumber * perPage)

  return json(200, {
    items,
    paging: {
      page: pageNumber,
      perPage,
      total: all.length,
      pages: Math.ceil(all.length / perPage),
    },
  })
}

function intParam(req: Request, name: string, fallback: number): number | null {
  const raw = req.query.get(name)

  if (raw === null || raw === '') return fallback

  return /^\d+$/.test(raw) ? Number(raw) : null
}

export function licenseManagerRoutes(
  state: PlatformState,
  router: Router
): void {
  const f = state.fixture

  router.add('GET', '/api/vlm/appkeys', () =>
    json(
      200,
      f.appKeys.map((k) => ({
        id: k.id,
        appKey: k.appKey,
        label: k.label,
        createdIn: k.createdIn,
        isActive: k.isActive,
      }))
    )
  )

  router.add('POST', '/api/vlm/appkeys', (req) => {
    const parsed = parseJson(req)

    if (!parsed.ok) return parsed.reply
    const label = (parsed.value as { label?: unknown })?.label

    if (typeof label !== 'string')
      return json(400, {
        Details: null,
        HttpStatusCode: 400,
        VLMErrorCode: 1,
        Message: 'label is required',
      })
    const suffix = Array.from({ length: 6 }, () =>
      String.fromCharCode(65 + Math.floor(Math.random() * 26))
    ).join('')

    const key = {
      id: randomUUID(),
      appKey: `vtexappkey-${f.account}-${suffix}`,
      label,
      createdIn: state.now().toISOString(),
      isActive: true,
      token: state.newToken(),
      tokenCreatedIn: state.now().toISOString(),
    }

    f.appKeys.push(key)

    // VTEX returns the token once, at creation; the platform never shows it again.
    return json(200, {
      id: key.id,
      appKey: key.appKey,
      appToken: key.token,
      label,
      createdIn: key.createdIn,
      isActive: true,
    })
  })

  router.add('PUT', '/api/vlm/appkeys/{id}', (req) => {
    const key = f.appKeys.find((k) => k.id === req.params.id)

    if (!key)
      return json(400, {
        Details: null,
        HttpStatusCode: 400,
        VLMErrorCode: 17,
        Message: 'Token not exists for this account',
      })
    const parsed = parseJson(req)

    if (!parsed.ok) return parsed.reply
    const isActive = (parsed.value as { isActive?: unknown })?.isActive

    if (typeof isActive !== 'boolean')
      return json(400, {
        Details: null,
        HttpStatusCode: 400,
        VLMErrorCode: 1,
        Message: 'isActive must be a boolean',
      })
    key.isActive = isActive

    return { status: 200 }
  })

  router.add('GET', '/api/license-manager/site/pvt/roles/list/paged', (req) =>
    paged(req, f.roles.map(roleShape), (r) =>
      req.query.get('sort') === 'name' ? r.name : r.id
    )
  )

  router.add('GET', '/api/license-manager/site/pvt/logins/list/paged', (req) =>
    paged(
      req,
      f.users.map((u) => userShape(u, f.account)),
      (u) =>
        req.query.get('sort') === 'email'
          ? u.email
          : req.query.get('sort') === 'id'
          ? u.id
          : u.name
    )
  )

  router.add('GET', '/api/license-manager/users/{userId}/roles', (req) =>
    json(
      200,
      (f.roleAssignments[req.params.userId] ?? [])
        .map((id) => state.rolesById.get(id))
        .filter((r): r is FixtureRole => r !== undefined)
        .map((r) => ({ id: r.id, name: r.name }))
    )
  )

  router.add('PUT', '/api/license-manager/users/{userId}/roles', (req) => {
    const parsed = parseJson(req)

    if (!parsed.ok) return parsed.reply
    const ids = parsed.value

    if (!Array.isArray(ids) || !ids.every((i) => Number.isInteger(i)))
      return json(400, { Message: 'Body must be an array of role IDs' })
    if (!ids.every((i) => state.rolesById.has(i)))
      return json(400, {
        Message: 'Roles list contains roles that do not exist in this account',
      })
    if (!subjectExists(state, req.params.userId))
      return json(500, { Message: 'Unexpected error' })
    const current = new Set(f.roleAssignments[req.params.userId] ?? [])

    ids.forEach((i) => current.add(i))
    f.roleAssignments[req.params.userId] = [...current]

    return { status: 204 }
  })

  router.add(
    'DELETE',
    '/api/license-manager/users/{userId}/roles/{roleId}',
    (req) => {
      if (!/^\d+$/.test(req.params.roleId))
        return json(400, { Message: 'Invalid roleId' })
      const roleId = Number(req.params.roleId)
      const current = f.roleAssignments[req.params.userId]

      if (current)
        f.roleAssignments[req.params.userId] = current.filter(
          (i) => i !== roleId
        )

      return { status: 204 }
    }
  )
}

/**
 * VTEX ID: who a token belongs to (no resource needed; the token is in the body), and the API
 * token renewal with overlap. Sources for the renewal:
 * - OpenAPI ../shared/vtex-openapi/vtex-id.json, PATCH /api/vtexid/apikey/{apiKey}/apitoken/renew:
 *   "Starts the API token renewal process by generating a new token while keeping the current
 *   token active." "The previous token and the new token are both valid until the renewal process
 *   is completed by making a request to PATCH Complete token renewal." 200 body { id, keyName,
 *   creationDateToken, creationDateNewToken, expirationPeriod, newToken }; 400 "Invalid API key or
 *   API key not owned by tenant."; 409 "Already has a renewed token pending."; 500. No error body
 *   is documented, so none is sent.
 * - Same file, PATCH …/apitoken/finish-renewal: "Finalizes the API token renewal process,
 *   deactivating the old token. After this step, the old token can no longer be used." 200 body
 *   { id, creationDateToken, creationDateNewToken: null }; 400 as above; 404 "No renewed API token
 *   was found."
 * - Both: Permissions table "Renew API Token" (endpoints.ts), 403 otherwise.
 * - Developer guide "Rotating VTEX API tokens" (developers.vtex.com/docs/guides/rotating-vtex-api-tokens):
 *   "You must use a valid API key (not the one being renewed)"; its examples put the same
 *   {apiKey} in the path and in X-VTEX-API-AppKey, and the finish response's
 *   "A null value in creationDateNewToken confirms that the old token is now deactivated".
 *   So the path names the key by its appKey (vtexappkey-…), and `keyName` echoes it. VTEX does
 *   not document the status for a key renewing itself; the stand-in answers 403.
 */
export function vtexIdRoutes(state: PlatformState, router: Router): void {
  const f = state.fixture
  const byName = (apiKey: string) => f.appKeys.find((k) => k.appKey === apiKey)

  router.add('PATCH', '/api/vtexid/apikey/{apiKey}/apitoken/renew', (req) => {
    const key = byName(req.params.apiKey)

    if (!key) return { status: 400 }
    if (req.callerAppKey === key.appKey)
      return json(403, {
        Message: 'Use a valid API key other than the one being renewed',
      })
    if (key.pendingToken) return { status: 409 }
    const at = state.now().toISOString()
    const newToken = state.newToken()

    key.pendingToken = newToken
    key.pendingTokenCreatedIn = at
    state.issuedTokens.push({ appKey: key.appKey, token: newToken, at })

    return json(200, {
      id: key.id,
      keyName: key.appKey,
      creationDateToken: key.tokenCreatedIn ?? key.createdIn,
      creationDateNewToken: at,
      expirationPeriod: f.tokenDurationDays ?? 90,
      newToken,
    })
  })

  router.add(
    'PATCH',
    '/api/vtexid/apikey/{apiKey}/apitoken/finish-renewal',
    (req) => {
      const key = byName(req.params.apiKey)

      if (!key) return { status: 400 }
      if (req.callerAppKey === key.appKey)
        return json(403, {
          Message: 'Use a valid API key other than the one being renewed',
        })
      if (!key.pendingToken) return { status: 404 }
      key.token = key.pendingToken
      key.tokenCreatedIn = key.pendingTokenCreatedIn
      delete key.pendingToken
      delete key.pendingTokenCreatedIn

      return json(200, {
        id: key.id,
        creationDateToken: key.tokenCreatedIn,
        creationDateNewToken: null,
      })
    }
  )

  router.add('POST', '/api/vtexid/credential/validate', (req) => {
    const parsed = parseJson(req)

    if (!parsed.ok) return parsed.reply
    const token = (parsed.value as { token?: unknown })?.token
    const email =
      typeof token === 'string' ? state.fixture.sessions[token] : undefined

    const user = email
      ? state.fixture.users.find((u) => u.email === email && !u.isBlocked)
      : undefined

    if (!user) return json(401, { authStatus: 'WrongCredentials' })

    return json(200, {
      authStatus: 'Success',
      id: user.id,
      user: user.email,
      account: state.fixture.account,
      audience: 'admin',
      tokenType: 'user',
    })
  })
}

function subjectExists(state: PlatformState, id: string): boolean {
  const f = state.fixture

  return (
    f.users.some((u) => u.id === id) ||
    f.appKeys.some((k) => k.id === id) ||
    f.externalKeys.some((k) => k.appKey === id)
  )
}
