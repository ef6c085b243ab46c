// A classic appToken is 128 capital letters. Treated as one, wherever it sits: a run of 32 or
// more capitals (inside a longer run, glued to other letters, pasted twice); a token cut into
// groups of 8 or more capitals joined by up to 5 other characters (dashes, spaces, quotes and
// plus signs) or by a short word ("… and …", "… or …"), 32 capitals in all; and a run of 64 or more letters of any case using most of the
// alphabet (a lowercased token). Groups and long runs that read as words (notes in capitals,
// "WAREHOUSE INVENTORY SYNCHRONIZATION"; camelCase identifiers) are not a token: see wordLike.
import type { Span } from './span'
import { THIRTY_TWO } from './tokenShaped'
import { readsAsWords } from './words'

/** Between two groups: up to 5 other characters, or a short word ("and", "or", "y", "then") between them. */
const JOIN =
  '(?:[^A-Za-z0-9]{1,5}|[^A-Za-z0-9]{1,3}[A-Za-z][a-z]{0,4}[^A-Za-z0-9]{1,3})'

export const TOKEN_RUN = new RegExp(
  // a last group may be shorter (a token's 128 letters are seldom a multiple of the width)
  `[A-Z]{32,}|[A-Z]{8,}(?:${JOIN}[A-Z]{8,})+(?:${JOIN}[A-Z]{1,7}(?![A-Za-z0-9]))?|[A-Za-z]{64,}`,
  'g'
)

/** Whether a run TOKEN_RUN found (or letters joined from pieces) reads as a token. */
export function tokenLike(match: string): boolean {
  let capitals = 0

  for (let i = 0; i < match.length && capitals < 32; i++) {
    const c = match.charCodeAt(i)

    if (c >= 65 && c <= 90) capitals++
  }

  // 32 capitals in a row are a token whatever surrounds them; groups of them may be words
  if (capitals >= 32) return THIRTY_TWO.test(match) || !wordLike(match)

  // 64+ letters of any case: a lowercased token uses most of the alphabet; "xxxx…" does not.
  return (
    /^[A-Za-z]{64,}$/.test(match) && usesMostLetters(match) && !wordLike(match)
  )
}

/**
 * Whether letters read as words of en/pt/es rather than random letters: their letter pairs are
 * likelier in words than at random (secrets/words.ts; measured rates in words.test.ts). Counting
 * vowels (30% and no 5 consonants in a row, the rule before) refused consonant-heavy words
 * ("STRENGTHS SCRIPTS SCHWARZ") and let 2.5% of random 32-letter strings through.
 */
export function wordLike(text: string): boolean {
  return readsAsWords(text)
}

/** Whether letters use 16 or more of the alphabet's 26 (stops counting there). */
export function usesMostLetters(letters: string): boolean {
  let seen = 0
  let count = 0

  for (let i = 0; i < letters.length; i++) {
    const bit = 1 << ((letters.charCodeAt(i) | 32) - 97)

    if (!(seen & bit)) {
      seen |= bit
      if (++count >= 16) return true
    }
  }

  return false
}

/** Every token-like run of letters in text, as it stands. */
export function plainSpans(text: string): Span[] {
  const spans: Span[] = []

  for (const m of text.matchAll(TOKEN_RUN))
    if (tokenLike(m[0]))
      spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length })

  return spans
}

/**
 * Whether letters joined from pieces (secrets/spelled.ts) read as a token: 32 capitals in a row,
 * or 64 letters in a row using most of the alphabet. Stricter than a run found as it stands:
 * pieces joined from noise can alternate "mZmZ…" without being anything.
 */
export function joinedTokenLike(joined: string): boolean {
  if (THIRTY_TWO.test(joined)) return true

  for (const m of joined.matchAll(/[A-Za-z]{64,}/g))
    if (usesMostLetters(m[0])) return true

  return false
}
