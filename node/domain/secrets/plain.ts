// A classic appToken is 128 capital letters. Treated as one, wherever it sits: a run of 32 or
// more capitals (inside a longer run, glued to other letters, pasted twice); a token cut into
// groups of 8 or more capitals joined by up to 5 other characters (dashes, spaces, quotes and
// plus signs), 32 capitals in all; and a run of 64 or more letters of any case using most of the
// alphabet (a lowercased token). Groups and long runs that read as words (notes in capitals,
// "WAREHOUSE INVENTORY SYNCHRONIZATION"; camelCase identifiers) are not a token: see wordLike.
import type { Span } from './span'

export const TOKEN_RUN =
  /[A-Z]{32,}|[A-Z]{8,}(?:[^A-Za-z0-9]{1,5}[A-Z]{8,})+|[A-Za-z]{64,}/g

/** Whether a run TOKEN_RUN found (or letters joined from pieces) reads as a token. */
export function tokenLike(match: string): boolean {
  let capitals = 0

  for (let i = 0; i < match.length && capitals < 32; i++) {
    const c = match.charCodeAt(i)

    if (c >= 65 && c <= 90) capitals++
  }

  // 32 capitals in a row are a token whatever surrounds them; groups of them may be words
  if (capitals >= 32) return /[A-Z]{32}/.test(match) || !wordLike(match)

  // 64+ letters of any case: a lowercased token uses most of the alphabet; "xxxx…" does not.
  return (
    /^[A-Za-z]{64,}$/.test(match) && usesMostLetters(match) && !wordLike(match)
  )
}

const VOWELS = new Uint8Array(26).map((_, i) =>
  'AEIOUY'.includes(String.fromCharCode(65 + i)) ? 1 : 0
)

/**
 * Whether letters read as words of en/pt/es rather than random letters: at least 30% vowels
 * (Y counted) and never 5 consonants in a row. A token's letters are random: 23% vowels, and
 * runs of 5 consonants turn up every few dozen letters (simulated: 2.5% of random 32-letter
 * strings pass, 0.06% of 64, 0.001% of 128 — a classic token); words seldom have one
 * ("STRENGTHS" does, and stays refused in a group of 32 capitals).
 */
export function wordLike(text: string): boolean {
  let letters = 0
  let vowels = 0
  let run = 0

  for (let i = 0; i < text.length; i++) {
    const c = (text.charCodeAt(i) | 32) - 97

    if (c < 0 || c > 25) continue
    letters++
    if (VOWELS[c]) {
      vowels++
      run = 0
    } else if (++run >= 5) return false
  }

  return letters > 0 && vowels >= letters * 0.3
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
  if (/[A-Z]{32}/.test(joined)) return true

  for (const m of joined.matchAll(/[A-Za-z]{64,}/g))
    if (usesMostLetters(m[0])) return true

  return false
}
