// `npm run bench:secrets`: time of the pasted-secret check (containsTokenLike) and of redaction
// (redactTokens) on 1 MB of hostile text of each shape the detector looks into: letters spelled
// out with separators, encoded pieces, gzip headers, runs of capitals, and what is read before
// the check (escapes, byte lists, string literals, mathematical letters). Prints figures; asserts
// nothing (this machine is small and noisy). Linear time shows as a few ms per MB on every row.
import { performance } from 'perf_hooks'
import { gzipSync } from 'zlib'

import { containsTokenLike, redactTokens } from '../../node/domain/secrets'

const MB = 1_000_000
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length))

/** Deterministic pseudo-random text from an alphabet (xorshift), so runs are comparable. */
function random(alphabet: string, size = MB, seed = 7): string {
  let x = seed
  let out = ''

  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out += alphabet[(x >>> 0) % alphabet.length]
  }

  return out
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const CAPITALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const PROSE =
  'A chave é usada pela integração do ERP; la clave rota cada 90 días. The key syncs orders. '

const bomb = gzipSync(Buffer.alloc(50 * MB)).toString('base64')

const CASES: Array<[string, string]> = [
  ['prose (en/pt/es)', fill(PROSE)],
  ['one letter', 'x'.repeat(MB)],
  ['zeros, a letter after', `${'0'.repeat(MB)}x`],
  ['capitals', 'A'.repeat(MB)],
  ['capitals, 31 then a space', fill(`${'Q'.repeat(31)} `)],
  ['letters spelled with spaces', fill('a ')],
  ['capitals spelled with dashes', fill('Q-')],
  ['letters spelled, zero-width spaces', fill('q\u200b')],
  ['pairs with dots', fill('ab.')],
  ['random base64', random(B64)],
  ['random base64, random spaces', random(`${B64}  \n`)],
  ['base64 groups of 4', fill('Q1dF ')],
  ['hex with colons', fill('5a:')],
  ['URL-encoded', fill('%5A')],
  ['gzip headers', fill('H4sIAAAAAAAA ')],
  ['a zip bomb (50 MB of zeros), repeated', fill(`${bomb} `)],
  ['UTF-16 zero bytes', fill('Q\u0000')],
  // read before the check (node/domain/secrets/rewrite.ts): every character rewritten
  ['\\u escapes', fill('\\u0051')],
  ['HTML character references', fill('&#x61;')],
  ['a byte list', fill('0x61, ')],
  ['numbers with commas', fill('7, 300, ')],
  ['joined string literals', fill('"ab" + ')],
  ['unclosed quotes', fill('"ab \'cd ')],
  ['mathematical letters', fill('\ud835\udc1a')],
  // escapes read twice, \x \U octal %u, named references, enclosed letters, spaced decimals
  ['&amp; only', fill('&amp;')],
  ['HTML references escaped again', fill('&amp;#x51;')],
  ['\\u escaped again', fill('\\u005Cu0051')],
  ['backslashes', fill('\\')],
  ['octal escapes', fill('\\121')],
  ['\\x escapes', fill('\\x51')],
  ['%u escapes', fill('%u0051')],
  ['&quot; literals', fill('&quot;QWER&quot; + ')],
  ['negative squared capitals', fill('\ud83c\udd70')],
  ['flags', fill('\ud83c\udde7\ud83c\uddf7 ')],
  ['spaced decimal bytes', fill('81 ')],
  // secrets5: shapes read since (literals joined across comments and statements, escaped quotes,
  // byte lists with other separators, a character between each two, groups joined by words,
  // letter pairs scored, regional letters)
  ['literals joined across comments', fill("'ab' /* c */ + ")],
  ['literals appended with +=', fill("t += 'ab'; ")],
  ['.concat() calls', fill(".concat('ab')")],
  ['a list of literals', fill("'ab', ")],
  ['escaped quotes', fill('\\"')],
  ['decimal bytes with semicolons', fill('81; ')],
  [
    'random capitals, a letter between each two',
    random(CAPITALS, MB / 2)
      .split('')
      .join('a'),
  ],
  ['a letter between each two, mixed case', fill('Ab')],
  ['groups of 31 capitals joined by "and"', fill(`${'Q'.repeat(31)} and `)],
  ['consonant-heavy capital words', fill('STRENGTHS SCRIPTS SCHWARZ ')],
  ['random capital groups of 3 to 12', random(`${CAPITALS}${CAPITALS} `)],
  ['regional indicator letters', fill('\ud83c\uddf6\ud83c\uddfc')],
  // attack5: a list's `].join('')` was looked for across every space after it (quadratic: an
  // hour for this row before); regional letters between small letters (the slowest row found)
  ['a list, then 1 MB of spaces', `'a', 'b'${' '.repeat(MB)}`],
  ['regional letters between small letters', fill('\ud83c\uddf6a')],
  [
    'spaced numbers 0-255',
    fill(`${Array.from({ length: 256 }, (_, i) => i).join(' ')} `),
  ],
  // tok34: groups of 1 to 7 capitals of changing widths are scored (secrets/narrowGroups.ts)
  ['random capital groups of 1 to 4, dashes', random(`${CAPITALS}---------`)],
  ['a list of currency codes', fill('BRL, USD, EUR, ARS, CLP, COP, MXN, ')],
  ['capital groups of 3 and 4, one letter', fill('QQQ QQQQ ')],
  [
    'capital words of 1 to 7 letters, random',
    random(`${CAPITALS}${CAPITALS}AEIOUAEIOU${' '.repeat(16)}`),
  ],
  // tidy8: pairs of capitals are judged by narrowGroups.ts, pairs of any case by their codes
  // (secrets/codeLists.ts)
  ['a list of UF codes', fill('AC, AL, AP, AM, BA, CE, DF, ES, GO, MA, MT, ')],
  [
    'random capital pairs, spaces',
    random(CAPITALS, (MB * 2) / 3)
      .match(/../g)!
      .join(' '),
  ],
  ['language codes in small letters', fill('en, es, pt, fr, de, it, nl, ')],
]

function time(fn: () => unknown): number {
  const start = performance.now()

  fn()

  return performance.now() - start
}

console.log(
  `pasted-secret check on 1 MB of hostile text (ms; best of 3)\n${'case'.padEnd(
    44
  )}${'check'.padStart(9)}${'redact'.padStart(9)}  refused`
)
for (const [name, text] of CASES) {
  let check = Infinity
  let redact = Infinity
  let refused = false

  for (let i = 0; i < 3; i++) {
    check = Math.min(
      check,
      time(() => {
        refused = containsTokenLike(text)
      })
    )
    redact = Math.min(
      redact,
      time(() => redactTokens(text))
    )
  }

  console.log(
    `${name.padEnd(44)}${check.toFixed(0).padStart(9)}${redact
      .toFixed(0)
      .padStart(9)}  ${refused}`
  )
}
