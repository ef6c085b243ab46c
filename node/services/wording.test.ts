import { readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'

import { parse, TYPE } from '@formatjs/icu-messageformat-parser'
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser'

import { findingMessageId } from '../domain/messages'
import { RULES } from '../domain/rules'
import { SERVER_MESSAGES } from '../generated/messages'
import { quote } from '../domain/secrets'
import { wording as w } from '../domain/wording'
import { english, localizeError, say, withWording } from './wording'

const ROOT = join(__dirname, '..', '..')
const PREFIX = 'admin/key-steward.'
const LANGUAGES = ['en', 'pt', 'es'] as const
const json = Object.fromEntries(
  LANGUAGES.map((l) => [
    l,
    JSON.parse(
      readFileSync(join(ROOT, 'messages', `${l}.json`), 'utf8')
    ) as Record<string, string>,
  ])
) as Record<(typeof LANGUAGES)[number], Record<string, string>>

/** The namespaces only the service words (react-intl never reads them). */
const SERVER_ONLY = /^(finding|hygiene|refusal|validation|secrets)\./

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)

    if (['node_modules', 'generated'].includes(name)) return []
    if (statSync(p).isDirectory()) return sources(p)

    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : []
  })
}

/** Message ids written as literals in the service's code (`'refusal.review.badId'`). */
const literalIds = new Set(
  sources(join(ROOT, 'node')).flatMap((f) =>
    [
      ...readFileSync(f, 'utf8').matchAll(
        /'((?:finding|hygiene|refusal|validation|secrets)\.[\w.-]+)'/g
      ),
    ].map((m) => m[1])
  )
)

/** The service's ids: literals, each rule's finding, and the ids built from codes. */
const usedIds = new Set([
  ...literalIds,
  ...RULES.map((r) => findingMessageId(r.id)),
  ...Object.keys(json.en)
    .map((id) => id.slice(PREFIX.length))
    .filter((id) => /^validation\.externalKey\.[A-Z_]+$/.test(id)),
])

/** `{name}`, `{name, plural}`, … of an ICU message, sorted. */
function argumentsOf(text: string): string {
  const out = new Set<string>()
  const walk = (els: MessageFormatElement[]) => {
    for (const e of els) {
      if (e.type === TYPE.literal || e.type === TYPE.pound) continue
      if (e.type === TYPE.tag) throw new Error(`a tag <${e.value}> in ${text}`)
      out.add(`${e.value}:${TYPE[e.type]}`)
      if ('options' in e)
        for (const o of Object.values(e.options)) walk(o.value)
    }
  }

  walk(parse(text))

  return [...out].sort().join(' ')
}

