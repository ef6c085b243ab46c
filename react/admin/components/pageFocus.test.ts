import { focusHeadingAt, takeHeadingFocus } from './pageFocus'

describe('pageFocus', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/admin/app/key-steward/keys')
    takeHeadingFocus()
  })

  it('hands the focus once to the page a link led to', () => {
    focusHeadingAt('/admin/app/key-steward/keys/k-1')
    // the old page, still shown while the new one loads, does not take it
    expect(takeHeadingFocus()).toBe(false)
    window.history.replaceState(null, '', '/admin/app/key-steward/keys/k-1')
    expect(takeHeadingFocus()).toBe(true)
    expect(takeHeadingFocus()).toBe(false)
  })

  it('matches the path whatever the query string (a list opened with filters)', () => {
    focusHeadingAt('/admin/app/key-steward/keys?q=erp&page=2')
    expect(takeHeadingFocus()).toBe(true)
  })

  it('without a link, the page keeps the browser’s focus', () => {
    expect(takeHeadingFocus()).toBe(false)
  })
})
