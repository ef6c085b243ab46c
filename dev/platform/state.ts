// The platform's mutable state: the fixture (keys, roles, users, assignments), the app's VBase,
// and the platform clock (fixed at the fixture's `now`, advanced by tests).
import { randomBytes, timingSafeEqual } from 'crypto'
import type { Fixture, FixtureAppKey, FixtureRole } from './fixture'

export interface VBaseFile { body: Buffer; contentType: string; etag: string }

export class PlatformState {
  readonly rolesById: Map<number, FixtureRole>
  /** The Key Steward app's own token (what VTEX IO hands the service as ctx.vtex.authToken). */
  readonly appToken: string
  readonly vbase = new Map<string, VBaseFile>()
  private clockOffsetMs = 0
  private etagSeq = 0

  constructor(readonly fixture: Fixture, readonly appResources: string[], appToken?: string) {
    this.rolesById = new Map(fixture.roles.map(r => [r.id, r]))
    this.appToken = appToken ?? `app-${randomBytes(24).toString('hex')}`
  }

  now(): Date {
    return new Date(Date.parse(this.fixture.now) + this.clockOffsetMs)
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms
  }

  tokenMatches(key: FixtureAppKey, token: string): boolean {
    const a = Buffer.from(key.token)
    const b = Buffer.from(token)
    return a.length === b.length && timingSafeEqual(a, b)
  }

  nextEtag(): string {
    this.etagSeq += 1
    return `"${this.etagSeq.toString(16)}-${randomBytes(4).toString('hex')}"`
  }

  /** A new 128-letter token, the shape VTEX's classic appTokens have. */
  newToken(): string {
    const bytes = randomBytes(128)
    return Array.from(bytes, b => String.fromCharCode(65 + (b % 26))).join('')
  }
}
