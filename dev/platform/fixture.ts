// The local platform's whole state comes from one fixture file (format: shared DESIGN.md).
import { readFileSync } from 'fs'

export interface FixtureAppKey {
  id: string
  appKey: string
  label: string
  createdIn: string
  isActive: boolean
  token: string
  tokenCreatedIn?: string
  /**
   * A renewal started and not finished (ours): VTEX ID's renew gave this second token, and both
   * it and `token` authenticate until finish-renewal makes it the only one.
   */
  pendingToken?: string
  pendingTokenCreatedIn?: string
}

export interface FixtureExternalKey {
  appKey: string
  account: string
  addedDate: string
  isActive: boolean
}

export interface FixtureRole {
  id: number
  name: string
  roleType: number
  isAdmin: boolean
  products: Array<{ name: string }>
  resources: string[]
}

export interface FixtureUser {
  id: string
  email: string
  name: string
  isAdmin: boolean
  isBlocked: boolean
}

export interface Fixture {
  account: string
  now: string
  appKeys: FixtureAppKey[]
  externalKeys: FixtureExternalKey[]
  roles: FixtureRole[]
  users: FixtureUser[]
  roleAssignments: Record<string, number[]>
  sessions: Record<string, string>
  /** The store's public files by path (pages, sitemaps, scripts), served on its hosts. */
  storefront: Record<string, string>
  /** Storefront paths answered with a 301 to this Location instead (tests only): real stores
   * often redirect their myvtex host to their own domain, which the app may not reach. */
  storefrontRedirects?: Record<string, string>
  /** VTEX's token duration for the account in days (ours; VTEX offers 3 or 6 months): what VTEX
   * ID's renew answers as `expirationPeriod`. Default 90. */
  tokenDurationDays?: number
  /** What Key Steward's own VBase holds at start, as if the app had been used (ours). */
  appStorage?: Record<string, Record<string, unknown>>
}

/** Reads and checks a fixture; a broken fixture fails loudly with the offending path. */
export function loadFixture(file: string): Fixture {
  let raw: unknown

  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`Cannot read fixture ${file}: ${(e as Error).message}`)
  }

  return checkFixture(raw, file)
}

export function checkFixture(raw: unknown, name = 'fixture'): Fixture {
  const problems: string[] = []
  const f = raw as Fixture
  const need = (cond: boolean, what: string) => {
    if (!cond) problems.push(what)
  }

  need(typeof f === 'object' && f !== null, 'the fixture is not a JSON object')
  if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`)
  need(
    typeof f.account === 'string' && /^[a-z0-9]+$/.test(f.account),
    'account must be lowercase letters and digits'
  )
  need(
    typeof f.now === 'string' && !Number.isNaN(Date.parse(f.now)),
    'now must be an ISO date'
  )
  for (const field of ['appKeys', 'roles', 'users'] as const)
    need(Array.isArray(f[field]), `${field} must be an array`)
  f.externalKeys = f.externalKeys ?? []
  f.roleAssignments = f.roleAssignments ?? {}
  f.sessions = f.sessions ?? {}
  f.storefront = f.storefront ?? {}
  if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`)

  const roleIds = new Set(f.roles.map((r) => r.id))
  const subjects = new Set<string>([
    ...f.users.map((u) => u.id),
    ...f.appKeys.map((k) => k.id),
    ...f.externalKeys.map((k) => k.appKey),
  ])

  f.appKeys.forEach((k, i) => {
    need(
      typeof k.id === 'string' && k.id.length > 0,
      `appKeys[${i}].id missing`
    )
    need(
      /^vtexappkey-[a-z0-9]+-[A-Z]{6}$/.test(k.appKey),
      `appKeys[${i}].appKey is not vtexappkey-<account>-XXXXXX`
    )
    need(
      !Number.isNaN(Date.parse(k.createdIn)),
      `appKeys[${i}].createdIn is not a date`
    )
    need(
      typeof k.token === 'string' && k.token.length > 0,
      `appKeys[${i}].token missing`
    )
    need(
      k.pendingToken === undefined ||
        (typeof k.pendingToken === 'string' &&
          k.pendingToken.length > 0 &&
          k.pendingToken !== k.token),
      `appKeys[${i}].pendingToken must be a token other than token`
    )
    need(
      (k.pendingToken === undefined) ===
        (k.pendingTokenCreatedIn === undefined),
      `appKeys[${i}].pendingToken and pendingTokenCreatedIn go together`
    )
  })
  for (const [subject, ids] of Object.entries(f.roleAssignments)) {
    need(
      subjects.has(subject),
      `roleAssignments names unknown subject ${subject}`
    )
    for (const id of ids)
      need(
        roleIds.has(id),
        `roleAssignments[${subject}] names unknown role ${id}`
      )
  }

  const emails = new Set(f.users.map((u) => u.email))

  for (const [cookie, email] of Object.entries(f.sessions))
    need(emails.has(email), `sessions[${cookie}] names unknown user ${email}`)
  if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`)

  return f
}
