import {
  checkAppKey,
  noRolesHere,
  registrationChange,
  removalChange,
  validateExternalKey,
  withoutRegistered,
  withRegistered,
} from './externalKeys'
import { english } from '../services/wording'
import type { ExternalKeyError, StoredExternalKey } from './externalKeys'

const OWN = 'acme'
const TOKEN =
  'WNVUJKYFKJFLTPXHQGAZDHPBHSDQVJJWSFZUBOGCKPEXAIFHTPANKJTOXUKRIIJAAJSOPCFBAXOODRABMUXFJVLJLKWGEOUCFDXRPRRQKYNNUFLGTIEOKERFXJCFFYXL'

/** The refused fields with their reasons, sorted, or [] when accepted. */
function refused(
  r: { ok: true } | { ok: false; errors: ExternalKeyError[] }
): string[] {
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.reason}`).sort()
}

describe('validateExternalKey', () => {
  it('accepts a key of another account', () => {
    expect(
      validateExternalKey(
        { appKey: 'vtexappkey-agenciaorbita-MXLCXX', account: 'agenciaorbita' },
        OWN
      )
    ).toEqual({
      ok: true,
      value: {
        appKey: 'vtexappkey-agenciaorbita-MXLCXX',
        account: 'agenciaorbita',
      },
    })
  })

  it('accepts the appKeys of VTEX’s API reference', () => {
    for (const [appKey, account] of [
      ['vtexappkey-myaccount-ORYNWX', 'myaccount'],
      ['vtexappkey-apiexamples-YSTRGZ', 'apiexamples'],
      ['vtexappkey-example-YSWQFZ', 'example'],
    ]) {
      expect(validateExternalKey({ appKey, account }, OWN).ok).toBe(true)
    }
  })

  it('trims both values', () => {
    expect(
      validateExternalKey(
        { appKey: '  vtexappkey-partner2-ABCDEF\n', account: ' partner2 ' },
        OWN
      )
    ).toEqual({
      ok: true,
      value: { appKey: 'vtexappkey-partner2-ABCDEF', account: 'partner2' },
    })
  })

  it.each(['Partner', 'PARTNER', ' PartNer '])(
    'normalises the account %p to lowercase',
    (account) => {
      expect(
        validateExternalKey(
          { appKey: 'vtexappkey-partner-ABCDEF', account },
          OWN
        )
      ).toEqual({
        ok: true,
        value: { appKey: 'vtexappkey-partner-ABCDEF', account: 'partner' },
      })
    }
  )

  it.each<[string, unknown]>([
    ['five letters', 'vtexappkey-partner-ABCDE'],
    ['seven letters', 'vtexappkey-partner-ABCDEFG'],
    ['lowercase suffix', 'vtexappkey-partner-abcdef'],
    ['digits in the suffix', 'vtexappkey-partner-ABC123'],
    ['another prefix', 'appkey-partner-ABCDEF'],
    ['an uppercase account', 'vtexappkey-Partner-ABCDEF'],
    ['a hyphen in the account', 'vtexappkey-my-store-ABCDEF'],
    ['no account', 'vtexappkey--ABCDEF'],
    [
      'the header pasted with it',
      'X-VTEX-API-AppKey: vtexappkey-partner-ABCDEF',
    ],
    ['a key id (UUID) instead', 'a2555e95-9db8-48be-94f8-2a28577c0b4a'],
    ['empty', ''],
    ['missing', undefined],
    ['not text', 12345],
  ])('refuses a malformed appKey (%s)', (_name, appKey) => {
    expect(
      refused(validateExternalKey({ appKey, account: 'partner' }, OWN))
    ).toEqual(['appKey:APPKEY_FORMAT'])
  })

  it('refuses an appKey over 100 characters without echoing it', () => {
    const r = validateExternalKey(
      { appKey: `vtexappkey-${'p'.repeat(100)}-ABCDEF`, account: 'partner' },
      OWN
    )

    expect(refused(r)).toEqual(['appKey:APPKEY_FORMAT'])
    if (!r.ok) expect(english(r.errors[0].message)).not.toContain('pppp')
  })

  it('refuses a text longer than any token spelled out for its format, unread and unechoed', () => {
    const long = `${TOKEN} `.repeat(20)
    const r = validateExternalKey({ appKey: long, account: long }, OWN)

    expect(refused(r)).toEqual([
      'account:ACCOUNT_FORMAT',
      'appKey:APPKEY_FORMAT',
    ])
    expect(JSON.stringify(r)).not.toMatch(/[A-Z]{32}|[a-z]{64}/)
    expect(refused({ ...checkAppKey(long) })).toEqual(['appKey:APPKEY_FORMAT'])
  })

  it.each<[string, { appKey: unknown; account: unknown }, string[]]>([
    [
      'a token as the appKey',
      { appKey: TOKEN, account: 'partner' },
      ['appKey:TOKEN_PASTED'],
    ],
    [
      'appKey and token pasted together',
      { appKey: `vtexappkey-partner-ABCDEF ${TOKEN}`, account: 'partner' },
      ['appKey:TOKEN_PASTED'],
    ],
    [
      'appKey:token',
      { appKey: `vtexappkey-partner-ABCDEF:${TOKEN}`, account: 'partner' },
      ['appKey:TOKEN_PASTED'],
    ],
    [
      'a token as the account',
      { appKey: 'vtexappkey-partner-ABCDEF', account: TOKEN },
      ['account:TOKEN_PASTED'],
    ],
    [
      'a lowercased token as the account',
      { appKey: 'vtexappkey-partner-ABCDEF', account: TOKEN.toLowerCase() },
      ['account:TOKEN_PASTED'],
    ],
  ])(
    'refuses a pasted token (%s), and no message or value echoes it',
    (_name, input, fields) => {
      const r = validateExternalKey(input, OWN)

      expect(refused(r)).toEqual(fields)
      expect(JSON.stringify(r)).not.toMatch(/[A-Z]{32}|[a-z]{64}/)
    }
  )

  it('refuses an account that does not match the one the appKey names, naming both', () => {
    const r = validateExternalKey(
      { appKey: 'vtexappkey-partner-ABCDEF', account: 'other' },
      OWN
    )

    if (!r.ok)
      expect(english(r.errors[0].message)).toBe(
        'the appKey belongs to account “partner”, not “other”'
      )

    expect(r).toEqual({
      ok: false,
      errors: [
        {
          field: 'account',
          reason: 'ACCOUNT_MISMATCH',
          message: {
            id: 'validation.externalKey.ACCOUNT_MISMATCH',
            values: { named: 'partner', account: 'other' },
          },
          params: { named: 'partner', account: 'other' },
        },
      ],
    })
  })

  it.each(['acme', 'ACME', ' Acme '])(
    'refuses this account (%p): its keys are listed already',
    (account) => {
      expect(
        refused(
          validateExternalKey(
            { appKey: 'vtexappkey-acme-ABCDEF', account },
            OWN
          )
        )
      ).toEqual(['account:OWN_ACCOUNT'])
    }
  )

  it('refuses a key of this account even when another account is named', () => {
    expect(
      refused(
        validateExternalKey(
          { appKey: 'vtexappkey-acme-ABCDEF', account: 'partner' },
          OWN
        )
      )
    ).toEqual(['appKey:OWN_ACCOUNT'])
  })

  it.each<[string, unknown]>([
    ['empty', ''],
    ['missing', undefined],
    ['with a hyphen', 'my-store'],
    ['with a dot', 'partner.com'],
    ['a URL', 'https://partner.myvtex.com'],
    ['over 100 characters', 'p'.repeat(101)],
    ['not text', 7],
  ])('refuses an invalid account (%s)', (_name, account) => {
    expect(
      refused(
        validateExternalKey(
          { appKey: 'vtexappkey-partner-ABCDEF', account },
          OWN
        )
      )
    ).toEqual(['account:ACCOUNT_FORMAT'])
  })

  it('reports both fields when both are wrong', () => {
    expect(
      refused(validateExternalKey({ appKey: 'nope', account: '' }, OWN))
    ).toEqual(['account:ACCOUNT_FORMAT', 'appKey:APPKEY_FORMAT'])
  })

  it('gives every refusal a message', () => {
    const r = validateExternalKey({ appKey: TOKEN, account: 'x.y' }, OWN)

    expect(r.ok).toBe(false)
    if (!r.ok)
      for (const e of r.errors) expect(english(e.message)).toMatch(/\S{3}/)
  })
})

describe('checkAppKey (removal)', () => {
  it('accepts a well-formed appKey, trimmed', () => {
    expect(checkAppKey(' vtexappkey-partner-ABCDEF ')).toEqual({
      ok: true,
      value: 'vtexappkey-partner-ABCDEF',
    })
  })
  it.each<[unknown, string]>([
    ['nope', 'appKey:APPKEY_FORMAT'],
    [TOKEN, 'appKey:TOKEN_PASTED'],
    [null, 'appKey:APPKEY_FORMAT'],
  ])('refuses %p', (input, reason) => {
    expect(refused(checkAppKey(input))).toEqual([reason])
  })
})

describe('the registry', () => {
  const a: StoredExternalKey = {
    appKey: 'vtexappkey-partner-ABCDEF',
    account: 'partner',
    addedDate: '2026-11-26T12:00:00.000Z',
    isActive: true,
    addedBy: 'ana@acme.com',
  }

  const b: StoredExternalKey = {
    appKey: 'vtexappkey-other-GHIJKL',
    account: 'other',
    addedDate: '2025-05-02T00:00:00Z',
    isActive: true,
  }

  it('adds a key to an empty or missing registry', () => {
    expect(withRegistered(null, a)).toEqual({ ok: true, value: [a] })
    expect(withRegistered([b], a)).toEqual({ ok: true, value: [b, a] })
  })

  it('refuses a duplicate, saying since when it is registered', () => {
    expect(
      withRegistered([b], { ...b, addedDate: '2026-11-26T00:00:00Z' })
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        field: 'appKey',
        reason: 'ALREADY_REGISTERED',
        params: { appKey: b.appKey, since: '2025-05-02' },
      }),
    })
  })

  it('removes a registered key and says which; refuses one that is not there', () => {
    expect(withoutRegistered([a, b], a.appKey)).toEqual({
      ok: true,
      value: [b],
      removed: a,
    })
    expect(withoutRegistered([b], a.appKey)).toEqual({
      ok: false,
      error: expect.objectContaining({
        reason: 'NOT_REGISTERED',
        params: { appKey: a.appKey },
      }),
    })
    expect(withoutRegistered(null, a.appKey).ok).toBe(false)
  })

  it('explains a key VTEX shows no roles for', () => {
    expect(noRolesHere(a.appKey)).toMatchObject({
      field: 'appKey',
      reason: 'NO_ROLES_HERE',
      params: { appKey: a.appKey },
    })
    expect(english(noRolesHere(a.appKey).message)).toMatch(
      /API keys → External/
    )
  })
})

describe('what the audit log records', () => {
  it('a registration: the roles VTEX showed', () => {
    expect(
      registrationChange([
        { name: 'Owner (Admin Super)' },
        { name: 'OMS - Read only' },
      ])
    ).toEqual({
      before: 'not registered in Key Steward',
      after:
        'registered; holds Owner (Admin Super), OMS - Read only in this account',
    })
  })

  it('a removal: since when and by whom, and that VTEX still grants its roles', () => {
    const removed: StoredExternalKey = {
      appKey: 'vtexappkey-partner-ABCDEF',
      account: 'partner',
      addedDate: '2025-10-12T00:00:00Z',
      isActive: true,
      addedBy: 'ana@acme.com',
    }

    expect(removalChange(removed, [{ name: 'Owner (Admin Super)' }])).toEqual({
      before: 'registered since 2025-10-12 by ana@acme.com',
      after:
        "no longer tracked by Key Steward; still holds Owner (Admin Super) in VTEX (remove them in VTEX's Admin: Account settings → API keys → External)",
    })
    expect(removalChange({ ...removed, addedBy: undefined }, null)).toEqual({
      before: 'registered since 2025-10-12',
      after:
        'no longer tracked by Key Steward; its roles in VTEX could not be read',
    })
    expect(removalChange(removed, []).after).toBe(
      'no longer tracked by Key Steward; holds no roles in VTEX'
    )
  })
})
