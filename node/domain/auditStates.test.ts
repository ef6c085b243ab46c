import { dayOf, englishOf, state } from './auditStates'

describe('audit states: codes with values, and the English text records keep', () => {
  it('says each state in English as records always have (the evidence export reads it)', () => {
    expect(englishOf(state.renewal('POSSIBLY_PENDING'))).toBe(
      'renewal possibly pending'
    )
    expect(englishOf(state.of('RENEWAL_MAY_HAVE_STARTED'))).toBe(
      'unknown: VTEX may have started a renewal; its new token, if any, was never shown'
    )
    expect(
      englishOf(
        state.dated('BOTH_TOKENS_UNTIL_FINISHED', '2026-11-26T12:00:00Z')
      )
    ).toBe(
      'old token and a new one (created 2026-11-26) both valid until the renewal is finished'
    )
    expect(englishOf(state.dated('ONE_TOKEN', null))).toBe(
      'one token, created unknown date'
    )
    expect(englishOf(state.dated('RENEWED_IN_VTEX', '2026-11-20'))).toBe(
      "renewed in VTEX's Admin on 2026-11-20 (recorded)"
    )
    expect(englishOf(state.active(false))).toBe('inactive')
    expect(englishOf(state.roles([]))).toBe('no roles')
    expect(englishOf(state.roles(['Viewer', 'OMS']))).toBe('Viewer, OMS')
  })

  it('keeps only a day as a date, and never a token in a role name', () => {
    expect(dayOf('2026-11-26T12:00:00.000Z')).toBe('2026-11-26')
    expect(dayOf('not a date')).toBeNull()
    expect(dayOf(undefined)).toBeNull()
    const token = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(4)
    const roles = state.roles([`Role ${token}`]).roles!

    expect(roles[0]).not.toContain(token.slice(0, 20))
  })
})
