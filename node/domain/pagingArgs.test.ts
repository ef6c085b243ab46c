import { wholeNumberProblem } from './pagingArgs'

describe('wholeNumberProblem: paging arguments are refused, not clamped', () => {
  it('takes an absent value (the default) and whole numbers in range', () => {
    expect(wholeNumberProblem('limit', undefined, 1, 200)).toBeNull()
    expect(wholeNumberProblem('limit', null, 1, 200)).toBeNull()
    expect(wholeNumberProblem('limit', 1, 1, 200)).toBeNull()
    expect(wholeNumberProblem('limit', 200, 1, 200)).toBeNull()
    expect(wholeNumberProblem('offset', 0, 0)).toBeNull()
    expect(wholeNumberProblem('offset', 10_000, 0)).toBeNull()
  })

  it.each([-5, 0, 1.5, 201, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses limit %p, naming its range',
    (limit) => {
      expect(wholeNumberProblem('limit', limit, 1, 200)).toEqual({
        id: 'validation.range',
        values: { field: 'limit', min: 1, max: 200 },
      })
    }
  )

  it.each([-1, 0.5, Number.NaN])(
    'refuses offset %p, naming its minimum',
    (o) => {
      expect(wholeNumberProblem('offset', o, 0)).toEqual({
        id: 'validation.wholeFrom',
        values: { field: 'offset', min: 0 },
      })
    }
  )
})
