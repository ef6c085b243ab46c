import { endSentence } from './endSentence'

describe('endSentence', () => {
  it('keeps one period after a value that ends with one', () => {
    expect(
      endSentence('primera ejecución 27 de nov de 2026, 06:00 a. m..')
    ).toBe('primera ejecución 27 de nov de 2026, 06:00 a. m.')
  })

  it('leaves other sentences and an ellipsis alone', () => {
    expect(endSentence('first run Nov 27, 2026, 06:00 AM.')).toBe(
      'first run Nov 27, 2026, 06:00 AM.'
    )
    expect(endSentence('Loading…')).toBe('Loading…')
    expect(endSentence('Wait...')).toBe('Wait...')
  })
})
