import { ConflictError } from '../clients/appStorage'
import { LM } from '../clients/licenseManagerApi'
import { MESSAGE_CENTER } from '../clients/messageCenter'
import { UpstreamError } from '../clients/retry'
import { SCHEDULER } from '../clients/scheduler'
import { VTEX_ID } from '../clients/vtexId'
import {
  FIND_USER_BY_EMAIL,
  RENEW_API_TOKEN,
  SAVE_USER,
} from '../domain/resources'
import { localizeError } from '../services/wording'
import type { Context } from '../typings'
import { KEY_RULE_IDS } from '../domain/rules/keyRules'
import {
  checkKeyRule,
  MAX_RULE_LENGTH,
  missingPermissions,
  requireAdminToken,
  sessionExpired,
  toResolverError,
  upstreamBehind,
} from './errors'

// @vtex/api cannot load under jest here (its telemetry needs modules jest does not resolve): the
// error classes these functions make are stood in by plain ones with the same shape.
jest.mock('@vtex/api', () => {
  class Coded extends Error {
    constructor(message: string, public statusCode = 500, public code = '') {
      super(message)
    }
  }

  return {
    AuthenticationError: class extends Coded {},
    ForbiddenError: class extends Coded {},
    ResolverError: Coded,
    UserInputError: class extends Coded {},
    JanusClient: class {},
  }
})

type Answered = {
  message: string
  extensions: Record<string, unknown> & { exception: { message: string } }
}

/** What the GraphQL answer says for `err` in `locale` (as runtime/hardenGraphql.ts formats it). */
function answered(err: Error, locale: 'en' | 'pt' | 'es'): Answered {
  const ext = (err as { extensions?: Record<string, unknown> }).extensions

  return localizeError(
    {
      message: err.message,
      extensions: { ...ext, exception: { message: err.message } },
    },
    err,
    locale
  ) as Answered
}

describe('missingPermissions', () => {
  it('names one resource, in English, with plurals that follow the count', () => {
    expect(missingPermissions([RENEW_API_TOKEN]).message).toBe(
      'Your user lacks the License Manager resource “Renew API Token”. Ask an account admin for a role that grants it (for example a custom role with these resources).'
    )
    expect(missingPermissions([SAVE_USER, FIND_USER_BY_EMAIL]).message).toBe(
      'Your user lacks the License Manager resources “Find user by email” (or its newer equivalent “View Admin Users”), “Save user” (or its newer equivalent “Edit Admin Users”). Ask an account admin for a role that grants them (for example a custom role with these resources).'
    )
  })

  it('answers in the admin’s language and keeps its code and resource keys', () => {
    const err = missingPermissions([SAVE_USER, FIND_USER_BY_EMAIL])
    const pt = answered(err, 'pt')

    expect(pt.message).toBe(
      'Seu usuário não tem os recursos do License Manager “Find user by email” (ou seu equivalente mais novo “View Admin Users”), “Save user” (ou seu equivalente mais novo “Edit Admin Users”). Peça a um admin da conta um perfil que os conceda (por exemplo, um perfil personalizado com esses recursos).'
    )
    expect(pt.extensions.exception.message).toBe(pt.message)
    expect(pt.extensions).toMatchObject({
      code: 'FORBIDDEN',
      missingResources: ['Find user by email', 'Save user'],
      acceptedResources: [
        ['Find user by email', 'View Admin Users'],
        ['Save user', 'Edit Admin Users'],
      ],
    })
    expect(answered(missingPermissions([RENEW_API_TOKEN]), 'es').message).toBe(
      'Tu usuario no tiene el recurso de License Manager “Renew API Token”. Pide a un admin de la cuenta un rol que lo otorgue (por ejemplo, un rol personalizado con estos recursos).'
    )
  })
})

