// Mathematical alphanumeric symbols (U+1D400–U+1D7FF: bold, italic, script, fraktur,
// double-struck, sans-serif and monospace A–Z, a–z and 0–9), which "font changer" sites and some
// editors produce and which read as the letters they draw. Outside the BMP, each is a surrogate
// pair: two UTF-16 units folded to one ASCII character, so they are read through
// secrets/rewrite.ts, and redaction covers both units. (The styles' holes, such as script B, are
// BMP letter-like symbols: secrets/lookalikes.ts folds those.)
import type { Rewritten } from './rewrite'
import { rewrite, unchanged } from './rewrite'

const PAIR = /\ud835[\udc00-\udfff]/g
const LETTERS = 0x1d400 // 13 styles of 52 letters, A–Z then a–z
const LETTERS_END = 0x1d6a3
const DIGITS = 0x1d7ce // 5 styles of 10 digits
const DIGITS_END = 0x1d7ff

/** The ASCII letter or digit a mathematical symbol draws, or null (Greek, operators). */
export function mathAscii(codePoint: number): string | null {
  if (codePoint >= LETTERS && codePoint <= LETTERS_END) {
    const i = (codePoint - LETTERS) % 52

    return String.fromCharCode(i < 26 ? 65 + i : 97 + i - 26)
  }

  if (codePoint >= DIGITS && codePoint <= DIGITS_END)
    return String.fromCharCode(48 + ((codePoint - DIGITS) % 10))

  return null
}

/** text with each mathematical letter or digit as its ASCII one. */
export function foldMathLetters(text: string): Rewritten {
  if (!text.includes('\ud835')) return unchanged(text)

  return rewrite(text, (r) => {
    for (const m of text.matchAll(PAIR)) {
      const ascii = mathAscii(m[0].codePointAt(0) ?? 0)
      const start = m.index ?? 0

      if (ascii) r.put(ascii, start, start + 2)
    }
  })
}
