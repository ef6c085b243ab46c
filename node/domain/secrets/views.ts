// Ways to read a run of encoded-looking characters: base64 (or base64url) from each of the four
// places a group can start, and hex from each of two. A run may carry a word before the encoded
// part ("token" glued to it, or words joined from a wrapped paste), so one of the alignments is
// the encoded part's own; the others read as noise. Each view maps what it decodes back to the
// characters it came from, so redaction cuts exactly the encoded part.
import type { Span } from './span'

/** Decoded bytes (latin1, one character per byte) and where a stretch of them came from. */
export interface View {
  text: string
  source: (decoded: Span) => Span
}

/** Shortest stretch looked into: 32 capitals in base64 are 44 characters, a zlib'd token 56. */
export const MIN_ENCODED = 40

const BASE64_SEGMENT = new RegExp(`[A-Za-z0-9+/_-]{${MIN_ENCODED},}`, 'g')
/** 32 capitals in hex are 64 digits. */
const HEX_SEGMENT = /[0-9a-fA-F]{64,}/g

function base64Views(run: string, at: number): View[] {
  const views: View[] = []

  for (let a = 0; a < 4; a++) {
    const from = at + a

    views.push({
      text: Buffer.from(run.slice(a), 'base64').toString('latin1'),
      source: ({ start, end }) => ({
        start: from + Math.floor(start / 3) * 4,
        end: Math.min(at + run.length, from + Math.ceil(end / 3) * 4),
      }),
    })
  }

  return views
}

function hexViews(run: string, at: number): View[] {
  return [0, 1].map((a) => ({
    text: Buffer.from(run.slice(a), 'hex').toString('latin1'),
    source: ({ start, end }) => ({
      start: at + a + start * 2,
      end: Math.min(at + run.length, at + a + end * 2),
    }),
  }))
}

/** Every base64 and hex reading of text's encoded-looking stretches (padding '=' ends one). */
export function encodedViews(text: string): View[] {
  const views: View[] = []

  for (const m of text.matchAll(BASE64_SEGMENT))
    views.push(...base64Views(m[0], m.index ?? 0))
  for (const m of text.matchAll(HEX_SEGMENT))
    views.push(...hexViews(m[0], m.index ?? 0))

  return views
}

/**
 * UTF-16 text read one byte in two: ASCII in UTF-16LE or BE is every other byte, with a zero
 * byte between (a BOM adds two bytes at the start). Only for decoded text that is a quarter
 * zero bytes or more.
 */
export function utf16Halves(view: View): View[] {
  const { text } = view
  let zeros = 0

  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0) zeros++
  if (zeros * 4 < text.length) return []

  const bytes = Buffer.from(text, 'latin1')

  return [0, 1].map((h) => {
    const half = Buffer.alloc((bytes.length + 1 - h) >> 1)

    for (let i = 0; i < half.length; i++) half[i] = bytes[2 * i + h]

    return {
      text: half.toString('latin1'),
      source: ({ start, end }) =>
        view.source({ start: start * 2 + h, end: end * 2 + h }),
    }
  })
}
