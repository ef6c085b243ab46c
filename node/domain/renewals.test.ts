import { daysAgo, NOW } from './testing/build'
import { english } from '../services/wording'
import type { TokenAgeBasis } from './renewals'
import {
  isOpen,
  recordRenewal,
  renewalFinished,
  renewalNotPending,
  renewalPossiblyStarted,
  renewalStarted,
  renewalStatus,
  tokenAge,
} from './renewals'
import type { Renewal } from './rules/types'

const KEY = {
  createdAt: daysAgo(400),
  label: 'ERP orders sync',
  appKey: 'vtexappkey-acme-ORYNWX',
}

const TOKEN = 'Q'.repeat(128)

describe('tokenAge', () => {
  const cases: Array<[string, Renewal | undefined, number, TokenAgeBasis]> = [
    [
      "no renewal known: from the key's creation",
      undefined,
      400,
      'KEY_CREATED',
    ],
    [
      'finished through Key Steward 30 days ago',
      {
        startedAt: daysAgo(32),
        finishedAt: daysAgo(30),
        source: 'KEY_STEWARD',
      },
      30,
      'RENEWAL_FINISHED',
    ],
    [
      'an old record without source counts as finished through Key Steward',
      { startedAt: daysAgo(32), finishedAt: daysAgo(30) },
      30,
      'RENEWAL_FINISHED',
    ],
    [
      'recorded for 7 days ago',
      { startedAt: daysAgo(7), finishedAt: daysAgo(7), source: 'RECORDED' },
      7,
      'RENEWAL_RECORDED',
    ],
    [
      'pending, VTEX said the token in use was created 131 days ago',
      { startedAt: daysAgo(1), finishedAt: null, tokenCreatedAt: daysAgo(131) },
      131,
      'TOKEN_CREATED',
    ],
    [
      "pending without VTEX's dates (older records): from creation",
      { startedAt: daysAgo(1), finishedAt: null },
      400,
      'KEY_CREATED',
    ],
    [
      "pending: the renewal's start is not a rotation (the old token still works)",
      { startedAt: daysAgo(1), finishedAt: null, tokenCreatedAt: daysAgo(600) },
      400,
      'KEY_CREATED',
    ],
    [
      'pending on top of a renewal finished 40 days ago, VTEX gave no date: the token in use is 40 days old',
      {
        startedAt: daysAgo(1),
        finishedAt: null,
        previousRenewalAt: daysAgo(40),
        previousSource: 'KEY_STEWARD',
      },
      40,
      'RENEWAL_FINISHED',
    ],
    [
      "pending on top of a recorded renewal: VTEX's later date wins",
      {
        startedAt: daysAgo(1),
        finishedAt: null,
        previousRenewalAt: daysAgo(40),
        previousSource: 'RECORDED',
        tokenCreatedAt: daysAgo(20),
      },
      20,
      'TOKEN_CREATED',
    ],
    [
      'possibly pending: the token in use is still the previous one',
      {
        startedAt: daysAgo(1),
        finishedAt: null,
        outcomeUnknownAt: daysAgo(1),
        previousRenewalAt: daysAgo(50),
        previousSource: 'RECORDED',
      },
      50,
      'RENEWAL_RECORDED',
    ],
    [
      'a finish before the key existed is ignored',
      { startedAt: daysAgo(500), finishedAt: daysAgo(450) },
      400,
      'KEY_CREATED',
    ],
    [
      'a finish in the future is ignored',
      { startedAt: daysAgo(-2), finishedAt: daysAgo(-1), source: 'RECORDED' },
      400,
      'KEY_CREATED',
    ],
    [
      'a broken date is ignored',
      { startedAt: 'x', finishedAt: 'not a date' },
      400,
      'KEY_CREATED',
    ],
  ]

  it.each(cases)('%s', (_name, renewal, days, basis) => {
    const age = tokenAge(KEY, renewal, NOW)

    expect([age.days, age.basis]).toEqual([days, basis])
  })

  it('gives the date it counts from', () => {
    expect(
      tokenAge(KEY, { startedAt: daysAgo(9), finishedAt: daysAgo(8) }, NOW)
        .since
    ).toBe(daysAgo(8))
  })
})

