import { parseUserQuery, userQueryParams } from '../Users/userQuery'
import { addressOf, viewToFollow } from './addressView'

describe('a navigation to the same page with another query', () => {
  const written = addressOf(
    userQueryParams({ search: 'ana', page: 2, pageSize: 25 })
  )

  it('is followed when it names another view than the page wrote', () => {
    expect(viewToFollow({}, written, parseUserQuery, userQueryParams)).toEqual({
      search: '',
      page: 1,
      pageSize: 100,
    })
    expect(
      viewToFollow({ q: 'bruno' }, written, parseUserQuery, userQueryParams)
    ).toEqual({ search: 'bruno', page: 1, pageSize: 100 })
  })
  it('is left alone when it is the page’s own write (the shell’s session and locale aside)', () => {
    expect(
      viewToFollow(
        { q: 'ana', page: '2', size: '25', session: 's', locale: 'pt' },
        written,
        parseUserQuery,
        userQueryParams
      )
    ).toBeNull()
    // no runtime query, or nothing written yet: nothing to follow
    expect(
      viewToFollow(undefined, written, parseUserQuery, userQueryParams)
    ).toBeNull()
    expect(viewToFollow({}, null, parseUserQuery, userQueryParams)).toBeNull()
  })
})
