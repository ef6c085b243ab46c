// Prints the letter-pair table of node/domain/secrets/bigrams.ts: how often each letter follows
// another (and starts or ends a word) in words of English, Portuguese and Spanish prose. The
// prose is TypeScript's own diagnostic messages (node_modules/typescript/lib: the English ids and
// the pt-br and es translations), text that has nothing to do with this app's messages, which
// the check is measured against (secrets/words.test.ts). Accents folded (ç → C, ã → A).
// Run: node --import tsx dev/bench/secrets-bigrams.ts
import { readFileSync } from 'fs'
import { join } from 'path'

const LIB = join(__dirname, '..', '..', 'node_modules', 'typescript', 'lib')
const texts: string[] = []

for (const lang of ['pt-br', 'es']) {
  const messages = JSON.parse(
    readFileSync(join(LIB, lang, 'diagnosticMessages.generated.json'), 'utf8')
  ) as Record<string, string>

  for (const [id, text] of Object.entries(messages)) {
    texts.push(text)
    if (lang === 'pt-br') texts.push(id.replace(/_\d+$/, '').replace(/_/g, ' '))
  }
}

const words = texts
  .join(' ')
  .normalize('NFD')
  .replace(/[\u0300-\u036f]/g, '')
  .toUpperCase()
  .match(/[A-Z]+/g)!

// rows: start (0) and A–Z (1–26); columns: A–Z (0–25) and end (26); add-half smoothing
const counts = Array.from({ length: 27 }, () => new Array(27).fill(0.5))

for (const w of words) {
  let prev = 0

  for (const ch of w) {
    const c = ch.charCodeAt(0) - 65

    counts[prev][c]++
    prev = c + 1
  }

  counts[prev][26]++
}

// each entry: -log2 P(next | previous), in half bits, 0–35, one base-36 digit
const rows = counts.map((row) => {
  const total = row.reduce((a, b) => a + b, 0)

  return row
    .map((n) =>
      Math.min(35, Math.round(-2 * Math.log2(n / total))).toString(36)
    )
    .join('')
})

console.log(`${words.length} words`)
console.log(rows.map((r) => `  '${r}',`).join('\n'))