describe('renewal records', () => {
  const answer = {
    id: 'x',
    keyName: KEY.appKey,
    creationDateToken: '2025-10-22T09:00:00Z',
    creationDateNewToken: '2026-11-26T12:00:00Z',
    expirationPeriod: 90,
    newToken: TOKEN,
  }

  it("keep VTEX's dates from the renew answer and never the token", () => {
    const r = renewalStarted(answer, 'ana@acme.com', NOW)

    expect(r).toEqual({
      startedAt: NOW.toISOString(),
      finishedAt: null,
      source: 'KEY_STEWARD',
      startedBy: 'ana@acme.com',
      finishedBy: null,
      tokenCreatedAt: '2025-10-22T09:00:00.000Z',
      newTokenCreatedAt: '2026-11-26T12:00:00.000Z',
      expirationPeriodDays: 90,
    })
    expect(JSON.stringify(r)).not.toContain(TOKEN)
    expect(renewalStatus(r)).toBe('PENDING')
  })

  it("ignore fields of the wrong type in VTEX's answer", () => {
    expect(
      renewalStarted(
        { creationDateToken: 12, expirationPeriod: '90', newToken: TOKEN },
        'ana@acme.com',
        NOW
      )
    ).toMatchObject({ tokenCreatedAt: null, expirationPeriodDays: null })
  })

  it('finish the pending renewal, keeping who started it', () => {
    const started = renewalStarted(answer, 'ana@acme.com', new Date(daysAgo(3)))
    const done = renewalFinished(
      started,
      { id: 'x', creationDateToken: daysAgo(3), creationDateNewToken: null },
      'bruno@acme.com',
      NOW
    )

    expect(done).toMatchObject({
      startedBy: 'ana@acme.com',
      startedAt: daysAgo(3),
      finishedBy: 'bruno@acme.com',
      finishedAt: NOW.toISOString(),
    })
    expect(renewalStatus(done)).toBe('FINISHED')
    expect(tokenAge(KEY, done, NOW)).toMatchObject({
      days: 0,
      basis: 'RENEWAL_FINISHED',
    })
  })

  it("starting a renewal keeps the date of the previous one, so the token's age does not jump back to the key's creation", () => {
    const finished: Renewal = {
      startedAt: daysAgo(32),
      finishedAt: daysAgo(30),
      source: 'KEY_STEWARD',
      startedBy: 'ana@acme.com',
      finishedBy: 'ana@acme.com',
    }

    const started = renewalStarted(
      { ...answer, creationDateToken: undefined },
      'bruno@acme.com',
      NOW,
      finished
    )

    expect(started).toMatchObject({
      previousRenewalAt: daysAgo(30),
      previousSource: 'KEY_STEWARD',
      tokenCreatedAt: null,
    })
    expect(tokenAge(KEY, finished, NOW)).toEqual(tokenAge(KEY, started, NOW))
  })

  it('a renew whose answer never arrived is possibly pending: who asked and when, no token, age unchanged', () => {
    const recorded: Renewal = {
      startedAt: daysAgo(10),
      finishedAt: daysAgo(10),
      source: 'RECORDED',
      recordedBy: 'ana@acme.com',
    }

    const maybe = renewalPossiblyStarted(recorded, 'bruno@acme.com', NOW)

    expect(maybe).toEqual({
      startedAt: NOW.toISOString(),
      finishedAt: null,
      source: 'KEY_STEWARD',
      startedBy: 'bruno@acme.com',
      finishedBy: null,
      tokenCreatedAt: null,
      newTokenCreatedAt: null,
      expirationPeriodDays: null,
      outcomeUnknownAt: NOW.toISOString(),
      previousRenewalAt: daysAgo(10),
      previousSource: 'RECORDED',
    })
    expect([renewalStatus(maybe), isOpen(maybe)]).toEqual([
      'POSSIBLY_PENDING',
      true,
    ])
    expect(tokenAge(KEY, maybe, NOW)).toMatchObject({
      days: 10,
      basis: 'RENEWAL_RECORDED',
    })
    // Finished later: who asked is kept; VTEX saying none was pending: not pending in VTEX.
    expect(
      renewalStatus(
        renewalFinished(
          maybe,
          { creationDateToken: NOW.toISOString() },
          'ana@acme.com',
          NOW
        )
      )
    ).toBe('FINISHED')
    expect(renewalFinished(maybe, {}, 'ana@acme.com', NOW).startedBy).toBe(
      'bruno@acme.com'
    )
    expect(renewalStatus(renewalNotPending(maybe, NOW))).toBe(
      'NOT_PENDING_IN_VTEX'
    )
  })

  it('a renew timing out while a known renewal is pending changes nothing (VTEX refuses a second)', () => {
    const pending = renewalStarted(answer, 'ana@acme.com', new Date(daysAgo(2)))

    expect(renewalPossiblyStarted(pending, 'bruno@acme.com', NOW)).toBe(pending)
  })

  it("finish one started in VTEX's Admin that Key Steward did not know of", () => {
    const done = renewalFinished(
      null,
      { creationDateToken: '2026-11-20T10:00:00Z', creationDateNewToken: null },
      'ana@acme.com',
      NOW
    )

    expect(done).toMatchObject({
      startedAt: '2026-11-20T10:00:00.000Z',
      startedBy: null,
      finishedAt: NOW.toISOString(),
      finishedBy: 'ana@acme.com',
    })
  })
})

