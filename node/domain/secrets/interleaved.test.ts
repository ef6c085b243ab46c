// A token with one character put between each two of its own: every other character is the token.
import { containsTokenLike, redactTokens } from '../secrets'
import { interleavedSpans } from './interleaved'

/** Random capitals (tokens are), from a fixed seed. */
function tokens(n: number, seed = 13): string[] {
  let x = seed
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31

  return Array.from({ length: n }, () =>
    Array.from({ length: 128 }, () =>
      String.fromCharCode(65 + Math.floor(next() * 26))
    ).join('')
  )
}

const between = (t: string, fill: (i: number) => string) =>
  [...t].map((c, i) => (i ? fill(i) : '') + c).join('')

describe.each([
  // a vowel between every two letters made the run read as words (plain.ts wordLike)
  ['the same small vowel', (t: string) => between(t, () => 'a')],
  ['small vowels in turn', (t: string) => between(t, (i) => 'aeiou'[i % 5])],
  [
    'capital vowels, the token lowercased',
    (t: string) => between(t.toLowerCase(), (i) => 'AEIOU'[i % 5]),
  ],
  [
    'the same capital, lowercased',
    (t: string) => between(t.toLowerCase(), () => 'E'),
  ],
  ['any character', (t: string) => between(t, (i) => 'a.e-i!o_u'[i % 9])],
])('a character between each two: %s', (_, put) => {
  it('refuses 100 random tokens so written, and redacts each whole', () => {
    const missed = tokens(100).filter((t) => {
      const run = put(t)
      const text = `old key ${run} (rotated)`

      return (
        !containsTokenLike(text) ||
        redactTokens(text) !==
          `old key ${run.slice(0, 4)}…[${
            run.length
          } characters redacted] (rotated)`
      )
    })

    expect(missed).toEqual([])
  })
})

test.each([
  'calls getProductSpecificationsByCategoryIdAndSalesChannelWithInventoryAndPricing nightly',
  'https://wiki.acme.com/erp/vtex-integration/KeysAndTokensForTheWarehouseScannersAtTheMainDC#rotation',
  '2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824',
  'a'.repeat(500),
  'abcdefghijklmnopqrstuvwxyz'.repeat(6),
  'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
])('not a token: %s', (text) => {
  expect(interleavedSpans(text)).toEqual([])
})
