import type { Finding } from './findings'
import { renderFinding } from './messages'

const exposed = (params: Finding['params']): Finding => ({
  rule: 'exposed-client-side',
  severity: 'CRITICAL',
  practice: 'NO_CLIENT_SIDE',
  subjectType: 'KEY',
  subjectId: 'k1',
  subjectLabel: 'Store locator widget',
  params: {
    appKey: 'vtexappkey-acme-XDIUKI',
    label: 'Store locator widget',
    url: 'https://acme.myvtex.com/arquivos/app.js',
    line: 3,
    places: 1,
    ...params,
  },
})

describe('exposed-client-side messages', () => {
  it.each([
    [
      'en',
      'The key "Store locator widget" and its token appear in code',
      'The key "Store locator widget" appears in code',
    ],
    [
      'pt',
      'A chave "Store locator widget" e seu token aparecem em código',
      'A chave "Store locator widget" aparece em código',
    ],
    [
      'es',
      'La clave "Store locator widget" y su token aparecen en código',
      'La clave "Store locator widget" aparece en código',
    ],
  ] as const)(
    'name the key right after "the key" (%s)',
    (locale, withToken, alone) => {
      expect(renderFinding(exposed({ token: 1 }), locale)).toContain(withToken)
      expect(renderFinding(exposed({}), locale)).toContain(alone)
    }
  )
})
