import { chained, rewrite, unchanged } from './rewrite'

describe('rewrite', () => {
  it('keeps what it does not touch, with each put character mapped to its input stretch', () => {
    const r = rewrite('ab[xyz]cd', (w) => {
      w.put('Q', 2, 7)
    })

    expect(r.text).toBe('abQcd')
    expect(r.original({ start: 0, end: 2 })).toEqual({ start: 0, end: 2 })
    expect(r.original({ start: 2, end: 3 })).toEqual({ start: 2, end: 7 })
    expect(r.original({ start: 1, end: 4 })).toEqual({ start: 1, end: 8 })
    expect(r.original({ start: 5, end: 5 })).toEqual({ start: 9, end: 9 })
  })

  it('drops skipped characters: a span across them covers them', () => {
    const r = rewrite('a--b--c', (w) => {
      w.skip(1, 3)
      w.skip(4, 6)
    })

    expect(r.text).toBe('abc')
    expect(r.original({ start: 0, end: 3 })).toEqual({ start: 0, end: 7 })
    expect(r.original({ start: 1, end: 2 })).toEqual({ start: 3, end: 4 })
  })

  it('grows past its first buffer (a megabyte of replacements)', () => {
    const input = '\\u0051'.repeat(200_000)
    const r = rewrite(input, (w) => {
      for (let i = 0; i < input.length; i += 6) w.put('Q', i, i + 6)
    })

    expect(r.text).toBe('Q'.repeat(200_000))
    expect(r.original({ start: 199_999, end: 200_000 })).toEqual({
      start: input.length - 6,
      end: input.length,
    })
  })

  it('returns the input itself when nothing is put or skipped', () => {
    const r = rewrite('as it is', () => {})

    expect(r.text).toBe('as it is')
    expect(r.original({ start: 3, end: 5 })).toEqual({ start: 3, end: 5 })
  })
})

test('chained readings map a span of the last back to the first input', () => {
  const drop = (c: string) => (text: string) =>
    rewrite(text, (w) => {
      for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1))
        w.skip(i, i + 1)
    })

  const r = chained('a-b_c-d', [drop('-'), unchanged, drop('_')])

  expect(r.text).toBe('abcd')
  expect(r.original({ start: 1, end: 3 })).toEqual({ start: 2, end: 5 })
})
