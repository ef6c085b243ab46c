// Who is calling the platform, and which License Manager resources they hold.
// A caller is an admin user (VtexIdclientAutCookie), an API key (X-VTEX-API-AppKey/AppToken),
// or the Key Steward app itself (its own token, with the resources its manifest policies grant).
// Only the ways VTEX documents: the OpenAPI files' securitySchemes (X-VTEX-API-AppKey with
// X-VTEX-API-AppToken, or the VtexIdclientAutCookie header), "send it as a header named
// VtexIdclientAutCookie" (developers.vtex.com/docs/guides/api-authentication-using-user-tokens),
// and the cookie a browser carries ("any request to VTEX servers will load these cookies",
// developers.vtex.com/docs/guides/checking-which-user-is-currently-authenticated). A token in
// `Authorization: Bearer` is none of them: a client relying on it may fail on VTEX, so it
// identifies nobody here.
import type { FixtureAppKey, FixtureUser } from './fixture'
import type { PlatformState, TokenSlot } from './state'
import type { Request } from './http-kit'
import { cookie, header } from './http-kit'

export type Principal =
  | { kind: 'user'; user: FixtureUser }
  | { kind: 'key'; key: FixtureAppKey; token: TokenSlot }
  | { kind: 'app' }

export type Identification =
  | { ok: true; principal: Principal }
  | { ok: false; why: string }

export function identify(state: PlatformState, req: Request): Identification {
  const appKey = header(req, 'x-vtex-api-appkey')
  const appToken = header(req, 'x-vtex-api-apptoken')

  if (appKey !== undefined || appToken !== undefined) {
    const key = state.fixture.appKeys.find((k) => k.appKey === appKey)
    const slot = key ? state.tokenSlot(key, appToken ?? '') : null

    if (!key || !slot || !key.isActive)
      return { ok: false, why: 'Invalid appKey or appToken' }

    return { ok: true, principal: { kind: 'key', key, token: slot } }
  }

  const credential =
    header(req, 'vtexidclientautcookie') ?? cookie(req, 'VtexIdclientAutCookie')

  if (!credential)
    return {
      ok: false,
      why: 'No credentials: send VtexIdclientAutCookie or an appKey/appToken pair',
    }
  if (credential === state.appToken)
    return { ok: true, principal: { kind: 'app' } }
  const email = state.fixture.sessions[credential]
  const user = email
    ? state.fixture.users.find((u) => u.email === email)
    : undefined

  if (!user)
    return { ok: false, why: 'Unknown or expired VtexIdclientAutCookie' }
  if (user.isBlocked) return { ok: false, why: 'User is blocked' }

  return { ok: true, principal: { kind: 'user', user } }
}

/** 'all' for holders of a role granting every resource (Owner), else the set of resource names. */
export function resourcesOf(
  state: PlatformState,
  p: Principal
): 'all' | Set<string> {
  if (p.kind === 'app') return new Set(state.appResources)
  const subject = p.kind === 'user' ? p.user.id : p.key.id
  const granted = new Set<string>()

  for (const roleId of state.fixture.roleAssignments[subject] ?? []) {
    const role = state.rolesById.get(roleId)

    if (!role) continue
    if (role.resources.includes('*')) return 'all'
    role.resources.forEach((r) => granted.add(r))
  }

  return granted
}

/**
 * Whether the principal's roles list any of these resources, exactly as named: License Manager's
 * access check answers for the one resource asked. Endpoints pass the newer equivalents too
 * (endpoints.ts acceptedBy).
 */
export function holdsAny(
  state: PlatformState,
  p: Principal,
  resources: string[]
): boolean {
  const held = resourcesOf(state, p)

  return held === 'all' || resources.some((r) => held.has(r))
}

export function describe(p: Principal): string {
  return p.kind === 'user'
    ? `user ${p.user.email}`
    : p.kind === 'key'
    ? `API key ${p.key.appKey}`
    : 'the Key Steward app'
}

/** How a call authenticated, for the request log (never the credential itself). */
export function credentialOf(p: Principal): string {
  return p.kind === 'key'
    ? `${p.token} token`
    : p.kind === 'user'
    ? 'admin session'
    : 'app token'
}
