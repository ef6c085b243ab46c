import { renamedTo } from './labelNow'

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
