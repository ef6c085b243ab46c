import { containsTokenLike, quote, redactDeep, redactTokens } from './secrets'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)

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
  ])('%s → %s', (_, text, expected) =>
    expect(containsTokenLike(text)).toBe(expected)
  )
})

describe('redaction', () => {
  it('keeps 4 letters and the length of each run', () => {
    expect(redactTokens(`a ${T} b`)).toBe(`a QWER…[128 characters redacted] b`)
    expect(redactTokens(`${T}${T}`)).not.toContain(T.slice(4, 40))
  })
  it('quote cuts long input and never shows a token', () => {
    expect(quote('ab '.repeat(400_000))).toHaveLength(41)
    expect(quote(T + T, 400)).not.toMatch(/[A-Z]{5}/)
  })
  it('redacts every string of a nested value', () => {
    const out = JSON.stringify(
      redactDeep({ query: { variables: `{"n":"${T}"}` }, list: [T], n: 3 })
    )

    expect(out).not.toContain(T.slice(0, 32))
    expect(out).toContain('"n":3')
  })
})
