// String literals put together (concatenated, adjacent, a character array) make one string.
import { containsTokenLike, redactTokens } from '../secrets'
import { joinLiterals } from './literals'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
const B64 = Buffer.from(T).toString('base64')

/** text cut at irregular widths (3 to 17), from a fixed seed. */
function pieces(text: string, seed = 5): string[] {
  const out: string[] = []
  let x = seed

  for (let at = 0; at < text.length; ) {
    x = (x * 1103515245 + 12345) % 2 ** 31
    const w = 3 + (x % 15)

    out.push(text.slice(at, at + w))
    at += w
  }

  return out
}

describe('joinLiterals', () => {
  it('drops the quotes and what joins the literals, mapping back to the pieces', () => {
    const text = `t = "${T.slice(0, 20)}" +\n    "${T.slice(20, 40)}";`
    const r = joinLiterals(text)

    expect(r.text).toBe(`t = ${T.slice(0, 40)};`)
    expect(r.original({ start: 4, end: 44 })).toEqual({
      start: 5,
      end: text.length - 2,
    })
  })

  it.each([
    ['one literal', `"${T.slice(0, 40)}"`],
    ['short pieces (under 32 characters in all)', '"ab" + "cd" + "ef"'],
    [
      'a JSON object',
      `{"name":"${T.slice(0, 20)}","key":"${T.slice(20, 40)}"}`,
    ],
    [
      'a list of words',
      '"warehouse", "inventory", "synchronization", "marketplace"',
    ],
    [
      'quoted words in prose',
      `He said "the ERP syncs" and then "the WMS restarts" at night.`,
    ],
  ])('leaves %s as it is', (_, text) =>
    expect(joinLiterals(text).text).toBe(text)
  )
})

