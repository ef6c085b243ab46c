import { CLIENT_OPTIONS, vtexClientOptions } from './deadline'

describe('vtexClientOptions', () => {
  it('switches @vtex/api’s retries and memoization off whatever the caller passed', () => {
    const options = vtexClientOptions({
      retries: 3,
      memoizable: true,
      timeout: 900,
    })

    expect(options.retries).toBe(0)
    expect(options.memoizable).toBe(false)
    // the caller's timeout is kept; without one the service's default applies
    expect(options.timeout).toBe(900)
    expect(vtexClientOptions(undefined).timeout).toBe(CLIENT_OPTIONS.timeout)
  })

  it('keeps the caller’s headers, adds the client’s own, and always asks for HTTPS', () => {
    const { headers } = vtexClientOptions(
      { headers: { 'X-Caller': 'a', 'X-Vtex-Use-Https': 'false' } },
      { VtexIdclientAutCookie: 'app-token-of-the-request' }
    )

    expect(headers).toEqual({
      'X-Caller': 'a',
      VtexIdclientAutCookie: 'app-token-of-the-request',
      'X-Vtex-Use-Https': 'true',
    })
  })
})
