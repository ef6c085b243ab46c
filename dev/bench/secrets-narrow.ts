// Measures the spreads of node/domain/secrets/narrowGroups.ts: how far above random letters
// random tokens cut into narrow groups score (their highest must stay under the spreads: a token
// missed), and how often lists that are not tokens score as random (refused). Lists of made-up
// acronyms and codes are built from words of prose that is not this app's (TypeScript's pt-br and
// es diagnostic messages, as dev/bench/secrets-bigrams.ts); lists of known codes are scored with
// and without secrets/knownCodes.ts. Tokens cut into pairs and lists of 2-letter codes (states,
// countries, languages: secrets/codeLists.ts) go through the whole check (containsTokenLike).
// Prints figures; asserts nothing.
// Run: node --import tsx dev/bench/secrets-narrow.ts [stretches per shape, default 40000]
//        [tokens in pairs per length, default 30000]
import { readFileSync } from 'fs'
import { join } from 'path'

import { containsTokenLike } from '../../node/domain/secrets'
import {
  groupScores,
  narrowSpans,
} from '../../node/domain/secrets/narrowGroups'
import {
  EU,
  LANGUAGES,
  MERCOSUR,
  UFS,
  US_STATES,
  WRITTEN,
} from '../../node/domain/testing/codeListSamples'

const PER_SHAPE = Number(process.argv[2] ?? 40_000)
const PAIR_TOKENS = Number(process.argv[3] ?? 30_000)
const WORDS_SPREAD = 28
const INITIALS_SPREAD = 12

let x = 2024
/** xorshift32: a token's letters come from a good source */
const next = () => {
  x ^= x << 13
  x ^= x >>> 17
  x ^= x << 5

  return (x >>> 0) / 2 ** 32
}

const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]
const token = (n: number) =>
  Array.from({ length: n }, () =>
    String.fromCharCode(65 + Math.floor(next() * 26))
  ).join('')

function cut(t: string, lo: number, hi: number): string[] {
  const groups: string[] = []

  for (let at = 0; at < t.length; ) {
    const w = lo + Math.floor(next() * (hi - lo + 1))

    groups.push(t.slice(at, at + w))
    at += w
  }

  return groups
}

console.log(
  `random tokens, ${PER_SHAPE} a shape (44, 50, 64, 100, 128 letters in turn)`
)
for (const [lo, hi] of [
  [2, 2],
  [3, 4],
  [3, 3],
  [4, 4],
  [1, 4],
  [3, 6],
  [5, 7],
  [2, 7],
]) {
  let words = -Infinity
  let initials = -Infinity
  let missed = 0

  for (let i = 0; i < PER_SHAPE; i++) {
    const s = groupScores(cut(token([44, 50, 64, 100, 128][i % 5]), lo, hi))

    words = Math.max(words, s.words)
    initials = Math.max(initials, s.initials)
    if (s.words > WORDS_SPREAD || s.initials > INITIALS_SPREAD) missed++
  }

  console.log(
    `  widths ${lo}-${hi}: highest ${words.toFixed(
      1
    )} (words) ${initials.toFixed(1)} (initials); over the spreads: ${missed}`
  )
}

const LIB = join(__dirname, '..', '..', 'node_modules', 'typescript', 'lib')
const prose = ['pt-br', 'es']
  .map((lang) =>
    Object.values(
      JSON.parse(
        readFileSync(
          join(LIB, lang, 'diagnosticMessages.generated.json'),
          'utf8'
        )
      ) as Record<string, string>
    ).join(' ')
  )
  .join(' ')
  .normalize('NFD')
  .replace(/[\u0300-\u036f]/g, '')
  .toUpperCase()
  .match(/[A-Z]{4,}/g)!

const CURRENCIES =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL'.split(
    ' '
  )

const AIRPORTS =
  'GRU GIG BSB CNF POA CWB REC SSA FOR BEL MAO FLN VCP NAT MCZ JPA SDU CGH VIX GYN JFK LAX ORD ATL DFW DEN SFO SEA MIA BOS EWR LGA IAH PHX MSP DTW PHL CLT LAS MCO EZE AEP SCL LIM BOG MEX CUN GDL MTY PTY UIO GYE ASU MVD CCS SJO LHR CDG FRA AMS MAD BCN FCO MXP MUC ZRH VIE CPH ARN OSL HEL DUB LIS OPO'.split(
    ' '
  )

