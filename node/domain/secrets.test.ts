import * as zlib from 'zlib'

import {
  containsTokenLike,
  quote,
  redactDeep,
  redactedPieces,
  redactTokens,
} from './secrets'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
const base64 = (text: string) => Buffer.from(text, 'latin1').toString('base64')
const PROSE =
  'The ERP integration syncs orders every ten minutes and writes invoices back to the store.'

describe('containsTokenLike', () => {
  it.each([
    ['a token alone', T, true],
    ['a token pasted twice', T + T, true],
    ['glued to a word', `apptoken${T}`, true],
    ['followed by letters', `${T}x`, true],
    ['inside a sentence', `my note: ${T}. thanks`, true],
    ['half a token', T.slice(0, 64), true],
    ['in dash-separated groups of 16', T.match(/.{16}/g)!.join('-'), true],
    ['in space-separated groups of 31', T.match(/.{1,31}/g)!.join(' '), true],
    [
      'in quoted pieces joined by +',
      T.match(/.{1,19}/g)!
        .map((p) => `"${p}"`)
        .join(' + '),
      true,
    ],
    ['lowercased', T.toLowerCase(), true],
    [
      'a long word in capitals, then prose',
      'INTERNATIONALIZATION and more',
      false,
    ],
    [
      'capital words of prose',
      'ERP ORDERS SYNCHRONIZATION FOR THE WAREHOUSE',
      false,
    ],
    ['an appKey', 'vtexappkey-acme-ORYNWX', false],
    ['prose in capitals', 'ERP ORDERS SYNC FOR SAP BUSINESS ONE', false],
    ['31 capitals', T.slice(0, 31), false],
    ['base64-encoded', base64(T), true],
    [
      'in a Basic header',
      `Basic ${base64(`vtexappkey-acme-ORYNWX:${T}`)}`,
      true,
    ],
    [
      'base64url-encoded',
      base64(`${T}??>>`).replace(/\+/g, '-').replace(/\//g, '_'),
      true,
    ],
    ['hex-encoded', Buffer.from(T).toString('hex'), true],
    ['base64 of prose', base64(PROSE), false],
    ['hex of prose', Buffer.from(PROSE).toString('hex'), false],
    [
      'a long path',
      '/api/catalog_system/pvt/products/GetProductAndSkuIds/category-one-two-three-four',
      false,
    ],
  ])('%s → %s', (_, text, expected) =>
    expect(containsTokenLike(text)).toBe(expected)
  )
})

describe('redaction', () => {
  it('keeps 4 letters and the length of each run', () => {
    expect(redactTokens(`a ${T} b`)).toBe(`a QWER…[128 characters redacted] b`)
    expect(redactTokens(`${T}${T}`)).not.toContain(T.slice(4, 40))
  })

  it('redacts an encoded token as a whole, and leaves encoded prose alone', () => {
    const encoded = base64(T)

    expect(redactTokens(`note ${encoded} end`)).toBe(
      `note ${encoded.slice(0, 4)}…[${encoded.length} characters redacted] end`
    )
    expect(redactTokens(base64(PROSE))).toBe(base64(PROSE))
  })
  it('quote cuts long input and never shows a token', () => {
    expect(quote('ab '.repeat(400_000))).toHaveLength(41)
    expect(JSON.stringify(quote(T + T, 400))).not.toMatch(/[A-Z]{5}/)
  })
  it('quote gives the marker as a wording, so each language words it', () => {
    expect(quote(`id ${T}!`)).toEqual({
      id: 'secrets.quoted',
      values: {
        before: 'id ',
        redacted: {
          id: 'secrets.redacted',
          values: { kept: 'QWER', count: 128 },
        },
        after: '!',
      },
    })
    // a marker is never cut: what does not fit is left out
    expect(quote(`${'x'.repeat(38)} ${T}`)).toBe(`${'x'.repeat(38)} …`)
    expect(redactedPieces(`a ${T}`)).toEqual([
      'a ',
      { kept: 'QWER', count: 128 },
    ])
    expect(redactedPieces('')).toEqual([''])
  })
  it('shows direction controls in an echoed input as what they are, not applied', () => {
    expect(quote('keys\u202EHigh')).toBe('keys[U+202E]High')
    expect(quote('\u2067a\u2069 \u200F')).toBe('[U+2067]a[U+2069] [U+200F]')
  })
  it('redacts every string of a nested value', () => {
    const out = JSON.stringify(
      redactDeep({ query: { variables: `{"n":"${T}"}` }, list: [T], n: 3 })
    )

    expect(out).not.toContain(T.slice(0, 32))
    expect(out).toContain('"n":3')
  })
})

describe('encoded tokens cut up or encoded twice', () => {
  const hex = (text: string) => Buffer.from(text, 'latin1').toString('hex')
  const b64 = base64(T)

  it.each([
    ['base64 of base64', base64(b64)],
    ['hex of hex', hex(hex(T))],
    ['base64 of hex', base64(hex(T))],
    ['base64 wrapped every 20 characters', b64.replace(/(.{20})/g, '$1\n')],
    ['base64 in groups of 4', b64.replace(/(.{4})/g, '$1 ')],
    ['base64 with tabs', b64.replace(/(.{16})/g, '$1\t')],
    ['hex with colons', hex(T).replace(/(..)/g, '$1:')],
    ['hex with spaces', hex(T).replace(/(..)/g, '$1 ')],
    ['hex as \\x escapes', hex(T).replace(/(..)/g, '\\x$1')],
    ['URL-encoded', hex(T).replace(/(..)/g, '%$1')],
    [
      'after a word of the same width, then more words',
      `ERP: ${b64.replace(/(.{3})/g, '$1 ')} was the old one`,
    ],
    [
      'a Basic header wrapped',
      `Basic ${base64(`vtexappkey-acme-ORYNWX:${T}`).replace(
        /(.{10})/g,
        '$1\r\n'
      )}`,
    ],
  ])('%s is refused and redacted', (_, text) => {
    expect(containsTokenLike(text)).toBe(true)
    const redacted = redactTokens(text)

    expect(containsTokenLike(redacted)).toBe(false)
    expect(redacted).toMatch(/characters redacted/)
  })

  it.each([
    [
      'pt prose without punctuation',
      'Esta chave é usada pela integração com o ERP para sincronizar pedidos estoque e preços a cada quinze minutos durante o horário comercial de segunda a sexta',
    ],
    [
      'es prose without punctuation',
      'Esta clave la usa la integración con el sistema de logística para consultar el estado de los envíos y actualizar el seguimiento de pedidos cada hora',
    ],
    ['a MAC address list', 'aa:bb:cc:dd:ee:ff 11:22:33:44:55:66 '.repeat(6)],
    ['a hex dump of prose', hex(PROSE).replace(/(..)/g, '$1 ')],
    ['base64 of prose in groups', base64(PROSE).replace(/(.{4})/g, '$1 ')],
    ['a URL-encoded query', encodeURIComponent(`q=${PROSE}&from=0&to=50`)],
    ['words of one width', 'abcd '.repeat(100)],
  ])('%s is not a token', (_, text) => {
    expect(containsTokenLike(text)).toBe(false)
    expect(redactTokens(text)).toBe(text)
  })
})

// What the last attack pass got through, and its neighbours (each failed before the fix).
const WINDOWS = Array.from({ length: 26 }, (_, i) => (T + T).slice(i, i + 8))

/** Whether 8 letters of T in a row can still be read from text: as it is, with its separators
 * dropped, or decoded (base64 at each alignment, hex; as latin1 or either half of UTF-16). */
function readable(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '').toUpperCase()
  const b64 = text.replace(/[^A-Za-z0-9+/_-]/g, '')
  const hexDigits = text.replace(/[^0-9a-fA-F]/g, '')
  const views: string[] = [text, letters]

  for (let a = 0; a < 4; a++) {
    const bytes = Buffer.from(b64.slice(a), 'base64')

    views.push(bytes.toString('latin1'))
    for (const half of [0, 1])
      views.push(
        Buffer.from(bytes.filter((_, i) => i % 2 === half)).toString('latin1')
      )
  }

  for (const a of [0, 1])
    views.push(Buffer.from(hexDigits.slice(a), 'hex').toString('latin1'))

  return views.some((v) => WINDOWS.some((w) => v.includes(w)))
}

