// A token written as the bytes of its characters, as in a C or JS array: `0x51, 0x52, …` or
// `81, 82, …` (also `0x51 0x52 …` and `81 82 …`, as dumps print them; `81; 82; …`, `81|82|…`). A list of 32 or more byte
// values is read as the characters they are, in place (secrets/rewrite.ts): each character
// stands for its number, so redaction cuts the list. Shorter lists (dates, sizes, steps) are left as they are: nothing under 32
// characters is a token.
import type { Rewritten } from './rewrite'
import { rewrite, unchanged } from './rewrite'

/** Fewest items read as bytes: the fewest characters a token is found in. */
const MIN_BYTES = 32

/** A byte value standing alone (not part of a longer number, a word or a decimal). */
const ITEM = /(?<![\w.])(?:0[xX][0-9a-fA-F]{1,2}|[0-9]{1,3})(?![\w.])/g
/**
 * Between items: one separator (a comma, semicolon, pipe, slash or colon; spaces and line breaks
 * around it), or spaces and line breaks alone. `81; 87; 69` and `81|87|69` spell as `81, 87, 69`.
 */
const SEPARATOR = /^\s*[,;|/:]\s*$/
const SPACES = /^\s+$/

const isHex = (item: string) =>
  item.length > 1 && (item[1] === 'x' || item[1] === 'X')

/** text with each list of MIN_BYTES or more byte values as the characters they stand for. */
export function decodeByteLists(text: string): Rewritten {
  const lists: Array<Array<{ start: number; end: number; byte: number }>> = []
  let list: Array<{ start: number; end: number; byte: number }> = []
  let hex = false

  const close = () => {
    if (list.length >= MIN_BYTES) lists.push(list)
    list = []
  }

  for (const m of text.matchAll(ITEM)) {
    const start = m.index ?? 0
    const item = m[0]
    const byte = isHex(item) ? parseInt(item.slice(2), 16) : parseInt(item, 10)
    const last = list[list.length - 1]

    // one list is of one notation, its items joined by commas or by spaces
    if (
      last &&
      (isHex(item) !== hex || byte > 255 || !joins(text.slice(last.end, start)))
    )
      close()
    if (byte > 255) continue
    if (!list.length) hex = isHex(item)
    list.push({ start, end: start + item.length, byte })
  }

  close()
  if (!lists.length) return unchanged(text)

  return rewrite(text, (r) => {
    for (const items of lists)
      items.forEach(({ start, end, byte }, i) => {
        r.put(String.fromCharCode(byte), start, end)
        if (i + 1 < items.length) r.skip(end, items[i + 1].start)
      })
  })
}

// Decimal numbers joined by spaces were once left alone as prose; a number list is read only when
// 32 or more of them in a row are bytes, and what they spell is checked like any text.
function joins(gap: string): boolean {
  return gap.length <= 8 && (SEPARATOR.test(gap) || SPACES.test(gap))
}
