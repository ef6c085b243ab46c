import { UpstreamError } from '../../clients/retry'
import {
  missingPermissions,
  sessionExpired,
  toResolverError,
} from '../../resolvers/errors'
import { refusalError } from '../../resolvers/refusals'
import { wording } from '../../domain/wording'
import type { Locale } from '../../domain/wording'
import { failureOutcome } from './scanOutcome'
import { stepDetail } from './stepDetail'

// @vtex/api cannot load under jest here (resolvers/errors.test.ts): its error classes are stood
// in by plain ones with the same shape.
jest.mock('@vtex/api', () => {
  class Coded extends Error {
    constructor(message: string, public statusCode = 500, public code = '') {
      super(message)
    }
  }

  return {
    AuthenticationError: class extends Coded {},
    ForbiddenError: class extends Coded {},
    NotFoundError: class extends Coded {},
    ResolverError: Coded,
    UserInputError: class extends Coded {},
    JanusClient: class {},
  }
})

/** A failure as the daily scan stores it (VBase: JSON) and as an admin reads it in `locale`. */
function shown(e: unknown, locale: Locale) {
  const stored = JSON.parse(JSON.stringify(failureOutcome(e)))

  return { ...stored, text: stepDetail(stored, locale) }
}

const keyList = (status: number | undefined, reason: string, attempts = 4) =>
  new UpstreamError('GET /api/vlm/appkeys', status, attempts, reason)

const ENGLISH =
  /\b(the|answered|after|attempts?|failed|refused|missing|could not|credentials)\b/i

