import type { Locale } from '../domain/wording'
import { say } from '../services/wording'
import {
  shownCause,
  isTransient,
  retryDelayMs,
  UNSENT_ONLY,
  UpstreamError,
  withRetry,
} from './retry'

const policy = { retries: 3, baseDelayMs: 100, maxDelayMs: 5000 }
const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), { response: { status, headers } })

describe('isTransient', () => {
  it.each([
    [429, undefined, true],
    [500, undefined, true],
    [503, undefined, true],
    [400, undefined, false],
    [401, undefined, false],
    [403, undefined, false],
    [404, undefined, false],
    [undefined, 'ECONNABORTED', true],
    [undefined, 'ECONNRESET', true],
    [undefined, undefined, false],
  ])('status %s code %s → %s', (status, code, expected) => {
    expect(
      isTransient(status as number | undefined, code as string | undefined)
    ).toBe(expected)
  })
})

describe('retryDelayMs', () => {
  it('grows exponentially with bounded jitter', () => {
    expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(100)
    expect(retryDelayMs(2, policy, undefined, () => 0)).toBe(200)
    expect(retryDelayMs(3, policy, undefined, () => 0.999)).toBeCloseTo(
      400 * 1.1998,
      0
    )
  })
  it('honours Retry-After in seconds and as an HTTP date, capped', () => {
    expect(retryDelayMs(1, policy, '2')).toBe(2000)
    expect(retryDelayMs(1, policy, '600')).toBe(5000)
    expect(
      retryDelayMs(
        1,
        policy,
        'Thu, 26 Nov 2026 12:00:03 GMT',
        Math.random,
        Date.parse('2026-11-26T12:00:00Z')
      )
    ).toBe(3000)
  })
  it('falls back to backoff on an unreadable Retry-After', () => {
    expect(retryDelayMs(1, policy, 'soon', () => 0)).toBe(100)
  })
})

describe('withRetry', () => {
  const sleeps: number[] = []
  const sleep = async (ms: number) => {
    sleeps.push(ms)
  }

  beforeEach(() => {
    sleeps.length = 0
  })

  it('retries a 429 after the Retry-After it was given, then succeeds', async () => {
    let calls = 0
    const result = await withRetry(
      'GET /x',
      async () => {
        calls++
        if (calls === 1) throw httpError(429, { 'retry-after': '1' })

        return 'ok'
      },
      policy,
      { sleep }
    )

    expect(result).toBe('ok')
    expect(calls).toBe(2)
    expect(sleeps).toEqual([1000])
  })

  it('gives up after the configured retries with an error that names the endpoint and attempts', async () => {
    let calls = 0
    const p = withRetry(
      'GET /x',
      async () => {
        calls++
        throw httpError(500)
      },
      policy,
      { sleep }
    )

    await expect(p).rejects.toMatchObject({
      name: 'UpstreamError',
      endpoint: 'GET /x',
      status: 500,
      attempts: 4,
      reason: 'HTTP 500',
    })
    expect(calls).toBe(4)
    expect(sleeps).toHaveLength(3)
  })

  it('does not retry a 403 and does not carry the request into the error', async () => {
    let calls = 0
    const failing = Object.assign(httpError(403), {
      config: { headers: { VtexIdclientAutCookie: 'secret-cookie' } },
    })

    const err = await withRetry(
      'GET /x',
      async () => {
        calls++
        throw failing
      },
      policy,
      { sleep }
    ).catch((e) => e)

    expect(calls).toBe(1)
    expect(err).toBeInstanceOf(UpstreamError)
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain(
      'secret-cookie'
    )
  })

  it('retries timeouts', async () => {
    let calls = 0
    const timeout = Object.assign(new Error('timeout of 5000ms exceeded'), {
      code: 'ECONNABORTED',
    })

    const err = await withRetry(
      'GET /x',
      async () => {
        calls++
        throw timeout
      },
      policy,
      { sleep }
    ).catch((e) => e)

    expect(calls).toBe(4)
    expect(err.reason).toBe('ECONNABORTED')
  })

  it('does not retry programming errors', async () => {
    let calls = 0

    await expect(
      withRetry(
        'GET /x',
        async () => {
          calls++
          throw new TypeError('boom')
        },
        policy,
        { sleep }
      )
    ).rejects.toMatchObject({ reason: 'request failed (boom)' })
    expect(calls).toBe(1)
  })
})

