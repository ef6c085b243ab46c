import * as scanText from './leaks/scanText'
import {
  DEFAULT_SETTINGS,
  INT_LIMITS,
  LONGEST_ENTRY_READ,
  MAX_ROLE_ID,
  SETTINGS_LIMITS,
  reminderLocaleOf,
  validateSettings,
  withDefaults,
} from './settings'

const errorsOf = (
  update: Record<string, unknown>,
  roleIds?: number[] | null
) => {
  const r = validateSettings(DEFAULT_SETTINGS, update, { roleIds })

  return r.ok
    ? []
    : r.errors.map(({ field, code, params, entry }) => ({
        field,
        code,
        params,
        entry,
      }))
}

describe('validateSettings', () => {
  it.each([
    [
      'a non-integer',
      { rotationDays: 90.5 },
      {
        field: 'rotationDays',
        code: 'NOT_WHOLE_NUMBER',
        params: { min: 30, max: 365 },
        entry: undefined,
      },
    ],
    [
      'out of range',
      { rotationDays: 10 },
      {
        field: 'rotationDays',
        code: 'OUT_OF_RANGE',
        params: { min: 30, max: 365 },
        entry: undefined,
      },
    ],
    [
      'a cleared number',
      { reminderDays: null },
      {
        field: 'reminderDays',
        code: 'REQUIRED',
        params: { min: 1, max: 60 },
        entry: undefined,
      },
    ],
    [
      'a bad e-mail, named',
      { reminderEmails: ['ops@acme.com', 'nope'] },
      { field: 'reminderEmails', code: 'BAD_EMAIL', params: {}, entry: 'nope' },
    ],
    [
      'a bad path, named',
      { scanExtraPaths: ['/ok', 'relative/path'] },
      {
        field: 'scanExtraPaths',
        code: 'BAD_PATH',
        params: {},
        entry: 'relative/path',
      },
    ],
    [
      'a non-numeric role id',
      { keyManagingRoleIds: ['abc'] },
      {
        field: 'keyManagingRoleIds',
        code: 'BAD_ROLE_ID',
        params: {},
        entry: 'abc',
      },
    ],
    [
      'too many e-mails',
      {
        reminderEmails: Array.from({ length: 11 }, (_, i) => `a${i}@acme.com`),
      },
      {
        field: 'reminderEmails',
        code: 'TOO_MANY',
        params: { max: 10, count: 11 },
        entry: undefined,
      },
    ],
    [
      'an unknown locale',
      { reminderLocale: 'fr' },
      {
        field: 'reminderLocale',
        code: 'BAD_LOCALE',
        params: {},
        entry: undefined,
      },
    ],
  ])('refuses %s with a code, params and the entry', (_, update, expected) => {
    expect(errorsOf(update)).toEqual([expected])
  })

  it("checks role ids against the account's roles, and refuses when they could not be read", () => {
    expect(errorsOf({ keyManagingRoleIds: [957, 4242] }, [1, 957])).toEqual([
      {
        field: 'keyManagingRoleIds',
        code: 'UNKNOWN_ROLE',
        params: {},
        entry: '4242',
      },
    ])
    expect(errorsOf({ keyManagingRoleIds: [957] }, null)[0].code).toBe(
      'ROLES_UNREADABLE'
    )
    expect(
      validateSettings(
        DEFAULT_SETTINGS,
        { keyManagingRoleIds: [957] },
        { roleIds: [1, 957] }
      )
    ).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, keyManagingRoleIds: [957] },
    })
  })

  it('names every bad entry of a list, not only the first, each once', () => {
    expect(
      errorsOf({
        auditors: ['ok@acme.com', 'bad1', 'ok2@acme.com', 'bad2', 'bad1'],
      })
    ).toEqual([
      { field: 'auditors', code: 'BAD_EMAIL', params: {}, entry: 'bad1' },
      { field: 'auditors', code: 'BAD_EMAIL', params: {}, entry: 'bad2' },
    ])
    expect(
      errorsOf({ keyManagingRoleIds: [4242, 957, 4343] }, [1, 957]).map(
        (e) => e.entry
      )
    ).toEqual(['4242', '4343'])
    expect(errorsOf({ keyManagingRoleIds: [957, 958] }, null)).toHaveLength(1)
  })

  it('reports every bad field and applies nothing; an empty list is a valid choice', () => {
    expect(
      errorsOf({ rotationDays: 1, maxOwnerUsers: 0 }).map((e) => e.field)
    ).toEqual(['rotationDays', 'maxOwnerUsers'])
    const r = validateSettings(
      { ...DEFAULT_SETTINGS, reminderEmails: ['a@acme.com'] },
      { reminderEmails: [] }
    )

    expect(r.ok && r.value.reminderEmails).toEqual([])
  })

  it('takes its limits from SETTINGS_LIMITS', () => {
    const { max } = SETTINGS_LIMITS.ints.rotationDays

    expect(validateSettings(DEFAULT_SETTINGS, { rotationDays: max }).ok).toBe(
      true
    )
    expect(
      validateSettings(DEFAULT_SETTINGS, { rotationDays: max + 1 }).ok
    ).toBe(false)
  })
})

