import { inventoryOutcome } from '../../domain/scan/scanStatus'
import type { Missing } from '../../domain/types'
import type { Wording } from '../../domain/wording'
import { wording } from '../../domain/wording'
import { stepDetail } from './stepDetail'

const failed = wording('inventory.missing.because', {
  reason: wording('inventory.reason.upstream', {
    cause: wording('upstream.cause', { cause: 'HTTP 500', code: 'HTTP 500' }),
    attempts: 4,
    deadline: 'no',
  }),
})

const keyRoles = (label: string, n = 1): Wording =>
  wording('inventory.missing.keyRoles', {
    label,
    appKey: `vtexappkey-acme-${n}`,
    because: failed,
  })

/** The outcome a daily scan stores, read back from VBase (JSON). */
const stored = (missing: Missing[]) =>
  JSON.parse(JSON.stringify(inventoryOutcome({ complete: false, missing })))

describe('stepDetail', () => {
  const partial = stored([
    keyRoles('Freight quotes (Frenet)'),
    wording('inventory.missing.userRoles', {
      email: 'ana@acme.com',
      because: '',
    }),
    wording('inventory.missing.userList', { because: failed }),
    keyRoles('ERP', 2),
    keyRoles('PIM', 3),
  ])

  it("words what the inventory missed in the admin's language when the status is read", () => {
    expect(stepDetail(partial, 'en')).toBe(
      'roles of key “Freight quotes (Frenet)” (vtexappkey-acme-1) (HTTP 500 after 4 attempts); roles of user ana@acme.com; the admin user list (HTTP 500 after 4 attempts) and 2 more'
    )
    expect(stepDetail(partial, 'pt')).toBe(
      'perfis da chave “Freight quotes (Frenet)” (vtexappkey-acme-1) (HTTP 500 após 4 tentativas); perfis do usuário ana@acme.com; a lista de usuários administradores (HTTP 500 após 4 tentativas) e mais 2'
    )
    expect(stepDetail(partial, 'es')).toBe(
      'roles de la clave “Freight quotes (Frenet)” (vtexappkey-acme-1) (HTTP 500 tras 4 intentos); roles del usuario ana@acme.com; la lista de usuarios administradores (HTTP 500 tras 4 intentos) y 2 más'
    )
  })

  it('names every part when there are three or fewer', () => {
    expect(stepDetail(stored([keyRoles('ERP')]), 'pt')).toBe(
      'perfis da chave “ERP” (vtexappkey-acme-1) (HTTP 500 após 4 tentativas)'
    )
  })

  it('shows a status stored before (an English sentence) as it is', () => {
    const old = {
      state: 'PARTIAL',
      problem: 'INCOMPLETE',
      detail:
        'roles of key “ERP” (vtexappkey-acme-1) (HTTP 500 after 4 attempts)',
    }

    expect(stepDetail(old, 'pt')).toBe(old.detail)
    expect(stepDetail({ detail: null }, 'es')).toBeNull()
  })

  it('keeps the worded detail within 500 characters', () => {
    const long = stored(
      [1, 2, 3, 4].map((n) => keyRoles('Long label '.repeat(30), n))
    )
    const text = stepDetail(long, 'es')!

    expect(text).toHaveLength(500)
    expect(text.endsWith('…')).toBe(true)
  })

  it('leaves out, and counts, a stored part it cannot word (saved by another version)', () => {
    const odd = stored([keyRoles('ERP')])

    odd.missing.push({ id: 'inventory.missing.gone', values: {} })
    odd.missingCount = 2

    expect(stepDetail(odd, 'en')).toBe(
      'roles of key “ERP” (vtexappkey-acme-1) (HTTP 500 after 4 attempts) and 1 more'
    )
  })

  describe('a failed step', () => {
    const failed = (failure: unknown) => ({
      state: 'FAILED',
      problem: 'UPSTREAM_UNAVAILABLE',
      detail: null,
      failure,
    })

    const keyList = wording('upstream.failure.failed', {
      call: wording('upstream.failure.call', {
        what: 'appKeys',
        endpoint: 'GET /api/vlm/appkeys',
      }),
      reason: wording('upstream.cause', {
        cause: 'HTTP 503',
        code: 'HTTP 503',
      }),
    })

    it('words what failed in the language of the request', () => {
      const step = JSON.parse(JSON.stringify(failed(keyList)))

      expect(stepDetail(step, 'en')).toBe(
        'Could not read the list of API keys: HTTP 503.'
      )
      expect(stepDetail(step, 'pt')).toBe(
        'Não foi possível ler a lista de chaves de API: HTTP 503.'
      )
      expect(stepDetail(step, 'es')).toBe(
        'No fue posible leer la lista de claves de API: HTTP 503.'
      )
    })

    it('shows a failure stored before (an English sentence) as it is', () => {
      const old = {
        state: 'FAILED',
        problem: 'APP_FORBIDDEN',
        detail: 'GET /api/vlm/appkeys answered HTTP 403',
      }

      expect(stepDetail(old as never, 'es')).toBe(old.detail)
    })

    it.each([
      [{ id: 'upstream.failure.gone', values: { secret: 'RAWDATA' } }],
      [
        {
          id: 'upstream.failure.failed',
          values: { call: { id: 'nope' }, reason: 'RAWDATA' },
        },
      ],
      [{ id: 'upstream.failure.failed' }],
      ['RAWDATA'],
      [[]],
      [42],
    ])(
      'words a stored failure it cannot word (%j) as a general sentence, never raw data',
      (failure) => {
        const step = failed(failure) as never

        expect(stepDetail(step, 'pt')).toBe(
          'O que falhou foi salvo por outra versão do Key Steward e não pode ser mostrado aqui.'
        )
        expect(stepDetail(step, 'en')).not.toMatch(/RAWDATA|upstream\./)
      }
    )

    // a status document is data in VBase: whatever it holds, the page gets no token and no query
    const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)

    it.each([
      [
        'a value of a stored wording',
        failed(wording('upstream.failure.unexpected', { name: T })),
      ],
      ['a detail stored as text', { detail: `GET /x answered ${T}` }],
      ['a part stored as text', stored([`roles of key "${T}"`])],
    ])('redacts a token in %s', (_, step) => {
      const text = stepDetail(JSON.parse(JSON.stringify(step)), 'en')!

      expect(text).not.toContain(T)
      expect(text).toContain('[128 characters redacted]')
    })

    it('shows a call without its query', () => {
      const call = wording('upstream.failure.failed', {
        call: wording('upstream.failure.call', {
          what: 'other',
          endpoint: `GET /api/vlm/appkeys?appToken=${T}&x=<b>`,
        }),
        reason: wording('upstream.cause', {
          cause: 'HTTP 503',
          code: 'HTTP 503',
        }),
      })
      const text = stepDetail(failed(call) as never, 'en')!

      expect(text).toContain('GET /api/vlm/appkeys')
      expect(text).not.toMatch(/appToken|<b>|\?/)
    })

    it('does not believe a count of missing parts no read could have, nor word thousands of failures', () => {
      const step = { ...partial, missingCount: 1e308 }

      expect(stepDetail(step, 'en')).not.toMatch(/more|100,000/)
      const many = failed(Array.from({ length: 2000 }, () => keyList))

      expect(stepDetail(many as never, 'en')!.length).toBeLessThanOrEqual(500)
    })
  })
})
