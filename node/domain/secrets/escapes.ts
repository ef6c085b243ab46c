// Characters written as escapes: JS/JSON `\u0051` (and `\u{51}`) and HTML character references
// `&#81;` `&#x51;`. A token pasted from source code or a web page may be spelled out this way
// one letter per escape; decoded in place (secrets/rewrite.ts), each letter stands for its
// escape, so redaction cuts the escapes themselves.
import type { Rewritten } from './rewrite'
import { rewrite, unchanged } from './rewrite'

const ESCAPE =
  /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|&#[xX]([0-9a-fA-F]{1,6});?|&#([0-9]{1,7});?/g

/** text with every escape as the character it stands for (a `\uD835` half stays a half: pairs join). */
export function decodeEscapes(text: string): Rewritten {
  if (!text.includes('\\u') && !text.includes('&#')) return unchanged(text)

  return rewrite(text, (r) => {
    for (const m of text.matchAll(ESCAPE)) {
      const start = m.index ?? 0
      const end = start + m[0].length

      if (m[2] !== undefined)
        r.put(String.fromCharCode(parseInt(m[2], 16)), start, end)
      else {
        const code =
          m[4] !== undefined ? parseInt(m[4], 10) : parseInt(m[1] ?? m[3], 16)

        if (code <= 0x10ffff) r.put(String.fromCodePoint(code), start, end)
      }
    }
  })
}
