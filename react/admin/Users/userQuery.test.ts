import { parseUserQuery, userQueryParams } from './userQuery'

describe('the Users and roles view in the URL', () => {
  it('reads back what it writes', () => {
    const view = { search: 'owner', page: 3, pageSize: 250 }
    const params = userQueryParams(view)
    const search = new URLSearchParams(
      Object.entries(params).filter(([, v]) => v) as string[][]
    ).toString()

    expect(search).toBe('q=owner&page=3&size=250')
    expect(parseUserQuery(`?${search}`)).toEqual(view)
  })
  it('writes nothing for the default view, and falls back to it for anything unknown', () => {
    expect(userQueryParams(parseUserQuery(''))).toEqual({
      q: undefined,
      page: undefined,
      size: undefined,
    })
    expect(parseUserQuery('?page=-2&size=7&q=')).toEqual({
      search: '',
      page: 1,
      pageSize: 100,
    })
    expect(parseUserQuery(`?q=${'a'.repeat(300)}`).search).toHaveLength(200)
  })
  // attack11: GraphQL's Int holds 32 bits; a larger page was refused before the service and the
  // whole page could not load
  it('falls back to the first page for one GraphQL cannot carry', () => {
    expect(parseUserQuery('?page=10000000000').page).toBe(1)
    expect(parseUserQuery('?page=2147483648&size=25')).toEqual({
      search: '',
      page: 1,
      pageSize: 25,
    })
    expect(parseUserQuery('?page=2147483647').page).toBe(2147483647)
  })
  // attack11: a pasted token is searched but not written to the address (browser history)
  it('keeps a search holding a token out of the address', () => {
    const token = 'Q'.repeat(8) + 'WERTYZXCVBNMASDFGHJKLPOIUYTREWQAZX'

    expect(userQueryParams({ search: token, page: 2, pageSize: 100 })).toEqual({
      q: undefined,
      page: '2',
      size: undefined,
    })
    expect(userQueryParams({ search: 'ana', page: 1, pageSize: 100 }).q).toBe(
      'ana'
    )
    // attack12: deleting the token letter by letter, what is left stays out down to 16 capitals
    for (const left of [31, 20, 16])
      expect(
        userQueryParams({
          search: token.slice(0, left),
          page: 1,
          pageSize: 100,
        }).q
      ).toBeUndefined()
  })
})