describe('missingPermissions for a named auditor', () => {
  // walk 10: an auditor refused the Overview was told to ask to be named an auditor
  it('says the session is an auditor only when it is one', () => {
    const ext = (e: Error) =>
      (e as { extensions?: Record<string, unknown> }).extensions

    expect(
      ext(missingPermissions([SAVE_USER], { auditor: true }))
    ).toMatchObject({ code: 'FORBIDDEN', auditor: true })
    expect(ext(missingPermissions([SAVE_USER]))).not.toHaveProperty('auditor')
    expect(
      ext(missingPermissions([SAVE_USER], { auditor: false }))
    ).not.toHaveProperty('auditor')
  })
})

describe('toResolverError', () => {
  // A walk found "VTEX did not answer: GET /api/vlm/appkeys failed after 4 attempts: HTTP 502"
  // on a pt page: a raw method and path, and "did not answer" about an answer (502).
  it('names what could not be done and says VTEX failed when it answered an error, in each language', () => {
    const once = new UpstreamError(LM.appKeys, 502, 1, 'HTTP 502')
    const late = new UpstreamError(LM.appKeys, 503, 4, 'HTTP 503', true)

    expect(toResolverError(once).message).toBe(
      'Could not read the list of API keys: VTEX failed (HTTP 502) after 1 attempt. Try again in a few minutes.'
    )
    expect(toResolverError(late).message).toBe(
      'Could not read the list of API keys: VTEX failed (HTTP 503) after 4 attempts, no time left before the deadline. Try again in a few minutes.'
    )
    const es = answered(toResolverError(late), 'es')

    expect(es.message).toBe(
      'No fue posible leer la lista de claves de API: VTEX falló (HTTP 503) tras 4 intentos, sin tiempo antes del plazo. Inténtalo de nuevo en unos minutos.'
    )
    expect(es.extensions.code).toBe('UPSTREAM_UNAVAILABLE')
    expect(answered(toResolverError(once), 'pt').message).toBe(
      'Não foi possível ler a lista de chaves de API: a VTEX falhou (HTTP 502) após 1 tentativa. Tente novamente em alguns minutos.'
    )
    for (const locale of ['en', 'pt', 'es'] as const)
      expect(answered(toResolverError(once), locale).message).not.toMatch(
        /appkeys|did not answer|não respondeu|no respondió/
      )
  })

  it('says VTEX did not answer only when no answer came, with the network failure in words', () => {
    const timedOut = new UpstreamError(
      VTEX_ID.renew,
      undefined,
      1,
      'ECONNABORTED'
    )

    expect(toResolverError(timedOut).message).toBe(
      'Could not renew the token: VTEX did not answer in time [ECONNABORTED] after 1 attempt. Try again in a few minutes.'
    )
    expect(answered(toResolverError(timedOut), 'pt').message).toBe(
      'Não foi possível renovar o token: a VTEX não respondeu a tempo [ECONNABORTED] após 1 tentativa. Tente novamente em alguns minutos.'
    )
    // the deadline came before any attempt: nothing was asked of VTEX
    const none = new UpstreamError(
      LM.users,
      undefined,
      0,
      'no time left before the deadline',
      true
    )

    expect(answered(toResolverError(none), 'es').message).toBe(
      'No fue posible leer la lista de usuarios administradores: no quedó tiempo antes del plazo para consultar a VTEX. Inténtalo de nuevo en unos minutos.'
    )
  })

  it('names every call the clients make, and shows the endpoint of one it does not know', () => {
    const endpoints = [
      ...Object.values(LM),
      ...Object.values(VTEX_ID),
      ...Object.values(SCHEDULER),
      ...Object.values(MESSAGE_CENTER),
    ]

    const unnamed = endpoints.flatMap((endpoint) =>
      (['en', 'pt', 'es'] as const)
        .map((locale) => [
          endpoint,
          answered(
            toResolverError(new UpstreamError(endpoint, 500, 4, 'HTTP 500')),
            locale
          ).message,
        ])
        .filter(([, text]) => text.includes('/api/'))
    )

    expect(endpoints.length).toBeGreaterThan(10)
    expect(unnamed).toEqual([])

    expect(
      toResolverError(new UpstreamError('GET /api/other', 500, 4, 'HTTP 500'))
        .message
    ).toBe(
      'Could not call VTEX (GET /api/other): VTEX failed (HTTP 500) after 4 attempts. Try again in a few minutes.'
    )
  })

  it('words the CONFLICT of a concurrent save and a 401 in the admin’s language', () => {
    const conflict = toResolverError(new ConflictError('settings'))

    expect(conflict.message).toBe(
      'Someone else changed this at the same time. Reload and try again.'
    )
    expect(answered(conflict, 'pt')).toMatchObject({
      message:
        'Outra pessoa alterou isto ao mesmo tempo. Recarregue e tente novamente.',
      extensions: { code: 'CONFLICT' },
    })
    const expired = toResolverError(new UpstreamError('/x', 401, 1, 'HTTP 401'))

    expect(expired.message).toBe(sessionExpired().message)
    expect(answered(expired, 'es')).toMatchObject({
      message:
        'Tu sesión del Admin de VTEX no es válida o caducó. Vuelve a iniciar sesión.',
      extensions: { code: 'UNAUTHENTICATED' },
    })
  })
})

