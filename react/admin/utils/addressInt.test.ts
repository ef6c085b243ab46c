import { MAX_GRAPHQL_INT, positiveAddressInt } from './addressInt'

describe('a whole number from the address', () => {
  it('reads 1 up to the largest GraphQL Int', () => {
    expect(positiveAddressInt('1')).toBe(1)
    expect(positiveAddressInt('250')).toBe(250)
    expect(positiveAddressInt(String(MAX_GRAPHQL_INT))).toBe(MAX_GRAPHQL_INT)
  })
  it.each([
    [null],
    [''],
    ['0'],
    ['-3'],
    ['2.5'],
    ['NaN'],
    ['Infinity'],
    ['abc'],
    // GraphQL refuses these as Int: the page would not load at all
    [String(MAX_GRAPHQL_INT + 1)],
    ['10000000000'],
    ['1e30'],
  ])('gives none for %p', (value) => {
    expect(positiveAddressInt(value)).toBeNull()
  })
})
