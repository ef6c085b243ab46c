// The inflation budget counts every gzip member: members that inflate to nothing never reach the
// size bound, so without a count a megabyte of them (37,000 in base64, 25,000 in hex) is
// inflated member by member from each header found, which took seconds of CPU per check.
import * as zlib from 'zlib'

import { containsTokenLike, redactTokens } from '../secrets'
import { inflated } from './inflate'

const EMPTY_MEMBER = zlib.gzipSync(Buffer.alloc(0))
const members = (n: number) => Buffer.concat(Array(n).fill(EMPTY_MEMBER))

afterEach(() => jest.restoreAllMocks())

test('each gzip member takes one from the budget; with none left the file is TOO_LARGE', () => {
  const budget = { left: 32 }

  expect(inflated(members(1000), 0, budget)).toBe('TOO_LARGE')
  expect(budget.left).toBeLessThanOrEqual(0)
})

test('a file of a few members within the budget is read whole', () => {
  const two = Buffer.concat([zlib.gzipSync('first '), zlib.gzipSync('second')])
  const budget = { left: 32 }

  expect(inflated(two, 0, budget)).toBe('first second')
  expect(budget.left).toBe(30)
})

test('a zlib stream takes one from the budget too', () => {
  expect(inflated(zlib.deflateSync('text'), 0, { left: 0 })).toBe('TOO_LARGE')
})

test.each([
  ['base64', members(37_000).toString('base64')],
  ['hex', members(25_000).toString('hex')],
])(
  'a megabyte of empty gzip members in %s: refused, redacted, after a bounded number of inflations',
  (_, text) => {
    expect(text.length).toBeGreaterThan(900_000)
    // the module itself (a namespace import is a copy jest cannot spy on)
    const real: typeof zlib = jest.requireActual('zlib')
    const inflateRawSync = real.inflateRawSync.bind(real)
    let calls = 0

    // Past the bound each call fails at once (read as "not compressed"), so a regression ends
    // quickly with a count instead of inflating for minutes.
    jest
      .spyOn(real, 'inflateRawSync')
      .mockImplementation((...args: Parameters<typeof inflateRawSync>) => {
        if (++calls > 1000) throw new Error('inflated too often')

        return inflateRawSync(...args)
      })

    expect(containsTokenLike(text)).toBe(true)
    expect(redactTokens(text)).not.toBe(text)
    // 32 per check; before, every header found inflated every member after it.
    expect(calls).toBeLessThanOrEqual(2 * 33)
  }
)
