// What input that may hold a secret looks like, and how it is cut before it is echoed. Pure (no
// I/O, no clock; inflating gzip is computation). A token is found as it stands (secrets/plain.ts),
// spelled out or cut into groups of one width (secrets/spelled.ts), and encoded: base64,
// base64url or hex, whole or cut by line breaks and spaces anywhere (secrets/split.ts), read
// from every alignment (secrets/views.ts), as UTF-16, gzip'd or zlib'd (secrets/inflate.ts), and
// encoded again inside (double encoding), up to MAX_DEPTH layers; cut into groups of irregular
// widths or with digits put in (secrets/irregular.ts), or into narrow groups of changing widths
// ("DTY FAXB MXG …", secrets/narrowGroups.ts). Before anything is looked at, typed input
// is read through READINGS (below): escapes decoded, invisible characters dropped (no separation
// at all), look-alike, mathematical, enclosed and regional indicator letters folded to ASCII
// (flags left alone), byte lists and joined string
// literals read as the text they make. Each finding is a span of the input, so redaction cuts the
// whole run that holds it; errors get the marker as a wording (quote), worded in each language.
import { decodeByteLists } from './secrets/byteLists'
import { foldEnclosedLetters } from './secrets/enclosedLetters'
import { decodeEscapes } from './secrets/escapes'
import { compressedAt, inflated } from './secrets/inflate'
import { interleavedSpans } from './secrets/interleaved'
import { narrowSpans } from './secrets/narrowGroups'
import { withoutInvisibles } from './secrets/invisibles'
import { irregularSpans } from './secrets/irregular'
import { judgedAsGroups } from './secrets/codeLists'
import { joinLiterals } from './secrets/literals'
import { foldLookalikes } from './secrets/lookalikes'
import { foldMathLetters } from './secrets/mathLetters'
import { joinedTokenLike, plainSpans } from './secrets/plain'
import type { Rewritten } from './secrets/rewrite'
import { chained } from './secrets/rewrite'
import type { Span } from './secrets/span'
import { shortenRepeats } from './secrets/periodic'
import { foldRegionalLetters } from './secrets/regionalLetters'
import { merged } from './secrets/span'
import { spelledSpans } from './secrets/spelled'
import { splitRuns } from './secrets/split'
import { encodedViews, MIN_ENCODED, utf16Halves } from './secrets/views'
import type { Wording } from './wording'
import { wording } from './wording'

/** An unsplit run of encoded-looking characters, with its padding: cut whole when it holds a token. */
const ENCODED_RUN = new RegExp(`[A-Za-z0-9+/_-]{${MIN_ENCODED},}={0,2}`, 'g')
/** Layers of encoding looked through (base64 of gzip of base64 …). */
const MAX_DEPTH = 4
/** Compressed streams (each gzip member) inflated per input; past it, one more is taken as a token (a zip-bomb swarm). */
const MAX_INFLATIONS = 32

interface Walk {
  depth: number
  inflations: { left: number }
  /** Stop at the first finding (a refusal needs no more; redaction needs them all). */
  first: boolean
  /** What decodedSpans found per depth and text: spelled-out and split runs often join to the same text. */
  known: Array<Map<string, Span[]>>
}

/** Spans of text holding a token; text is typed input (depth 0) or what a layer decoded to. */
function spansIn(text: string, walk: Walk): Span[] {
  const deeper = walk.depth < MAX_DEPTH
  const spans = merged([
    ...plainSpans(text),
    ...irregularSpans(text),
    ...interleavedSpans(text),
    ...narrowSpans(text),
    ...spelledSpans(
      text,
      (joined, width) =>
        (!judgedAsGroups(joined, width) && joinedTokenLike(joined)) ||
        (deeper && decodedSpans(joined, walk).length > 0)
    ),
  ])

  if (!deeper || (walk.first && spans.length)) return spans
  // An encoded run inside what is already found adds nothing (a run of capitals reads as base64 too).
  const found = spans.slice()
  const inFound = coveredBy(found)

  for (const m of text.matchAll(ENCODED_RUN)) {
    const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }

    if (!inFound(span) && decodedSpans(m[0], walk).length) {
      spans.push(span)
      if (walk.first) return spans
    }
  }

  for (const run of splitRuns(text, MIN_ENCODED)) {
    for (const s of decodedSpans(run.joined, walk)) spans.push(run.source(s))
    if (walk.first && spans.length) return spans
  }

  if (walk.depth > 0) spans.push(...compressedSpans(text, walk))

  return spans
}

