import gql from 'graphql-tag'

import { createRereadRegistry, operationName } from './rereadRegistry'

const COUNT = gql`
  query Count($filter: String) {
    count(filter: $filter)
  }
`

const OTHER = gql`
  query Other {
    other
  }
`

describe('rereadRegistry', () => {
  it('names a document by its operation', () => {
    expect(operationName(COUNT)).toBe('Count')
  })

  it('lists the queries of a name on screen, each variables once, until removed', () => {
    const registry = createRereadRegistry()
    const a = { current: { query: COUNT, variables: { filter: 'a' } } }
    const removeA = registry.add(a)

    registry.add({ current: { query: COUNT, variables: { filter: 'b' } } })
    registry.add({ current: { query: COUNT, variables: { filter: 'a' } } })
    registry.add({ current: { query: OTHER } })

    expect(registry.named('Count').map((r) => r.variables)).toEqual([
      { filter: 'a' },
      { filter: 'b' },
    ])
    // a component's variables as it asks now (a new page, a new filter)
    a.current = { query: COUNT, variables: { filter: 'c' } }
    expect(registry.named('Count').map((r) => r.variables)).toEqual([
      { filter: 'c' },
      { filter: 'b' },
      { filter: 'a' },
    ])
    removeA()
    expect(registry.named('Count').map((r) => r.variables)).toEqual([
      { filter: 'b' },
      { filter: 'a' },
    ])
    expect(registry.named('Other')).toHaveLength(1)
    expect(registry.named('Nothing')).toEqual([])
  })
})
