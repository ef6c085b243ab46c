import { ConflictError } from '../clients/appStorage'
import { UpstreamError } from '../clients/retry'
import {
  FIND_USER_BY_EMAIL,
  RENEW_API_TOKEN,
  SAVE_USER,
} from '../domain/resources'
import { localizeError } from '../services/wording'
import type { Context } from '../typings'
import {
  missingPermissions,
  requireAdminToken,
  sessionExpired,
  toResolverError,
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
    JanusClient: class {},
  }
})

type Answered = {
  message: string
  extensions: Record<string, unknown> & { exception: { message: string } }
}

/** What the GraphQL answer says for `err` in `locale` (as runtime/hardenGraphql.ts formats it). */
function answered(err: Error, locale: 'pt' | 'es'): Answered {
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
      'Your user lacks the License Manager resource "Renew API Token". Ask an account admin for a role that grants it (for example a custom role with these resources).'
    )
    expect(missingPermissions([SAVE_USER, FIND_USER_BY_EMAIL]).message).toBe(
      'Your user lacks the License Manager resources "Find user by email" (or its newer equivalent "View Admin Users"), "Save user" (or its newer equivalent "Edit Admin Users"). Ask an account admin for a role that grants them (for example a custom role with these resources).'
    )
  })

  it('answers in the admin’s language and keeps its code and resource keys', () => {
    const err = missingPermissions([SAVE_USER, FIND_USER_BY_EMAIL])
    const pt = answered(err, 'pt')

    expect(pt.message).toBe(
      'Seu usuário não tem os recursos do License Manager "Find user by email" (ou seu equivalente mais novo "View Admin Users"), "Save user" (ou seu equivalente mais novo "Edit Admin Users"). Peça a um admin da conta um perfil que os conceda (por exemplo, um perfil personalizado com esses recursos).'
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
      'Tu usuario no tiene el recurso de License Manager "Renew API Token". Pide a un admin de la cuenta un rol que lo otorgue (por ejemplo, un rol personalizado con estos recursos).'
    )
  })
})

describe('toResolverError', () => {
  it('says VTEX did not answer with what failed, counted in each language', () => {
    const once = new UpstreamError('/api/vlm/appkeys', 502, 1, 'HTTP 502')
    const late = new UpstreamError('/api/vlm/appkeys', 503, 4, 'HTTP 503', true)

    for (const e of [once, late])
      expect(toResolverError(e).message).toBe(
        `VTEX did not answer: ${e.message}. Try again in a few minutes.`
      )
    const es = answered(toResolverError(late), 'es')

    expect(es.message).toBe(
      'VTEX no respondió: /api/vlm/appkeys falló tras 4 intentos: HTTP 503 (sin tiempo antes del plazo). Inténtalo de nuevo en unos minutos.'
    )
    expect(es.extensions.code).toBe('UPSTREAM_UNAVAILABLE')
    expect(answered(toResolverError(once), 'pt').message).toMatch(
      /falhou após 1 tentativa: HTTP 502\. Tente/
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
