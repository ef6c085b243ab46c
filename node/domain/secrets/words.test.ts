// Words or random letters, by letter pairs (secrets/words.ts). The rates below were measured with
// the seeds used here (and larger runs, quoted); the tests hold the rule to them.
import { readFileSync } from 'fs'
import { join } from 'path'

import { containsTokenLike } from '../secrets'
import { readsAsWords, wordScore, WORDS_THRESHOLD } from './words'

/** Random capitals, from a fixed seed. */
function random(n: number, length: number, seed = 3): string[] {
  let x = seed
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31

  return Array.from({ length: n }, () =>
    Array.from({ length }, () =>
      String.fromCharCode(65 + Math.floor(next() * 26))
    ).join('')
  )
}

const perLetter = (text: string) => {
  const { letters, bits } = wordScore(text)

  return bits / letters
}

// Measured: 0 of 200,000 random strings of 32 capitals read as words (the highest scored -1.30
// bits a letter; -2.41 at 64, -2.93 at 128). Counting vowels passed 2.5% of them.
test('random capitals do not read as words: none of 20,000 strings of 32', () => {
  const words = random(20_000, 32).filter(readsAsWords)

  expect(words).toEqual([])
})

/**
 * The app's own messages in en/pt/es, read as a note an admin might type: as written, in
 * capitals, and as capital words alone (placeholders, accents and punctuation out, one space
 * between words: the shape the irregular-groups reading looks at). 6,615 texts.
 */
function corpus(): string[] {
  const texts: string[] = []

  for (const lang of ['en', 'pt', 'es']) {
    const messages = JSON.parse(
      readFileSync(join(__dirname, '../../../messages', `${lang}.json`), 'utf8')
    ) as Record<string, string>

    for (const text of Object.values(messages))
      texts.push(
        text,
        text.toUpperCase(),
        text
          .replace(/\{[^{}]*\}/g, ' ')
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toUpperCase()
          .replace(/[^A-Z]+/g, ' ')
          .trim()
      )
  }

  return texts
}

// Measured: 0 of 6,615 refused (before the letter-pair rule: 0 as well). The lowest-scoring
// message of 32 letters or more scores -0.31 bits a letter, well above the threshold.
test('none of the app messages, as written, in capitals or as bare capital words, is refused', () => {
  const texts = corpus()

  expect(texts.length).toBeGreaterThan(6_000)
  expect(texts.filter((t) => containsTokenLike(t))).toEqual([])
})

test('every app message of 32 letters or more reads as words', () => {
  const long = corpus().filter((t) => wordScore(t).letters >= 32)

  expect(long.filter((t) => !readsAsWords(t))).toEqual([])
  expect(Math.min(...long.map(perLetter))).toBeGreaterThan(
    WORDS_THRESHOLD + 0.5
  )
})

// Words with few vowels are still words: their pairs (ST TR NG TH SC CH) are common ones.
test.each([
  'STRENGTHS SCRIPTS SCHWARZ STRENGTH SCHMIDT LENGTHS RHYTHMS TWELFTHS',
  'SCHMIDT SCHWARZ STRENGTHS TWELFTHS RHYTHMS LENGTHS STRENGTHS SCRIPTS SCHWARZ',
  'STRENGTHS STRENGTH TWELFTHS LENGTHS SCHNAPPS',
])('a list of consonant-heavy words is not a token: %s', (text) => {
  expect(readsAsWords(text)).toBe(true)
  expect(containsTokenLike(text)).toBe(false)
  expect(containsTokenLike(text.toLowerCase())).toBe(false)
})
