// A token (or its base64) pasted as string literals put together: `"QWER" + "TYUI" + …` (JS, Java,
// C#), `'QWER' 'TYUI'` (adjacent literals in Python and C), `"QWER" . "TYUI"` (PHP), `&` (VB),
// `||` (SQL), with line breaks between the pieces, or a character array `{'Q', 'W', …}`. Two or
// more literals so joined, holding 32 characters or more, are read as the text they make, in
// place (secrets/rewrite.ts): the quotes and what joins them are dropped, so the check sees one
// run and redaction cuts from the first piece to the last.
import type { Rewritten } from './rewrite'
import { rewrite, unchanged } from './rewrite'

/** A one-line literal in double or single quotes, or a template literal, without escapes. */
const LITERAL = /"([^"\n\\]*)"|'([^'\n\\]*)'|`([^`\\]*)`/g
/** What joins two literals into one string: nothing but spaces, or one operator. */
const JOINER = /^\s*(?:\+|\.|\.\.|&|\|\|)?\s*$/
/** Between the characters of a character array. */
const COMMA = /^\s*,\s*$/
/** Fewest characters joined literals are read together for: the fewest a token is found in. */
const MIN_JOINED = 32
/** Longest joiner looked at (an operator between line breaks and indentation). */
const MAX_JOINER = 40

interface Piece {
  start: number // the literal's opening quote
  end: number // and its closing quote, + 1
}

/** text with each run of joined string literals as the text it makes. */
export function joinLiterals(text: string): Rewritten {
  if (!/["'`]/.test(text)) return unchanged(text)
  const runs: Piece[][] = []
  let run: Piece[] = []
  let length = 0

  const close = () => {
    if (run.length >= 2 && length >= MIN_JOINED) runs.push(run)
    run = []
    length = 0
  }

  for (const m of text.matchAll(LITERAL)) {
    const start = m.index ?? 0
    const piece = { start, end: start + m[0].length }
    const last = run[run.length - 1]

    if (last && !joined(text, last, piece)) close()
    run.push(piece)
    length += piece.end - piece.start - 2
  }

  close()
  if (!runs.length) return unchanged(text)

  return rewrite(text, (r) => {
    for (const pieces of runs)
      pieces.forEach((p, i) => {
        r.skip(p.start, p.start + 1)
        r.skip(
          p.end - 1,
          i + 1 < pieces.length ? pieces[i + 1].start + 1 : p.end
        )
      })
  })
}

function joined(text: string, a: Piece, b: Piece): boolean {
  if (b.start - a.end > MAX_JOINER) return false
  const gap = text.slice(a.end, b.start)

  return (
    JOINER.test(gap) ||
    (COMMA.test(gap) && a.end - a.start === 3 && b.end - b.start === 3)
  )
}
