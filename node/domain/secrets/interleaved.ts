// A token with one character put between each two of its own ("QxWxExRx…", "QaWeEiRo…",
// "q.w-e!r…", or capitals among small vowels that make the run read as words): every other
// character of the run is the token. A run of non-space characters whose characters at even (or
// odd) places hold 32 capitals in a row is one; so is a run of letters whose every other letter
// makes 64 random letters (a lowercased token: most of the alphabet, not word-like). Prose has
// neither (a word of 64 letters is no word; 32 capitals one place apart is no acronym). Linear:
// one pass over each run, no string built but the letter halves of runs of 128 letters. A
// finding runs from the first of the token's characters to the last.
import { usesMostLetters, wordLike } from './plain'
import type { Span } from './span'

/** Runs of non-space characters long enough to hold 32 characters one place apart. */
const RUN = /(?<!\S)\S{63,}/g
/** Runs of letters long enough to hold 64 letters one place apart. */
const LETTERS = /(?<![A-Za-z])[A-Za-z]{127,}/g

export function interleavedSpans(text: string): Span[] {
  const spans: Span[] = []

  for (const m of text.matchAll(RUN)) {
    const at = m.index ?? 0

    spans.push(...capitalsApart(text, at, at + m[0].length))
  }

  for (const m of text.matchAll(LETTERS)) {
    const at = m.index ?? 0

    if ([0, 1].some((h) => randomLetters(m[0], h)))
      spans.push({ start: at, end: at + m[0].length })
  }

  return spans
}

/**
 * Stretches of text[start, end) with 32 or more capitals at every other place in a row (one
 * parity), from the first of them to the last: what stands between is the filler.
 */
function capitalsApart(text: string, start: number, end: number): Span[] {
  const spans: Span[] = []
  const count = [0, 0]
  const first = [0, 0]

  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0
    const parity = (i - start) & 1

    if (c >= 65 && c <= 90) {
      if (!count[parity]++) first[parity] = i
      continue
    }

    if (count[parity] >= 32)
      spans.push({
        start: first[parity],
        end: first[parity] + 2 * count[parity] - 1,
      })
    count[parity] = 0
    // the run's end closes the other parity's stretch too
    if (i === end && count[1 - parity] >= 32)
      spans.push({
        start: first[1 - parity],
        end: first[1 - parity] + 2 * count[1 - parity] - 1,
      })
  }

  return spans
}

/** Whether the letters of run at places h, h+2, h+4 … read as a lowercased token. */
function randomLetters(run: string, h: number): boolean {
  let half = ''

  for (let i = h; i < run.length; i += 2) half += run[i]

  return usesMostLetters(half) && !wordLike(half)
}