describe("recordRenewal (a renewal done in VTEX's Admin)", () => {
  const record = (
    date: string,
    current: Renewal | null = null,
    note: string | null = 'Renewed in the Admin during the ERP migration'
  ) => recordRenewal(KEY, current, { date, note, by: 'ana@acme.com', now: NOW })

  it('records a past date with who recorded it and the note', () => {
    const r = record('2026-11-20')

    expect(r).toEqual({
      ok: true,
      value: {
        startedAt: '2026-11-20T00:00:00.000Z',
        finishedAt: '2026-11-20T00:00:00.000Z',
        source: 'RECORDED',
        startedBy: null,
        finishedBy: null,
        recordedBy: 'ana@acme.com',
        recordedAt: NOW.toISOString(),
        note: 'Renewed in the Admin during the ERP migration',
      },
    })
    if (r.ok)
      expect(tokenAge(KEY, r.value, NOW)).toMatchObject({
        days: 6,
        basis: 'RENEWAL_RECORDED',
      })
  })

  it('accepts today and a full ISO time', () => {
    expect(record(NOW.toISOString().slice(0, 10)).ok).toBe(true)
    expect(record('2026-11-25T18:30:00Z').ok).toBe(true)
  })

  it.each([
    ['tomorrow', '2026-11-27', 'date', /future/],
    ['an hour from now', '2026-11-26T13:00:00Z', 'date', /future/],
    [
      'before the key was created',
      daysAgo(401).slice(0, 10),
      'date',
      /before the key was created/,
    ],
    ['not a date', 'last week', 'date', /must be a date/],
    ['an impossible date', '2026-02-31', 'date', /must be a date/],
    [
      'an impossible date with a time',
      '2026-11-31T00:00:00Z',
      'date',
      /must be a date/,
    ],
    ['a date with trailing text', '2026-02-03x', 'date', /must be a date/],
  ])('refuses %s', (_name, date, field, message) => {
    const r = record(date)

    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe('BAD_USER_INPUT')
      expect(r.field).toBe(field)
      expect(english(r.message)).toMatch(message)
    }
  })

  it('accepts the day the key was created (counted from its creation)', () => {
    const r = record(KEY.createdAt.slice(0, 10))

    expect(r.ok && r.value.finishedAt).toBe(
      new Date(KEY.createdAt).toISOString()
    )
  })

  it('refuses a token in the note, and an overlong note', () => {
    const withToken = record('2026-11-20', null, `new token ${TOKEN}`)

    expect(!withToken.ok && withToken.field).toBe('note')
    const long = record('2026-11-20', null, 'x'.repeat(501))

    expect(!long.ok && long.field).toBe('note')
  })

  it('refuses while a renewal started in Key Steward is pending (finish it instead)', () => {
    const r = record('2026-11-20', {
      startedAt: daysAgo(3),
      finishedAt: null,
      source: 'KEY_STEWARD',
    })

    expect(!r.ok && r.code).toBe('CONFLICT')
  })

  it('accepts one once VTEX said the renewal Key Steward started was no longer pending', () => {
    const pending: Renewal = {
      startedAt: daysAgo(3),
      finishedAt: null,
      source: 'KEY_STEWARD',
    }

    expect(renewalStatus(renewalNotPending(pending, NOW))).toBe(
      'NOT_PENDING_IN_VTEX'
    )
    expect(record('2026-11-24', renewalNotPending(pending, NOW)).ok).toBe(true)
  })

  it('refuses a date earlier than a renewal already known to be finished', () => {
    const r = record('2026-10-01', {
      startedAt: daysAgo(20),
      finishedAt: daysAgo(20),
    })

    expect(!r.ok && r.field).toBe('date')
    expect(
      record('2026-11-20', { startedAt: daysAgo(20), finishedAt: daysAgo(20) })
        .ok
    ).toBe(true)
  })
})
