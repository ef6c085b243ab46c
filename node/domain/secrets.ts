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
// file's secret), base64url or hex. A run of 64 or more such characters is decoded once and
// treated as a token when what it decodes to holds one.
const ENCODED_RUN = /[A-Za-z0-9+/_-]{64,}={0,2}/g

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

function encodedTokenLike(run: string): boolean {
  const text = decoded(run)

  return text !== null && (text.match(TOKEN_RUN) ?? []).some(tokenLike)
}

/** True when text holds something token-like (see above), wherever it sits. */
export function containsTokenLike(text: string): boolean {
  return (
    (text.match(TOKEN_RUN) ?? []).some(tokenLike) ||
    (text.match(ENCODED_RUN) ?? []).some(encodedTokenLike)
  )
}

/** Replaces each token-like run (plain or encoded) with its first 4 characters and its length. */
export function redactTokens(text: string): string {
  const cut = (run: string) =>
    `${run.slice(0, 4)}…[${run.length} characters redacted]`

  return text
    .replace(ENCODED_RUN, (run) => (encodedTokenLike(run) ? cut(run) : run))
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