/** A list of 44 to 128 letters of codes from make (a code a call). */
function list(make: () => string): string[] {
  const letters = 44 + Math.floor(next() * 85)
  const groups: string[] = []

  for (let n = 0; n < letters; ) {
    const code = make()

    groups.push(code)
    n += code.length
  }

  return groups
}

const LISTS: Array<[string, () => string]> = [
  [
    'acronyms, initials of 3 or 4 words',
    () =>
      Array.from(
        { length: 3 + Math.floor(next() * 2) },
        () => pick(prose)[0]
      ).join(''),
  ],
  [
    'codes, a word cut to 3 or 4',
    () => pick(prose).slice(0, 3 + Math.floor(next() * 2)),
  ],
  [
    'codes, a word without vowels, 3 letters',
    () => {
      const w = pick(prose)

      return (w[0] + w.slice(1).replace(/[AEIOU]/g, '')).slice(0, 3)
    },
  ],
  ['currencies', () => pick(CURRENCIES)],
  ['airports', () => pick(AIRPORTS)],
]

console.log(
  '\nlists that are not tokens, 2,000 each, joined by spaces: refused'
)
for (const [name, make] of LISTS) {
  let refused = 0
  let asRandom = 0

  for (let i = 0; i < 2000; i++) {
    const groups = list(make)
    const s = groupScores(groups)

    if (narrowSpans(groups.join(' ')).length) refused++
    // the list as one stretch, known codes or not: do its letters alone tell it from a token?
    if (
      s.mostLetters &&
      s.words <= WORDS_SPREAD &&
      s.initials <= INITIALS_SPREAD
    )
      asRandom++
  }

  console.log(
    `  ${name}: ${refused} (scored as random letters, known codes or not: ${asRandom})`
  )
}

const SEPARATORS = [' ', '-', ', ', '/', '.', '\n', ' | ', '_', ':', ' - ']
const pairs = (t: string) => t.match(/.{1,2}/g) ?? []

console.log(
  `\ntokens cut into pairs, ${PAIR_TOKENS} a length, 10 separators in turn, whole check: missed`
)
for (const letters of [128, 64, 50, 44]) {
  let missed = 0
  let lower = 0

  for (let i = 0; i < PAIR_TOKENS; i++) {
    const t = token(letters)
    const sep = SEPARATORS[i % SEPARATORS.length]

    if (!containsTokenLike(pairs(t).join(sep))) missed++
    if (letters >= 64 && !containsTokenLike(pairs(t.toLowerCase()).join(sep)))
      lower++
  }

  console.log(
    `  ${letters} letters: ${missed}${
      letters >= 64 ? ` (lowercased: ${lower})` : ''
    }`
  )
}

const shuffled = (list: string[]) => {
  const out = list.slice()

  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))

    ;[out[i], out[j]] = [out[j], out[i]]
  }

  return out
}

console.log(
  `\nlists of 2-letter codes, 200 orders × ${WRITTEN.length} ways of writing each, whole check: refused`
)
for (const [name, list] of [
  ['Brazilian UFs (27)', UFS],
  ['US states (50)', US_STATES],
  ['EU countries (27)', EU],
  ['Mercosur and associates (12)', MERCOSUR],
  ['EU languages (24)', LANGUAGES],
] as const) {
  let refused = 0

  for (let i = 0; i < 200; i++) {
    const codes = i ? shuffled(list.split(' ')) : list.split(' ')

    for (const [, write] of WRITTEN)
      if (containsTokenLike(write(codes))) refused++
  }

  console.log(
    `  ${name}: ${refused} of ${(200 * WRITTEN.length).toLocaleString('en')}`
  )
}

const PAIR_LISTS: Array<[string, () => string]> = [
  ['initials of 2 words', () => pick(prose)[0] + pick(prose)[0]],
  ['a word cut to 2', () => pick(prose).slice(0, 2)],
]

console.log(
  '\nlists of 24 to 63 made-up pairs, 2,000 each, whole check: refused'
)
for (const [name, make] of PAIR_LISTS) {
  let refused = 0

  for (let i = 0; i < 2000; i++) {
    const codes = Array.from({ length: 24 + Math.floor(next() * 40) }, make)

    if (containsTokenLike(codes.join(SEPARATORS[i % SEPARATORS.length])))
      refused++
  }

  console.log(`  ${name}: ${refused}`)
}
