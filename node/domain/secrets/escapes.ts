// Characters written as escapes: JS/JSON `\u0051` (and `\u{51}`), `\x51`, Python's `\U00000051`,
// C and Python octal `\121`, JavaScript escape()'s `%u0051`, and HTML character references
// `&#81;` `&#x51;` (leading zeros allowed, as in HTML) with the named ones that matter here
// (`&amp;` `&quot;` `&apos;` `&lt;` `&gt;`). A token pasted from source code or a web page may be
// spelled out this way one letter per escape; decoded in place (secrets/rewrite.ts), each
// letter stands for its escape, so redaction cuts the escapes themselves. secrets.ts reads
// escapes twice, so one escaped again (`&amp;#81;`, `\u005Cu0051`) is read too.
import type { Rewritten } from './rewrite'
import { rewrite, unchanged } from './rewrite'

const ESCAPE = new RegExp(
  [
    /\\u\{0*([0-9a-fA-F]{1,6})\}/, // 1: \u{51}
    /\\u([0-9a-fA-F]{4})/, // 2: \u0051 (a UTF-16 unit: a surrogate half stays a half)
    /\\U([0-9a-fA-F]{8})/, // 3: \U00000051
    /\\x([0-9a-fA-F]{2})/, // 4: \x51
    /\\([1-3][0-7]{2})/, // 5: \121 (not \0…: a CSS or C escape of zeros reads as hex)
    /%u([0-9a-fA-F]{4})/, // 6: %u0051
    /&#[xX]0*([0-9a-fA-F]{1,6});?/, // 7: &#x51;
    /&#0*([0-9]{1,7});?/, // 8: &#81;
    /&(amp|quot|apos|lt|gt);/, // 9
  ]
    .map((r) => r.source)
    .join('|'),
  'g'
)

const NAMED: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
}

/** What an escape stands for, or null (past U+10FFFF). */
function decoded(m: RegExpMatchArray): string | null {
  if (m[9] !== undefined) return NAMED[m[9]]
  const unit = m[2] ?? m[6]

  if (unit !== undefined) return String.fromCharCode(parseInt(unit, 16))
  const code =
    m[8] !== undefined
      ? parseInt(m[8], 10)
      : m[5] !== undefined
      ? parseInt(m[5], 8)
      : parseInt(m[1] ?? m[3] ?? m[4] ?? m[7], 16)

  return code <= 0x10ffff ? String.fromCodePoint(code) : null
}

/** text with every escape as the character it stands for (a `\uD835` half stays a half: pairs join). */
export function decodeEscapes(text: string): Rewritten {
  if (!text.includes('\\') && !text.includes('&') && !text.includes('%u'))
    return unchanged(text)

  return rewrite(text, (r) => {
    for (const m of text.matchAll(ESCAPE)) {
      const start = m.index ?? 0
      const chars = decoded(m)

      if (chars !== null) r.put(chars, start, start + m[0].length)
    }
  })
}