/** Whether a span lies inside one of sorted, merged spans; asked in order of start (one pass). */
function coveredBy(sorted: Span[]): (s: Span) => boolean {
  let k = 0

  return ({ start, end }) => {
    while (k < sorted.length && sorted[k].end < end) k++

    return k < sorted.length && sorted[k].start <= start
  }
}

/** Spans of encoded-looking text whose base64, hex or UTF-16 reading holds a token. */
function decodedSpans(text: string, walk: Walk): Span[] {
  walk.known[walk.depth] = walk.known[walk.depth] ?? new Map()
  const known = walk.known[walk.depth]
  const before = known.get(text)

  if (before) return before
  const inner = { ...walk, depth: walk.depth + 1 }
  const spans: Span[] = []
  // a long repeating stretch decodes, from every alignment, to another one: read it once
  const short = shortenRepeats(text)

  for (const view of encodedViews(short.text)) {
    for (const v of [view, ...utf16Halves(view)])
      for (const s of spansIn(v.text, inner))
        spans.push(short.original(v.source(s)))
    if (walk.first && spans.length) break
  }

  known.set(text, spans)

  return spans
}

/**
 * Decoded bytes holding a gzip member (anywhere: words may precede it) or a zlib stream (at the
 * start): from there on is a span when what it inflates to holds a token, or inflates past the
 * bound, or the input already had MAX_INFLATIONS streams (gzip members) inflated.
 */
function compressedSpans(text: string, walk: Walk): Span[] {
  let bytes: Buffer | null = null
  const starts = [0]

  for (let i = text.indexOf('\x1f\x8b\x08'); i >= 0; ) {
    if (i > 0) starts.push(i)
    i = text.indexOf('\x1f\x8b\x08', i + 1)
  }

  for (const at of starts) {
    const head = text.charCodeAt(at)

    if (head !== 0x1f && head !== 0x78) continue
    bytes = bytes ?? Buffer.from(text, 'latin1')
    if (!compressedAt(bytes, at)) continue
    const span = { start: at, end: text.length }
    const out = inflated(bytes, at, walk.inflations)

    if (
      out === 'TOO_LARGE' ||
      (out !== null &&
        spansIn(out, { ...walk, depth: walk.depth + 1 }).length > 0)
    )
      return [span]
  }

  return []
}

/**
 * How typed input is read before the check, in this order: escapes decoded, twice (they may spell
 * escapes, invisible or look-alike characters), invisible characters dropped, look-alike,
 * mathematical and enclosed letters folded to ASCII, byte lists read as bytes, joined string literals joined. Each keeps
 * the input's positions (secrets/rewrite.ts); text none of them applies to is read as it is.
 */
const READINGS: Array<(text: string) => Rewritten> = [
  decodeEscapes,
  // an escape escaped again (`&amp;#81;`, `\u005Cu0051`): one more layer
  decodeEscapes,
  withoutInvisibles,
  // one for one: positions stay
  (text) => ({ text: foldLookalikes(text), original: (s) => s }),
  foldMathLetters,
  foldEnclosedLetters,
  // flag letters, unless the row reads as flags
  foldRegionalLetters,
  decodeByteLists,
  joinLiterals,
]

/** Where input holds something token-like, merged, in the input's own positions (`first`: one is enough). */
function tokenSpans(text: string, first = false): Span[] {
  const { text: read, original } = chained(text, READINGS)
  const spans = spansIn(read, {
    depth: 0,
    first,
    inflations: { left: MAX_INFLATIONS },
    known: [],
  })

  return merged(spans.map(original))
}

/** True when text holds something token-like (see above), wherever it sits. */
export function containsTokenLike(text: string): boolean {
  return tokenSpans(text, true).length > 0
}

