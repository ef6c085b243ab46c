import type { Exposure } from '../leaks/scanText'
import { scanText } from '../leaks/scanText'
import type { PolicyInput } from './types'
import type { Case, InputParts, Summary } from '../testing/build'
import {
  input,
  key,
  paramsText,
  run,
  summary,
  TOKEN_RUN,
} from '../testing/build'
import { exposedClientSide as rule } from './exposedClientSide'
import { sayFinding } from '../../services/wording'

const finding = (
  severity: 'CRITICAL' | 'HIGH',
  subjectType: Summary['subjectType'],
  subjectId: string
): Summary => ({
  rule: 'exposed-client-side',
  severity,
  practice: 'NO_CLIENT_SIDE',
  subjectType,
  subjectId,
})

const TOKEN = 'BHHPCLJDRBWPBOJN'.repeat(8)
const MASKED = 'BHHP… (128 characters)'
const APP_JS = 'https://acme.myvtex.com/arquivos/app.js'
const PRODUCT = 'https://acme.myvtex.com/produto-exemplo/p'

/** An exposure as scanText reports it: an appKey (with or without token), or a loose token or link. */
function seen(appKey: string | null, o: Partial<Exposure> = {}): Exposure {
  const tokenFound = o.tokenFound ?? o.kind === 'TOKEN'

  return {
    kind: appKey ? 'APP_KEY' : 'TOKEN',
    appKey,
    account: appKey ? /^vtexappkey-([a-z0-9]+)-/.exec(appKey)![1] : null,
    tokenFound,
    tokenMasked: tokenFound ? MASKED : null,
    url: APP_JS,
    line: 12,
    column: 30,
    snippet: appKey
      ? `'X-VTEX-API-AppKey': '${appKey}'`
      : `'X-VTEX-API-AppToken': '${MASKED}'`,
    ...o,
  }
}

const withToken = (appKey: string, o: Partial<Exposure> = {}) =>
  seen(appKey, { tokenFound: true, ...o })

const looseToken = (o: Partial<Exposure> = {}) =>
  seen(null, { kind: 'TOKEN', tokenFound: true, ...o })

const shareLink = (o: Partial<Exposure> = {}) =>
  seen(null, {
    kind: 'SHARE_LINK',
    tokenFound: false,
    snippet: 'https://share.vtex.com/credentials/abc',
    ...o,
  })

/** A PolicyInput whose latest storefront scan found `exposures` (null: no scan ran). */
function scanned(parts: InputParts, exposures: Exposure[] | null): PolicyInput {
  return {
    ...input(parts),
    leakScan: exposures && { at: '2026-11-25T10:00:00.000Z', exposures },
  }
}

const k1 = key({ appKey: 'vtexappkey-acme-XDIUKI', label: 'Store locator' })
const k2 = key({ appKey: 'vtexappkey-acme-JVOAUO', label: 'Q&A widget' })
const keys = [k1, k2]

