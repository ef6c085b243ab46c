import { copyIsOld, copyIsRead, copyIsStale } from './staleCopies'

const KEY_DETAIL = 'KeyStewardKeyDetail'

describe('cached copies older than a change', () => {
  it('stay old for every view but the one read since (another key’s read does not make this key’s copy new)', () => {
    const client = {}

    // key A changed, its re-read failed: every key's copy is older than the change
    copyIsOld(client, KEY_DETAIL)
    expect(copyIsStale(client, KEY_DETAIL, { id: 'A' })).toBe(true)
    expect(copyIsStale(client, KEY_DETAIL, { id: 'B' })).toBe(true)

    // key B's page asked the service: B's copy is new, A's is still the one from before
    copyIsRead(client, KEY_DETAIL, { id: 'B' })
    expect(copyIsStale(client, KEY_DETAIL, { id: 'B' })).toBe(false)
    expect(copyIsStale(client, KEY_DETAIL, { id: 'A' })).toBe(true)

    copyIsRead(client, KEY_DETAIL, { id: 'A' })
    expect(copyIsStale(client, KEY_DETAIL, { id: 'A' })).toBe(false)

    // a later change makes them all old again, B's earlier read included
    copyIsOld(client, KEY_DETAIL)
    expect(copyIsStale(client, KEY_DETAIL, { id: 'B' })).toBe(true)
  })

  it('reads variables whatever their keys’ order, and a query without variables as one view', () => {
    const client = {}

    copyIsOld(client, 'KeyStewardOverview')
    copyIsRead(client, 'KeyStewardOverview', { b: 1, a: 2 })
    expect(copyIsStale(client, 'KeyStewardOverview', { a: 2, b: 1 })).toBe(
      false
    )
    copyIsOld(client, 'KeyStewardSettings')
    copyIsRead(client, 'KeyStewardSettings', undefined)
    expect(copyIsStale(client, 'KeyStewardSettings', {})).toBe(false)
    expect(copyIsStale({}, 'KeyStewardSettings')).toBe(false)
  })
})
