import { evaluatePolicy } from './engine'
import type { Finding } from './findings'
import { findingWording } from './messages'
import { RULES } from './rules'
import { policyInputFromFixture } from './testing/fromFixture'
import { input, key, OWNER, run, daysAgo } from './testing/build'
import { keyAgeExceeded } from './rules/keyAgeExceeded'
import { reviewOverdue } from './rules/reviewOverdue'
import { say, sayFinding } from '../services/wording'
import type { Locale } from './wording'
import { SERVER_MESSAGES } from '../generated/messages'

const LOCALES: Locale[] = ['en', 'pt', 'es']

const exposed = (params: Finding['params']): Finding => ({
  rule: 'exposed-client-side',
  severity: 'CRITICAL',
  practice: 'NO_CLIENT_SIDE',
  subjectType: 'KEY',
  subjectId: 'k1',
  subjectLabel: 'Store locator widget',
  params: {
    appKey: 'vtexappkey-acme-XDIUKI',
    label: 'Store locator widget',
    url: 'https://acme.myvtex.com/arquivos/app.js',
    line: 3,
    places: 1,
    ...params,
  },
})

describe('exposed-client-side messages', () => {
  it.each([
    [
      'en',
      'The key “Store locator widget” and its token appear in code',
      'The key “Store locator widget” appears in code',
    ],
    [
      'pt',
      'A chave “Store locator widget” e seu token aparecem em código',
      'A chave “Store locator widget” aparece em código',
    ],
    [
      'es',
      'La clave “Store locator widget” y su token aparecen en código',
      'La clave “Store locator widget” aparece en código',
    ],
  ] as const)(
    'name the key right after "the key" (%s)',
    (locale, withToken, alone) => {
      expect(sayFinding(locale, exposed({ token: 1 }))).toContain(withToken)
      expect(sayFinding(locale, exposed({}))).toContain(alone)
    }
  )

  it('count the other places with a plural, and date an exposure the last scan could not read', () => {
    expect(sayFinding('en', exposed({ places: 2 }))).toContain(
      '(https://acme.myvtex.com/arquivos/app.js, line 3, and 1 more place).'
    )
    expect(sayFinding('en', exposed({ places: 4 }))).toContain(
      'line 3, and 3 more places).'
    )
    expect(sayFinding('en', exposed({}))).not.toContain('more place')
    expect(sayFinding('en', exposed({}))).not.toContain('Last seen')
    expect(sayFinding('pt', exposed({ lastSeen: '2026-11-20' }))).toContain(
      'Vista pela última vez em 20 de novembro de 2026'
    )
  })

  it('word a token whose key is unknown apart from a key', () => {
    const loose = exposed({ appKey: '', token: 1, lastSeen: '2026-11-20' })

    expect(sayFinding('en', loose)).toBe(
      'A VTEX token or credentials link appears in code the browser loads (https://acme.myvtex.com/arquivos/app.js, line 3). Anyone can read it there. Find the key it belongs to, renew its token, and move the call server-side. Last seen on November 20, 2026: the latest scan could not read it again.'
    )
    expect(sayFinding('es', loose)).toContain(
      'Visto por última vez el 20 de noviembre de 2026'
    )
  })
})

