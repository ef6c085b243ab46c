// Capitals in boxes and circles outside the BMP (Enclosed Alphanumeric Supplement: parenthesized
// 🄐, squared 🄰, negative circled 🅐 and negative squared 🅰 A–Z). "Font changer" sites offer
// them next to the mathematical styles, and they read as the capitals they draw. Regional
// indicators (🇦–🇿) are not here: two make a flag, and a row of flags must not read as a token
// (secrets/regionalLetters.ts tells them apart). Each is a surrogate
// pair folded to one ASCII capital through secrets/rewrite.ts, so redaction covers both units.
// (Circled Ⓐ and parenthesized ⒜ are in the BMP: secrets/lookalikes.ts folds those.)
import type { Rewritten } from './rewrite'
import { rewrite, unchanged } from './rewrite'

/** U+1F110–U+1F189: the high surrogate is D83C for all of them. */
const PAIR = /\ud83c[\udd10-\udd89]/g

/** The first code point of each run of 26 capitals A–Z. */
const STARTS = [
  0x1f110, // parenthesized
  0x1f130, // squared
  0x1f150, // negative circled
  0x1f170, // negative squared
]

/** The ASCII capital an enclosed letter draws, or null. */
export function enclosedAscii(codePoint: number): string | null {
  for (const start of STARTS)
    if (codePoint >= start && codePoint < start + 26)
      return String.fromCharCode(65 + codePoint - start)

  return null
}

/** text with each enclosed capital as its ASCII one. */
export function foldEnclosedLetters(text: string): Rewritten {
  if (!text.includes('\ud83c')) return unchanged(text)

  return rewrite(text, (r) => {
    for (const m of text.matchAll(PAIR)) {
      const ascii = enclosedAscii(m[0].codePointAt(0) ?? 0)
      const start = m.index ?? 0

      if (ascii) r.put(ascii, start, start + 2)
    }
  })
}