/** Refused, and nothing of it readable once redacted. */
function expectCaught(text: string) {
  expect(containsTokenLike(text)).toBe(true)
  const redacted = redactTokens(text)

  expect(redacted).toMatch(/characters redacted/)
  expect(containsTokenLike(redacted)).toBe(false)
  expect(readable(redacted)).toBe(false)
}

/** Separators put in after 1 to 13 characters, from a fixed seed (no two runs differ). */
function irregular(text: string, seps: string[], seed = 11): string {
  let x = seed
  let out = ''
  let next = 0

  for (let i = 0; i < text.length; i++) {
    if (i === next && i > 0) {
      out += seps[x % seps.length]
      x = (x * 1103515245 + 12345) % 2147483648
      next = i + 1 + (x % 13)
    } else if (i === 0) next = 1 + (x % 13)
    out += text[i]
  }

  return out
}

describe('a token spelled out, one separator between characters', () => {
  const SEPARATORS = [' ', '-', '.', '_', '\u200b', '\u00a0', ', ', '\u0000']

  it.each(SEPARATORS.map((s) => [JSON.stringify(s), s]))(
    'with %s is refused and redacted, alone, lowercased, half of it, in a sentence',
    (_, sep) => {
      for (const t of [T, T.toLowerCase(), T.slice(0, 40)]) {
        const spelled = t.split('').join(sep)

        expectCaught(spelled)
        expectCaught(`my token is ${spelled} thanks`)
      }
    }
  )

  it.each([2, 3, 4, 5, 6, 7])(
    'in groups of %i joined by a dash, a dot or a space is refused and redacted',
    (width) => {
      for (const sep of ['-', '.', ' ', '_'])
        expectCaught(T.match(new RegExp(`.{1,${width}}`, 'g'))!.join(sep))
    }
  )

  it('zero-width characters anywhere are no separation at all', () => {
    expectCaught(irregular(T, ['\u200b', '\u200c', '\u2060', '\u00ad']))
    expectCaught(irregular(base64(T), ['\u200b', '\ufeff']))
  })
})

