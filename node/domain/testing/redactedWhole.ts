// A token written in letters of another style (surrogate pairs: 2 units a letter) is refused, and
// redaction keeps its first 4 letters, not 4 UTF-16 units, and cuts all 128 of them.
import { containsTokenLike, redactTokens } from '../secrets'

export function expectRefusedAndRedactedWhole(token: string) {
  const text = `token: ${token} (rotated)`

  expect(containsTokenLike(text)).toBe(true)
  expect(redactTokens(text)).toBe(
    `token: ${[...token]
      .slice(0, 4)
      .join('')}…[128 characters redacted] (rotated)`
  )
}
