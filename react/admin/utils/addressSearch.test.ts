import { addressSearch } from './addressSearch'

const TOKEN = 'BHHPQWERTYZXCVBNMASDFGHJKLPOIUYTREWQAZXSWEDCVFRTGBNHYUJMKILOP'

describe('addressSearch', () => {
  it('keeps a search of labels, appKeys and e-mails', () => {
    for (const q of [
      'erp',
      'vtexappkey-acme-UZELQD',
      'ana@acme.com',
      'SAP BUSINESS ONE ORDERS SYNC',
    ])
      expect(addressSearch(q)).toBe(q)
  })

  it('keeps nothing for an empty search or one holding a token', () => {
    expect(addressSearch('')).toBeUndefined()
    expect(addressSearch(TOKEN)).toBeUndefined()
    expect(addressSearch(`token ${TOKEN} pasted`)).toBeUndefined()
  })
})
