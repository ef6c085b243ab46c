import { containsTokenLike, redactTokens } from '../secrets'
import { withoutInvisibles } from './invisibles'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)

test('drops zero-width characters, soft hyphens, BOMs and controls; spans cover them', () => {
  const r = withoutInvisibles('a\u200bb\u00ad\ufeffc\u0000d')

  expect(r.text).toBe('abcd')
  expect(r.original({ start: 0, end: 4 })).toEqual({ start: 0, end: 8 })
  expect(r.original({ start: 2, end: 3 })).toEqual({ start: 5, end: 6 })
})

test('keeps line breaks, tabs and spaces (they separate words)', () => {
  const text = 'a b\tc\nd\r\ne'

  expect(withoutInvisibles(text).text).toBe(text)
})

test('a token with a zero-width joiner between each letter is redacted whole', () => {
  const text = `t: ${[...T].join('\u200d')}.`

  expect(containsTokenLike(text)).toBe(true)
  expect(redactTokens(text)).toBe(
    `t: ${text.slice(3, 7)}…[${2 * T.length - 1} characters redacted].`
  )
})
