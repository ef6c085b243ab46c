import { steady } from './steadyDocuments'

describe('steady', () => {
  it('gives the object first seen for a version, and the new one for a new version', () => {
    const first = { a: 1 }

    expect(steady('acme/annotations', 'e1', first)).toBe(first)
    expect(steady('acme/annotations', 'e1', { a: 1 })).toBe(first)
    const second = { a: 2 }

    expect(steady('acme/annotations', 'e2', second)).toBe(second)
    expect(steady('acme/annotations', 'e2', { a: 2 })).toBe(second)
  })

  it('keeps accounts and documents apart, and a missing document by its stand-in', () => {
    const mine = {}
    const theirs = {}

    expect(steady('acme/renewals', null, mine)).toBe(mine)
    expect(steady('other/renewals', null, theirs)).toBe(theirs)
    expect(steady('acme/renewals', null, {})).toBe(mine)
    expect(steady('acme/settings', null, theirs)).toBe(theirs)
  })
})
