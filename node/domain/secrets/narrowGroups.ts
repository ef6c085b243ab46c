// A token cut into narrow groups of capitals of changing widths ("DTY FAXB MXG XIYK …", with
// dashes, commas, slashes or line breaks between): groups of 3 and 4 are too narrow for
// irregular.ts (most letters in groups of 5 or more, joined by spaces only) and their widths
// change, so spelled.ts (one width) does not join them either. Groups of 1 to 7 are read here
// (plain.ts joins groups of 8 or more), so widths 3 to 6 with dashes are found too. Lists of
// acronyms and codes have the same shape ("ERP OMS WMS SKU …", "BRL USD EUR …"), so a stretch is
// a token only when
//  - its distinct groups hold 44 letters or more (half a token is 50; a random group of 3 is
//    repeated in 1 of 100 half tokens): a list written twice, or the alphabet in threes twice,
//    is not more letters;
//  - under half of those letters are in codes admins list (secrets/knownCodes.ts): code lists
//    are as random as a token, letter by letter, and only their names tell them apart (codes of
//    2 count only when nearly all of the stretch's pairs are codes: mostlyKnownPairs);
//  - it uses 16 letters of the alphabet or more, and its letters score as random ones, within a
//    random stretch's spread (see RANDOM_SPREAD), by two measures against uniform letters: English
//    letter frequencies and letter pairs (secrets/words.ts: words and codes made from words), and
//    the letters words start with (acronyms are initials: S C P M T often, J Q X Z seldom).
// All-capital groups of 2, 3 and 4 of one width are judged here too (spelled.ts leaves them to
// this file), so a list of codes of one width ("AC AL AP AM …", Brazil's UFs) is no longer
// refused for being 32 capitals joined.
// A stretch is judged in windows of 64 letters, 16 apart: words in capitals or a list of codes
// joined to a token ("TOKEN ANTIGO DO ERP: DTY FAXB …") are not averaged in (with windows of
// 128, 64 apart, a half token after a list of codes was missed 456 times in 1,000), and the
// stretch is cut whole when one window holds a token (its words too: no letter of the token is
// left). Linear: one pass over the text, each letter scored in at most 4 windows.
import { usesMostLetters } from './plain'
import { isKnownCode, isKnownPair, mostlyKnownPairs } from './knownCodes'
import type { Span } from './span'
import { INITIAL_BITS, wordScore } from './words'

/** Groups of 1 to 7 capitals, each joined to the next by 1 to 3 other characters (spelled.ts' gap). */
const NARROW_RUN =
  /(?<![A-Za-z0-9])[A-Z]{1,7}(?:[^A-Za-z0-9]{1,3}[A-Z]{1,7})+(?![A-Za-z0-9])/g

const SEPARATORS = /[^A-Z]+/

/** Fewest letters (distinct groups) a stretch needs: a half token (50) cut into groups of 3, less a repeated group. */
export const MIN_LETTERS = 44
/** Letters judged together, and how far windows of a longer stretch step (see above). */
const WINDOW = 64
const STEP = 16

/** English letter frequencies (%); pt and es differ little where it counts (J K Q W X Y Z are rare in all three). */
const FREQUENCY = [
  8.2, 1.5, 2.8, 4.3, 12.7, 2.2, 2.0, 6.1, 7.0, 0.15, 0.8, 4.0, 2.4, 6.7, 7.5,
  1.9, 0.1, 6.0, 6.3, 9.1, 2.8, 1.0, 2.4, 0.15, 2.0, 0.07,
]

/** log2 P(letter | English) - log2 P(letter | random), A–Z. */
const LETTER_BITS = FREQUENCY.map((f) => Math.log2((f / 100) * 26))

