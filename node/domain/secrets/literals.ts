// A token (or its base64) pasted as string literals put together: `"QWER" + "TYUI" + …` (JS, Java,
// C#), `'QWER' 'TYUI'` (adjacent literals in Python and C), `"QWER" . "TYUI"` (PHP), `&` (VB),
// `||` (SQL), with line breaks or comments (`/* x */`, `// x`, `# x`) between the pieces; appended
// statement by statement (`t = 'QWER'; t += 'TYUI'`, PHP `.=`, VB `&=`); `'QWER'.concat('TYUI')`;
// a list joined (`['QWER', 'TYUI'].join('')`, Python `''.join(['QWER', 'TYUI'])`); or a character
// array `{'Q', 'W', …}`. Two or more literals so joined, holding 32 characters or more, are read
// as the text they make, in place (secrets/rewrite.ts): the quotes and what joins them are
// dropped, so the check sees one run and redaction cuts from the first piece to the last. A
// literal may hold escapes; an escaped quote (`\"`) is dropped too (a token holds no quote: one
// put in cuts it, as a separator would), also in a literal standing alone.
import type { Rewritten } from './rewrite'
import { rewrite, unchanged } from './rewrite'

/** What joins two literals into one string: nothing but spaces, or one operator. */
const JOINER = /^\s*(?:\+|\.|\.\.|&|\|\|)?\s*$/
/** Appending in the next statement: `; t += `, `$t .= `, `t &= `. */
const APPEND =
  /^\s*;?\s*\$?[A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*)*\s*(?:\+|\.|&)=\s*$/

/** `'QWER'.concat(`, and `).concat(` after the first call. */
const CONCAT = /^\s*\)?\s*\.\s*concat\s*\(\s*$/
/** Python's `''.join([`: after it, the list's items are one string. */
const JOIN_OPEN = /^\s*\.\s*join\s*\(\s*[[(]\s*$/
/**
 * After a list's last item: `].join('')` (or "" or ``): the list is one string. Looked for within
 * MAX_JOINER characters, with no two `\s*` in a row: `\s*,?\s*` backtracked quadratically over
 * a list followed by a megabyte of spaces (an hour of CPU for one pasted note).
 */
const JOIN_CLOSE = /^\s*(?:,\s*)?\]\s*\.\s*join\s*\(\s*(["'`])\1\s*\)/
/** Between the items of a list or the characters of a character array. */
const COMMA = /^\s*,\s*$/
/** Comments between pieces: block, line (JS, C) and Python's `#`. */
const COMMENTS = /\/\*[^]*?\*\/|\/\/[^\n]*|#[^\n]*/g
/** Fewest characters joined literals are read together for: the fewest a token is found in. */
const MIN_JOINED = 32
/** Longest stretch between two literals looked at (an operator, line breaks, a short comment). */
const MAX_JOINER = 80
const QUOTES = new Set([34, 39, 96]) // " ' `

interface Piece {
  start: number // the literal's opening quote
  end: number // and its closing quote, + 1
  /** where escaped quotes sit inside (the backslash) */
  escapedQuotes: number[]
}

type Gap = 'JOINED' | 'COMMA' | 'CONCAT' | 'JOIN_OPEN' | 'APART'

/**
 * Every string literal of text, in order: double, single or backtick quotes, escapes allowed
 * (one-line but for backticks). One pass: a quote that opens no literal (none closes it before
 * the line ends) is remembered, and the quotes of that kind up to there open none either (a scan
 * from them meets the same characters in step), so no stretch is scanned twice for one kind.
 */
function literals(text: string): Piece[] {
  const pieces: Piece[] = []
  const failedUpTo = new Map<number, number>()

  for (let i = 0; i < text.length; i++) {
    const q = text.charCodeAt(i)

    if (!QUOTES.has(q) || i < (failedUpTo.get(q) ?? 0)) continue
    const escapedQuotes: number[] = []
    let k = i + 1

    for (; k < text.length; k++) {
      const c = text.charCodeAt(k)

      if (c === q || (c === 10 && q !== 96)) break
      if (c === 92 && k + 1 < text.length) {
        if (QUOTES.has(text.charCodeAt(k + 1))) escapedQuotes.push(k)
        k++
      }
    }

    if (k < text.length && text.charCodeAt(k) === q) {
      pieces.push({ start: i, end: k + 1, escapedQuotes })
      i = k
    } else failedUpTo.set(q, k)
  }

  return pieces
}

/** How two literals in a row are joined (APART: they are not). */
function gap(text: string, a: Piece, b: Piece): Gap {
  if (b.start - a.end > MAX_JOINER) return 'APART'
  const between = text.slice(a.end, b.start).replace(COMMENTS, ' ')

  if (JOINER.test(between) || APPEND.test(between)) return 'JOINED'
  if (COMMA.test(between)) return 'COMMA'
  if (CONCAT.test(between)) return 'CONCAT'
  if (a.end - a.start === 2 && JOIN_OPEN.test(between)) return 'JOIN_OPEN'

  return 'APART'
}

/** Whether a list ending with `last` is joined: `].join('')` follows it. */
function joinedAfter(text: string, last: Piece): boolean {
  const after = text.slice(last.end, last.end + MAX_JOINER)

  return JOIN_CLOSE.test(after)
}

/** text with each run of joined string literals as the text it makes. */
export function joinLiterals(text: string): Rewritten {
  if (!/["'`]/.test(text)) return unchanged(text)
  const all = literals(text)
  const runs: Piece[][] = []
  let run: Piece[] = []
  let length = 0
  // a comma joins list items inside `.concat(…)` or Python's `.join([…])`, or when the list is
  // followed by `].join('')`; decided for the list's whole stretch of commas at once
  let inList = false
  let listJoined = false
  let listEnd = -1 // the last item of the stretch of commas listJoined was decided for

  const close = () => {
    const escaped = run.length === 1 && run[0].escapedQuotes.length > 0

    if ((run.length >= 2 || escaped) && length >= MIN_JOINED) runs.push(run)
    run = []
    length = 0
  }

  for (let n = 0; n < all.length; n++) {
    const piece = all[n]
    const last = run[run.length - 1]

    if (last) {
      const kind = gap(text, last, piece)
      const chars = last.end - last.start === 3 && piece.end - piece.start === 3

      if (kind === 'COMMA' && !inList && n > listEnd) {
        // the list's end: the first literal after which no comma follows
        listEnd = n
        while (
          listEnd + 1 < all.length &&
          gap(text, all[listEnd], all[listEnd + 1]) === 'COMMA'
        )
          listEnd++
        listJoined = joinedAfter(text, all[listEnd])
      }

      const joined =
        kind === 'JOINED' ||
        kind === 'CONCAT' ||
        kind === 'JOIN_OPEN' ||
        (kind === 'COMMA' && (chars || inList || listJoined))

      if (kind !== 'COMMA') listJoined = false
      inList =
        kind === 'CONCAT' ||
        kind === 'JOIN_OPEN' ||
        (inList && kind === 'COMMA')
      if (!joined) close()
    }

    run.push(piece)
    length += piece.end - piece.start - 2 - 2 * piece.escapedQuotes.length
  }

  close()
  if (!runs.length) return unchanged(text)

  return rewrite(text, (r) => {
    for (const pieces of runs)
      pieces.forEach((p, i) => {
        r.skip(p.start, p.start + 1)
        for (const at of p.escapedQuotes) r.skip(at, at + 2)
        r.skip(
          p.end - 1,
          i + 1 < pieces.length ? pieces[i + 1].start + 1 : p.end
        )
      })
  })
}