describe.each([
  [
    'JS +, one per line',
    (p: string[]) => p.map((s) => `"${s}"`).join(' +\n    '),
  ],
  [
    'JS + after the line break',
    (p: string[]) => p.map((s) => `'${s}'`).join('\n  + '),
  ],
  [
    'Python/C adjacent literals',
    (p: string[]) => `(${p.map((s) => `'${s}'`).join('\n ')})`,
  ],
  ['adjacent on one line', (p: string[]) => p.map((s) => `"${s}"`).join(' ')],
  ['PHP .', (p: string[]) => p.map((s) => `"${s}"`).join(' . ')],
  ['SQL ||', (p: string[]) => p.map((s) => `'${s}'`).join(' || ')],
  ['template literals', (p: string[]) => p.map((s) => `\`${s}\``).join(' + ')],
  // comments, appends, concat() and escaped quotes: each missed before
  [
    'block comments',
    (p: string[]) => p.map((s) => `'${s}'`).join(' /* part */ + '),
  ],
  [
    'line comments',
    (p: string[]) => p.map((s) => `"${s}"`).join(' + // part\n    '),
  ],
  [
    'Python # comments',
    (p: string[]) => `(${p.map((s) => `'${s}'`).join('  # part\n ')})`,
  ],
  [
    '+= across statements',
    (p: string[]) =>
      [`'${p[0]}'`, ...p.slice(1).map((s) => `token += '${s}'`)].join(';\n'),
  ],
  [
    'PHP .= across statements',
    (p: string[]) =>
      [`"${p[0]}"`, ...p.slice(1).map((s) => `$token .= "${s}"`)].join('; '),
  ],
  [
    '.concat()',
    (p: string[]) =>
      `'${p[0]}'${p
        .slice(1)
        .map((s) => `.concat('${s}')`)
        .join('')
        .slice(0, -1)}`,
  ],
  [
    'escaped quotes inside the pieces',
    (p: string[]) =>
      p
        .map((s, i) =>
          i === 0 || i === p.length - 1
            ? `"${s}"`
            : `"${s.slice(0, 1)}\\"${s.slice(1)}"`
        )
        .join(' + '),
  ],
])('%s', (_, join) => {
  it.each([
    ['the token', T],
    ['the token lowercased', T.toLowerCase()],
    ['its base64', B64],
    [
      'a Basic header',
      Buffer.from(`vtexappkey-acme-ORYNWX:${T}`).toString('base64'),
    ],
  ])(
    'of %s: refused, and redacted from the first piece to the last',
    (__, payload) => {
      const text = `const token = ${join(pieces(payload))};`

      expect(containsTokenLike(text)).toBe(true)
      const redacted = redactTokens(text)

      expect(redacted).toMatch(
        /^const token = \(?["'`][^]{4}…\[\d+ characters redacted\]["'`]\)?;$/
      )
    }
  )
})

test.each([
  [
    "JS [].join('')",
    (p: string[]) => `[${p.map((s) => `'${s}'`).join(', ')}].join('')`,
  ],
  [
    'JS [].join("") one per line',
    (p: string[]) =>
      `[\n  ${p.map((s) => `"${s}"`).join(',\n  ')},\n].join("")`,
  ],
  [
    "Python ''.join([])",
    (p: string[]) => `''.join([${p.map((s) => `'${s}'`).join(', ')}])`,
  ],
  [
    'concat() of several',
    (p: string[]) => `''.concat(${p.map((s) => `'${s}'`).join(', ')})`,
  ],
])(
  'a list %s is refused, and redacted from the first item to the last',
  (_, join) => {
    for (const payload of [T, B64]) {
      const text = `t = ${join(pieces(payload))};`

      expect(containsTokenLike(text)).toBe(true)
      expect(redactTokens(text)).not.toContain(payload.slice(20, 24))
      expect(redactTokens(text)).toMatch(/…\[\d+ characters redacted\]/)
    }
  }
)

test('a single literal with escaped quotes put in every few characters is refused', () => {
  const text = `s = "${pieces(T).join('\\"')}";`

  expect(containsTokenLike(text)).toBe(true)
  expect(redactTokens(text)).toMatch(
    /^s = "QWER…\[\d+ characters redacted\]";$/
  )
})

test('the literal scan reads escapes and stays one pass over unclosed quotes', () => {
  expect(
    joinLiterals(`"${T.slice(0, 20)}\\"x" + "${T.slice(20, 40)}"`).text
  ).toBe(`${T.slice(0, 20)}x${T.slice(20, 40)}`)
  // a megabyte of escaped quotes: every quote opens nothing (a scan from each was quadratic)
  const hostile = '\\"'.repeat(500_000)

  expect(joinLiterals(hostile).text).toBe(hostile)
})

test('a character array of the token is refused', () => {
  const text = `char t[] = {${[...T].map((c) => `'${c}'`).join(', ')}};`

  expect(containsTokenLike(text)).toBe(true)
  expect(redactTokens(text)).not.toContain(`'${T[8]}', '${T[9]}'`)
})

test.each([
  `log("Syncing orders for " + account + " from the ERP " + "every fifteen minutes")`,
  `'Chave da integração ' + 'com o ERP (TOTVS) ' + 'para pedidos e estoque'`,
  `"WAREHOUSE INVENTORY " "SYNCHRONIZATION " "MARKETPLACE CONNECTOR"`,
  `["P", "M", "G", "GG", "XG", "XXG", "P", "M", "G", "GG", "XG", "XXG", "P", "M", "G"]`,
  `['warehouse', 'inventory', 'synchronization', 'marketplace'].join(', ')`,
  `msg = 'Syncing orders for '; msg += account; msg += ' from the ERP every fifteen minutes'`,
  `"She said \\"the ERP syncs orders\\" and \\"the WMS restarts at night\\"" // note`,
  `log('ERP'.concat(' sync ', 'of orders ', 'every fifteen minutes'))`,
])('code and lists of words are not a token: %s', (text) => {
  expect(containsTokenLike(text)).toBe(false)
  expect(redactTokens(text)).toBe(text)
})

test("a list's `].join('')` is looked for just after its last item: not across a megabyte of spaces", () => {
  const list = `[${pieces(T)
    .map((s) => `'${s}'`)
    .join(', ')}`

  // within a joiner's reach: one string
  expect(containsTokenLike(`${list}\n    ].join('')`)).toBe(true)
  // far after the last item it is not this list's join (the regex once backtracked
  // quadratically over the spaces: `'a', 'b'` and 1 MB of spaces took an hour)
  expect(joinLiterals(`${list}${' '.repeat(100)}].join('')`).text).toBe(
    `${list}${' '.repeat(100)}].join('')`
  )
  const hostile = `'a', 'b'${' '.repeat(1_000_000)}`

  expect(joinLiterals(hostile).text).toBe(hostile)
})
