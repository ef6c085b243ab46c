// A token pasted gzip'd (or zlib'd) then base64'd ("H4sI…", "eJ…"). Inflating is pure computation
// (no I/O, no clock), bounded: at most MAX_INFLATED bytes come out of one blob, so a zip bomb
// stops at the bound instead of filling memory. A blob that would give more is reported as such:
// what cannot be read whole cannot be vouched for.
import { constants, inflateRawSync } from 'zlib'

/** The most one compressed blob may inflate to (every member of a gzip file together). */
export const MAX_INFLATED = 64 * 1024

export type Inflated = string | 'TOO_LARGE' | null

/** Where a gzip member's deflate data starts (RFC 1952 §2.3), or -1 when no member starts at `at`. */
function gzipBody(bytes: Uint8Array, at: number): number {
  if (bytes[at] !== 0x1f || bytes[at + 1] !== 0x8b || bytes[at + 2] !== 8)
    return -1
  const flags = bytes[at + 3]

  if (flags & 0xe0) return -1 // reserved bits set: not gzip
  let p = at + 10

  if (flags & 4) p += 2 + (bytes[p] | (bytes[p + 1] << 8)) // FEXTRA
  for (const bit of [8, 16]) {
    // FNAME, FCOMMENT: zero-terminated
    if (flags & bit) {
      while (p < bytes.length && bytes[p] !== 0) p++
      p++
    }
  }

  if (flags & 2) p += 2 // FHCRC

  return p < bytes.length ? p : -1
}

/** A zlib stream's deflate data start (RFC 1950 §2.2: deflate, valid check bits, no dictionary). */
function zlibBody(bytes: Uint8Array, at: number): number {
  const cmf = bytes[at]
  const flg = bytes[at + 1]

  return (cmf & 0x0f) === 8 &&
    cmf >> 4 <= 7 &&
    ((cmf << 8) | flg) % 31 === 0 &&
    !(flg & 0x20) &&
    at + 2 < bytes.length
    ? at + 2
    : -1
}

/** Raw-inflates from `at`: what came out and how many bytes were consumed, or null. */
function inflateFrom(
  bytes: Buffer,
  at: number,
  max: number
): { out: Buffer; used: number } | 'TOO_LARGE' | null {
  try {
    // SYNC_FLUSH: a stream cut short still gives what it holds; trailing bytes are left alone.
    const r = inflateRawSync(bytes.subarray(at), {
      maxOutputLength: Math.max(max, 1),
      finishFlush: constants.Z_SYNC_FLUSH,
      info: true,
    }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } }

    return { out: r.buffer, used: r.engine.bytesWritten }
  } catch (e) {
    return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
      ? 'TOO_LARGE'
      : null
  }
}

/**
 * What a gzip file (every member, as gunzip reads them) or a zlib stream starting at `at`
 * inflates to, as latin1 text; TOO_LARGE past MAX_INFLATED; null when it is neither. Each
 * stream inflated (each gzip member) takes one from `budget`; with none left it is TOO_LARGE:
 * members that inflate to nothing never reach the size bound, and a megabyte holds 37,000.
 */
export function inflated(
  bytes: Buffer,
  at = 0,
  budget = { left: Infinity }
): Inflated {
  const zlibStart = zlibBody(bytes, at)

  if (zlibStart >= 0) {
    if (budget.left-- <= 0) return 'TOO_LARGE'
    const r = inflateFrom(bytes, zlibStart, MAX_INFLATED)

    return r === null || r === 'TOO_LARGE' ? r : r.out.toString('latin1')
  }

  const parts: Buffer[] = []
  let size = 0

  for (let p = at, body = gzipBody(bytes, p); body >= 0; ) {
    if (budget.left-- <= 0) return 'TOO_LARGE'
    const r = inflateFrom(bytes, body, MAX_INFLATED - size)

    if (r === 'TOO_LARGE') return r
    if (r === null) break
    parts.push(r.out)
    size += r.out.length
    if (size > MAX_INFLATED) return 'TOO_LARGE'
    p = body + r.used + 8 // CRC32 and ISIZE
    body = gzipBody(bytes, p)
  }

  return parts.length ? Buffer.concat(parts).toString('latin1') : null
}

/** Whether a gzip member or a zlib stream could start at `at` (its header reads right). */
export function compressedAt(bytes: Uint8Array, at: number): boolean {
  return gzipBody(bytes, at) >= 0 || zlibBody(bytes, at) >= 0
}