describe('auditors setting', () => {
  it('defaults to none, also for settings stored before it existed', () => {
    expect(DEFAULT_SETTINGS.auditors).toEqual([])
    expect(withDefaults({ rotationDays: 90 }).auditors).toEqual([])
  })

  it('keeps e-mails trimmed, lower-cased and once each', () => {
    const r = validateSettings(DEFAULT_SETTINGS, {
      auditors: [' Carla@Acme.com ', 'carla@acme.com', 'audit@firm.example'],
    })

    expect(r).toEqual({
      ok: true,
      value: {
        ...DEFAULT_SETTINGS,
        auditors: ['carla@acme.com', 'audit@firm.example'],
      },
    })
  })

  it.each<[string, unknown]>([
    ['not an e-mail', ['carla']],
    ['an empty entry', ['']],
    ['not a list', 'carla@acme.com'],
    ['a number', [42]],
    [
      'too many',
      Array.from(
        { length: SETTINGS_LIMITS.lists.auditors.maxItems + 1 },
        (_, i) => `a${i}@acme.com`
      ),
    ],
  ])('refuses %s, naming the field, and changes nothing', (_name, auditors) => {
    const r = validateSettings(DEFAULT_SETTINGS, {
      auditors,
      rotationDays: 180,
    })

    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual(['auditors'])
  })
})

describe('a pasted token in a list setting', () => {
  const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
  const b64 = Buffer.from(T).toString('base64')

  it.each([
    'reminderEmails',
    'auditors',
    'extraGenericLabels',
    'scanExtraPaths',
  ])(
    '%s refuses it as a token, encoded too (looked for before e-mails are lower-cased)',
    (field) => {
      for (const pasted of [T, b64, b64.replace(/(.{9})/g, '$1\n')])
        expect(errorsOf({ [field]: [pasted] })).toEqual([
          { field, code: 'TOKEN', params: {}, entry: undefined },
        ])
    }
  )
})

describe('reminderLocaleOf', () => {
  it('is the chosen language, else English (what the page shows and the e-mails use)', () => {
    expect(reminderLocaleOf(DEFAULT_SETTINGS)).toBe('en')
    expect(reminderLocaleOf({ reminderLocale: 'es' })).toBe('es')
  })
})

