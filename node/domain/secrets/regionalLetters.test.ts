// Regional indicator letters: a token spelled in them is refused; flags are not.
import { containsTokenLike, redactTokens } from '../secrets'
import { foldRegionalLetters, readsAsFlags } from './regionalLetters'
import { expectRefusedAndRedactedWhole } from '../testing/redactedWhole'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
const regional = (capitals: string) =>
  [...capitals]
    .map((c) => String.fromCodePoint(0x1f1e6 + c.charCodeAt(0) - 65))
    .join('')

/** 18 flags of the Americas and Iberia, as a note might list markets. */
const FLAGS = regional('BRARMXCOCLPEUSESPTUYPYBOECVEGTCRPADO')

/** Random capitals (tokens are), from a fixed seed. */
function tokens(n: number, seed = 23): string[] {
  let x = seed
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31

  return Array.from({ length: n }, () =>
    Array.from({ length: 128 }, () =>
      String.fromCharCode(65 + Math.floor(next() * 26))
    ).join('')
  )
}

test('folds a row that is not flags to capitals, each mapped back to both units', () => {
  const r = foldRegionalLetters(`x ${regional('QWZX')} y`)

  expect(r.text).toBe('x QWZX y')
  expect(r.original({ start: 2, end: 4 })).toEqual({ start: 2, end: 6 })
  expect(foldRegionalLetters(`x ${FLAGS} y`).text).toBe(`x ${FLAGS} y`)
})

test('a row is flags when 3 in 4 of its letters sit in pairs naming a region', () => {
  expect(readsAsFlags(FLAGS)).toBe(true)
  expect(readsAsFlags(regional('BRARMXQQ'))).toBe(true) // 6 of 8
  expect(readsAsFlags(regional('BRARQQQQ'))).toBe(false) // 4 of 8
  expect(readsAsFlags(`${regional('B')} ${regional('R')}`)).toBe(false) // no pair
})

test('a token in regional indicator letters is refused and redacted whole', () => {
  expectRefusedAndRedactedWhole(regional(T))
})

test.each([
  ['alone', (t: string) => regional(t)],
  [
    'in pairs with spaces (as flags are listed)',
    (t: string) => t.match(/../g)!.map(regional).join(' '),
  ],
  ['after two real flags', (t: string) => regional(`BRAR${t}`)],
])(
  '2,000 random tokens in regional letters, %s: every one refused',
  (_, write) => {
    const missed = tokens(2_000).filter(
      (t) => !containsTokenLike(`key: ${write(t)}`)
    )

    expect(missed).toEqual([])
  }
)

test.each([
  ['18 flags in a row', FLAGS],
  ['18 flags with spaces', FLAGS.match(/.{4}/g)!.join(' ')],
  [
    '18 flags, one of them mistyped',
    FLAGS.slice(0, 8) + regional('QQ') + FLAGS.slice(12),
  ],
  [
    'flags in a sentence',
    `Markets: ${FLAGS} and ${regional('EUUN')} — launch in July`,
  ],
  ['the same flag 40 times', regional('BR'.repeat(40))],
])('%s: not a token', (_, text) => {
  expect(containsTokenLike(text)).toBe(false)
  expect(redactTokens(text)).toBe(text)
})
