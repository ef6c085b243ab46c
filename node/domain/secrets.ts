// What input that may hold a secret looks like, and how it is cut before it is echoed. Pure.
// A classic appToken is 128 capital letters. Treated as one, wherever it sits: a run of 32 or
// more capitals (inside a longer run, glued to other letters, pasted twice); a token cut into
// groups of 8 or more capitals joined by up to 5 other characters (dashes, spaces, quotes and
// plus signs), 32 capitals in all; and a run of 64 or more letters of any case using most of the
// alphabet (a lowercased token). No prose, label, path or id has any of these.

const TOKEN_RUN =
  /[A-Z]{32,}|[A-Z]{8,}(?:[^A-Za-z0-9]{1,5}[A-Z]{8,})+|[A-Za-z]{64,}/g

function tokenLike(match: string): boolean {
  if (match.replace(/[^A-Z]/g, '').length >= 32) return true

  // 64+ letters of any case: a lowercased token uses most of the alphabet; "xxxx…" does not.
  return (
    /^[A-Za-z]{64,}$/.test(match) && new Set(match.toLowerCase()).size >= 16
  )
}

// A token can also be pasted encoded: base64 (as in a Basic authorization header, or a config
// file's secret), base64url or hex. A run of 64 or more such characters is decoded and treated
// as a token when what it decodes to holds one, plain or encoded once more (double encoding).
const ENCODED_RUN = /[A-Za-z0-9+/_-]{64,}={0,2}/g
/** Encodings nested this deep are still looked into (base64 of hex, base64 of base64 …). */
const MAX_DEPTH = 3

function decoded(run: string): string | null {
  if (/^(?:[0-9a-fA-F]{2})+$/.test(run))
    return run.replace(/../g, (h) => String.fromCharCode(parseInt(h, 16)))
  const b64 = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')

  if (b64.length % 4 === 1) return null
  try {
    return atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
  } catch {
    return null
  }
}

function encodedTokenLike(run: string, depth = 1): boolean {
  const text = decoded(run)

  if (text === null) return false
  if ((text.match(TOKEN_RUN) ?? []).some(tokenLike)) return true

  return (
    depth < MAX_DEPTH &&
    (text.match(ENCODED_RUN) ?? []).some((r) => encodedTokenLike(r, depth + 1))
  )
}

// An encoded token cut by line breaks or spaces (a wrapped PEM-style block, "Q1dF UlRZ …"), or hex
// written with separators ("5a:4f …", "\x5a\x4f …", "%5A%4F …"): the pieces are joined and looked
// at from each piece on (what comes before may be a word), up to where base64 padding ends it.
// Pieces are matched atomically (a lookahead captured, then consumed) and a run only starts
// where no piece character precedes it: no backtracking, linear on a megabyte of letters.
const SEPARATOR = '(?:\\s|\\\\x|%|:)+'
const SPLIT_RUN = new RegExp(
  `(?<![A-Za-z0-9+/_=\\\\%-])(?:\\\\x|%)?(?=([A-Za-z0-9+/_=-]+))\\1(?:${SEPARATOR}(?=([A-Za-z0-9+/_=-]+))\\2)+`,
  'g'
)

const SEPARATORS = new RegExp(SEPARATOR, 'g')
/** Longest text decoded per start (an encoded 128-letter token is under 400 characters). */
const MAX_JOINED = 1024

/** A split run's pieces, with where each starts in it. */
function piecesOf(run: string): Array<{ at: number; text: string }> {
  const pieces: Array<{ at: number; text: string }> = []
  let from = 0

  for (const m of run.matchAll(SEPARATORS)) {
    const at = m.index ?? 0

    if (at > from) pieces.push({ at: from, text: run.slice(from, at) })
    from = at + m[0].length
  }

  if (from < run.length) pieces.push({ at: from, text: run.slice(from) })

  return pieces
}

/** Whether joined pieces decode (as hex or base64, up to base64's padding) to a token. */
function joinedTokenLike(joined: string): boolean {
  const upToPadding = joined.slice(0, MAX_JOINED).replace(/(=+).*$/, '$1')
  const hex = /^(?:[0-9a-fA-F]{2})+/.exec(upToPadding)?.[0] ?? ''
  const body = upToPadding.replace(/=+$/, '')
  // padded: whole; unpadded: what ends a full group (a word may follow without a break)
  const b64 =
    body.length < upToPadding.length
      ? upToPadding
      : body.slice(0, body.length - (body.length % 4))

  return [hex, b64].some((c) => c.length >= 64 && encodedTokenLike(c))
}

/**
 * Where in a split run an encoded token starts (its first piece's index in the run), or -1.
 * Wrapped or grouped encodings come in pieces of one length (the last may be shorter), so each
 * stretch of equal pieces is tried, from its first piece and from its second (the first may be
 * a word of the same length): linear in the run, however long the prose around it.
 */
function splitTokenAt(run: string): number {
  const pieces = piecesOf(run)

  for (let g = 0; g < pieces.length; ) {
    const width = pieces[g].text.length
    let end = g + 1

    while (end < pieces.length && pieces[end].text.length === width) end++
    const last = Math.min(end + 1, pieces.length) // a shorter last piece belongs to it

    for (const start of [g, g + 1]) {
      if (start >= end) break
      let joined = ''

      for (let j = start; j < last && joined.length < MAX_JOINED; j++)
        joined += pieces[j].text
      if (joined.length >= 64 && joinedTokenLike(joined))
        return pieces[start].at
    }

    g = end
  }

  return -1
}

/** True when text holds something token-like (see above), wherever it sits. */
export function containsTokenLike(text: string): boolean {
  return (
    (text.match(TOKEN_RUN) ?? []).some(tokenLike) ||
    (text.match(ENCODED_RUN) ?? []).some((r) => encodedTokenLike(r)) ||
    (text.match(SPLIT_RUN) ?? []).some((r) => splitTokenAt(r) >= 0)
  )
}

/** Replaces each token-like run (plain or encoded) with its first 4 characters and its length. */
export function redactTokens(text: string): string {
  const cut = (run: string) =>
    `${run.slice(0, 4)}…[${run.length} characters redacted]`

  return text
    .replace(ENCODED_RUN, (run) => (encodedTokenLike(run) ? cut(run) : run))
    .replace(SPLIT_RUN, (run) => {
      const at = splitTokenAt(run)

      return at < 0 ? run : run.slice(0, at) + cut(run.slice(at))
    })
    .replace(TOKEN_RUN, (run) => (tokenLike(run) ? cut(run) : run))
}

/** Input as an error message may echo it: secrets redacted, at most `max` characters. */
export function quote(input: unknown, max = 40): string {
  const text = redactTokens(String(input ?? ''))

  return text.length > max ? `${text.slice(0, max)}…` : text
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
