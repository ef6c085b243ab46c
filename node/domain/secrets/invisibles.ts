// Characters that show nothing (zero-width spaces, joiners, soft hyphens, BOMs, controls) are no
// separation at all: dropped before anything is looked at, each finding still cut from the
// input's own characters (secrets/rewrite.ts).
import type { Rewritten } from './rewrite'
import { rewrite, unchanged } from './rewrite'

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]+/gu
const ANY_INVISIBLE = new RegExp(INVISIBLE.source, 'u')

/** text without its invisible characters. */
export function withoutInvisibles(text: string): Rewritten {
  if (!ANY_INVISIBLE.test(text)) return unchanged(text)

  return rewrite(text, (r) => {
    for (const m of text.matchAll(INVISIBLE))
      r.skip(m.index ?? 0, (m.index ?? 0) + m[0].length)
  })
}