/** What is left of a token-like run: its first 4 characters and its length in characters. */
export interface Redacted {
  kept: string
  count: number
}

/** text cut into what stays as it is and what is redacted (a text holding nothing: itself). */
export function redactedPieces(text: string): Array<string | Redacted> {
  const pieces: Array<string | Redacted> = []
  let at = 0

  for (const { start, end } of tokenSpans(text)) {
    if (start > at) pieces.push(text.slice(at, start))
    pieces.push(redacted(text.slice(start, end)))
    at = end
  }

  if (at < text.length || !pieces.length) pieces.push(text.slice(at))

  return pieces
}

/** A run's first 4 characters and length, counted in characters (a surrogate pair is one). */
function redacted(run: string): Redacted {
  if (!/[\ud800-\udfff]/.test(run))
    return { kept: run.slice(0, 4), count: run.length }
  const chars = Array.from(run)

  return { kept: chars.slice(0, 4).join(''), count: chars.length }
}

/** The marker in English, for logs and stored text: "QWER…[128 characters redacted]". */
const english = ({ kept, count }: Redacted) =>
  `${kept}…[${count} characters redacted]`

/** Replaces each token-like run (plain or encoded) with its first 4 characters and its length. */
export function redactTokens(text: string): string {
  const pieces = redactedPieces(text)

  return pieces.length === 1 && typeof pieces[0] === 'string'
    ? pieces[0]
    : pieces.map((p) => (typeof p === 'string' ? p : english(p))).join('')
}

/** Direction marks and overrides, invisible in text, that turn the rest of a line around. */
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** An echoed input's direction controls shown as what they are ("[U+202E]"), not applied. */
const visibleControls = (text: string) =>
  text.replace(
    DIRECTION_CONTROLS,
    (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`
  )

/**
 * Input as an error message may echo it: secrets redacted, at most `max` characters (a marker
 * counts its 4 kept characters and is never cut). Text with nothing redacted stays text; with a
 * marker it is a wording (messages `secrets.quoted`, `secrets.redacted`), so the marker reads
 * in the admin's language wherever the error is worded (services/wording.ts).
 */
export function quote(input: unknown, max = 40): string | Wording {
  const pieces: Array<string | Redacted> = []
  let left = max
  let cut = false

  for (const piece of redactedPieces(String(input ?? ''))) {
    const p = typeof piece === 'string' ? visibleControls(piece) : piece
    const size = typeof p === 'string' ? p.length : p.kept.length

    if (size > left) {
      if (typeof p === 'string') pieces.push(p.slice(0, left))
      cut = true
      break
    }

    pieces.push(p)
    left -= size
  }

  if (cut) pieces.push('…')

  return pieces.reduceRight<string | Wording>(
    (after, p) =>
      typeof p !== 'string'
        ? wording('secrets.quoted', {
            before: '',
            redacted: wording('secrets.redacted', {
              kept: p.kept,
              count: p.count,
            }),
            after,
          })
        : typeof after === 'string'
        ? p + after
        : after.values?.before === ''
        ? { ...after, values: { ...after.values, before: p } }
        : wording('secrets.quoted', { before: p, redacted: '', after }),
    ''
  )
}

/** Quoted items for a message value that names several (joined by commas in any language). */
export function quotedList(items: Array<string | Wording>): string | Wording[] {
  return items.every((i): i is string => typeof i === 'string')
    ? items.join(', ')
    : items.map((i) =>
        typeof i === 'string'
          ? wording('secrets.quoted', { before: i, redacted: '', after: '' })
          : i
      )
}

/** A JSON-like value with every string redacted (and cut to `maxString`), for logs and errors. */
export function redactDeep(
  value: unknown,
  maxString = 2000,
  depth = 0
): unknown {
  if (typeof value === 'string') {
    const text = redactTokens(value)

    return text.length > maxString
      ? `${text.slice(0, maxString)}… [truncated]`
      : text
  }

  if (depth > 8 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value))
    return value.slice(0, 200).map((v) => redactDeep(v, maxString, depth + 1))
  const out: Record<string, unknown> = {}

  for (const [k, v] of Object.entries(value))
    out[k] = redactDeep(v, maxString, depth + 1)

  return out
}