const cases: Case[] = [
  ['no scan ran (leakScan absent)', input({ keys }), []],
  ['no scan ran (leakScan null)', scanned({ keys }, null), []],
  ['a scan that found nothing', scanned({ keys }, []), []],
  [
    'an inventory key with its token',
    scanned({ keys }, [withToken(k1.appKey)]),
    [finding('CRITICAL', 'KEY', k1.id)],
  ],
  [
    'an inventory key alone',
    scanned({ keys }, [seen(k2.appKey)]),
    [finding('HIGH', 'KEY', k2.id)],
  ],
  [
    'an inventory key alone in one place and with its token in another',
    scanned({ keys }, [
      seen(k1.appKey, { url: PRODUCT }),
      withToken(k1.appKey),
    ]),
    [finding('CRITICAL', 'KEY', k1.id)],
  ],
  [
    'the same key in two places',
    scanned({ keys }, [seen(k2.appKey), seen(k2.appKey, { url: PRODUCT })]),
    [finding('HIGH', 'KEY', k2.id)],
  ],
  [
    'two inventory keys',
    scanned({ keys }, [
      seen(k2.appKey, { url: PRODUCT }),
      withToken(k1.appKey),
    ]),
    [finding('HIGH', 'KEY', k2.id), finding('CRITICAL', 'KEY', k1.id)],
  ],
  [
    'an inactive inventory key is still its KEY',
    scanned(
      {
        keys: [
          key({
            id: 'key-old',
            appKey: 'vtexappkey-acme-OLDKEY',
            isActive: false,
          }),
        ],
      },
      [seen('vtexappkey-acme-OLDKEY')]
    ),
    [finding('HIGH', 'KEY', 'key-old')],
  ],
  [
    'an appKey of another account',
    scanned({ keys }, [seen('vtexappkey-partner-ABCDEF')]),
    [finding('HIGH', 'EXTERNAL_KEY', 'vtexappkey-partner-ABCDEF')],
  ],
  [
    'an appKey of another account with its token',
    scanned({ keys }, [withToken('vtexappkey-partner-ABCDEF')]),
    [finding('CRITICAL', 'EXTERNAL_KEY', 'vtexappkey-partner-ABCDEF')],
  ],
  [
    'an account whose name starts like ours is another account',
    scanned({ keys }, [seen('vtexappkey-acmeqa-ABCDEF')]),
    [finding('HIGH', 'EXTERNAL_KEY', 'vtexappkey-acmeqa-ABCDEF')],
  ],
  [
    'an own-account appKey not in the inventory',
    scanned({ keys }, [seen('vtexappkey-acme-GONEKY')]),
    [finding('HIGH', 'ACCOUNT', 'acme')],
  ],
  [
    'an own-account appKey not in the inventory, with token',
    scanned({ keys }, [withToken('vtexappkey-acme-GONEKY')]),
    [finding('CRITICAL', 'ACCOUNT', 'acme')],
  ],
  [
    'a token without a key',
    scanned({ keys }, [looseToken()]),
    [finding('CRITICAL', 'ACCOUNT', 'acme')],
  ],
  [
    'a share link without a key',
    scanned({ keys }, [shareLink()]),
    [finding('CRITICAL', 'ACCOUNT', 'acme')],
  ],
  [
    'tokens and links without a key: one finding',
    scanned({ keys }, [
      looseToken(),
      shareLink(),
      looseToken({ url: PRODUCT }),
    ]),
    [finding('CRITICAL', 'ACCOUNT', 'acme')],
  ],
  [
    'a key and a loose token: the key first, then the account',
    scanned({ keys }, [looseToken(), seen(k2.appKey)]),
    [finding('HIGH', 'KEY', k2.id), finding('CRITICAL', 'ACCOUNT', 'acme')],
  ],
  [
    'another account name in the input',
    scanned({ account: 'partner', keys }, [seen('vtexappkey-partner-ABCDEF')]),
    [finding('HIGH', 'ACCOUNT', 'partner')],
  ],
]

