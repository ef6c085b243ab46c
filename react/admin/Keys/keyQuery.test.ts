import {
  DEFAULT_QUERY,
  keyListVariables,
  keyQueryString,
  MAX_LINK_IDS,
  parseKeyQuery,
} from './keyQuery'

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

  // attack11: GraphQL's Int holds 32 bits; a larger page or role id typed in the address was
  // refused before the service ("Variable $page got invalid value") and the page did not load
  it('drops a page or role GraphQL cannot carry: the list opens instead of an error', () => {
    expect(
      parseKeyQuery('?page=10000000000&role=99999999999&named=1e30')
    ).toEqual(DEFAULT_QUERY)
    expect(parseKeyQuery('?page=2147483647&role=2147483647')).toEqual({
      ...DEFAULT_QUERY,
      page: 2147483647,
      roleId: 2147483647,
    })
  })
})

describe('keys picked by a link', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`)

  it('keeps how many keys a cut ?ids= list named, through the rewritten URL too', () => {
    const q = parseKeyQuery(`?ids=${ids(1244).join(',')}`)

    expect(q.ids).toHaveLength(MAX_LINK_IDS)
    expect(q.idsNamed).toBe(1244)
    // the page rewrites its URL from the view: the cut list says how many it came from
    const again = parseKeyQuery(keyQueryString(q))

    expect(again.ids).toHaveLength(MAX_LINK_IDS)
    expect(again.idsNamed).toBe(1244)
    expect(parseKeyQuery('?ids=a,b').idsNamed).toBe(2)
    // a hand-edited count on a list that was not cut claims nothing
    expect(parseKeyQuery('?ids=a&named=99999999').idsNamed).toBe(1)
  })

  it("opens on a review's evidence line or a reminder, which the service works out", () => {
    const q = parseKeyQuery('?evidence=activeWithinRotation&review=r-1')

    expect(q).toMatchObject({ evidence: 'activeWithinRotation', review: 'r-1' })
    expect(keyListVariables(q)).toMatchObject({
      evidence: 'activeWithinRotation',
      review: 'r-1',
      reminder: null,
      ids: null,
    })
    expect(keyQueryString(q)).toBe('?evidence=activeWithinRotation&review=r-1')
    // a review alone names no keys
    expect(parseKeyQuery('?review=r-1').review).toBe('')
    expect(
      keyListVariables(parseKeyQuery('?reminder=KEYS_CROSSED_ROTATION'))
    ).toMatchObject({ reminder: 'KEYS_CROSSED_ROTATION', evidence: null })
    expect(parseKeyQuery('?reminder=REVIEW_OVERDUE').reminder).toBe('')
  })
})
