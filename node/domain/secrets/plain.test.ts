// Runs and groups of capitals as they stand: groups joined by a short word.
import { containsTokenLike, redactTokens } from '../secrets'
import { plainSpans } from './plain'

/** Random capitals (tokens are), from a fixed seed. */
function tokens(n: number, seed = 17): string[] {
  let x = seed
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31

  return Array.from({ length: n }, () =>
    Array.from({ length: 128 }, () =>
      String.fromCharCode(65 + Math.floor(next() * 26))
    ).join('')
  )
}

// Groups of 31 (one short of a run) joined by a word were missed: the word's letters broke the
// groups and no other reading joined them.
test.each([
  ' and ',
  ' or ',
  ' then ',
  ' e ',
  ' y ',
  ' And ',
  ', and ',
  ' & then ',
])(
  'groups of 31 capitals joined by %j: 100 random tokens refused, each redacted from the first group to the last',
  (word) => {
    const missed = tokens(100).filter((t) => {
      const run = t.match(/.{1,31}/g)!.join(word)
      const text = `the old one: ${run}. thanks`

      return (
        !containsTokenLike(text) ||
        redactTokens(text) !==
          `the old one: ${run.slice(0, 4)}…[${
            run.length
          } characters redacted]. thanks`
      )
    })

    expect(missed).toEqual([])
  }
)

test.each([
  'WAREHOUSE and INVENTORY and SYNCHRONIZATION and MARKETPLACE',
  'INTERNATIONALIZATION or LOCALIZATION then CONFIGURATION of CHECKOUT',
  'INTEGRACAO e SINCRONIZACAO de PEDIDOS e ESTOQUE com TRANSPORTADORA',
  'STRENGTHS and WEAKNESSES of the MARKETPLACE and DISTRIBUTORS',
])('capital words joined by small words are not a token: %s', (text) => {
  expect(plainSpans(text)).toEqual([])
  expect(containsTokenLike(text)).toBe(false)
})
