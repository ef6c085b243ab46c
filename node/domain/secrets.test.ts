import { containsTokenLike, quote, redactDeep, redactTokens } from './secrets'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
const base64 = (text: string) => Buffer.from(text, 'latin1').toString('base64')
const PROSE =
  'The ERP integration syncs orders every ten minutes and writes invoices back to the store.'

describe('containsTokenLike', () => {
  it.each([
    ['a token alone', T, true],
    ['a token pasted twice', T + T, true],
    ['glued to a word', `apptoken${T}`, true],
    ['followed by letters', `${T}x`, true],
    ['inside a sentence', `my note: ${T}. thanks`, true],
    ['half a token', T.slice(0, 64), true],
    ['in dash-separated groups of 16', T.match(/.{16}/g)!.join('-'), true],
    ['in space-separated groups of 31', T.match(/.{1,31}/g)!.join(' '), true],
    [
      'in quoted pieces joined by +',
      T.match(/.{1,19}/g)!
        .map((p) => `"${p}"`)
        .join(' + '),
      true,
    ],
    ['lowercased', T.toLowerCase(), true],
    [
      'a long word in capitals, then prose',
      'INTERNATIONALIZATION and more',
      false,
    ],
    [
      'capital words of prose',
      'ERP ORDERS SYNCHRONIZATION FOR THE WAREHOUSE',
      false,
    ],
    ['an appKey', 'vtexappkey-acme-ORYNWX', false],
    ['prose in capitals', 'ERP ORDERS SYNC FOR SAP BUSINESS ONE', false],
    ['31 capitals', T.slice(0, 31), false],
    ['base64-encoded', base64(T), true],
    [
      'in a Basic header',
      `Basic ${base64(`vtexappkey-acme-ORYNWX:${T}`)}`,
      true,
    ],
    [
      'base64url-encoded',
      base64(`${T}??>>`).replace(/\+/g, '-').replace(/\//g, '_'),
      true,
    ],
    ['hex-encoded', Buffer.from(T).toString('hex'), true],
    ['base64 of prose', base64(PROSE), false],
    ['hex of prose', Buffer.from(PROSE).toString('hex'), false],
    [
      'a long path',
      '/api/catalog_system/pvt/products/GetProductAndSkuIds/category-one-two-three-four',
      false,
    ],
  ])('%s → %s', (_, text, expected) =>
    expect(containsTokenLike(text)).toBe(expected)
  )
})

describe('redaction', () => {
  it('keeps 4 letters and the length of each run', () => {
    expect(redactTokens(`a ${T} b`)).toBe(`a QWER…[128 characters redacted] b`)
    expect(redactTokens(`${T}${T}`)).not.toContain(T.slice(4, 40))
  })

  it('redacts an encoded token as a whole, and leaves encoded prose alone', () => {
    const encoded = base64(T)

    expect(redactTokens(`note ${encoded} end`)).toBe(
      `note ${encoded.slice(0, 4)}…[${encoded.length} characters redacted] end`
    )
    expect(redactTokens(base64(PROSE))).toBe(base64(PROSE))
  })
  it('quote cuts long input and never shows a token', () => {
    expect(quote('ab '.repeat(400_000))).toHaveLength(41)
    expect(quote(T + T, 400)).not.toMatch(/[A-Z]{5}/)
  })
  it('redacts every string of a nested value', () => {
    const out = JSON.stringify(
      redactDeep({ query: { variables: `{"n":"${T}"}` }, list: [T], n: 3 })
    )

    expect(out).not.toContain(T.slice(0, 32))
    expect(out).toContain('"n":3')
  })
})
