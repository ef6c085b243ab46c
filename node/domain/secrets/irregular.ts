// A token cut where it does not look cut: groups of capitals of irregular widths joined by single
// spaces ("QWERTYU IOPASDFGHJKLZ XCVBN …", groups under the 8 capitals plain.ts joins on), and a
// token with a digit put in every few letters ("QWER1TYUI2OPAS3…"). Capitals prose has the same
// shapes, so a stretch is a token only when its letters are random ones: most of the alphabet,
// and most of its letters in groups of 5 or more that, read together, are not word-like (plain.ts
// wordLike: letter pairs, secrets/words.ts). Acronyms (ERP OMS WMS) are shorter than 5.
import { usesMostLetters, wordLike } from './plain'
import type { Span } from './span'

/** Capitals groups joined by one space; a match is cut short where a letter or digit is glued on. */
const SPACED = /(?<![A-Za-z0-9])[A-Z]+(?: [A-Z]+)+/g
/** Capitals (or small letters) and digits in one run, digits among them. */
const WITH_DIGITS =
  /(?<![A-Za-z0-9])(?:[A-Z0-9]{40,}|[a-z0-9]{72,})(?![A-Za-z0-9])/g

/** Fewest letters a stretch needs: a token is found in 32 capitals. */
const MIN_LETTERS = 32
/** Groups narrower than this are acronyms or short words, not evidence of a token. */
const MIN_GROUP = 5
/** Share of a stretch's letters in groups of MIN_GROUP or more (read together, not word-like). */
const RANDOM_SHARE = 0.6

export function irregularSpans(text: string): Span[] {
  const spans: Span[] = []

  for (const m of text.matchAll(SPACED)) {
    let run = m[0]
    const at = m.index ?? 0

    // glued to a letter or digit: its last group is part of a word ("ABC DEFgh")
    if (/[A-Za-z0-9]/.test(text[at + run.length] ?? ''))
      run = run.slice(0, Math.max(0, run.lastIndexOf(' ')))
    if (run.length >= MIN_LETTERS && randomGroups(run))
      spans.push({ start: at, end: at + run.length })
  }

  for (const m of text.matchAll(WITH_DIGITS)) {
    const letters = m[0].replace(/[0-9]+/g, '')

    if (
      letters.length < m[0].length &&
      // small letters: as many as a lowercased token needs as it stands (plain.ts)
      letters.length >= (/[a-z]/.test(letters) ? 64 : MIN_LETTERS) &&
      usesMostLetters(letters) &&
      !wordLike(letters)
    )
      spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length })
  }

  return spans
}

/**
 * Whether groups joined by spaces hold random capitals rather than words: most of the alphabet,
 * most letters in groups of MIN_GROUP or more, and those groups together not word-like (their
 * letter pairs, secrets/words.ts: scored together, a few short random groups are as clear as one
 * long one, and a word with few vowels among words does not tip a sentence).
 */
function randomGroups(run: string): boolean {
  const groups = run.split(' ')
  const letters = run.length - groups.length + 1

  if (letters < MIN_LETTERS) return false
  const joined = groups.join('')

  if (!usesMostLetters(joined)) return false
  const long = groups.filter((g) => g.length >= MIN_GROUP)
  const longLetters = long.reduce((n, g) => n + g.length, 0)

  return longLetters >= letters * RANDOM_SHARE && !wordLike(long.join(' '))
}
