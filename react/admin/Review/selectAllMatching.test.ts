// "Select all N matching keys" (the review's decisions, above the bulk bar): every plural form
// must read right, 0 included, although the button is hidden then (walk13 #5: pt's =0 read
// "Selecionar as 0 chaves do filtro").
import { createIntl } from 'react-intl'

import en from '../../../messages/en.json'
import es from '../../../messages/es.json'
import pt from '../../../messages/pt.json'

const ID = 'admin/key-steward.review.selectAllMatching'
const say = (locale: string, messages: Record<string, string>, count: number) =>
  createIntl({ locale, messages }).formatMessage({ id: ID }, { count })

describe('review.selectAllMatching', () => {
  it.each([
    [
      'en',
      en,
      [
        'No matching key to select',
        'Select the matching key',
        'Select all 2 matching keys',
      ],
    ],
    [
      'pt',
      pt,
      [
        'Nenhuma chave do filtro para selecionar',
        'Selecionar a chave do filtro',
        'Selecionar as 2 chaves do filtro',
      ],
    ],
    [
      'es',
      es,
      [
        'Ninguna clave del filtro para seleccionar',
        'Seleccionar la clave del filtro',
        'Seleccionar las 2 claves del filtro',
      ],
    ],
  ] as const)(
    'reads right at 0, 1 and 2 (%s)',
    (locale, messages, [zero, one, two]) => {
      expect(say(locale, messages, 0)).toBe(zero)
      expect(say(locale, messages, 1)).toBe(one)
      expect(say(locale, messages, 2)).toBe(two)
      // never "select 0 keys"
      expect(say(locale, messages, 0)).not.toMatch(/0/)
    }
  )
})