describe('look-alike letters', () => {
  const swap = (text: string, from: string, to: string) =>
    [...text].map((c) => (from.includes(c) ? to[from.indexOf(c)] : c)).join('')

  it.each([
    [
      'full-width',
      [...T].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''),
    ],
    [
      'circled',
      [...T]
        .map((c) => String.fromCharCode(0x24b6 + c.charCodeAt(0) - 65))
        .join(''),
    ],
    // a few Latin capitals swapped for Cyrillic or Greek ones drawn alike
    ['Cyrillic swaps', swap(T, 'AEOPCTX', 'АЕОРСТХ')],
    ['Greek swaps', swap(T, 'ABEKMOT', 'ΑΒΕΚΜΟΤ')],
  ])('%s: refused, and redacted whole (look-alikes included)', (_, text) => {
    expectCaught(`token: ${text} (rotated)`)
    // nothing of the run is left but its first 4 characters
    expect(redactTokens(`token: ${text}`)).toBe(
      `token: ${text.slice(0, 4)}…[128 characters redacted]`
    )
  })

  it('leaves Cyrillic and Greek prose in capitals alone', () => {
    for (const text of [
      'ПРИВЕТ МИР ЭТО ЗАМЕТКА О КЛЮЧЕ ДЛЯ ИНТЕГРАЦИИ СКЛАДА',
      'ΑΥΤΗ ΕΙΝΑΙ ΜΙΑ ΣΗΜΕΙΩΣΗ ΓΙΑ ΤΟ ΚΛΕΙΔΙ ΤΗΣ ΑΠΟΘΗΚΗΣ ΣΥΓΧΡΟΝΙΣΜΟΣ',
      'ＥＲＰ　ｓｙｎｃ　ｅｖｅｒｙ　１５　ｍｉｎｕｔｅｓ',
    ]) {
      expect(containsTokenLike(text)).toBe(false)
      expect(redactTokens(text)).toBe(text)
    }
  })
})