describe('failureOutcome', () => {
  it('keeps what failed as data, never as an English sentence', () => {
    const outcome = failureOutcome(keyList(502, 'HTTP 502'))

    expect(outcome).toMatchObject({
      state: 'FAILED',
      problem: 'UPSTREAM_UNAVAILABLE',
      detail: null,
    })
    expect(outcome.failure).toMatchObject({ id: 'upstream.failure.failed' })
  })

  it.each([
    ['en', 'Could not read the list of API keys: HTTP 502 after 4 attempts.'],
    [
      'pt',
      'Não foi possível ler a lista de chaves de API: HTTP 502 após 4 tentativas.',
    ],
    [
      'es',
      'No fue posible leer la lista de claves de API: HTTP 502 tras 4 intentos.',
    ],
  ] as const)(
    'words a call VTEX kept failing, by its name, in %s',
    (locale, text) => {
      expect(shown(keyList(502, 'HTTP 502'), locale).text).toBe(text)
    }
  )

  it.each([
    ['en', 'VTEX refused to let the app register the daily scan (HTTP 403).'],
    [
      'pt',
      'A VTEX recusou ao app a permissão para registrar a varredura diária (HTTP 403).',
    ],
    [
      'es',
      'VTEX negó a la app el permiso para registrar el escaneo diario (HTTP 403).',
    ],
  ] as const)('words a refusal of the app’s token in %s', (locale, text) => {
    const e = new UpstreamError(
      'POST /api/scheduler/{workspace}/{app}',
      403,
      1,
      'HTTP 403'
    )

    expect(shown(e, locale)).toMatchObject({ problem: 'APP_FORBIDDEN', text })
  })

  it.each([
    [
      'en',
      'Could not read the list of API keys: the connection was cut [ECONNRESET] after 2 attempts, no time left before the deadline.',
    ],
    [
      'pt',
      'Não foi possível ler a lista de chaves de API: a conexão foi interrompida [ECONNRESET] após 2 tentativas, sem tempo antes do prazo.',
    ],
    [
      'es',
      'No fue posible leer la lista de claves de API: la conexión se cortó [ECONNRESET] tras 2 intentos, sin tiempo antes del plazo.',
    ],
  ] as const)(
    'words a network failure stopped by the deadline in %s',
    (locale, text) => {
      const e = new UpstreamError(
        'GET /api/vlm/appkeys',
        undefined,
        2,
        'ECONNRESET',
        true
      )

      expect(shown(e, locale)).toMatchObject({ problem: 'DEADLINE', text })
    }
  )

  it('says only that no time was left when no attempt was made', () => {
    const e = new UpstreamError(
      'GET /api/vlm/appkeys',
      undefined,
      0,
      'no time left before the deadline',
      true
    )

    expect(shown(e, 'es').text).toBe(
      'No fue posible leer la lista de claves de API: sin tiempo antes del plazo.'
    )
  })

  it('words the upstream failure behind a resolver error, not its admin-facing advice', () => {
    const e = toResolverError(keyList(503, 'HTTP 503'))

    expect(shown(e, 'pt')).toMatchObject({
      problem: 'UPSTREAM_UNAVAILABLE',
      text: 'Não foi possível ler a lista de chaves de API: HTTP 503 após 4 tentativas.',
    })
  })

  it('names the License Manager resources the app lacks, in every language', () => {
    const e = missingPermissions([
      [{ name: 'Get paged roles' }],
      [{ name: 'Save user' }],
    ] as never)

    expect(shown(e, 'en')).toMatchObject({
      problem: 'APP_FORBIDDEN',
      text: 'The app lacks the License Manager resources “Get paged roles”, “Save user”.',
    })
    expect(shown(e, 'pt').text).toBe(
      'Faltam ao app os recursos do License Manager “Get paged roles”, “Save user”.'
    )
    expect(shown(e, 'es').text).toBe(
      'A la app le faltan los recursos de License Manager “Get paged roles”, “Save user”.'
    )
  })

  it('agrees in number when one resource is missing', () => {
    const e = missingPermissions([[{ name: 'Save user' }]] as never)

    expect(shown(e, 'pt').text).toBe(
      'Falta ao app o recurso do License Manager “Save user”.'
    )
    expect(shown(e, 'es').text).toBe(
      'A la app le falta el recurso de License Manager “Save user”.'
    )
  })

  it('says the app’s credentials were refused (not the admin’s session)', () => {
    expect(shown(sessionExpired(), 'en').text).toBe(
      'VTEX refused the app’s credentials.'
    )
    expect(shown(sessionExpired(), 'pt').text).toBe(
      'A VTEX recusou as credenciais do app.'
    )
    expect(shown(sessionExpired(), 'es').text).toBe(
      'VTEX rechazó las credenciales de la app.'
    )
  })

  it('words the app’s storage failing without the document’s path', () => {
    const e = new UpstreamError(
      'VBase GET leakScans/latest.json',
      500,
      4,
      'HTTP 500'
    )

    const { text } = shown(e, 'es')

    expect(text).toMatch(/^No fue posible leer /)
    expect(text).not.toMatch(/latest\.json|VBase/)
  })

  it('keeps a refusal worded for admins (a storefront scan already running)', () => {
    const e = refusalError({
      ok: false,
      code: 'CONFLICT',
      message: wording('refusal.scan.running'),
    })

    expect(shown(e, 'pt').text).toMatch(/^Uma verificação|já está em andamento/)
    expect(shown(e, 'pt').text).not.toMatch(ENGLISH)
  })

  it('names an unexpected error by its class only, never its message', () => {
    const e = new TypeError('token=ABCDEF in https://x/?appToken=SECRET')

    expect(shown(e, 'en')).toMatchObject({
      problem: 'UNEXPECTED',
      text: 'Unexpected error (TypeError).',
    })
    expect(shown(e, 'pt').text).toBe('Erro inesperado (TypeError).')
    const odd = Object.assign(new Error('x'), { name: 'SECRET token=1 ?q' })

    expect(shown(odd, 'es').text).toBe('Error inesperado (Error).')
    expect(shown('a string', 'es').text).toBe('Error inesperado (Error).')
  })

  it('never shows a query of the endpoint, nor the failure’s free text', () => {
    const e = new UpstreamError(
      'GET /api/other?appToken=SECRET',
      500,
      4,
      'body said token SECRET'
    )

    const { text } = shown(e, 'en')

    expect(text).toBe(
      'Could not call VTEX (GET /api/other): request failed after 4 attempts.'
    )
  })

  it.each(['pt', 'es'] as const)(
    'leaves no English sentence in a %s status for any failure',
    (locale) => {
      for (const e of [
        keyList(502, 'HTTP 502'),
        keyList(401, 'HTTP 401'),
        toResolverError(keyList(503, 'HTTP 503')),
        sessionExpired(),
        new RangeError('x'),
      ])
        expect(shown(e, locale).text).not.toMatch(ENGLISH)
    }
  )
})