describe('requireAdminToken', () => {
  it('asks to sign in, in the admin’s language', () => {
    let refused: Error | undefined

    try {
      requireAdminToken({ vtex: {} } as unknown as Context)
    } catch (e) {
      refused = e as Error
    }

    expect(refused?.message).toMatch(/^Sign in to the VTEX Admin/)
    expect(answered(refused!, 'pt')).toMatchObject({
      message: expect.stringMatching(/^Faça login no Admin da VTEX/),
      extensions: { code: 'UNAUTHENTICATED' },
    })
  })
})

describe('storage and upstream failures as the admin reads them', () => {
  const path = 'reviews/review-2026-11-26-abc.json'

  it('says what could not be saved or read, never the storage path', () => {
    const put = new UpstreamError(`VBase PUT ${path}`, 503, 4, 'HTTP 503')
    const saved = toResolverError(put)

    expect(saved.message).toBe(
      'Could not save the review: the storage did not answer. Try again.'
    )
    expect(answered(saved, 'pt').message).toBe(
      'Não foi possível salvar a revisão: o armazenamento não respondeu. Tente novamente.'
    )
    expect(answered(saved, 'es').message).toBe(
      'No fue posible guardar la revisión: el almacenamiento no respondió. Inténtalo de nuevo.'
    )
    const read = toResolverError(
      new UpstreamError(
        'VBase GET settings/settings.json',
        undefined,
        3,
        'ETIMEDOUT'
      )
    )

    expect(read.message).toBe(
      'Could not read the settings: the storage did not answer. Try again.'
    )
    for (const e of [saved, read]) {
      const answer = JSON.stringify(answered(e, 'pt'))

      expect(answer).not.toMatch(/VBase|\.json|reviews\/|settings\//)
      expect(JSON.stringify({ ...e })).not.toMatch(/VBase|\.json/)
      expect((e as { extensions?: { code?: string } }).extensions?.code).toBe(
        'UPSTREAM_UNAVAILABLE'
      )
    }

    // the log keeps what failed (resolvers/access.ts), from a property no answer enumerates
    expect(upstreamBehind(saved)?.endpoint).toBe(`VBase PUT ${path}`)
    expect(Object.keys(saved)).not.toContain('upstream')
  })

  // The key page's form saves one key's details: "the keys' notes" (plural) did not name it.
  it("names the annotations as this key's details when written, every key's when read", () => {
    const put = toResolverError(
      new UpstreamError(
        'VBase PUT annotations/annotations.json',
        500,
        4,
        'HTTP 500'
      )
    )

    const get = toResolverError(
      new UpstreamError(
        'VBase GET annotations/annotations.json',
        500,
        4,
        'HTTP 500'
      )
    )

    expect(put.message).toBe(
      'Could not save this key’s details: the storage did not answer. Try again.'
    )
    expect(answered(put, 'pt').message).toBe(
      'Não foi possível salvar os dados desta chave: o armazenamento não respondeu. Tente novamente.'
    )
    expect(answered(put, 'es').message).toBe(
      'No fue posible guardar los datos de esta clave: el almacenamiento no respondió. Inténtalo de nuevo.'
    )
    expect(answered(get, 'es').message).toBe(
      'No fue posible leer los datos de las claves: el almacenamiento no respondió. Inténtalo de nuevo.'
    )
  })

  it('never shows the free text of a failure (it could quote an upstream answer)', () => {
    const token = 'Q'.repeat(128)
    const e = new UpstreamError(
      '/api/vtexid/apikey/{apiKey}/apitoken/renew',
      undefined,
      1,
      `request failed (Unexpected token in JSON: {"token":"${token}"})`
    )

    const shown = toResolverError(e)

    expect(shown.message).toBe(
      'Could not call VTEX (/api/vtexid/apikey/{apiKey}/apitoken/renew): request failed after 1 attempt. Try again in a few minutes.'
    )
    expect(JSON.stringify(answered(shown, 'es'))).not.toContain(token)
  })
})

describe('checkKeyRule', () => {
  const refusal = (rule: string | null | undefined) => {
    try {
      checkKeyRule('rule', rule)
    } catch (e) {
      return e as Error & { extensions: Record<string, unknown> }
    }

    return null
  }

  it('lets a rule about keys, or no rule, through', () => {
    expect(refusal(null)).toBeNull()
    expect(refusal(undefined)).toBeNull()
    expect(refusal('owner-role')).toBeNull()
    expect(refusal('external-broad-access')).toBeNull()
  })

  it('refuses a blank rule with a clear message, in each language', () => {
    for (const blank of ['', '   ']) {
      const e = refusal(blank)!

      expect(e.message).toBe(
        `The rule filter (rule) is empty: name one of these rules: ${KEY_RULE_IDS.join(
          ', '
        )}, or leave the filter out for any rule.`
      )
      expect(e.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'rule',
        allowed: KEY_RULE_IDS,
      })
    }

    expect(answered(refusal('')!, 'pt').message).toMatch(
      /^O filtro de regra \(rule\) está vazio: informe uma destas regras: key-age-exceeded, /
    )
  })

  it('refuses a rule longer than any rule id for its length, without quoting it back', () => {
    const long = refusal('x'.repeat(1_000_000))!

    expect(long.message).toBe(
      `rule must be at most ${MAX_RULE_LENGTH} characters`
    )
    expect(long.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rule',
      allowed: KEY_RULE_IDS,
    })
    expect(answered(long, 'pt').message).not.toContain('xxx')
    // at the limit it is still an unknown rule, named back (cut)
    expect(refusal('x'.repeat(MAX_RULE_LENGTH))!.message).toMatch(
      /^Unknown rule “x{40}…”/
    )
  })

  it('names only the rules about keys when it refuses an unknown or a user/account rule', () => {
    const unknown = refusal('owner-rol')!

    expect(unknown.message).toMatch(/^Unknown rule “owner-rol”\. Known rules: /)
    expect(unknown.message).not.toMatch(/user-owner-role|review-overdue/)
    expect(unknown.extensions.allowed).toEqual(KEY_RULE_IDS)
    const account = refusal('review-overdue')!

    expect(account.message).toBe(
      `The rule “review-overdue” is about users or the account, so no key has it. Rules about keys: ${KEY_RULE_IDS.join(
        ', '
      )}.`
    )
    expect(answered(refusal('user-owner-role')!, 'es').message).toMatch(
      /^La regla “user-owner-role” trata de usuarios o de la cuenta/
    )
  })
})
