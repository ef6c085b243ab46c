// The platform's mutable state: the fixture (keys, roles, users, assignments), the app's VBase,
// and the platform clock (fixed at the fixture's `now`, advanced by tests).
import { randomBytes, timingSafeEqual } from 'crypto'

import type { Fixture, FixtureAppKey, FixtureRole } from './fixture'

export interface VBaseFile {
  body: Buffer
  contentType: string
  etag: string
}

/** A token the platform handed out after start (a renewal's new token): shown once, to its caller. */
export interface IssuedToken {
  appKey: string
  token: string
  at: string
}

/** Which of a key's tokens authenticated a call: the one in use, or a pending renewal's new one. */
export type TokenSlot = 'current' | 'pending'

export class PlatformState {
  readonly rolesById: Map<number, FixtureRole>
  /** The Key Steward app's own token (what VTEX IO hands the service as ctx.vtex.authToken). */
  readonly appToken: string
  readonly vbase = new Map<string, VBaseFile>()
  /** Every token the fixture holds at start (current and pending): no answer of the app may show one. */
  readonly fixtureTokens: ReadonlyArray<{ appKey: string; token: string }>
  /** Tokens created since start (renewals): each may appear once, in the answer to whoever asked. */
  readonly issuedTokens: IssuedToken[] = []
  private clockOffsetMs = 0
  private etagSeq = 0

  constructor(
    readonly fixture: Fixture,
    readonly appResources: string[],
    appToken?: string
  ) {
    this.rolesById = new Map(fixture.roles.map((r) => [r.id, r]))
    this.appToken = appToken ?? `app-${randomBytes(24).toString('hex')}`
    this.fixtureTokens = fixture.appKeys.flatMap((k) => [
      { appKey: k.appKey, token: k.token },
      ...(k.pendingToken ? [{ appKey: k.appKey, token: k.pendingToken }] : []),
    ])
  }

  now(): Date {
    return new Date(Date.parse(this.fixture.now) + this.clockOffsetMs)
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms
  }

  tokenMatches(key: FixtureAppKey, token: string): boolean {
    return this.tokenSlot(key, token) !== null
  }

  /**
   * Which of the key's valid tokens this is. During a renewal both the old and the new token
   * authenticate (VTEX ID OpenAPI, PATCH …/apitoken/renew: "The previous token and the new token
   * are both valid until the renewal process is completed"); after finish-renewal only the new one.
   */
  tokenSlot(key: FixtureAppKey, token: string): TokenSlot | null {
    const same = (known: string) => {
      const a = Buffer.from(known)
      const b = Buffer.from(token)

      return a.length === b.length && timingSafeEqual(a, b)
    }

    if (same(key.token)) return 'current'
    if (key.pendingToken && same(key.pendingToken)) return 'pending'

    return null
  }

  nextEtag(): string {
    this.etagSeq += 1

    return `"${this.etagSeq.toString(16)}-${randomBytes(4).toString('hex')}"`
  }

  /** A new 128-letter token, the shape VTEX's classic appTokens have. */
  newToken(): string {
    const bytes = randomBytes(128)

    return Array.from(bytes, (b) => String.fromCharCode(65 + (b % 26))).join('')
  }
}