describe('base64 cut at irregular places', () => {
  const basic = base64(`vtexappkey-acme-ORYNWX:${T}`)

  it.each([
    ['spaces', [' ']],
    ['newlines', ['\n']],
    ['CRLF and tabs', ['\r\n', '\t']],
    ['a mix', [' ', '\n', '  ', '\t']],
  ])('with %s is refused and redacted', (_, seps) => {
    for (const seed of [3, 11, 29]) {
      expectCaught(irregular(base64(T), seps, seed))
      expectCaught(`Basic ${irregular(basic, seps, seed)}`)
      expectCaught(`the old ERP key: ${irregular(base64(T), seps, seed)} ok`)
      expectCaught(irregular(Buffer.from(T).toString('hex'), seps, seed))
    }
  })

  it('glued to a word, unsplit', () => {
    expectCaught(`token${base64(T)}`)
    expectCaught(`apptoken=${base64(T)}&x=1`)
  })
})

describe('gzip (or zlib) then base64', () => {
  const gz = (text: string) =>
    zlib.gzipSync(Buffer.from(text)).toString('base64')

  it.each([
    ['a token', () => gz(T)],
    [
      'a JSON config',
      () => gz(`{"appKey":"vtexappkey-acme-X","appToken":"${T}"}`),
    ],
    ['wrapped at 76', () => gz(T).replace(/(.{76})/g, '$1\n')],
    ['cut irregularly', () => irregular(gz(T), [' ', '\n'])],
    ['in a sentence', () => `here: ${gz(T)} (gzip)`],
    ['glued to a word', () => `gz:${gz(T)}`],
    ['base64url', () => gz(T).replace(/\+/g, '-').replace(/\//g, '_')],
    ['zlib', () => zlib.deflateSync(Buffer.from(T)).toString('base64')],
    ['of base64', () => gz(base64(T))],
    ['twice', () => zlib.gzipSync(zlib.gzipSync(T)).toString('base64')],
    [
      'of UTF-16',
      () => zlib.gzipSync(Buffer.from(T, 'utf16le')).toString('base64'),
    ],
  ])('%s is refused and redacted', (_, make) => expectCaught(make()))

  it('compressed prose is not a token', () => {
    const text = gz(`${PROSE} ${PROSE.toUpperCase()}`)

    expect(containsTokenLike(text)).toBe(false)
    expect(redactTokens(text)).toBe(text)
  })

  it('a zip bomb is refused (what inflates past 64 KiB cannot be vouched for), at once', () => {
    // 200 MB of prose in 200 kB of base64: inflating it whole would take seconds and the memory.
    const bomb = zlib
      .gzipSync(Buffer.from(`${PROSE} `.repeat(2_200_000)), { level: 9 })
      .toString('base64')

    const before = process.memoryUsage().rss

    expect(containsTokenLike(bomb)).toBe(true)
    expect(redactTokens(`zip: ${bomb}`)).toBe(
      `zip: ${bomb.slice(0, 4)}…[${bomb.length} characters redacted]`
    )
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 2 ** 20)
  })
})

describe('UTF-16 text in base64', () => {
  const utf16 = (text: string, order: 'LE' | 'BE', bom: boolean) => {
    const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le')

    return order === 'LE' ? le : le.swap16()
  }

  const payloads = [T, `vtexappkey-acme-ORYNWX:${T}`, `{"appToken": "${T}"}`]

  const layouts: Array<[string, (b64: string) => string]> = [
    ['as is', (b) => b],
    ['wrapped at 76', (b) => b.replace(/(.{76})/g, '$1\n')],
    ['in groups of 4', (b) => b.replace(/(.{4})/g, '$1 ')],
    ['cut irregularly', (b) => irregular(b, [' ', '\n'])],
  ]

  const cases = (['LE', 'BE'] as const).flatMap((order) =>
    [false, true].flatMap((bom) =>
      payloads.flatMap((payload, p) =>
        layouts.map(
          ([layout, lay]) =>
            [
              `UTF-16${order}${
                bom ? ' with BOM' : ''
              }, payload ${p}, ${layout}`,
              lay(utf16(payload, order, bom).toString('base64')),
            ] as const
        )
      )
    )
  )

  it('has the 48 cases of the attack pass', () =>
    expect(cases).toHaveLength(48))
  it.each(cases)(
    '%s: refused, and no part of the token readable once redacted',
    (_, text) => expectCaught(text)
  )
})

describe('ordinary notes stay as they are', () => {
  it.each([
    'Owner: ana@acme.com. Used by the ERP (SAP S/4HANA) to sync orders, SKUs and prices every 15 min — see https://wiki.acme.com/erp/vtex-integration#keys',
    'Rotated on 2026-03-01 by Bruno after the Q1 access review; the OMS and WMS jobs were restarted at 14:05 BRT.',
    'NOTE: DO NOT DELETE. USED BY THE WAREHOUSE SCANNERS AT THE MAIN DC UNTIL THE NEW WMS GOES LIVE IN JULY.',
    'Chave usada pela integração com o ERP (TOTVS Protheus) para sincronizar pedidos, estoque e preços. Responsável: Ana Souza — ramal 2301.',
    'Rotacionada em 01/03/2026 após a revisão de acessos do 1º trimestre; os jobs de faturamento e NF-e foram reiniciados às 14h05.',
    'Clave usada por la integración con el sistema de logística (Mercado Envíos) para consultar el estado de los envíos cada hora. Dueño: Diego.',
    'Rotada el 1/3/2026 tras la revisión trimestral; se reinició el job de conciliación de pagos. Ticket: OPS-20431, commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b.',
    'sha256 of the exported config: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    'Sizes: P M G GG XG; colours: A B C D E F G H; steps: 1 - 2 - 3 - 4 - 5 - 6 - 7 - 8 - 9 - 10.',
    'UUIDs: 123e4567-e89b-12d3-a456-426614174000, 9b2f6c1e-4d2a-4f7e-8a3b-0c1d2e3f4a5b',
    'A a B b C c D d E e F f G g H h I i J j K k L l M m N n O o P p',
    'S.O.S. — U.S.A. e.g. i.e. a.m. p.m. R.S.V.P. A.K.A. N.B. P.S.',
    // capitals and identifiers that read as words (the last attack pass found them refused)
    'WAREHOUSE INVENTORY SYNCHRONIZATION',
    'ATTENTION: MARKETPLACE INTEGRATION CREDENTIALS - DO NOT DELETE',
    'IMPORTANTE: SINCRONIZACION INVENTARIO DISTRIBUIDORES TRANSPORTADORA',
    'ERP-INTEGRATION-PRODUCTION-MARKETPLACE-CONNECTOR',
    'VTEX_MARKETPLACE_INTEGRATION_PRODUCTION_CONNECTOR_KEY',
    'calls getProductSpecificationsByCategoryIdAndSalesChannelWithInventoryAndPricing nightly',
  ])('%s', (text) => {
    expect(containsTokenLike(text)).toBe(false)
    expect(redactTokens(text)).toBe(text)
  })
})

describe('tokens cut into groups that happen to hold vowels', () => {
  // Random capitals, as tokens are: cut at irregular places into groups of 8 to 16, joined by
  // spaces, dashes or underscores. The words exception (plain.ts wordLike) must let none through.
  it('refuses every one of 500 random 128-capital tokens so cut', () => {
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const missed: string[] = []

    for (let n = 0; n < 500; n++) {
      const token = Array.from({ length: 128 }, () =>
        String.fromCharCode(65 + Math.floor(next() * 26))
      ).join('')
      const groups: string[] = []

      for (let at = 0; at < token.length; ) {
        const width = 8 + Math.floor(next() * 9)

        groups.push(token.slice(at, at + width))
        at += width
      }

      const text = groups.join([' ', '-', '_'][n % 3])

      if (!containsTokenLike(text)) missed.push(text)
    }

    expect(missed).toEqual([])
  })
})
