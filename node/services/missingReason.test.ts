import { UpstreamError } from '../clients/retry'
import { say } from './wording'
import { reasonOf } from './missingReason'

describe('reasonOf (why a part of the read is missing)', () => {
  it('counts the attempts made', () => {
    const e = new UpstreamError(
      'GET /api/license-manager/users',
      503,
      4,
      'HTTP 503'
    )

    expect(say('en', reasonOf(e))).toBe('HTTP 503 after 4 attempts')
    expect(say('pt', reasonOf(e))).toBe('HTTP 503 após 4 tentativas')
  })

  it('says a request never sent as such, not "after 0 attempts"', () => {
    const e = new UpstreamError(
      'GET /api/license-manager/users',
      undefined,
      0,
      'no time left before the deadline',
      true
    )

    for (const locale of ['en', 'pt', 'es'] as const)
      expect(say(locale, reasonOf(e))).not.toMatch(/\b0\b/)
    expect(say('en', reasonOf(e))).toBe('no time left before the deadline')
  })
})
