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

/** True when text holds something token-like (see above), wherever it sits. */
export function containsTokenLike(text: string): boolean {
  return (text.match(TOKEN_RUN) ?? []).some(tokenLike)
}

/** Replaces each token-like run with its first 4 letters and its length. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_RUN, (run) =>
    tokenLike(run)
      ? `${run.slice(0, 4)}…[${run.length} characters redacted]`
      : run
  )
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
