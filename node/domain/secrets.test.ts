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

describe('encoded tokens cut up or encoded twice', () => {
  const hex = (text: string) => Buffer.from(text, 'latin1').toString('hex')
  const b64 = base64(T)

  it.each([
    ['base64 of base64', base64(b64)],
    ['hex of hex', hex(hex(T))],
    ['base64 of hex', base64(hex(T))],
    ['base64 wrapped every 20 characters', b64.replace(/(.{20})/g, '$1\n')],
    ['base64 in groups of 4', b64.replace(/(.{4})/g, '$1 ')],
    ['base64 with tabs', b64.replace(/(.{16})/g, '$1\t')],
    ['hex with colons', hex(T).replace(/(..)/g, '$1:')],
    ['hex with spaces', hex(T).replace(/(..)/g, '$1 ')],
    ['hex as \\x escapes', hex(T).replace(/(..)/g, '\\x$1')],
    ['URL-encoded', hex(T).replace(/(..)/g, '%$1')],
    [
      'after a word of the same width, then more words',
      `ERP: ${b64.replace(/(.{3})/g, '$1 ')} was the old one`,
    ],
    [
      'a Basic header wrapped',
      `Basic ${base64(`vtexappkey-acme-ORYNWX:${T}`).replace(
        /(.{10})/g,
        '$1\r\n'
      )}`,
    ],
  ])('%s is refused and redacted', (_, text) => {
    expect(containsTokenLike(text)).toBe(true)
    const redacted = redactTokens(text)

    expect(containsTokenLike(redacted)).toBe(false)
    expect(redacted).toMatch(/characters redacted/)
  })

  it.each([
    [
      'pt prose without punctuation',
      'Esta chave é usada pela integração com o ERP para sincronizar pedidos estoque e preços a cada quinze minutos durante o horário comercial de segunda a sexta',
    ],
    [
      'es prose without punctuation',
      'Esta clave la usa la integración con el sistema de logística para consultar el estado de los envíos y actualizar el seguimiento de pedidos cada hora',
    ],
    ['a MAC address list', 'aa:bb:cc:dd:ee:ff 11:22:33:44:55:66 '.repeat(6)],
    ['a hex dump of prose', hex(PROSE).replace(/(..)/g, '$1 ')],
    ['base64 of prose in groups', base64(PROSE).replace(/(.{4})/g, '$1 ')],
    ['a URL-encoded query', encodeURIComponent(`q=${PROSE}&from=0&to=50`)],
    ['words of one width', 'abcd '.repeat(100)],
  ])('%s is not a token', (_, text) => {
    expect(containsTokenLike(text)).toBe(false)
    expect(redactTokens(text)).toBe(text)
  })
})
