// What input that may hold a secret looks like, and how it is cut before it is echoed. Pure.
// A classic appToken is 128 capital letters; a run of 32 or more anywhere (inside a longer run,
// glued to other letters, pasted twice) is treated as one: no prose, label or id has such a run.

const TOKEN_RUN = /[A-Z]{32,}/g

/** True when text holds a token-like run of capital letters, wherever it sits. */
export function containsTokenLike(text: string): boolean {
  TOKEN_RUN.lastIndex = 0
  return TOKEN_RUN.test(text)
}

/** Replaces each token-like run with its first 4 letters and its length. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_RUN, run => `${run.slice(0, 4)}…[${run.length} capital letters redacted]`)
}

/** Input as an error message may echo it: secrets redacted, at most `max` characters. */
export function quote(input: unknown, max = 40): string {
  const text = redactTokens(String(input ?? ''))
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** A JSON-like value with every string redacted (and cut to `maxString`), for logs and errors. */
export function redactDeep(value: unknown, maxString = 2000, depth = 0): unknown {
  if (typeof value === 'string') {
    const text = redactTokens(value)
    return text.length > maxString ? `${text.slice(0, maxString)}… [truncated]` : text
  }
  if (depth > 8 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.slice(0, 200).map(v => redactDeep(v, maxString, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, maxString, depth + 1)
  return out
}
