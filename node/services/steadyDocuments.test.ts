import { steady, steadyFrom } from './steadyDocuments'

describe('steady', () => {
  it('gives the object first seen for a version, and the new one for a new version', () => {
    const first = { a: 1 }

    expect(steady('acme/annotations', 'e1', first)).toBe(first)
    expect(steady('acme/annotations', 'e1', { a: 1 })).toBe(first)
    const second = { a: 2 }

    expect(steady('acme/annotations', 'e2', second)).toBe(second)
    expect(steady('acme/annotations', 'e2', { a: 2 })).toBe(second)
  })

  it('keeps accounts, workspaces and documents apart', () => {
    const mine = { a: 1 }
    const theirs = { a: 1 }

    expect(steady('acme/master/renewals', 'e1', mine)).toBe(mine)
    expect(steady('other/master/renewals', 'e1', theirs)).toBe(theirs)
    expect(steady('acme/dev/renewals', 'e1', theirs)).toBe(theirs)
    expect(steady('acme/master/renewals', 'e1', {})).toBe(mine)
  })

  it('keeps nothing without an ETag (a missing document, or one answered without)', () => {
    const first = { a: 1 }
    const second = { a: 2 }

    expect(steady('acme/master/settings', null, first)).toBe(first)
    expect(steady('acme/master/settings', null, second)).toBe(second)
  })
})

describe('steadyFrom', () => {
  it('makes the value once per version, and every time without one', () => {
    const make = jest.fn(() => ({ made: true }))
    const first = steadyFrom('acme/master/settings', 'e1', make)

    expect(steadyFrom('acme/master/settings', 'e1', make)).toBe(first)
    expect(make).toHaveBeenCalledTimes(1)
    expect(steadyFrom('acme/master/settings', 'e2', make)).not.toBe(first)
    expect(make).toHaveBeenCalledTimes(2)
    steadyFrom('acme/master/settings', null, make)
    steadyFrom('acme/master/settings', null, make)
    expect(make).toHaveBeenCalledTimes(4)
  })
})
