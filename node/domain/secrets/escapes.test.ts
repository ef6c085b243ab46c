// Escaped letters (JS/JSON \u, HTML character references) spell a token one letter per escape.
import { containsTokenLike, redactTokens } from '../secrets'
import { decodeEscapes } from './escapes'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
const code = (c: string) => c.charCodeAt(0)
const js = (text: string) =>
  [...text].map((c) => `\\u${code(c).toString(16).padStart(4, '0')}`).join('')

const html = (text: string) =>
  [...text]
    .map((c, i) => (i % 2 ? `&#${code(c)};` : `&#x${code(c).toString(16)};`))
    .join('')

describe('decodeEscapes', () => {
  it('reads each escape as its character, and maps it back to the whole escape', () => {
    const r = decodeEscapes('a\\u0051b&#82;c&#x53;\\u{54}')

    expect(r.text).toBe('aQbRcST')
    expect(r.original({ start: 1, end: 2 })).toEqual({ start: 1, end: 7 })
    expect(r.original({ start: 3, end: 6 })).toEqual({ start: 8, end: 20 })
  })

  it('leaves text without escapes as it is', () => {
    const text = 'C:\\users\\ana & bob #1'

    expect(decodeEscapes(text).text).toBe(text)
  })
})

describe.each([
  ['JS/JSON \\u escapes', js(T)],
  ['HTML character references', html(T)],
  ['escapes mixed with plain letters', T.slice(0, 64) + js(T.slice(64))],
  ['escaped base64', js(Buffer.from(T).toString('base64'))],
])('%s', (_, escaped) => {
  it('are refused, and redacted over the escapes themselves', () => {
    const text = `const token = "${escaped}";`

    expect(containsTokenLike(text)).toBe(true)
    const redacted = redactTokens(text)

    expect(redacted).toMatch(
      /^const token = ".{4}…\[\d+ characters redacted\]";$/
    )
    expect(decodeEscapes(redacted).text).not.toContain(T.slice(8, 16))
  })
})

test('escaped prose is not a token', () => {
  const prose =
    'Chave usada pela integração com o ERP para sincronizar pedidos.'

  for (const text of [js(prose), html(prose), js(prose.toUpperCase())]) {
    expect(containsTokenLike(text)).toBe(false)
    expect(redactTokens(text)).toBe(text)
  }
})