describe('the messages the service words itself', () => {
  it('finds the ids the code writes (a sanity check of the search)', () => {
    expect(literalIds).toContain('refusal.review.alreadyOpen')
    expect(literalIds).toContain('validation.settings.range')
    expect(literalIds).toContain('refusal.resources.missing')
    expect(literalIds).toContain('refusal.request.limit.depth')
    expect(literalIds.size).toBeGreaterThan(80)
  })

  it('no GraphQL error is made from an English sentence written in code', () => {
    // the message on the same line or the next ones: `new ResolverError(\n  'text'`
    const made =
      /new (UserInputError|ForbiddenError|AuthenticationError|NotFoundError|ResolverError)\(\s*['"`][^'"`]*/g

    const found = sources(join(ROOT, 'node')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(made)].map(
        (m) => `${f.slice(ROOT.length)}: ${m[0].replace(/\s+/g, ' ')}`
      )
    )

    expect(found).toEqual([])
  })

  it.each([...usedIds].sort())(
    '%s is in en, pt and es, with the same ICU arguments',
    (id) => {
      const texts = LANGUAGES.map((l) => json[l][PREFIX + id])

      expect(texts).toEqual([
        expect.any(String),
        expect.any(String),
        expect.any(String),
      ])
      const [en, ...others] = texts.map(argumentsOf)

      for (const other of others) expect(other).toBe(en)
    }
  )

  it('every rule has its finding message', () => {
    for (const rule of RULES)
      for (const l of LANGUAGES)
        expect(json[l][PREFIX + findingMessageId(rule.id)]).toEqual(
          expect.any(String)
        )
  })

  it('no server-only message is left that the service does not use', () => {
    const unused = Object.keys(json.en)
      .map((id) => id.slice(PREFIX.length))
      .filter((id) => SERVER_ONLY.test(id) && !usedIds.has(id))

    expect(unused).toEqual([])
  })

  it('node/generated/messages.ts is the copy of messages/ the build makes', () => {
    for (const l of LANGUAGES) {
      const copied = SERVER_MESSAGES[l] as Record<string, string>

      for (const [id, text] of Object.entries(copied))
        expect([id, text]).toEqual([id, json[l][id]])
      for (const id of usedIds) expect(copied[PREFIX + id]).toBeDefined()
    }
  })
})

describe('severities in prose', () => {
  // Sentences name a severity as the badges' codes read in every list: "a CRITICAL finding",
  // not "a Critical finding" in one dialog and "ALTO o CRÍTICO" in the next.
  const MIXED: Record<(typeof LANGUAGES)[number], RegExp> = {
    en: /\b(Critical|High|Medium|Low) finding/,
    pt: /achados? (Crítico|Alto|Médio|Baixo)/,
    es: /hallazgos? (Crítico|Alto|Medio|Bajo)/,
  }

  it.each(LANGUAGES)('%s: in capitals', (language) => {
    expect(
      Object.entries(json[language])
        .filter(([, text]) => MIXED[language].test(text))
        .map(([id]) => id)
    ).toEqual([])
  })
})

describe('Portuguese plurals', () => {
  // Brazilian Portuguese says "0 dias", "0 chaves"; CLDR puts 0 in pt's "one" category, so ICU
  // alone would say "0 dia". Every plural with a "one" form says what zero is (its "other" form,
  // or words of its own: "Nenhuma chave selecionada").
  const plurals = (els: MessageFormatElement[]): MessageFormatElement[] =>
    els.flatMap((e) =>
      'options' in e
        ? [
            ...(e.type === TYPE.plural ? [e] : []),
            ...Object.values(e.options).flatMap((o) => plurals(o.value)),
          ]
        : []
    )

  it('never say zero in the singular', () => {
    const wrong = Object.entries(json.pt).filter(([, text]) =>
      plurals(parse(text)).some(
        (e) => 'options' in e && e.options.one && !e.options['=0']
      )
    )

    expect(wrong.map(([id]) => id)).toEqual([])
    expect(
      say('pt', {
        id: 'refusal.request.limit.fields',
        values: { max: 0 },
      })
    ).toBe('no máximo 0 campos em uma requisição')
  })
})

describe('counted nouns', () => {
  // "{keys} keys" says "1 keys" (and "1 concluídas" in Portuguese): a number written right
  // before the noun it counts is a plural, in every language and every namespace (the pages'
  // messages too, not only the service's).
  const NOUN =
    /^ (keys?|chaves?|claves?|pages?|páginas?|scripts?|practices?|práticas?|prácticas?|days?|dias?|días?|users?|usuários?|usuarios?|findings?|achados?|hallazgos?|concluídas?|hechas?|aplicáveis|aplicables|not applicable|done)\b/

  /** Counts that are never 1: the bulk limit, and the rotation period (30 to 365 days). */
  const NEVER_ONE = new Set(['max', 'periodDays'])

  const bare = (els: MessageFormatElement[]): string[] =>
    els.flatMap((e, i) => {
      const next = els[i + 1]
      const here =
        (e.type === TYPE.argument || e.type === TYPE.number) &&
        !NEVER_ONE.has(e.value) &&
        next?.type === TYPE.literal &&
        NOUN.test(next.value)
          ? [`{${e.value}}${next.value.slice(0, 20)}`]
          : []

      return [
        ...here,
        ...('options' in e
          ? Object.values(e.options).flatMap((o) => bare(o.value))
          : []),
      ]
    })

  it.each(LANGUAGES)(
    '%s: no count is written before its noun without a plural',
    (l) => {
      const wrong = Object.entries(json[l]).flatMap(([id, text]) =>
        bare(parse(text)).map((b) => `${id}: ${b}`)
      )

      expect(wrong).toEqual([])
    }
  )

  it('finds a bare count (a check of the search)', () => {
    expect(bare(parse('{date} · {keys} keys, {n} concluídas'))).toEqual([
      '{keys} keys, ',
      '{n} concluídas',
    ])
  })
})

describe('say', () => {
  it('words plurals and nested messages in each language', () => {
    expect(
      say('en', {
        id: 'refusal.review.notReady',
        values: {
          undecided: 1,
          open: 2,
          both: 'yes',
          practices: [
            { id: 'practice.ROTATE_KEYS' },
            { id: 'practice.AWARENESS' },
          ],
        },
      })
    ).toBe(
      'The review cannot be signed off yet: 1 key without a decision; practices still open: Rotate keys, Awareness.'
    )
    expect(
      say('pt', {
        id: 'validation.tooLong',
        values: { field: 'note', max: 1 },
      })
    ).toBe('note deve ter no máximo 1 caractere')
  })

  it('throws on an id that is not in messages/', () => {
    expect(() => say('en', { id: 'refusal.none' as never })).toThrow(
      /no message refusal.none/
    )
  })
})

describe('localizeError', () => {
  const wording = {
    message: { id: 'refusal.review.noneOpen' as const },
    fields: [{ id: 'validation.token' as const, values: { field: 'note' } }],
  }

  const formatted = () => ({
    message: 'No access review is open. Start one first.',
    extensions: {
      code: 'NOT_FOUND',
      exception: { message: 'No access review is open. Start one first.' },
      fields: [{ field: 'note', message: 'x' }],
    },
  })

  it('answers in the request’s language, message, exception and fields alike', () => {
    const out = localizeError(
      formatted(),
      withWording(new Error('x'), wording),
      'es'
    ) as ReturnType<typeof formatted>

    expect(out.message).toBe(
      'No hay ninguna revisión de accesos abierta. Inicia una primero.'
    )
    expect(out.extensions.exception.message).toBe(out.message)
    expect(out.extensions.fields[0].message).toBe(
      'note parece un appToken: nunca pegues tokens en Key Steward (NO_SHARING)'
    )
    expect(out.extensions.code).toBe('NOT_FOUND')
  })

  it('leaves English, and errors without wording, as they are', () => {
    const f = formatted()

    expect(localizeError(f, withWording(new Error('x'), wording), 'en')).toBe(f)
    expect(localizeError(f, new Error('x'), 'pt')).toBe(f)
  })
})

describe('input quoted with a token cut out', () => {
  const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
  const refusal = (id: string) =>
    w('refusal.review.keyNotInReview', { key: quote(id) })

  it.each([
    ['en', 'Key QWER…[128 characters redacted] is not part of this review'],
    [
      'pt',
      'A chave QWER…[128 caracteres ocultados] não faz parte desta revisão',
    ],
    [
      'es',
      'La clave QWER…[128 caracteres ocultados] no forma parte de esta revisión',
    ],
  ] as const)('reads the marker in %s', (locale, start) => {
    expect(say(locale, refusal(T))).toMatch(
      new RegExp(`^${start.replace(/[[\]]/g, '\\$&')}`)
    )
  })

  it('words each marker, keeping the text around them and the cut', () => {
    const q = quote(`id ${T} and ${T.toLowerCase()} and more text after`, 30)

    expect(say('pt', w('refusal.review.keyNotInReview', { key: q }))).toContain(
      'id QWER…[128 caracteres ocultados] and qwer…[128 caracteres ocultados] and more text…'
    )
  })

  it('answers a GraphQL error in the request’s language, marker included', () => {
    const message = refusal(`x${T}`)
    const out = localizeError(
      { message: english(message), extensions: { code: 'NOT_FOUND' } },
      withWording(new Error(english(message)), { message }),
      'es'
    )

    expect(out.message).toContain('xQWE…[129 caracteres ocultados]')
    expect(out.message).not.toContain('redacted')
    expect(String(out.message)).not.toContain(T.slice(4, 12))
  })

  it('text with nothing to cut is quoted as it is', () => {
    expect(quote('key-123')).toBe('key-123')
    expect(say('es', refusal('key-123'))).toContain('key-123')
  })
})