describe('exposed-client-side', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('declares its practice and severities', () => {
    expect(rule.practice).toBe('NO_CLIENT_SIDE')
    expect(rule.severities).toEqual(['CRITICAL', 'HIGH'])
  })

  it('labels an inventory key finding and counts places', () => {
    const [f] = run(
      rule,
      scanned({ keys }, [
        withToken(k1.appKey, { line: 33 }),
        seen(k1.appKey, { url: PRODUCT, line: 7 }),
      ])
    )

    expect(f.subjectLabel).toBe('Store locator')
    expect(f.params).toEqual({
      label: 'Store locator',
      appKey: k1.appKey,
      token: 1,
      url: APP_JS,
      line: 33,
      places: 2,
    })
  })

  it('reports the key alone with token 0', () => {
    const [f] = run(
      rule,
      scanned({ keys }, [seen(k2.appKey, { url: PRODUCT, line: 26 })])
    )

    expect(f.params).toEqual({
      label: 'Q&A widget',
      appKey: k2.appKey,
      token: 0,
      url: PRODUCT,
      line: 26,
      places: 1,
    })
  })

  it('falls back to the appKey when the inventory key has no label', () => {
    const k = key({ label: '' })
    const [f] = run(rule, scanned({ keys: [k] }, [seen(k.appKey)]))

    expect(f.subjectLabel).toBe(k.appKey)
    expect(f.params.label).toBe(k.appKey)
  })

  it('labels an external key by its appKey', () => {
    const [f] = run(
      rule,
      scanned({ keys }, [seen('vtexappkey-partner-ABCDEF')])
    )

    expect(f.subjectLabel).toBe('vtexappkey-partner-ABCDEF')
    expect(f.params).toMatchObject({
      appKey: 'vtexappkey-partner-ABCDEF',
      token: 0,
      places: 1,
    })
  })

  it('counts every loose exposure as a place of the one account finding', () => {
    const [f] = run(
      rule,
      scanned({ keys }, [
        looseToken({ url: PRODUCT, line: 4 }),
        shareLink(),
        looseToken(),
      ])
    )

    expect(f.params).toEqual({
      label: 'acme',
      appKey: '',
      token: 1,
      url: PRODUCT,
      line: 4,
      places: 3,
    })
  })

  it('works on what scanText reports for the fixture-like store locator script', () => {
    const js = `headers: { 'X-VTEX-API-AppKey': '${k1.appKey}', 'X-VTEX-API-AppToken': '${TOKEN}' }`
    const exposures = scanText(APP_JS, js)

    expect(run(rule, scanned({ keys }, exposures)).map(summary)).toEqual([
      finding('CRITICAL', 'KEY', k1.id),
    ])
  })

  // Issue 16, item 1: a scan that could not read a URL kept nothing of it, so its CRITICAL finding
  // vanished and the hygiene score rose. The scanner now keeps the earlier exposures, dated.
  describe('exposures kept from an earlier scan (their URL could not be read again)', () => {
    const EARLIER = '2026-11-20T06:00:00.000Z'
    const kept = (e: Exposure): Exposure => ({ ...e, lastSeenAt: EARLIER })

    it('fire as if seen now, with the same severity', () => {
      const now = run(
        rule,
        scanned({ keys }, [
          withToken(k1.appKey),
          seen(k2.appKey, { url: PRODUCT }),
        ])
      ).map(summary)

      const later = run(
        rule,
        scanned({ keys }, [
          kept(withToken(k1.appKey)),
          kept(seen(k2.appKey, { url: PRODUCT })),
        ])
      ).map(summary)

      expect(later).toEqual(now)
      expect(later).toEqual([
        finding('CRITICAL', 'KEY', k1.id),
        finding('HIGH', 'KEY', k2.id),
      ])
    })

    it('say when they were last seen, unless one of the places was read now', () => {
      const [f] = run(
        rule,
        scanned({ keys }, [kept(withToken(k1.appKey, { line: 33 }))])
      )

      expect(f.params).toEqual({
        label: 'Store locator',
        appKey: k1.appKey,
        token: 1,
        url: APP_JS,
        line: 33,
        places: 1,
        lastSeen: '2026-11-20',
      })
      expect(sayFinding('en', f)).toContain(
        'Last seen on November 20, 2026: the latest scan could not read it again.'
      )
      const [g] = run(
        rule,
        scanned({ keys }, [
          kept(withToken(k1.appKey)),
          seen(k1.appKey, { url: PRODUCT }),
        ])
      )

      expect(g.params.lastSeen).toBeUndefined()
      const [loose] = run(rule, scanned({ keys }, [kept(looseToken())]))

      expect(loose.params.lastSeen).toBe('2026-11-20')
    })
  })

  // walk 11, #5: after the renewal the finding asked for, the key page still said "Renew its
  // token now". The scan saw the token on 2026-11-25 10:00 (scanned()); a renewal finished
  // after that killed the token seen, so what is left is the key in the code and a new scan.
  describe('a renewal finished after the scan saw the token', () => {
    const finished = (
      at: string,
      source?: 'RECORDED',
      startedAt = at.replace(/T.*/, 'T00:00:00.000Z') // started on the day it finished
    ) => ({
      [k1.id]: {
        startedAt,
        finishedAt: at,
        ...(source ? { source } : {}),
      },
    })

    it('stays CRITICAL and says the token seen was renewed on that day, and what is left', () => {
      const [f] = run(
        rule,
        scanned({ keys, renewals: finished('2026-11-26T11:00:00.000Z') }, [
          withToken(k1.appKey),
        ])
      )

      expect(summary(f)).toEqual(finding('CRITICAL', 'KEY', k1.id))
      expect(f.params.renewed).toBe('2026-11-26')
      const en = sayFinding('en', f)

      expect(en).toContain(
        'That token was renewed on November 26, 2026, after the scan found it: it no longer works. What is left: take the key out of that code'
      )
      expect(en).toContain('then scan the storefront again.')
      expect(en).not.toContain('Renew its token now')
      expect(sayFinding('pt', f)).toContain(
        'Esse token foi renovado em 26 de novembro de 2026'
      )
      expect(sayFinding('es', f)).toContain(
        'Ese token se renovó el 26 de noviembre de 2026'
      )
      expect(sayFinding('es', f)).not.toContain('Renueva su token ya')
    })

    it('counts a renewal started and finished as the scan started (a scan is dated by its start)', () => {
      const [f] = run(
        rule,
        scanned(
          {
            keys,
            renewals: finished(
              '2026-11-25T10:00:00.000Z',
              undefined,
              '2026-11-25T10:00:00.000Z'
            ),
          },
          [withToken(k1.appKey)]
        )
      )

      expect(f.params.renewed).toBe('2026-11-25')
    })

    // attack9 #7: while a renewal is pending both tokens work, and the code the scan read may
    // already hold the new one (put there before finishing): finishing does not kill it.
    it('does not say renewed when the renewal started before the scan saw the token, and says why', () => {
      for (const [renewal, started] of [
        // started the day before the scan, finished the day after
        [
          {
            startedAt: '2026-11-24T09:00:00.000Z',
            finishedAt: '2026-11-26T11:00:00.000Z',
          },
          '2026-11-24',
        ],
        // started after the scan by Key Steward's clock, VTEX created the new token before it
        [
          {
            startedAt: '2026-11-25T10:30:00.000Z',
            newTokenCreatedAt: '2026-11-25T09:59:00.000Z',
            finishedAt: '2026-11-26T11:00:00.000Z',
          },
          '2026-11-25',
        ],
      ] as const) {
        const [f] = run(
          rule,
          scanned({ keys, renewals: { [k1.id]: renewal } }, [
            withToken(k1.appKey),
          ])
        )

        expect(f.severity).toBe('CRITICAL')
        expect(f.params.renewed).toBeUndefined()
        expect(f.params.renewalStarted).toBe(started)
        expect(f.params.renewalFinished).toBe('2026-11-26')
        const en = sayFinding('en', f)

        expect(en).not.toContain('Renew its token now')
        expect(en).toContain('was still pending when the scan read that code')
        expect(en).toContain(
          'both tokens worked until it was finished on November 26, 2026, and the token in the code may be the new one'
        )
        expect(en).toContain('renew its token again')
      }
    })

    it('says a renewal still pending since before the scan leaves both tokens working, the new one maybe in the code', () => {
      const [f] = run(
        rule,
        scanned(
          {
            keys,
            renewals: {
              [k1.id]: {
                startedAt: '2026-11-24T09:00:00.000Z',
                finishedAt: null,
              },
            },
          },
          [withToken(k1.appKey)]
        )
      )

      expect(f.params.renewalStarted).toBe('2026-11-24')
      expect(f.params.renewalFinished).toBeUndefined()
      const said = {
        en: sayFinding('en', f),
        pt: sayFinding('pt', f),
        es: sayFinding('es', f),
      }

      expect(said.en).toContain(
        'A renewal of its token, started on November 24, 2026, was still pending when the scan read that code: both tokens work until the renewal is finished, and the new one may be in the code too.'
      )
      expect(said.en).toContain(
        'finish the renewal and renew its token once more'
      )
      expect(said.en).not.toContain('Renew its token now')
      expect(said.pt).toContain(
        'Uma renovação do token, iniciada em 24 de novembro de 2026, ainda estava pendente quando a varredura leu esse código: os dois tokens funcionam até a renovação ser concluída, e o novo também pode estar no código.'
      )
      expect(said.pt).not.toContain('Renove o token agora')
      expect(said.es).toContain(
        'Una renovación de su token, iniciada el 24 de noviembre de 2026, seguía pendiente cuando el escaneo leyó ese código: los dos tokens funcionan hasta que termines la renovación, y el nuevo también puede estar en el código.'
      )
      expect(said.es).not.toContain('Renueva su token ya')
      // days only: nothing of a token in the params
      expect(paramsText([f])).not.toMatch(TOKEN_RUN)
    })

    // attack12 #1: a renewal document with a date the app never writes (a hand edit, a bad
    // restore) made a finding whose message could not be formatted: "Nov 26 2026" was cut to
    // "Nov 26 202", ICU threw on it, and every finding of the page failed with it.
    it('claims no renewal from dates the app never writes, and its message is still said', () => {
      const started = '2026-11-25T11:00:00.000Z'

      for (const renewal of [
        { startedAt: started, finishedAt: 'Nov 26 2026' },
        { startedAt: '2026-11-24T11:00:00.000Z', finishedAt: 'Nov 26 2026' },
        { startedAt: started, finishedAt: ['2026-11-26T00:00:00.000Z'] },
        { startedAt: started, finishedAt: 2026 },
        { startedAt: 'Nov 26 2026', finishedAt: null },
        { startedAt: 2026, finishedAt: null },
        { startedAt: '+099999-01-01T00:00:00.000Z', finishedAt: null },
      ]) {
        const [f] = run(
          rule,
          scanned({ keys, renewals: { [k1.id]: renewal as never } }, [
            withToken(k1.appKey),
          ])
        )

        expect(f.severity).toBe('CRITICAL')
        expect([
          f.params.renewed,
          f.params.renewing,
          f.params.renewalStarted,
          f.params.renewalFinished,
        ]).toEqual([undefined, undefined, undefined, undefined])
        expect(sayFinding('en', f)).toContain('Renew its token now')
        expect(sayFinding('pt', f)).toContain('Renove o token agora')
        expect(sayFinding('es', f)).toContain('Renueva su token ya')
      }
    })

    // attack12 #4: a renewal started before the scan that VTEX later said was not pending (undone
    // or finished elsewhere) was worded as still pending: "finish the renewal", which VTEX refuses.
    it('asks to renew now when VTEX said the renewal started before the scan is not pending', () => {
      const [f] = run(
        rule,
        scanned(
          {
            keys,
            renewals: {
              [k1.id]: {
                startedAt: '2026-11-24T09:00:00.000Z',
                finishedAt: null,
                vtexNotPendingAt: '2026-11-26T09:00:00.000Z',
              },
            },
          },
          [withToken(k1.appKey)]
        )
      )

      expect(f.params.renewalStarted).toBeUndefined()
      expect(sayFinding('en', f)).toContain('Renew its token now')
      expect(sayFinding('en', f)).not.toContain('finish the renewal')
    })

    // attack12 #6: a renew request whose answer never arrived (POSSIBLY_PENDING) was worded as a
    // renewal "still pending when the scan read that code" (asked before the scan) or as "Renew
    // its token now" (after it, which VTEX refuses if one did start): it may be pending, no more.
    it('says a renewal may be pending when its answer never arrived, before or after the scan', () => {
      for (const asked of [
        '2026-11-24T09:00:00.000Z',
        '2026-11-26T09:00:00.000Z',
      ]) {
        const [f] = run(
          rule,
          scanned(
            {
              keys,
              renewals: {
                [k1.id]: {
                  startedAt: asked,
                  finishedAt: null,
                  outcomeUnknownAt: asked,
                },
              },
            },
            [withToken(k1.appKey)]
          )
        )

        expect(f.severity).toBe('CRITICAL')
        expect(f.params.renewalAsked).toBe(asked.slice(0, 10))
        expect([
          f.params.renewed,
          f.params.renewing,
          f.params.renewalStarted,
        ]).toEqual([undefined, undefined, undefined])
        const day = asked.slice(8, 10)
        const said = {
          en: sayFinding('en', f),
          pt: sayFinding('pt', f),
          es: sayFinding('es', f),
        }

        expect(said.en).toContain(
          `Key Steward asked VTEX to renew its token on November ${day}, 2026 and never learned the answer, so a renewal may be pending: check in VTEX’s Admin.`
        )
        expect(said.en).toContain(
          'if a renewal is pending, finish it and renew its token once more, otherwise renew its token now'
        )
        expect(said.en).not.toMatch(/still pending|Renew its token now/)
        expect(said.pt).toContain(
          `O Key Steward pediu à VTEX a renovação do token em ${day} de novembro de 2026 e nunca soube a resposta, então uma renovação pode estar pendente: confira no Admin da VTEX.`
        )
        expect(said.pt).not.toMatch(
          /ainda estava pendente|Renove o token agora/
        )
        expect(said.es).toContain(
          `Key Steward pidió a VTEX renovar su token el ${day} de noviembre de 2026 y nunca supo la respuesta, así que puede haber una renovación pendiente: compruébalo en el Admin de VTEX.`
        )
        expect(said.es).not.toMatch(/seguía pendiente|Renueva su token ya/)
      }
    })

    // attack13 #4: a damaged time of the unanswered request (a hand edit, a bad restore) dropped
    // the "may be pending" wording for "Renew its token now", which VTEX refuses if one started
    it('says a renewal may be pending when the unanswered request’s time cannot be read but its start can', () => {
      for (const damaged of ['soon', 1764000000000, '26/11/2026']) {
        const [f] = run(
          rule,
          scanned(
            {
              keys,
              renewals: {
                [k1.id]: {
                  startedAt: '2026-11-26T09:00:00.000Z',
                  finishedAt: null,
                  outcomeUnknownAt: damaged as never,
                },
              },
            },
            [withToken(k1.appKey)]
          )
        )

        expect(f.params.renewalAsked).toBe('2026-11-26')
        expect(sayFinding('en', f)).toContain('a renewal may be pending')
        expect(sayFinding('en', f)).not.toContain('Renew its token now')
      }
    })

    it('asks to renew now when the renewal’s start cannot be read', () => {
      const [f] = run(
        rule,
        scanned(
          {
            keys,
            renewals: {
              [k1.id]: {
                startedAt: 'soon',
                finishedAt: '2026-11-26T11:00:00.000Z',
              },
            },
          },
          [withToken(k1.appKey)]
        )
      )

      expect(f.params.renewed).toBeUndefined()
      expect(f.params.renewalStarted).toBeUndefined()
      expect(sayFinding('en', f)).toContain('Renew its token now')
    })

    it('says renewed when the renewal started after the scan and VTEX created the new token then', () => {
      const [f] = run(
        rule,
        scanned(
          {
            keys,
            renewals: {
              [k1.id]: {
                startedAt: '2026-11-25T11:00:00.000Z',
                newTokenCreatedAt: '2026-11-25T11:00:01.000Z',
                finishedAt: '2026-11-26T11:00:00.000Z',
              },
            },
          },
          [withToken(k1.appKey)]
        )
      )

      expect(f.params.renewed).toBe('2026-11-26')
    })

    it('counts a renewal done in VTEX and recorded for a day after the scan', () => {
      const [f] = run(
        rule,
        scanned(
          { keys, renewals: finished('2026-11-26T00:00:00.000Z', 'RECORDED') },
          [withToken(k1.appKey)]
        )
      )

      expect(f.params.renewed).toBe('2026-11-26')
    })

    it('asks to renew when the renewal finished before the scan', () => {
      const [f] = run(
        rule,
        scanned({ keys, renewals: finished('2026-11-25T09:00:00.000Z') }, [
          withToken(k1.appKey),
        ])
      )

      expect(f.params.renewed).toBeUndefined()
      expect(f.params.renewalStarted).toBeUndefined()
      expect(f.params.renewing).toBeUndefined()
      expect(sayFinding('en', f)).toContain('Renew its token now')
    })

    // left10: "Renew its token now" for a renewal started after the scan and still pending:
    // VTEX refuses a second renewal; finishing this one is what stops the token seen.
    it('asks to finish a renewal started after the scan and still pending, not to renew', () => {
      const renewals = {
        [k1.id]: { startedAt: '2026-11-26T09:00:00.000Z', finishedAt: null },
      }
      const [f] = run(rule, scanned({ keys, renewals }, [withToken(k1.appKey)]))

      expect(summary(f)).toEqual(finding('CRITICAL', 'KEY', k1.id))
      expect(f.params.renewing).toBe('2026-11-26')
      expect(f.params.renewed).toBeUndefined()
      expect(f.params.renewalStarted).toBeUndefined()
      for (const locale of ['en', 'pt', 'es'] as const)
        expect(sayFinding(locale, f)).not.toMatch(
          /Renew its token now|Renove o token agora|Renueva su token ya/
        )
      expect(sayFinding('en', f)).toContain(
        'started on November 26, 2026 after the scan found it, is still pending: the token seen is the old one, and it stops working when you finish that renewal'
      )
      expect(sayFinding('pt', f)).toContain('conclua a renovação')
      expect(sayFinding('es', f)).toContain('termina la renovación')
    })

    it('dates the token by the earlier scan that last saw it when the latest could not read it', () => {
      // seen on 11-20, renewed on 11-22: the latest scan (11-25) did not see the token again
      const [f] = run(
        rule,
        scanned({ keys, renewals: finished('2026-11-22T08:00:00.000Z') }, [
          withToken(k1.appKey, { lastSeenAt: '2026-11-20T06:00:00.000Z' }),
        ])
      )

      expect(f.params.renewed).toBe('2026-11-22')
    })

    it('leaves a key seen without a token as it is', () => {
      const [f] = run(
        rule,
        scanned({ keys, renewals: finished('2026-11-26T11:00:00.000Z') }, [
          seen(k1.appKey),
        ])
      )

      expect(f.severity).toBe('HIGH')
      expect(f.params.renewed).toBeUndefined()
    })
  })

  it('never puts a token in params', () => {
    const real = scanText(
      APP_JS,
      `'X-VTEX-API-AppKey': '${k1.appKey}', 'X-VTEX-API-AppToken': '${TOKEN}'; x-vtex-api-apptoken ${TOKEN}`
    )

    const findings = [
      ...cases.flatMap((c) => run(rule, c[1])),
      ...run(rule, scanned({ keys }, real)),
    ]

    expect(findings.length).toBeGreaterThan(cases.length - 3)
    expect(paramsText(findings)).not.toMatch(TOKEN_RUN)
    expect(paramsText(findings)).not.toMatch(/[A-Z]{20,}/)
  })
})
