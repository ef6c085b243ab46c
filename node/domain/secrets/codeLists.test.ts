// Lists of 2-letter codes are honest text (states, countries, languages), and a token cut into
// pairs is still a token (codeLists.ts, knownCodes.ts, narrowGroups.ts).
import { containsTokenLike, redactTokens } from '../secrets'
import { judgedAsGroups } from './codeLists'
import { mostlyKnownPairs } from './knownCodes'
import {
  AMERICAS,
  EU,
  LANGUAGES,
  MERCOSUR,
  MORE_LANGUAGES,
  UFS,
  US_STATES,
  WRITTEN,
} from '../testing/codeListSamples'
import {
  randomCapitals as tokens,
  randomSource,
} from '../testing/randomCapitals'

describe.each([
  ['Brazil’s 27 UFs', UFS],
  ['the 50 US states', US_STATES],
  ['the 27 EU countries (ISO 3166 alpha-2)', EU],
  ['Mercosur and associates', MERCOSUR],
  ['countries of the Americas', AMERICAS],
  ['the 24 EU languages (ISO 639-1)', LANGUAGES],
  ['60 languages (ISO 639-1)', MORE_LANGUAGES],
])('%s are not a token', (_, list) => {
  const codes = list.split(' ')

  it.each(WRITTEN)(
    'written with %s, in capitals or small letters',
    (__, write) => {
      for (const text of [write(codes), write(codes).toLowerCase()]) {
        expect(containsTokenLike(text)).toBe(false)
        expect(redactTokens(text)).toBe(text)
      }
    }
  )

  it('in any order', () => {
    const next = randomSource(list.length)

    for (let i = 0; i < 50; i++) {
      const text = shuffled(codes, next).join(', ')

      expect([text, containsTokenLike(text)]).toEqual([text, false])
    }
  })
})

test('the exact example: a Brazilian freight note', () => {
  expect(
    containsTokenLike(
      'Integração de frete cobre AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO'
    )
  ).toBe(false)
})

test('locales written as language and country ("pt-BR, es-MX, …") are not a token', () => {
  const text =
    'pt-BR, es-MX, en-US, es-AR, es-CL, es-CO, pt-PT, en-GB, fr-FR, de-DE, it-IT, ja-JP, ko-KR, zh-CN, es-ES, nl-NL, en-CA, fr-CA, es-PE, es-UY'

  expect(containsTokenLike(text)).toBe(false)
})

const SEPARATORS = [' ', '-', ', ', '/', '.', '\n', ' | ', '_', ':', ' - ']

// Measured (dev/bench/secrets-narrow.ts): 0 of 30,000 tokens of 128, of 64 and of 50 letters cut
// into pairs missed, in capitals; 0 of 5,000 lowercased of 128 and of 64.
test.each([
  [128, 1],
  [64, 2],
  [50, 3],
])(
  '500 random tokens of %i capitals cut into pairs, with 10 separators, are all refused and redacted whole',
  (letters, seed) => {
    const missed = tokens(500, letters, seed)
      .map((t, n) => `old key: ${pairs(t).join(SEPARATORS[n % 10])} (rotated)`)
      .filter(
        (text) =>
          !containsTokenLike(text) ||
          redactTokens(text) === text ||
          /[A-Z]{2}[^A-Za-z]{1,3}[A-Z]{2}[^A-Za-z]{1,3}[A-Z]{2}/.test(
            redactTokens(text).replace(/^old key: .{4}/, '')
          )
      )

    expect(missed).toEqual([])
  }
)

test('300 random lowercased tokens of 128 and of 64 letters cut into pairs are refused', () => {
  const missed = [...tokens(150, 128, 4), ...tokens(150, 64, 5)]
    .map((t, n) => pairs(t.toLowerCase()).join(SEPARATORS[n % 10]))
    .filter((text) => !containsTokenLike(text))

  expect(missed).toEqual([])
})

test('a short stretch of pairs repeated (fewer than 44 distinct letters) is still joined', () => {
  const stretch = pairs('QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128))

  expect(containsTokenLike(stretch.join(' '))).toBe(true)
  expect(judgedAsGroups(stretch.join(''), 2)).toBe(false)
})

test('pairs count as codes only when 9 in 10 of them are', () => {
  const eighteen = UFS.split(' ').slice(0, 18)

  expect(mostlyKnownPairs(eighteen)).toBe(true)
  expect(mostlyKnownPairs([...eighteen, 'QX', 'QQ'])).toBe(true) // 18 in 20
  expect(mostlyKnownPairs([...eighteen, 'QX', 'QQ', 'XQ'])).toBe(false)
  expect(mostlyKnownPairs([])).toBe(false)
})

const pairs = (t: string) => t.match(/.{1,2}/g) ?? []

function shuffled<T>(list: T[], next: () => number): T[] {
  const out = list.slice()

  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))

    ;[out[i], out[j]] = [out[j], out[i]]
  }

  return out
}

test('codes of 3 with "e" or "y" before the last are not a token either (the shorter last piece is left out)', () => {
  const currencies =
    'BRL USD EUR ARS CLP COP MXN PEN UYU PYG BOB GBP JPY CNY CAD AUD CHF'.split(
      ' '
    )

  for (const word of ['e', 'y'])
    expect(
      containsTokenLike(
        `Moedas: ${currencies.slice(0, -1).join(', ')} ${word} ${currencies.at(
          -1
        )}`
      )
    ).toBe(false)
})