describe('key-age-exceeded messages', () => {
  const settings = { rotationDays: 90 }

  it('say what the age counts from and use singular days', () => {
    const [f] = run(
      keyAgeExceeded,
      input({
        keys: [key({ label: 'ERP', createdAt: daysAgo(91), roles: [OWNER] })],
        settings,
      })
    )

    expect(sayFinding('en', f)).toBe(
      'Key “ERP” is 91 days old, 1 day past the 90-day rotation period, and as far as Key Steward knows its token was never renewed. Old tokens widen the window for a leak. Renew its token (or create a new key and retire this one).'
    )
    expect(sayFinding('pt', f)).toContain(
      'tem 91 dias, 1 dia acima do período de rotação de 90 dias, e, pelo que o Key Steward sabe, seu token nunca foi renovado.'
    )
    expect(sayFinding('pt', f)).toContain(', 1 dia acima do período')
    expect(sayFinding('es', f)).toContain(', 1 día por encima del período')
  })

  it('name the renewal the token dates from', () => {
    const [f] = run(
      keyAgeExceeded,
      input({
        keys: [key({ id: 'k1', label: 'ERP', createdAt: daysAgo(400) })],
        renewals: {
          k1: {
            startedAt: daysAgo(200),
            finishedAt: daysAgo(200),
            source: 'RECORDED',
          },
        },
        settings,
      })
    )

    const since = new Date(`${daysAgo(200).slice(0, 10)}T00:00:00Z`)
    const long = since.toLocaleDateString('en-US', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    })

    expect(sayFinding('en', f)).toContain(
      `The token of key “ERP” is 200 days old (renewal recorded for ${long}), 110 days past`
    )
  })

  // The key's page says "Renewal started on … by …" beside this finding: it must not say the
  // token was never renewed, nor ask for a renewal VTEX would refuse (one is pending).
  it.each([
    [
      'en',
      'Key “ERP” is 100 days old, 10 days past the 90-day rotation period, and its token in use is still the one it was created with. A renewal started on November 21, 2026 is not finished: the old token keeps working until it is. Finish the renewal once the integration uses the new token.',
    ],
    [
      'pt',
      'Uma renovação iniciada em 21 de novembro de 2026 não foi concluída',
    ],
    ['es', 'Una renovación iniciada el 21 de noviembre de 2026 no se terminó'],
  ] as const)(
    'while a renewal is pending, say so and ask to finish it (%s)',
    (locale, text) => {
      const f: Finding = {
        rule: 'key-age-exceeded',
        severity: 'MEDIUM',
        practice: 'ROTATE_KEYS',
        subjectType: 'KEY',
        subjectId: 'k1',
        subjectLabel: 'ERP',
        params: {
          ageDays: 100,
          overdueDays: 10,
          periodDays: 90,
          since: '2026-08-18T00:00:00.000Z',
          basis: 'KEY_CREATED',
          renewalStarted: '2026-11-21T15:00:00.000Z',
        },
      }

      expect(sayFinding(locale, f)).toContain(text)
      expect(sayFinding(locale, f)).not.toMatch(
        /never|nunca|Renove o token|Renueva su token/
      )
    }
  )

  // A renew request whose answer never arrived: VTEX may hold a pending renewal (a second renew
  // is refused, 409), or none; the admin checks VTEX's Admin before renewing.
  it.each([
    [
      'en',
      'so a renewal may be pending: check in VTEX’s Admin first. If one is, finish it',
    ],
    [
      'pt',
      'então uma renovação pode estar pendente: confira primeiro no Admin da VTEX',
    ],
    [
      'es',
      'así que puede haber una renovación pendiente: compruébalo primero en el Admin de VTEX',
    ],
  ] as const)(
    'when a renewal may be pending, ask to check VTEX’s Admin before renewing (%s)',
    (locale, text) => {
      const [f] = run(
        keyAgeExceeded,
        input({
          keys: [key({ id: 'k1', label: 'ERP', createdAt: daysAgo(100) })],
          renewals: {
            k1: {
              startedAt: '2026-11-21T15:00:00.000Z',
              finishedAt: null,
              outcomeUnknownAt: '2026-11-21T15:00:00.000Z',
            },
          },
          settings,
        })
      )

      const said = sayFinding(locale, f)

      expect(said).toContain(text)
      expect(said).toMatch(/21 (de )?(November|novembro|noviembre)|November 21/)
      expect(said).not.toMatch(
        /Renew its token|Renove o token|Renueva su token/
      )
      expect(said).not.toMatch(/not finished|não foi concluída|no se terminó/)
    }
  )

  // The key's page writes its dates in full ("August 18, 2026"): the finding beside them too,
  // in the admin's language, on the day the renewal finished whatever the server's zone.
  it.each([
    ['en', '(renewal finished on August 18, 2026)'],
    ['pt', '(renovação concluída em 18 de agosto de 2026)'],
    ['es', '(renovación terminada el 18 de agosto de 2026)'],
  ] as const)('date the renewal in full (%s)', (locale, text) => {
    const f: Finding = {
      rule: 'key-age-exceeded',
      severity: 'MEDIUM',
      practice: 'ROTATE_KEYS',
      subjectType: 'KEY',
      subjectId: 'k1',
      subjectLabel: 'ERP',
      params: {
        ageDays: 101,
        overdueDays: 11,
        periodDays: 90,
        since: '2026-08-18T23:30:00.000Z',
        basis: 'RENEWAL_FINISHED',
      },
    }

    expect(sayFinding(locale, f)).toContain(text)
  })
})

