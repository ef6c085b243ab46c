// A token written as the bytes of its letters, as a C or JS array holds it.
import { containsTokenLike, redactTokens } from '../secrets'
import { decodeByteLists } from './byteLists'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
const bytes = (text: string) => [...Buffer.from(text, 'latin1')]
const hex = (b: number) => `0x${b.toString(16).padStart(2, '0')}`

describe('decodeByteLists', () => {
  it('reads a list of 32 or more bytes as characters, each mapped back to its number', () => {
    const list = bytes(T.slice(0, 32)).join(', ')
    const r = decodeByteLists(`[${list}]`)

    expect(r.text).toBe(`[${T.slice(0, 32)}]`)
    expect(r.original({ start: 1, end: 2 })).toEqual({ start: 1, end: 3 })
    expect(r.original({ start: 1, end: 33 })).toEqual({
      start: 1,
      end: list.length + 1,
    })
  })

  it.each([
    ['31 bytes', bytes(T.slice(0, 31)).join(', ')],
    [
      'a number past 255 in the middle',
      `${bytes(T.slice(0, 20)).join(', ')}, 300, ${bytes(T.slice(0, 20)).join(
        ', '
      )}`,
    ],
    [
      'decimals',
      bytes(T.slice(0, 40))
        .map((b) => `${b}.5`)
        .join(', '),
    ],
    [
      'spaced numbers past 255 now and then',
      bytes(T.slice(0, 40))
        .map((b, i) => (i % 20 === 10 ? 300 : b))
        .join(' '),
    ],
    [
      'notations mixed',
      bytes(T.slice(0, 40))
        .map((b, i) => (i % 2 ? hex(b) : b))
        .join(', '),
    ],
  ])('leaves %s as it is', (_, text) =>
    expect(decodeByteLists(text).text).toBe(text)
  )
})

describe.each([
  ['decimal, C array', (b: number[]) => `char t[] = {${b.join(', ')}};`],
  ['decimal, one per line', (b: number[]) => `[\n  ${b.join(',\n  ')}\n]`],
  ['hex', (b: number[]) => `{${b.map(hex).join(', ')}}`],
  ['hex, spaced', (b: number[]) => b.map(hex).join(' ')],
  // as od -An -tu1 prints bytes: decimals, spaces only, 16 a line
  [
    'decimal, spaced',
    (b: number[]) =>
      b
        .map((x, i) => `${String(x).padStart(4)}${i % 16 === 15 ? '\n' : ''}`)
        .join(''),
  ],
  // other separators, spaced like commas or not (each missed before)
  ['decimal, semicolons', (b: number[]) => b.join('; ')],
  ['decimal, semicolons one per line', (b: number[]) => b.join(';\n')],
  ['decimal, pipes', (b: number[]) => b.join('|')],
  ['hex, semicolons', (b: number[]) => b.map(hex).join(' ; ')],
  ['decimal, slashes', (b: number[]) => b.join(' / ')],
  [
    'hex, capital X',
    (b: number[]) => b.map((x) => hex(x).toUpperCase()).join(','),
  ],
])('%s', (_, list) => {
  it.each([
    ['the token', T],
    ['its base64', Buffer.from(T).toString('base64')],
    ['a JSON config', `{"appToken":"${T}"}`],
  ])('of %s: refused, and the list redacted', (__, payload) => {
    const text = list(bytes(payload))

    expect(containsTokenLike(text)).toBe(true)
    const redacted = redactTokens(text)

    expect(decodeByteLists(redacted).text).not.toContain(T.slice(8, 16))
    expect(redacted.length).toBeLessThan(text.length / 4)
  })
})

test.each([
  [
    'a list of years',
    Array.from({ length: 40 }, (_, i) => 1990 + i).join(', '),
  ],
  ['1 to 100', Array.from({ length: 100 }, (_, i) => i + 1).join(', ')],
  ['ports', '80, 443, 8080, 8443, 3000, 5432, 6379, 9200, 27017'],
  [
    'an IPv4 list',
    Array.from({ length: 20 }, (_, i) => `10.0.${i}.1`).join(', '),
  ],
  ['sizes', Array.from({ length: 40 }, (_, i) => 34 + (i % 12)).join(', ')],
  [
    'spaced scores',
    Array.from({ length: 60 }, (_, i) => 40 + ((i * 37) % 60)).join(' '),
  ],
  ['a spaced count', Array.from({ length: 200 }, (_, i) => i).join(' ')],
  [
    'times with semicolons',
    Array.from(
      { length: 40 },
      (_, i) => `${8 + (i % 12)}:${(i * 7) % 60}`
    ).join('; '),
  ],
  ['a count with pipes', Array.from({ length: 200 }, (_, i) => i).join(' | ')],
])('%s is not a token', (_, text) => {
  expect(containsTokenLike(text)).toBe(false)
  expect(redactTokens(text)).toBe(text)
})
