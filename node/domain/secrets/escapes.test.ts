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

  it('reads \\x, \\U, octal and %u escapes, references with leading zeros and named ones', () => {
    const r = decodeEscapes(
      '\\x51\\U00000052\\123%u0054&#x0000000055;&#000000086;&amp;&quot;&apos;&lt;&gt;'
    )

    expect(r.text).toBe(`QRSTUV&"'<>`)
    expect(r.original({ start: 4, end: 5 })).toEqual({ start: 24, end: 38 })
  })

  it('leaves \\0 (not octal here) and escapes past U+10FFFF as they are', () => {
    for (const text of ['\\000051', '\\U00110000', '&#x110000;'])
      expect(decodeEscapes(text).text).toBe(text)
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
  [
    'Python \\U escapes',
    [...T].map((c) => `\\U${code(c).toString(16).padStart(8, '0')}`).join(''),
  ],
  ['octal escapes', [...T].map((c) => `\\${code(c).toString(8)}`).join('')],
  [
    '%u escapes',
    [...T].map((c) => `%u${code(c).toString(16).padStart(4, '0')}`).join(''),
  ],
  [
    'references with 9-digit numbers',
    [...T].map((c) => `&#${String(code(c)).padStart(9, '0')};`).join(''),
  ],
  // escaped twice: HTML escaped again, a backslash escaped as \u005C
  ['HTML references escaped again', html(T).replace(/&/g, '&amp;')],
  ['\\u escapes escaped again', js(T).replace(/\\/g, '\\u005C')],
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

// Escapes that make quotes: the pieces are read as literals or a character array (secrets/literals.ts).
test.each([
  [
    '\\x escapes in a C character array',
    `char t[] = {${[...T]
      .map((c) => `'\\x${code(c).toString(16)}'`)
      .join(', ')}};`,
  ],
  [
    'string literals in &quot;',
    `<code>${T.match(/.{1,9}/g)!
      .map((p) => `&quot;${p}&quot;`)
      .join(' + ')}</code>`,
  ],
])('%s are refused, and redacted', (_, text) => {
  expect(containsTokenLike(text)).toBe(true)
  const redacted = redactTokens(text)

  expect(redacted).toContain('characters redacted]')
  const read = decodeEscapes(redacted).text.replace(/[^A-Z]/g, '')

  expect(read.length).toBeLessThan(16)
})

test('escaped prose is not a token', () => {
  const prose =
    'Chave usada pela integração com o ERP para sincronizar pedidos.'

  for (const text of [
    js(prose),
    html(prose),
    js(prose.toUpperCase()),
    html(prose).replace(/&/g, '&amp;'),
    'C:\\100\\123\\x41 &amp; &quot;ERP&quot; %u00e9 \\U0001F600',
  ]) {
    expect(containsTokenLike(text)).toBe(false)
    expect(redactTokens(text)).toBe(text)
  }
})
