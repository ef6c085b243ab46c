// A token spelled out with a separator between every character ("Q W E R …", "q-w-e-r-…",
// "Q, W, E, …"), or cut into groups of one width ("QWER.TYUI.…", "UVdF-UlRZ-…"): pieces of letters
// and digits, each joined to the next by 1 to 3 other characters, in stretches of pieces of one
// width (the last may be shorter). A stretch's pieces are joined and the check looks at that (with
// the pieces' width: capitals in groups of 2 to 4 are judged by narrowGroups.ts).
// Prose has no such stretch: its words come in many widths, and single letters in a row (a list
// of sizes, initials) are far fewer than a token's 32 capitals. Linear: one pass over the text,
// each stretch joined once.
import type { Span } from './span'

const MAX_GAP = 3
/** Pieces wider than one need this many characters together (no all-capital prose has that many words of one width in a row). */
const MIN_GROUPED = 48
/** Fewest characters any check can find a token in (32 capitals). */
const MIN_SPELLED = 32

/** 1 for the character codes of letters and digits (a table: this runs once per character). */
const ALNUM = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0
)

const alnum = (c: number) => c < 128 && ALNUM[c] === 1

/**
 * Spans of stretches whose joined characters `holdsToken` says hold a token. A stretch is at
 * least two pieces; the joined text is only built when it is long enough to hold one. One pass
 * over text, keeping only the current stretch (no list of pieces: a megabyte of "a a a" is
 * half a million of them).
 */
export function spelledSpans(
  text: string,
  holdsToken: (joined: string, width: number) => boolean
): Span[] {
  const spans: Span[] = []
  let start = -1 // the stretch's first piece
  let end = -1 // and its last piece's end
  let width = 0
  let pieces = 0
  let length = 0

  const check = () => {
    if (pieces < 2 || length < (width === 1 ? MIN_SPELLED : MIN_GROUPED)) return
    if (holdsToken(text.slice(start, end).replace(/[^A-Za-z0-9]+/g, ''), width))
      spans.push({ start, end })
  }

  for (let i = 0; i < text.length; ) {
    if (!alnum(text.charCodeAt(i))) {
      i++
      continue
    }

    const from = i

    while (i < text.length && alnum(text.charCodeAt(i))) i++
    const w = i - from
    const joinedOn = pieces > 0 && from - end <= MAX_GAP

    if (joinedOn && w === width) {
      pieces++
      length += w
      end = i
      continue
    }

    // a shorter piece ends a stretch as its last (a token's length is seldom a multiple)
    if (joinedOn && w < width && pieces >= 2) {
      pieces++
      length += w
      end = i
    }

    check()
    start = from
    end = i
    width = w
    pieces = 1
    length = w
  }

  check()

  return spans
}
