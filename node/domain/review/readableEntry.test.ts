import { readableEntries, readableEntry } from './readableEntry'

const entry = {
  id: '2026-11-01-aaaa0001',
  startedAt: '2026-11-01T10:00:00.000Z',
  completedAt: '2026-11-01T12:00:00.000Z',
  signedBy: 'ana@acme.com',
  keys: 3,
}

describe('readableEntry', () => {
  it('reads an entry with every field the history row shows', () => {
    expect(readableEntry(entry)).toBe(true)
    expect(readableEntry({ ...entry, changesAsked: 2 })).toBe(true)
    // a damaged count of changes asked is read from the review itself (historyChangesAsked)
    expect(readableEntry({ ...entry, changesAsked: 'two' })).toBe(true)
  })

  it.each([
    ['no id', { ...entry, id: undefined }],
    ['an empty id', { ...entry, id: '' }],
    ['an id of another kind', { ...entry, id: 7 }],
    // attack12 #3: listed, then Open, Export and the Overview's latest review refused it as a bad id
    ['an id the app never makes', { ...entry, id: '../settings' }],
    ['an id in capitals', { ...entry, id: '2026-11-01-AAAA0001' }],
    ['no start', { ...entry, startedAt: null }],
    ['no sign-off time', { ...entry, completedAt: undefined }],
    ['a sign-off time that is no time', { ...entry, completedAt: 'yesterday' }],
    ['no signer', { ...entry, signedBy: undefined }],
    ['a signer of another kind', { ...entry, signedBy: { email: 'x' } }],
    ['no count of keys', { ...entry, keys: undefined }],
    ['a negative count of keys', { ...entry, keys: -1 }],
    ['a count of keys that is text', { ...entry, keys: '3' }],
    ['null', null],
    ['a number', 7],
    ['a list', [entry]],
  ])('does not read an entry with %s', (_, damaged) => {
    expect(readableEntry(damaged)).toBe(false)
  })
})

describe('readableEntries', () => {
  it('keeps the readable entries in order and counts the others', () => {
    const later = { ...entry, id: 'b', completedAt: '2026-11-02T12:00:00.000Z' }

    expect(
      readableEntries({ completed: [entry, { id: 'x' }, later, null] })
    ).toEqual({ readable: [entry, later], unreadable: 2 })
  })

  it('is empty for an index without a list', () => {
    for (const index of [null, undefined, {}, { completed: 'all' }])
      expect(readableEntries(index)).toEqual({ readable: [], unreadable: 0 })
  })
})
