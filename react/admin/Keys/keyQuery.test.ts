import { DEFAULT_QUERY, parseKeyQuery } from './keyQuery'

describe('parseKeyQuery', () => {
  it('keeps a rule the policy has', () => {
    expect(parseKeyQuery('?rule=key-age-exceeded').rule).toBe(
      'key-age-exceeded'
    )
  })

  it('drops a rule the policy does not have: the list opens instead of an error', () => {
    // the service refuses an unknown rule (BAD_USER_INPUT), which left the page on "could not
    // load your data" with no filters to clear it
    expect(parseKeyQuery('?rule=no-such-rule&severity=high')).toEqual({
      ...DEFAULT_QUERY,
      severity: 'HIGH',
    })
  })
})
