import { groupResources, joinNames, lacksSaveUser } from './resourceGroups'

const and = (rest: string, last: string) => `${rest} and ${last}`

describe('groupResources', () => {
  it('puts the legacy resources one newer resource replaces together, once', () => {
    const groups = groupResources([
      ['Find user by email', 'View Admin Users'],
      ['Get paged roles', 'View Admin Users'],
      ['Get paged users', 'View Admin Users'],
      ['Save user', 'Edit Admin Users'],
    ])

    expect(groups).toEqual([
      {
        names: ['Find user by email', 'Get paged roles', 'Get paged users'],
        newer: ['View Admin Users'],
      },
      { names: ['Save user'], newer: ['Edit Admin Users'] },
    ])
    expect(lacksSaveUser(groups)).toBe(true)
    expect(joinNames(groups[0].names, and)).toBe(
      'Find user by email, Get paged roles and Get paged users'
    )
  })

  it('keeps a resource with no newer equivalent on its own', () => {
    const groups = groupResources([
      ['Renew API Token'],
      ['Save user', 'Edit Admin Users'],
    ])

    expect(groups.map((g) => g.names)).toEqual([
      ['Renew API Token'],
      ['Save user'],
    ])
    expect(groups[0].newer).toEqual([])
    expect(
      lacksSaveUser(groupResources([['Get paged users', 'View Admin Users']]))
    ).toBe(false)
  })

  it('joins one name as itself and two with "and"', () => {
    expect(joinNames(['Save user'], and)).toBe('Save user')
    expect(joinNames(['a', 'b'], and)).toBe('a and b')
    expect(joinNames([], and)).toBe('')
  })
})
