// Label hygiene: generic labels say nothing about the integration a key serves.

const BUILT_IN_GENERIC = [
  'test',
  'teste',
  'testing',
  'prueba',
  'temp',
  'tmp',
  'temporary',
  'temporario',
  'temporal',
  'key',
  'api',
  'api key',
  'apikey',
  'app key',
  'appkey',
  'new key',
  'new',
  'my key',
  'token',
  'default',
  'integration',
  'integracao',
  'integracion',
  'chave',
  'nova chave',
  'chave api',
  'clave',
  'nueva clave',
  'clave api',
  'dev',
  'demo',
  'sandbox',
  'x',
  'xxx',
  'asdf',
  'untitled',
]

/** Lowercase, accents folded, punctuation to spaces, trailing digits dropped ("Test 2" → "test"). */
export function normalizeLabel(label: string): string {
  return foldAccents(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/(\s*\d+)+$/, '')
    .trim()
}

export function genericLabelSet(extra: string[]): Set<string> {
  return new Set(
    [...BUILT_IN_GENERIC, ...extra].map(normalizeLabel).filter(Boolean)
  )
}

export function isGenericLabel(label: string, generic: Set<string>): boolean {
  return genericTest(generic)(label)
}

const tests = new WeakMap<Set<string>, (label: string) => boolean>()

/** What names a set of generic labels (keyFacts keeps each set's answers under it). */
export const genericTag = (generic: Set<string>): string =>
  [...generic].sort().join('\n')

/** The built-in set, asked of every key as its facts are worked out (keyFacts.ts). */
const builtIn = genericLabelSet([])

export const BUILT_IN_TEST = {
  tag: genericTag(builtIn),
  test: genericTest(builtIn),
  /** a label with more letters and digits up to its last letter is not generic (tooLongToBeGeneric) */
  longest: longestOf(builtIn),
}

/** isGenericLabel for one set of generic labels, asked of every key (its longest label known once). */
export function genericTest(generic: Set<string>): (label: string) => boolean {
  let test = tests.get(generic)

  if (!test) {
    const max = longestOf(generic)

    test = (label) => {
      if (tooLongToBeGeneric(label, max)) return false
      const n = normalizeLabel(label)

      return n === '' || generic.has(n)
    }

    tests.set(generic, test)
  }

  return test
}

function longestOf(generic: Set<string>): number {
  return Math.max(0, ...[...generic].map((g) => g.length))
}

/**
 * A cheap "no" for most labels, without the regular expressions: normalizing keeps every ASCII
 * letter and digit before the label's last letter, so more of them than the longest generic
 * label has characters means it cannot be generic (known as soon as they are counted).
 */
function tooLongToBeGeneric(label: string, max: number): boolean {
  let end = label.length

  // trailing digits and separators are dropped by normalizeLabel
  while (end > 0 && !isLetter(label.charCodeAt(end - 1))) end--
  let kept = 0

  for (let i = 0; i < end; i++) {
    const c = label.charCodeAt(i)

    if (c > 0x7f) return false // accents and other scripts: let the full normalization decide
    if ((isLetter(c) || (c >= 48 && c <= 57)) && ++kept > max) return true
  }

  return false
}

const isLetter = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0x7f

/** How duplicates are detected: same label, ignoring case, accents and surrounding spaces. */
export function duplicateKey(label: string): string {
  const folded = foldAccents(label).toLowerCase()

  // Most labels have single spaces and none at the ends: no regular expression needed.
  return folded.includes('  ') || /^\s|\s$|[\t\n\r\f\v\u00a0]/.test(folded)
    ? folded.trim().replace(/\s+/g, ' ')
    : folded
}

/** Accents dropped ("Integração" → "Integracao"); plain ASCII, most labels, is returned as is. */
function foldAccents(label: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII (NUL included) needs no folding
  return /^[\x00-\x7f]*$/.test(label)
    ? label
    : label.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
}
