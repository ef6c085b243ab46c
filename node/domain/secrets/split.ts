// An encoded token cut by line breaks or spaces (a wrapped PEM-style block, "Q1dF UlRZ …", or
// cut anywhere), or hex written with separators ("5a:4f …", "\x5a\x4f …", "%5A%4F …"): a run of
// pieces of encoded-looking characters with separators between. The pieces are joined; the
// check reads the joined text from each alignment (views.ts), so where the cuts fall and what
// words come before does not matter. Pieces are matched atomically (a lookahead captured, then
// consumed) and a run only starts where no piece character precedes it: no backtracking, linear
// on a megabyte of letters.
import type { Span } from './span'

const SEPARATOR = '(?:\\s|\\\\x|%|:)+'
const SPLIT_RUN = new RegExp(
  `(?<![A-Za-z0-9+/_=\\\\%-])(?:\\\\x|%)?(?=([A-Za-z0-9+/_=-]+))\\1(?:${SEPARATOR}(?=([A-Za-z0-9+/_=-]+))\\2)+`,
  'g'
)

const SEPARATORS = new RegExp(SEPARATOR, 'g')

/** A split run: its pieces joined, and the text's span of the pieces a joined span touches. */
export interface SplitRun {
  joined: string
  source: (joined: Span) => Span
}

/** Where each piece of a run starts, in the text and in the joined pieces (built when needed). */
function pieceMap(run: string, at: number) {
  const starts: number[] = []
  const offsets: number[] = []
  const lengths: number[] = []
  let joinedLength = 0
  let from = 0
  const add = (end: number) => {
    if (end <= from) return
    starts.push(at + from)
    offsets.push(joinedLength)
    lengths.push(end - from)
    joinedLength += end - from
  }

  for (const sep of run.matchAll(SEPARATORS)) {
    add(sep.index ?? 0)
    from = (sep.index ?? 0) + sep[0].length
  }

  add(run.length)

  /** The piece a joined offset falls in. */
  const pieceAt = (offset: number) => {
    let lo = 0
    let hi = offsets.length - 1

    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1

      if (offsets[mid] <= offset) lo = mid
      else hi = mid - 1
    }

    return lo
  }

  return ({ start, end }: Span): Span => {
    const first = pieceAt(start)
    const last = pieceAt(Math.max(start, end - 1))

    return { start: starts[first], end: starts[last] + lengths[last] }
  }
}

/** Split runs of text whose pieces join to `min` characters or more. */
export function splitRuns(text: string, min: number): SplitRun[] {
  const runs: SplitRun[] = []

  for (const m of text.matchAll(SPLIT_RUN)) {
    if (m[0].length < min) continue // most are a few words of prose
    const joined = m[0].replace(SEPARATORS, '')

    if (joined.length < min) continue
    let map: ((s: Span) => Span) | null = null

    runs.push({
      joined,
      source: (s) => (map ??= pieceMap(m[0], m.index ?? 0))(s),
    })
  }

  return runs
}