/**
 * Random letters score RANDOM_MEAN bits a letter by letters and pairs (acronym lists -1 to -2,
 * capitals prose +1 and up) and INITIAL_MEAN by initials; a random stretch strays above either
 * by √letters times a spread. Measured (dev/bench/secrets-narrow.ts): 280,000 random stretches
 * of 44 to 128 letters in groups of 3/4, 3, 4, 1–4, 3–6, 5–7 and 2–7 scored at most 27.9 and
 * 11.9, so the spreads are 28 and 12 (27 missed 1 half token in 5,000); through the windows 0
 * of 250,000 tokens of 50 and 100 letters are missed. What that lets pass, of 2,000 lists of 44
 * to 128 letters each: made-up acronyms (initials of words) 46, codes cut from words 0, codes of
 * consonants ("PRD CNF MNS …": as few vowels as a token) 1,519 — refused, as every list of 16
 * codes of one width was before; the admin can word the note around it, a kept token cannot be
 * taken back. A stretch scoring above either spread reads as words or acronyms.
 */
const RANDOM_MEAN = -4.3
const RANDOM_SPREAD = 28
const INITIAL_MEAN = INITIAL_BITS.reduce((a, b) => a + b, 0) / 26
const INITIAL_SPREAD = 12

export function narrowSpans(text: string): Span[] {
  const spans: Span[] = []

  for (const m of text.matchAll(NARROW_RUN)) {
    // letters are fewer than characters: most stretches are a few words of capitals
    if (m[0].length < MIN_LETTERS) continue
    const groups = m[0].split(SEPARATORS)

    if (holdsRandomWindow(groups))
      spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length })
  }

  return spans
}

/** Whether some window of about WINDOW letters (stepping STEP) of the groups reads as a token. */
function holdsRandomWindow(groups: string[]): boolean {
  let distinct = 0

  for (const g of new Set(groups)) distinct += g.length
  // a few groups over and over ("Q-Q-…", a list pasted again and again): no window can be a token
  if (distinct < MIN_LETTERS) return false
  let from = 0

  while (from < groups.length) {
    let to = from
    let letters = 0

    while (to < groups.length && letters + groups[to].length <= WINDOW)
      letters += groups[to++].length
    if (letters < MIN_LETTERS) return false // what is left is too short
    if (randomGroups(groups.slice(from, to))) return true
    if (to >= groups.length) return false
    // the next window starts STEP letters on
    for (let stepped = 0; stepped < STEP; ) stepped += groups[from++].length
  }

  return false
}

/** Whether groups of capitals read as a token's letters (see the top of the file). */
export function randomGroups(groups: string[]): boolean {
  const distinct = [...new Set(groups)]
  let letters = 0

  for (const g of distinct) letters += g.length
  // a stretch repeating a few words (a list pasted over and over) stops here, unscored
  if (letters < MIN_LETTERS) return false
  const s = scores(distinct)

  return (
    s.mostLetters &&
    s.known * 2 < s.letters &&
    s.words <= RANDOM_SPREAD &&
    s.initials <= INITIAL_SPREAD
  )
}

/**
 * A stretch's distinct groups: their letters, those in known codes, whether they use most of the
 * alphabet, and how far above random letters they score by each measure, in √letters (the
 * spreads above; dev/bench/secrets-narrow.ts measures them).
 */
export const groupScores = (groups: string[]) => scores([...new Set(groups)])

function scores(distinct: string[]) {
  const joined = distinct.join('')
  const n = joined.length
  let known = 0

  for (const g of distinct) if (isKnownCode(g)) known += g.length
  const pairs = distinct.filter((g) => g.length === 2)

  // a random pair is a code half the time: pairs count only when nearly all are codes
  if (mostlyKnownPairs(pairs)) known += 2 * pairs.filter(isKnownPair).length
  let { bits } = wordScore(distinct.join(' '))
  let initials = 0

  for (let i = 0; i < n; i++) {
    const c = joined.charCodeAt(i) - 65

    bits += LETTER_BITS[c]
    initials += INITIAL_BITS[c]
  }

  const root = Math.sqrt(n) || 1

  return {
    letters: n,
    known,
    mostLetters: usesMostLetters(joined),
    words: (bits - RANDOM_MEAN * n) / root,
    initials: (initials - INITIAL_MEAN * n) / root,
  }
}
