// A long stretch repeating a short unit ("000…", "Q-Q-…", "ÓM4ÓM4…") read once, not a megabyte
// of times. An encoded-looking run is decoded from each alignment and what it decodes to is
// looked into again, layer after layer: a repeating run decodes, from every alignment, to another
// long repeating text, so '0'.repeat(1e6) fanned out into dozens of half-megabyte texts (0.9–1.3 s
// a check). Whatever a check can find in a repeating stretch it finds in any long enough piece of
// it (the unit repeats; the longest thing looked for, a token 4 layers deep in hex, is ~2,000
// characters), so the middle of a stretch is cut down, leaving an amount that keeps the unit's
// phase and every base64/hex alignment (a multiple of 4 units), and the characters standing
// for the cut middle map back to all of it (secrets/rewrite.ts): a finding across the stretch is
// redacted across all of it.
import type { Rewritten } from './rewrite'
import { rewrite, unchanged } from './rewrite'

/** Longest unit looked for (a unit of 13, "H4sIAAAAAAAA ", is a bench row). */
const MAX_UNIT = 16

/** Stretches shorter than this are read whole. */
export const MIN_STRETCH = 16_384
/** What is left of a stretch: its head and tail, and one block for the middle. */
const KEEP = 4_096

/** Text with each stretch of MIN_STRETCH or more repeating one unit (≤ MAX_UNIT) cut to about KEEP·2 characters. */
export function shortenRepeats(text: string): Rewritten {
  if (text.length < MIN_STRETCH) return unchanged(text)
  const cuts: Array<{ start: number; end: number; block: number }> = []

  for (let i = 0; i + MIN_STRETCH <= text.length; ) {
    const stretch = repeatAt(text, i)

    if (!stretch) {
      i += MIN_STRETCH >> 1
      continue
    }

    // a block is a whole number of units and of base64 quads (4 characters): the text after the
    // cut has the unit's phase and every alignment it had
    const block = lcm(stretch.unit, 4)
    const start = stretch.start + KEEP - ((stretch.start + KEEP) % block)
    const end = stretch.end - KEEP - ((stretch.end - KEEP - start) % block)

    if (end - start > block) cuts.push({ start, end, block })
    i = stretch.end
  }

  if (!cuts.length) return unchanged(text)

  return rewrite(text, (r) => {
    // one block of the unit stands for the whole middle
    for (const { start, end, block } of cuts)
      r.put(text.slice(start, start + block), start, end)
  })
}

/**
 * The repeating stretch around position i, if one of MIN_STRETCH or more covers it: the unit is
 * read at i (the smallest p with text[i+k] = text[i+k+p] over a probe), then the stretch is
 * grown both ways. Positions are probed MIN_STRETCH/2 apart, so every stretch of MIN_STRETCH is
 * probed inside and the pass is linear.
 */
function repeatAt(
  text: string,
  i: number
): { start: number; end: number; unit: number } | null {
  const probe = Math.min(text.length, i + 4 * MAX_UNIT)

  for (let p = 1; p <= MAX_UNIT; p++) {
    let k = i

    while (k + p < probe && text.charCodeAt(k) === text.charCodeAt(k + p)) k++
    if (k + p < probe) continue
    let start = i
    let end = i + p

    while (
      start > 0 &&
      text.charCodeAt(start - 1) === text.charCodeAt(start - 1 + p)
    )
      start--
    while (
      end < text.length &&
      text.charCodeAt(end) === text.charCodeAt(end - p)
    )
      end++

    return end - start >= MIN_STRETCH ? { start, end, unit: p } : null
  }

  return null
}

function lcm(a: number, b: number): number {
  let x = a
  let y = b

  while (y) [x, y] = [y, x % y]

  return (a / x) * b
}
