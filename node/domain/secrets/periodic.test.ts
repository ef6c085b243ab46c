// Long repeating stretches are read once (the fan-out of '0'.repeat(1e6) through every alignment
// and layer); what is found in them is found and redacted as before.
import { containsTokenLike, redactTokens } from '../secrets'
import { MIN_STRETCH, shortenRepeats } from './periodic'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
const b64 = (s: string) => Buffer.from(s, 'latin1').toString('base64')
const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex')

describe('shortenRepeats', () => {
  it('cuts the middle of a long stretch to a whole number of units and quads, mapped back to all of it', () => {
    const text = `head ${'ab.'.repeat(100_000)} tail`
    const r = shortenRepeats(text)

    expect(r.text.length).toBeLessThan(10_000)
    expect(r.text.startsWith('head ab.ab.')).toBe(true)
    expect(r.text.endsWith('ab.ab. tail')).toBe(true)
    // still the unit, over and over, across the cut
    expect(r.text.slice(5, -5)).toBe('ab.'.repeat((r.text.length - 10) / 3))
    // and the removed length keeps base64 alignment (a multiple of 4)
    expect((text.length - r.text.length) % 12).toBe(0)
    expect(r.original({ start: 0, end: r.text.length })).toEqual({
      start: 0,
      end: text.length,
    })
    expect(r.original({ start: 0, end: 5 })).toEqual({ start: 0, end: 5 })
  })

  it.each([
    ['short text', '0'.repeat(MIN_STRETCH - 1)],
    ['prose', 'The ERP syncs orders every hour. '.repeat(1_000)],
    ['a unit longer than 16', 'abcdefghijklmnopq'.repeat(2_000)],
  ])('leaves %s as it is', (_, text) =>
    expect(shortenRepeats(text).text).toBe(text)
  )
})

test('a megabyte of zeros, with a letter after, is not a token', () => {
  for (const text of [`${'0'.repeat(1_000_000)}x`, '0'.repeat(1_000_000)]) {
    expect(containsTokenLike(text)).toBe(false)
    expect(redactTokens(text)).toBe(text)
  }
})

// Checked with lengths, not whole strings: a failure must not print a megabyte.
test.each([
  ['capitals', 'Q'.repeat(100_000)],
  ['base64 of capitals', b64('Q'.repeat(75_000))],
  ['hex of capitals', hex('QW'.repeat(40_000))],
  ['base64 of base64 of capitals', b64(b64('QWE'.repeat(30_000)))],
])('a long repeating %s is still refused, and redacted whole', (_, run) => {
  const text = `cfg: ${run} end`
  const redacted = redactTokens(text)

  expect(containsTokenLike(text)).toBe(true)
  // (the split-run reading joins "cfg:" and "end" to the run, as it does for short runs)
  expect(redacted.length).toBeLessThan(60)
  expect(redacted).toMatch(/^cfg:? ?\w{0,4}…\[\d+ characters redacted\]/)
  expect(redacted).not.toContain(run.slice(4, 12))
})

test('a token after a repeating megabyte is redacted as after a short repeat (spans map back across the cut)', () => {
  for (const n of [1_000, 1_000_000]) {
    const redacted = redactTokens(`${'0'.repeat(n)} ${b64(T)} end`)

    expect(redacted.length).toBeLessThan(60)
    expect(redacted).toBe(
      `0000…[${n + 1 + b64(T).length} characters redacted] end`
    )
  }
})