describe('withRetry with a deadline', () => {
  // A fake clock that sleeping and calls move forward.
  const fakeTime = () => {
    let t = 0

    return {
      clock: () => t,
      sleep: async (ms: number) => {
        t += ms
      },
      spend: (ms: number) => {
        t += ms
      },
    }
  }

  it('gives each attempt the time left and stops retrying when the next wait would pass the deadline', async () => {
    const time = fakeTime()
    const given: number[] = []
    const err = await withRetry(
      'GET /slow',
      async (remaining) => {
        given.push(remaining)
        time.spend(Math.min(remaining, 5000))
        throw Object.assign(new Error('timeout'), { code: 'ECONNABORTED' })
      },
      { retries: 10, baseDelayMs: 100, maxDelayMs: 1000 },
      { deadlineAt: 12_000, ...time }
    ).catch((e) => e)

    expect(err).toBeInstanceOf(UpstreamError)
    expect(err.deadlineReached).toBe(true)
    expect(err.attempts).toBe(given.length)
    expect(given[0]).toBe(12_000)
    expect(time.clock()).toBeLessThanOrEqual(12_000)
    expect(err.message).toMatch(
      /failed after 3 attempts: ECONNABORTED \(no time left before the deadline\)/
    )
  })

  it('does not wait out a Retry-After longer than the time left', async () => {
    const time = fakeTime()
    let calls = 0
    const err = await withRetry(
      'GET /x',
      async () => {
        calls++
        throw httpError(429, { 'retry-after': '8' })
      },
      policy,
      { deadlineAt: 5000, ...time }
    ).catch((e) => e)

    expect(calls).toBe(1)
    expect(err).toMatchObject({
      status: 429,
      attempts: 1,
      deadlineReached: true,
    })
    expect(time.clock()).toBe(0)
  })

  it('starts no attempt once the deadline has passed', async () => {
    const time = fakeTime()

    time.spend(10_000)
    let calls = 0
    const err = await withRetry(
      'GET /x',
      async () => {
        calls++

        return 'ok'
      },
      policy,
      { deadlineAt: 5000, ...time }
    ).catch((e) => e)

    expect(calls).toBe(0)
    expect(err).toMatchObject({ attempts: 0, deadlineReached: true })
  })
})

describe('UNSENT_ONLY (calls that are not idempotent, like a token renewal)', () => {
  const noSleep = async () => undefined
  const codeError = (code: string) => Object.assign(new Error(code), { code })

  it.each([
    ['a timeout (VTEX may have renewed)', codeError('ECONNABORTED')],
    ['a dropped connection', codeError('ECONNRESET')],
    ['a 500', httpError(500)],
    ['a 503', httpError(503)],
    ['a 409', httpError(409)],
  ])('never repeats after %s', async (_name, error) => {
    let calls = 0

    await expect(
      withRetry(
        'PATCH renew',
        async () => {
          calls++
          throw error
        },
        UNSENT_ONLY,
        { sleep: noSleep }
      )
    ).rejects.toBeInstanceOf(UpstreamError)
    expect(calls).toBe(1)
  })

  it.each([
    ['a refused connection', codeError('ECONNREFUSED')],
    ['a 429 (refused unprocessed)', httpError(429, { 'retry-after': '0' })],
  ])('repeats after %s, then succeeds', async (_name, error) => {
    let calls = 0
    const out = await withRetry(
      'PATCH renew',
      async () => {
        calls++
        if (calls === 1) throw error

        return 'renewed'
      },
      UNSENT_ONLY,
      { sleep: noSleep }
    )

    expect([out, calls]).toEqual(['renewed', 2])
  })
})

describe('shownCause', () => {
  const cause = (reason: string, locale: Locale = 'en') =>
    say(locale, shownCause(new UpstreamError('/api/x', undefined, 1, reason)))

  it('shows an HTTP status, or a network code it has no words for, as it is, in every language', () => {
    for (const locale of ['en', 'pt', 'es'] as Locale[]) {
      expect(cause('HTTP 503', locale)).toBe('HTTP 503')
      expect(cause('EPROTO', locale)).toBe('EPROTO')
    }
  })

  // A walk found "(ECONNABORTED)" alone on a pt page: the admin reads what happened, support the code.
  it.each([
    ['ECONNABORTED', 'en', 'VTEX did not answer in time [ECONNABORTED]'],
    ['ETIMEDOUT', 'pt', 'a VTEX não respondeu a tempo [ETIMEDOUT]'],
    ['ESOCKETTIMEDOUT', 'es', 'VTEX no respondió a tiempo [ESOCKETTIMEDOUT]'],
    ['ECONNRESET', 'en', 'the connection was cut [ECONNRESET]'],
    ['EPIPE', 'pt', 'a conexão foi interrompida [EPIPE]'],
    ['ECONNRESET', 'es', 'la conexión se cortó [ECONNRESET]'],
    ['ECONNREFUSED', 'en', 'VTEX could not be reached [ECONNREFUSED]'],
    ['ENOTFOUND', 'pt', 'não foi possível contatar a VTEX [ENOTFOUND]'],
    ['EAI_AGAIN', 'es', 'no se pudo contactar con VTEX [EAI_AGAIN]'],
  ] as Array<[string, Locale, string]>)(
    'words the network code %s (%s), keeping the code',
    (code, locale, text) => {
      expect(cause(code, locale)).toBe(text)
    }
  )

  it("words any other failure, and the deadline, in the admin's language, never quoting its text", () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9SECRETSECRET'

    expect(cause(`request failed (token ${token})`)).toBe('request failed')
    expect(cause(`request failed (${token})`, 'pt')).toBe(
      'a solicitação falhou'
    )
    expect(cause('something odd', 'es')).toBe('la solicitud falló')
    expect(cause('no time left before the deadline', 'pt')).toBe(
      'sem tempo antes do prazo'
    )
  })
})
