// The daily scan names the VTEX call that failed with upstream.failure.call. It runs with the
// app's token and no admin session, so no call name may speak to the reader ("your roles").
import type { Locale } from '../../domain/wording'
import { wording } from '../../domain/wording'
import { SERVER_MESSAGES } from '../../generated/messages'
import { say } from '../wording'

const LOCALES: Locale[] = ['en', 'pt', 'es']

/** Words that address the reader: en your/you, pt seu/sua/você, es tu/tus/usted. */
const ADDRESSES_READER: Record<Locale, RegExp> = {
  en: /\byours?\b|\byou\b/i,
  pt: /\b(seus?|suas?|você)\b/i,
  es: /(^|[^\p{L}])(tus?|usted|vuestr[oa]s?)(?![\p{L}])/iu,
}

/** The select's keys, read from the English message (every call the scan can name). */
const CALLS = [
  ...SERVER_MESSAGES.en['admin/key-steward.upstream.failure.call'].matchAll(
    /(\w+) \{/g
  ),
]
  .map((m) => m[1])
  .filter((w) => w !== 'select')

describe('upstream.failure.call', () => {
  it('names the session-related calls too', () => {
    expect(CALLS).toEqual(expect.arrayContaining(['access', 'whoIs']))
  })

  it.each(LOCALES)('%s: no call name addresses the reader', (locale) => {
    for (const what of CALLS) {
      const text = say(
        locale,
        wording('upstream.failure.refused', {
          call: wording('upstream.failure.call', { what, endpoint: 'GET /x' }),
          status: 403,
        })
      )

      expect([what, text]).toEqual([
        what,
        expect.not.stringMatching(ADDRESSES_READER[locale]),
      ])
    }
  })

  it.each([
    ['en', 'VTEX refused to let the app identify the session (HTTP 403).'],
    [
      'pt',
      'A VTEX recusou ao app a permissão para identificar a sessão (HTTP 403).',
    ],
    [
      'es',
      'VTEX negó a la app el permiso para identificar la sesión (HTTP 403).',
    ],
  ] as Array<[Locale, string]>)('%s: whoIs reads neutrally', (locale, said) => {
    expect(
      say(
        locale,
        wording('upstream.failure.refused', {
          call: wording('upstream.failure.call', { what: 'whoIs' }),
          status: 403,
        })
      )
    ).toBe(said)
  })
})