describe('an entry longer than any list keeps or any token spelled out', () => {
  const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
  const LISTS = [
    'extraGenericLabels',
    'scanExtraPaths',
    'reminderEmails',
    'auditors',
  ] as const

  afterEach(() => jest.restoreAllMocks())

  it.each(LISTS)(
    '%s: refused for its length first, unread (not trimmed, not looked into for a token) and unquoted',
    (field) => {
      const look = jest.spyOn(scanText, 'looksLikeToken')
      // a megabyte that holds a token: looked into, it would be refused as a token
      const huge = ` ${T} `.repeat(Math.ceil(1_000_000 / 130))
      const r = validateSettings(DEFAULT_SETTINGS, {
        [field]: ['ok', huge],
        rotationDays: 180,
      })

      expect(look).not.toHaveBeenCalled()
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(
        r.errors.map(({ field: f, code, params, entry }) => ({
          f,
          code,
          params,
          entry,
        }))
      ).toEqual([
        {
          f: field,
          code: 'TOO_LONG',
          params: { max: SETTINGS_LIMITS.lists[field].maxLength },
          entry: undefined,
        },
      ])
      expect(JSON.stringify(r)).not.toContain(T.slice(0, 16))
    }
  )

  it('is any entry past the bound; up to it, a pasted token is still named as one', () => {
    const spelled = T.split('').join(' ') // 255 characters, longer than any list keeps

    expect(errorsOf({ auditors: [spelled] })).toEqual([
      { field: 'auditors', code: 'TOKEN', params: {}, entry: undefined },
    ])
    expect(
      errorsOf({ extraGenericLabels: ['x'.repeat(LONGEST_ENTRY_READ + 1)] })
    ).toEqual([
      {
        field: 'extraGenericLabels',
        code: 'TOO_LONG',
        params: { max: SETTINGS_LIMITS.lists.extraGenericLabels.maxLength },
        entry: undefined,
      },
    ])
  })

  it('too many entries are refused before any is looked into', () => {
    const look = jest.spyOn(scanText, 'looksLikeToken')
    const { maxItems } = SETTINGS_LIMITS.lists.scanExtraPaths

    expect(
      errorsOf({
        scanExtraPaths: Array.from({ length: maxItems + 1 }, () => `/${T}`),
      })
    ).toEqual([
      {
        field: 'scanExtraPaths',
        code: 'TOO_MANY',
        params: { max: maxItems, count: maxItems + 1 },
        entry: undefined,
      },
    ])
    expect(look).not.toHaveBeenCalled()
  })
})

describe('withDefaults: damaged stored settings', () => {
  it('holds numbers to their limits and gives damaged fields their defaults, so nothing fails on them', () => {
    const used = withDefaults({
      reviewCadenceDays: 1e300,
      rotationDays: -4,
      renewalGraceDays: Number.NaN,
      maxOwnerUsers: '3' as never,
      reminderDays: 14.6,
      extraGenericLabels: 'test' as never,
      keyManagingRoleIds: [1, 'x'] as never,
      auditors: ['audit@acme.com'],
      reminderLocale: 'fr' as never,
    })

    expect(used).toEqual({
      ...DEFAULT_SETTINGS,
      reviewCadenceDays: INT_LIMITS.reviewCadenceDays.max,
      rotationDays: INT_LIMITS.rotationDays.min,
      reminderDays: 15,
      auditors: ['audit@acme.com'],
    })
    expect(withDefaults('garbage' as never)).toEqual(DEFAULT_SETTINGS)
    expect(withDefaults({ reminderLocale: 'pt' }).reminderLocale).toBe('pt')
  })
  it('takes the default for role ids GraphQL cannot answer or no role has (the settings query failed on 1e300)', () => {
    for (const id of [1e300, MAX_ROLE_ID + 1, 0, -5, -0]) {
      expect(
        withDefaults({ keyManagingRoleIds: [957, id] }).keyManagingRoleIds
      ).toEqual([])
    }

    expect(
      withDefaults({ keyManagingRoleIds: [957, MAX_ROLE_ID] })
        .keyManagingRoleIds
    ).toEqual([957, MAX_ROLE_ID])
  })
  it('never answers a token back: a list holding one (or an entry longer than any read) takes its default', () => {
    const token = 'ZOGKAZSYAHTSJCDOBNXBICXELUAMVCVJIOSDAXEPYSIBLLHIQDNGJPQKQAQ'

    for (const field of [
      'extraGenericLabels',
      'scanExtraPaths',
      'reminderEmails',
      'auditors',
    ] as const) {
      for (const bad of [
        token,
        `/p?t=${token}`,
        'x'.repeat(LONGEST_ENTRY_READ + 1),
      ])
        expect(withDefaults({ [field]: ['/ok', bad] })[field]).toEqual([])
      expect(withDefaults({ [field]: ['/ok', 'ERP'] })[field]).toEqual([
        '/ok',
        'ERP',
      ])
    }
  })
  it('keeps every value validateSettings lets through as it is', () => {
    const saved = validateSettings(DEFAULT_SETTINGS, {
      rotationDays: 180,
      reviewCadenceDays: 7,
      keyManagingRoleIds: [12],
      scanExtraPaths: ['/checkout'],
      reminderLocale: 'es',
      recentCopyMaxAgeMinutes: 0,
    })

    if (!saved.ok) throw new Error(JSON.stringify(saved.errors))
    expect(withDefaults(saved.value)).toEqual(saved.value)
  })
})
