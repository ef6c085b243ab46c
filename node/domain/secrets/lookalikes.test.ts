import { containsTokenLike } from '../secrets'
import { foldLookalikes } from './lookalikes'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)

test('folds one for one: same length, the ASCII letter each draws', () => {
  const text = 'ＱⓌЕℛΤ ℂℍℕℙℚℝℤ ℬℰℱℋℐℒℳ ℭℌℑℜℨ ℯℊℴℎ'

  expect(foldLookalikes(text)).toBe('QWERT CHNPQRZ BEFHILM CHIRZ egoh')
  expect(foldLookalikes(text)).toHaveLength(text.length)
})

test('a token swapping in letter-like symbols (ℚ ℛ ℍ …) is refused', () => {
  const swapped = T.replace(/Q/g, 'ℚ').replace(/R/g, 'ℛ').replace(/H/g, 'ℍ')

  expect(containsTokenLike(swapped)).toBe(true)
})

test('prose with letter-like symbols (℃, ℓ, №, ™) is not a token', () => {
  expect(
    containsTokenLike(
      'Armazém a 4 ℃, 2 ℓ por caixa, lote № 12, Marca™ registrada.'
    )
  ).toBe(false)
})
