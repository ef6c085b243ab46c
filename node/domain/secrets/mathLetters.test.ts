// Mathematical letters are surrogate pairs: one letter, two UTF-16 units.
import { containsTokenLike, redactTokens } from '../secrets'
import { foldMathLetters, mathAscii } from './mathLetters'
import { expectRefusedAndRedactedWhole } from '../testing/redactedWhole'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)

/** Letters a style leaves out of its block, as Unicode has them: BMP letter-like symbols. */
const HOLES: Record<number, Record<string, string>> = {
  1: { h: 'ℎ' },
  3: {
    B: 'ℬ',
    E: 'ℰ',
    F: 'ℱ',
    H: 'ℋ',
    I: 'ℐ',
    L: 'ℒ',
    M: 'ℳ',
    R: 'ℛ',
    e: 'ℯ',
    g: 'ℊ',
    o: 'ℴ',
  },
  5: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
  6: { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
}

/** text in one of the 13 styles (0 bold, 1 italic, 3 script, 5 fraktur, 6 double-struck …). */
const styled = (text: string, style: number) =>
  [...text]
    .map((c) => {
      const i = c >= 'a' ? 26 + code(c) - 97 : code(c) - 65

      return HOLES[style]?.[c] ?? String.fromCodePoint(0x1d400 + 52 * style + i)
    })
    .join('')

const code = (c: string) => c.charCodeAt(0)

describe('mathAscii', () => {
  it.each([
    [0x1d400, 'A'], // bold A
    [0x1d433, 'z'], // bold z
    [0x1d4ac, 'Q'], // script Q
    [0x1d56c, 'A'], // bold fraktur A
    [0x1d6a3, 'z'], // monospace z
    [0x1d7ce, '0'], // bold 0
    [0x1d7ff, '9'], // monospace 9
    [0x1d6a8, null], // bold Alpha: Greek, not folded
  ])('U+%s is %s', (cp, ascii) => expect(mathAscii(cp)).toBe(ascii))
})

test('folds a pair to one letter, mapped back to both units', () => {
  const r = foldMathLetters(`x ${styled('QW', 0)} y`)

  expect(r.text).toBe('x QW y')
  expect(r.original({ start: 2, end: 4 })).toEqual({ start: 2, end: 6 })
  expect(r.original({ start: 4, end: 6 })).toEqual({ start: 6, end: 8 })
})

test.each([
  ['bold', 0],
  ['italic', 1],
  ['script', 3],
  ['fraktur', 5],
  ['double-struck', 6],
  ['sans-serif bold', 9],
  ['monospace', 12],
])('a token in %s letters is refused and redacted whole', (_, style) => {
  // script, fraktur and double-struck tokens hold BMP letter-like symbols (ℛ, ℌ, ℚ …) too
  expectRefusedAndRedactedWhole(styled(T, style))
})

test('a token lowercased in bold italic, and mixed with plain letters, is refused', () => {
  expect(containsTokenLike(styled(T.toLowerCase(), 2))).toBe(true)
  expect(containsTokenLike(T.slice(0, 16) + styled(T.slice(16, 48), 0))).toBe(
    true
  )
})

test('the redaction never cuts a pair in half', () => {
  const redacted = redactTokens(`a ${styled(T, 0)}`)

  expect(redacted).toBe(`a ${styled('QWER', 0)}…[128 characters redacted]`)
  expect(redacted).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
})

test('styled prose (a "fancy" note) is not a token', () => {
  const note = styled('Used by the ERP to sync orders every fifteen minutes', 0)

  expect(containsTokenLike(note)).toBe(false)
  expect(redactTokens(note)).toBe(note)
})
