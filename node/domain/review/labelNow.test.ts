import { labelsOfOnly, nameNow, renamedTo } from './labelNow'

describe('renamedTo', () => {
  it.each([
    ['ERP sync', 'ERP orders sync', 'ERP orders sync'],
    ['ERP sync', 'ERP sync', null],
    // a key removed from the account, or VTEX not readable now: nothing to say
    ['ERP sync', undefined, null],
    ['ERP sync', null, null],
    // a label cleared in VTEX is a rename too (the page then names the appKey)
    ['ERP sync', '', ''],
    ['', 'Feed sync', 'Feed sync'],
    // letter case is a rename VTEX shows
    ['erp sync', 'ERP sync', 'ERP sync'],
  ])('%j now %j → %j', (atStart, now, expected) => {
    expect(renamedTo(atStart, now)).toBe(expected)
  })
})

describe('nameNow', () => {
  const key = { id: 'k1', label: 'ERP sync', appKey: 'vtexappkey-acme-ERP' }
  const labelsNow = new Map([['k1', 'ERP orders sync (Bling)']])

  it('names a key by its label now, the label at start when unknown, the appKey when empty', () => {
    expect(nameNow(key, labelsNow)).toBe('ERP orders sync (Bling)')
    expect(nameNow(key, null)).toBe('ERP sync')
    expect(nameNow(key, new Map())).toBe('ERP sync')
    expect(nameNow(key, new Map([['k1', '']]))).toBe('vtexappkey-acme-ERP')
    expect(nameNow({ ...key, label: '' }, null)).toBe('vtexappkey-acme-ERP')
  })

  it('keeps an external key by its account (its label), whatever a label by its id says', () => {
    expect(
      nameNow({ ...key, external: { account: 'partner' } }, labelsNow)
    ).toBe('ERP sync')
  })
})

describe('labelsOfOnly', () => {
  const keys = Array.from({ length: 5000 }, (_, i) => ({
    id: `k${i}`,
    label: `Key ${i}`,
  }))

  it('holds the labels now of the keys asked only (a decision names one key, not 5,000)', () => {
    const one = labelsOfOnly(keys, ['k4321'])

    expect([...one]).toEqual([['k4321', 'Key 4321']])
    // names the key asked as the full map would
    const key = { id: 'k4321', label: 'old', appKey: 'vtexappkey-acme-K' }

    expect(nameNow(key, one)).toBe(
      nameNow(key, new Map(keys.map((k) => [k.id, k.label])))
    )
    // a key gone from the account: nothing known, the label at start is used
    expect(labelsOfOnly(keys, ['gone']).size).toBe(0)
    expect(labelsOfOnly(keys, ['k1', 'k2']).size).toBe(2)
  })
})
