import { MAX_SEARCH_LENGTH, withinSearchLimit } from './searchLimit'

describe('the longest search the service answers', () => {
  it('keeps a search up to the limit and cuts a longer one there', () => {
    expect(MAX_SEARCH_LENGTH).toBe(200)
    expect(withinSearchLimit('acme')).toBe('acme')
    expect(withinSearchLimit('a'.repeat(200))).toHaveLength(200)
    expect(withinSearchLimit('a'.repeat(250))).toHaveLength(200)
  })
})
