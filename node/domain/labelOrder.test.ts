import { compareLabels } from './labelOrder'

describe('compareLabels', () => {
  it('compares numbers in labels as numbers, case and accents aside', () => {
    expect(
      [
        'Orders sync #1010',
        'orders sync #124',
        'Orders sync #2',
        'Ação #1',
      ].sort(compareLabels)
    ).toEqual([
      'Ação #1',
      'Orders sync #2',
      'orders sync #124',
      'Orders sync #1010',
    ])
    expect(compareLabels('Teste', 'teste')).toBe(0)
  })
})
