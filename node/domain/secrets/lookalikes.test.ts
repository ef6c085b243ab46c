import { containsTokenLike } from '../secrets'
import { foldLookalikes } from './lookalikes'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
const SMALL = 'ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ'
/** capital → its small capital */
const foldBack: Record<string, string> = Object.fromEntries(
  [...SMALL].map((c, i) => ['ABCDEFGHIJKLMNOPQRSTUVWYZ'[i], c])
)

test('folds one for one: same length, the ASCII letter each draws', () => {
  const text = 'ＱⓌЕℛΤ ℂℍℕℙℚℝℤ ℬℰℱℋℐℒℳ ℭℌℑℜℨ ℯℊℴℎ'

  expect(foldLookalikes(text)).toBe('QWERT CHNPQRZ BEFHILM CHIRZ egoh')
  expect(foldLookalikes(text)).toHaveLength(text.length)
})

test('a token swapping in letter-like symbols (ℚ ℛ ℍ …) is refused', () => {
  const swapped = T.replace(/Q/g, 'ℚ').replace(/R/g, 'ℛ').replace(/H/g, 'ℍ')

  expect(containsTokenLike(swapped)).toBe(true)
})

test('folds parenthesized small letters and small capitals', () => {
  expect(foldLookalikes('⒬⒲⒠ ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ')).toBe(
    'qwe ABCDEFGHIJKLMNOPQRSTUVWYZ'
  )
})

test.each([
  [
    'small capitals',
    T.replace(/[A-Z]/g, (c) => foldBack[c] ?? c),
    // X has no small capital: a token keeps its X as it is
  ],
  [
    'parenthesized small letters',
    [...T.toLowerCase()]
      .map((c) => String.fromCharCode(0x249c + c.charCodeAt(0) - 97))
      .join(''),
  ],
])('a token in %s is refused', (_, text) => {
  expect(containsTokenLike(text)).toBe(true)
})

test('prose with letter-like symbols (℃, ℓ, №, ™) is not a token', () => {
  expect(
    containsTokenLike(
      'Armazém a 4 ℃, 2 ℓ por caixa, lote № 12, Marca™ registrada.'
    )
  ).toBe(false)
})
