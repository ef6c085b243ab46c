import { addressSearch } from './addressSearch'

const TOKEN = 'BHHPQWERTYZXCVBNMASDFGHJKLPOIUYTREWQAZXSWEDCVFRTGBNHYUJMKILOP'

describe('addressSearch', () => {
  it('keeps a search of labels, appKeys and e-mails', () => {
    for (const q of [
      'erp',
      'vtexappkey-acme-UZELQD',
      'ana@acme.com',
      'SAP BUSINESS ONE ORDERS SYNC',
      'INTEGRATIONSYNC',
      'internationalization',
      'Tracking updates (Intelipost) #1',
      'vtexappkey-mystorename-integration-ABCDEF',
    ])
      expect(addressSearch(q)).toBe(q)
  })

  it('keeps nothing for an empty search or one holding a token', () => {
    expect(addressSearch('')).toBeUndefined()
    expect(addressSearch(TOKEN)).toBeUndefined()
    expect(addressSearch(`token ${TOKEN} pasted`)).toBeUndefined()
  })

  // attack12: deleting a pasted token letter by letter wrote its first 31 capitals to the address
  it('keeps out what is left of a token deleted letter by letter, down to 16 capitals', () => {
    for (let n = TOKEN.length; n >= 16; n--)
      expect(addressSearch(TOKEN.slice(0, n))).toBeUndefined()
    expect(addressSearch(`erp ${TOKEN.slice(0, 16)}`)).toBeUndefined()
    expect(addressSearch(TOKEN.slice(0, 15))).toBe(TOKEN.slice(0, 15))
  })

  // attack13 #7: a token typed in lower case, or with its case mixed, reached the address
  it('keeps out 32 letters of any case in a row', () => {
    expect(addressSearch(TOKEN.toLowerCase())).toBeUndefined()
    expect(
      addressSearch(`erp ${TOKEN.slice(0, 32).toLowerCase()}`)
    ).toBeUndefined()
    const mixed = 'bHhPqWeRtYzXcVbNmAsDfGhJkLpOiUyT'

    expect(addressSearch(mixed)).toBeUndefined()
    expect(addressSearch(mixed.slice(0, 31))).toBe(mixed.slice(0, 31))
  })
})
