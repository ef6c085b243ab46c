// Label hygiene: generic labels say nothing about the integration a key serves.

const BUILT_IN_GENERIC = [
  'test', 'teste', 'testing', 'prueba', 'temp', 'tmp', 'temporary', 'temporario', 'temporal',
  'key', 'api', 'api key', 'apikey', 'app key', 'appkey', 'new key', 'new', 'my key', 'token',
  'default', 'integration', 'integracao', 'integracion', 'chave', 'nova chave', 'chave api',
  'clave', 'nueva clave', 'clave api', 'dev', 'demo', 'sandbox', 'x', 'xxx', 'asdf', 'untitled',
]

/** Lowercase, accents folded, punctuation to spaces, trailing digits dropped ("Test 2" → "test"). */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/(\s*\d+)+$/, '')
    .trim()
}

export function genericLabelSet(extra: string[]): Set<string> {
  return new Set([...BUILT_IN_GENERIC, ...extra].map(normalizeLabel).filter(Boolean))
}

export function isGenericLabel(label: string, generic: Set<string>): boolean {
  const n = normalizeLabel(label)
  return n === '' || generic.has(n)
}

/** How duplicates are detected: same label, ignoring case, accents and surrounding spaces. */
export function duplicateKey(label: string): string {
  return label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\s+/g, ' ')
}
