// Accidental pastes of a token next to, inside or after an honest list of 2-letter codes (attack9
// #6): how often the whole check (containsTokenLike) misses the token. A careless copy is a list
// then the token, the token in the list, or the token in pairs as a list is written; deliberate
// obfuscation is not measured here (a known gap). Prints figures; asserts nothing.
// Run: node --import tsx dev/bench/secrets-codelist-neighbours.ts [tokens per shape, default 5000]
import { readFileSync } from 'fs'
import { join } from 'path'

import { containsTokenLike } from '../../node/domain/secrets'
import {
  AMERICAS,
  EU,
  LANGUAGES,
  MORE_LANGUAGES,
  UFS,
  US_STATES,
} from '../../node/domain/testing/codeListSamples'

const N = Number(process.argv[2] ?? 5000)
let x = 909
const next = () => {
  x ^= x << 13
  x ^= x >>> 17
  x ^= x << 5

  return (x >>> 0) / 2 ** 32
}

/** The appToken shape VTEX issues (dev/platform/state.ts newToken): capitals A–Z. */
const token = (n: number) =>
  Array.from({ length: n }, () =>
    String.fromCharCode(65 + Math.floor(next() * 26))
  ).join('')

const pairs = (t: string) => t.match(/.{1,2}/g) ?? []
const codes = (l: string) => l.split(' ')
/** Every code secrets/knownCodes.ts knows, once each: the longest honest list there is. */
const ALL = [
  ...new Set(
    (
      readFileSync(
        join(__dirname, '../../node/domain/secrets/knownCodes.ts'),
        'utf8'
      ).match(/const PAIRS = `([^`]*)`/)?.[1] ?? ''
    )
      .split(/\s+/)
      .filter((c) => c.length === 2)
  ),
]

const LISTS: Array<[string, string]> = [
  ['UFs', UFS],
  ['US states', US_STATES],
  ['EU', EU],
  ['Americas', AMERICAS],
  ['languages', LANGUAGES],
  ['more languages', MORE_LANGUAGES],
  ['every known pair', ALL.join(' ')],
]

function interleave(t: string, list: string[], every: number, sep: string) {
  const out: string[] = []

  pairs(t).forEach((p, i) => {
    out.push(p)
    if (i % every === every - 1) out.push(list[i % list.length])
  })

  return out.join(sep)
}

const SHAPES: Array<[string, (list: string, t: string) => string]> = [
  ['list, space, token', (l, t) => `${l} ${t}`],
  ['list, line, token', (l, t) => `${l}\n${t}`],
  ['sentence with list, token', (l, t) => `Frete cobre ${l}. ${t}`],
  ['token, space, list', (l, t) => `${t} ${l}`],
  [
    'token inside the list',
    (l, t) => {
      const c = codes(l)
      const at = Math.floor(c.length / 2)

      return [...c.slice(0, at), t, ...c.slice(at)].join(' ')
    },
  ],
  ['list, token in pairs (spaces)', (l, t) => `${l} ${pairs(t).join(' ')}`],
  [
    'list, token in pairs (commas)',
    (l, t) => `${codes(l).join(', ')}, ${pairs(t).join(', ')}`,
  ],
  ['token in pairs, list', (l, t) => `${pairs(t).join(' ')} ${l}`],
  [
    'list, token in pairs small letters',
    (l, t) =>
      `${codes(l).join(', ').toLowerCase()}, ${pairs(t.toLowerCase()).join(
        ', '
      )}`,
  ],
  ['token pairs, a code every 4', (l, t) => interleave(t, codes(l), 4, ' ')],
  ['token pairs, a code every 2', (l, t) => interleave(t, codes(l), 2, ' ')],
  ['token pairs, a code every 1', (l, t) => interleave(t, codes(l), 1, ' ')],
]

console.log(`tokens per shape and list: ${N}; missed (not refused)`)
for (const len of [128, 64, 50]) {
  console.log(`\n${len}-letter tokens`)
  for (const [shape, make] of SHAPES) {
    const row: string[] = []

    for (const [name, list] of LISTS) {
      let missed = 0

      for (let i = 0; i < N; i++)
        if (!containsTokenLike(make(list, token(len)))) missed++
      row.push(`${name} ${missed}`)
    }

    console.log(`  ${shape}: ${row.join(', ')}`)
  }
}
