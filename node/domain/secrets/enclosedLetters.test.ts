// Boxed and circled capitals outside the BMP: surrogate pairs, one letter each.
import { containsTokenLike, redactTokens } from '../secrets'
import { enclosedAscii, foldEnclosedLetters } from './enclosedLetters'
import { expectRefusedAndRedactedWhole } from '../testing/redactedWhole'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)

/** text's capitals in the run of 26 starting at `start`. */
const enclosed = (text: string, start: number) =>
  [...text]
    .map((c) => String.fromCodePoint(start + c.charCodeAt(0) - 65))
    .join('')

describe('enclosedAscii', () => {
  it.each([
    [0x1f110, 'A'], // parenthesized A
    [0x1f149, 'Z'], // squared Z
    [0x1f150, 'A'], // negative circled A
    [0x1f189, 'Z'], // negative squared Z
    [0x1f1e6, null], // regional indicator A: flags are not folded
    [0x1f12a, null], // tortoise-shell bracketed S: not in a run of 26
    [0x1f18a, null], // crossed negative squared P
    [0x1f600, null], // an emoji
  ])('U+%s is %s', (cp, ascii) =>
    expect(enclosedAscii(cp as number)).toBe(ascii)
  )
})

test('folds a pair to one capital, mapped back to both units', () => {
  const r = foldEnclosedLetters(`x ${enclosed('QW', 0x1f170)} y 😀`)

  expect(r.text).toBe('x QW y 😀')
  expect(r.original({ start: 2, end: 4 })).toEqual({ start: 2, end: 6 })
})

test.each([
  ['parenthesized', 0x1f110],
  ['squared', 0x1f130],
  ['negative circled', 0x1f150],
  ['negative squared', 0x1f170],
])('a token in %s capitals is refused and redacted whole', (_, start) => {
  expectRefusedAndRedactedWhole(enclosed(T, start))
})

test('flags (even 18 in a row) and boxed words are not a token', () => {
  const flags = '🇧🇷🇦🇷🇲🇽🇨🇴🇨🇱🇵🇪🇺🇸🇪🇸🇵🇹🇺🇾🇵🇾🇧🇴🇪🇨🇻🇪🇬🇹🇨🇷🇵🇦🇩🇴'
  const boxed = `${enclosed('SALE', 0x1f170)} ${enclosed('NEW', 0x1f130)}`

  for (const text of [flags, `${boxed} ${flags}`]) {
    expect(containsTokenLike(text)).toBe(false)
    expect(redactTokens(text)).toBe(text)
  }
})
