// One name per concept in each language: the storefront scan, the daily scan and the store are
// called the same on every page, refusal and status (a pt admin read "a verificação da loja" in a
// storage refusal about what the Storefront exposure page calls "varredura da loja").
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'

const ROOT = join(__dirname, '..', '..')
const messages = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(join(ROOT, 'messages', `${locale}.json`), 'utf8'))

/** For each language: the name of each concept, and other names that must not appear. */
const GLOSSARY: Record<string, Array<{ name: RegExp; not: RegExp }>> = {
  en: [
    {
      name: /storefront scan/i,
      not: /storefront (check|crawl|analysis|review)\b|leak scan|exposure scan/i,
    },
    { name: /daily scan/i, not: /daily (check|snapshot|crawl|analysis)\b/i },
  ],
  pt: [
    {
      name: /varredura da loja/i,
      not: /(verificação|análise|checagem|escaneamento|exame|revisão|busca) (da|na) (loja|vitrine)|varredura da vitrine/i,
    },
    {
      name: /varredura diária/i,
      not: /(verificação|análise|checagem|escaneamento|exame) diári/i,
    },
    { name: /\bloja\b/i, not: /\bvitrine\b|loja virtual|storefront/i },
  ],
  es: [
    {
      name: /escaneo de la tienda/i,
      not: /(revisión|análisis|verificación|comprobación|exploración|rastreo|examen) (de|en) la (tienda|vitrina)|escaneo de la vitrina/i,
    },
    {
      name: /escaneo diario/i,
      not: /(revisión|análisis|verificación|comprobación|exploración|rastreo) diari/i,
    },
    {
      name: /\btienda\b/i,
      not: /\bvitrina\b|tienda (virtual|online)|storefront/i,
    },
  ],
}

/** select keys (`storefront {…}`) are ids, not words an admin reads */
const words = (text: string) => text.replace(/\b\w+ \{/g, '{')

describe('terminology', () => {
  for (const [locale, concepts] of Object.entries(GLOSSARY))
    it(`${locale}: each concept has one name in every message`, () => {
      const all = Object.entries(messages(locale))

      for (const { name, not } of concepts) {
        assert.ok(
          all.some(([, text]) => name.test(text)),
          `${name} is used`
        )
        const other = all.filter(([, text]) => not.test(words(text)))

        assert.deepEqual(
          other.map(([id, text]) => `${id}: ${text.match(not)![0]}`),
          [],
          `${locale} calls ${name} otherwise`
        )
      }
    })
})