// attack12 #1: a day a message cannot read (ICU throws on it) is not said, in any language,
// instead of failing every finding of the page.
describe('days that cannot be read', () => {
  it('an exposure’s renewal or last-seen day is left out of its message', () => {
    for (const params of <Array<Finding['params']>>[
      { token: 1, renewed: 'Nov 26 202' },
      { token: 1, renewing: 'soon' },
      { token: 1, renewalStarted: 'soon', renewalFinished: 'later' },
      { token: 1, lastSeen: 'yesterday' },
    ])
      for (const l of LOCALES) {
        const said = sayFinding(l, exposed(params))

        expect(said).toContain('Store locator widget')
        expect(said).not.toMatch(/Invalid|NaN|\{/)
      }
  })

  it('a pending renewal whose start cannot be read is not named in the key-age message', () => {
    const [f] = run(
      keyAgeExceeded,
      input({
        keys: [key({ id: 'k1', label: 'ERP', createdAt: daysAgo(400) })],
        renewals: { k1: { startedAt: 'soon', finishedAt: null } },
        settings: { rotationDays: 90 },
      })
    )

    for (const l of LOCALES) expect(sayFinding(l, f)).toContain('ERP')
    expect(sayFinding('en', f)).toContain('is 400 days old')
  })

  it('a renewal finished on a date written otherwise is ignored: the age counts from the key', () => {
    const [f] = run(
      keyAgeExceeded,
      input({
        keys: [key({ id: 'k1', label: 'ERP', createdAt: daysAgo(400) })],
        renewals: {
          k1: {
            startedAt: daysAgo(200),
            finishedAt: new Date(daysAgo(200)).toDateString(),
            source: 'RECORDED',
          },
        },
        settings: { rotationDays: 90 },
      })
    )

    expect(f.params.basis).toBe('KEY_CREATED')
    for (const l of LOCALES) expect(sayFinding(l, f)).toContain('ERP')
  })
})

describe('review-overdue messages', () => {
  it('tell a review never completed from one completed long ago', () => {
    const never = run(reviewOverdue, input({ lastReviewCompletedAt: null }))
    const old = run(
      reviewOverdue,
      input({ lastReviewCompletedAt: daysAgo(200) })
    )

    expect(sayFinding('en', never[0])).toMatch(
      /^No access review completed yet for “[^”]+”; reviews are due every \d+ days\./
    )
    expect(sayFinding('en', old[0])).toMatch(
      /^The last access review of “[^”]+” was completed 200 days ago;/
    )
  })
})

describe('the key a message names', () => {
  // Key findings carry no copy of the label (rules/helpers.ts keyFinding): it is read here.
  it('is the finding subject, by label or by appKey when unlabelled, in every language', () => {
    const labelled = key({ label: 'ERP sync' })
    const unlabelled = key({ label: '' })
    const [a, b] = run(
      RULES.find((r) => r.id === 'no-owner')!,
      input({ keys: [labelled, unlabelled] })
    )

    for (const locale of LOCALES) {
      expect(sayFinding(locale, a)).toContain('“ERP sync”')
      expect(sayFinding(locale, b)).toContain(`“${unlabelled.appKey}”`)
    }
  })

  it("is the rule's own label when it gives one", () =>
    expect(
      sayFinding('en', {
        ...exposed({ label: 'Its own label' }),
        subjectLabel: 'Store locator widget',
      })
    ).toContain('“Its own label”'))
})

describe('every rule has its message', () => {
  it.each(RULES.map((r) => r.id))(
    '%s: a message id in en, pt and es',
    (rule) => {
      const { id } = findingWording({ rule, params: {} } as unknown as Finding)

      for (const locale of LOCALES)
        expect(
          (SERVER_MESSAGES[locale] as Record<string, string>)[
            `admin/key-steward.${id}`
          ]
        ).toEqual(expect.any(String))
    }
  )

  it('every finding of the default fixture is worded in every language, with no ICU left over', () => {
    const findings = evaluatePolicy(policyInputFromFixture())
    const rules = new Set(findings.map((f) => f.rule))

    expect(rules.size).toBeGreaterThan(5)
    for (const f of findings) {
      for (const locale of LOCALES) {
        const text = sayFinding(locale, f)

        expect(text).not.toMatch(/[{}#]|undefined|NaN/)
        expect(text).not.toMatch(new RegExp(`^${f.rule}:`))
      }
    }
  })

  it('the hygiene formula in each language', () => {
    for (const locale of LOCALES) {
      const formula = say(locale, { id: 'hygiene.formula' })

      // a key's 25 health points and the cap below 50 while a CRITICAL finding remains
      expect(formula).toMatch(/\b25\b/)
      expect(formula).toMatch(/\b50\b/)
      expect(formula).toMatch(/\.$/)
    }
  })

  it('a finding of a rule with no message is named, not dropped', () => {
    expect(
      sayFinding('en', {
        rule: 'not-a-rule',
        subjectLabel: 'ERP',
        params: {},
      } as unknown as Finding)
    ).toBe('not-a-rule: ERP')
  })
})
