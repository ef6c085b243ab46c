// Text read another way before the check (escapes decoded, look-alike letters folded, invisible
// characters dropped, byte lists read as bytes), keeping for each character of the new text the
// stretch of the input it came from, so a finding is redacted over the input's own characters
// (a 6-character escape or a 2-unit surrogate pair is one letter here). Pure and linear.
import type { Span } from './span'

/** A reading of a text and the input's span of a span of it. */
export interface Rewritten {
  text: string
  original: (s: Span) => Span
}

export const unchanged = (text: string): Rewritten => ({
  text,
  original: (s) => s,
})

/** Built left to right: `put` replaces input characters, `skip` drops them; the rest is kept. */
export interface Rewriter {
  /** `chars` stand for the input's [start, end): kept characters before `start` come first. */
  put: (chars: string, start: number, end: number) => void
  /** Input characters [start, end) stand for nothing. */
  skip: (start: number, end: number) => void
}

/** The text as `edit` rewrites it: characters it neither puts nor skips are kept as they are. */
export function rewrite(input: string, edit: (r: Rewriter) => void): Rewritten {
  const parts: string[] = []
  // per new character: where its input stretch starts and ends (grown as needed)
  let from = new Uint32Array(64)
  let to = new Uint32Array(64)
  let length = 0
  let at = 0 // input characters before `at` are done
  let changed = false

  const room = (n: number) => {
    if (length + n + 1 <= from.length) return
    const size = Math.max(from.length * 2, length + n + 1)
    const f = new Uint32Array(size)
    const t = new Uint32Array(size)

    f.set(from)
    t.set(to)
    from = f
    to = t
  }

  const keep = (upTo: number) => {
    if (upTo <= at) return
    room(upTo - at)
    for (let i = at; i < upTo; i++, length++) {
      from[length] = i
      to[length] = i + 1
    }

    parts.push(input.slice(at, upTo))
    at = upTo
  }

  edit({
    put: (chars, start, end) => {
      keep(start)
      room(chars.length)
      for (let i = 0; i < chars.length; i++, length++) {
        from[length] = start
        to[length] = end
      }

      parts.push(chars)
      at = Math.max(at, end)
      changed = true
    },
    skip: (start, end) => {
      keep(start)
      at = Math.max(at, end)
      changed = true
    },
  })

  if (!changed) return unchanged(input)
  keep(input.length)
  from[length] = input.length

  return {
    text: parts.join(''),
    original: ({ start, end }) =>
      end > start
        ? { start: from[start], end: to[end - 1] }
        : { start: from[start], end: from[start] },
  }
}

/** Readings one after another: the last one's spans, in the first one's input positions. */
export function chained(
  input: string,
  steps: Array<(text: string) => Rewritten>
): Rewritten {
  let text = input
  const back: Array<(s: Span) => Span> = []

  for (const step of steps) {
    const r = step(text)

    back.push(r.original)
    text = r.text
  }

  return {
    text,
    original: (s) => back.reduceRight((span, f) => f(span), s),
  }
}
