import React from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'

import { navigations } from '../testing/runtime'
import { adminHref } from '../utils/adminHref'
import Link from './Link'

describe('Link', () => {
  it('links to the Admin URL and navigates to the app route inside the frame', () => {
    const { getByText } = render(
      <Link to="/admin/app/key-steward/keys/k1">ERP sync</Link>
    )

    const a = getByText('ERP sync').closest('a')!

    expect(a.getAttribute('href')).toBe('/admin/key-steward/keys/k1')
    const before = navigations().length

    fireEvent.click(a)
    expect(navigations().slice(before)).toEqual([
      '/admin/app/key-steward/keys/k1',
    ])
  })

  it('leaves modified clicks (new tab) to the browser', () => {
    const { getByText } = render(
      <Link to="/admin/app/key-steward/users">Users</Link>
    )

    const before = navigations().length

    fireEvent.click(getByText('Users'), { ctrlKey: true })
    expect(navigations()).toHaveLength(before)
  })
})

describe('adminHref', () => {
  it.each([
    ['/admin/app/key-steward', '/admin/key-steward'],
    ['/admin/app/key-steward/review', '/admin/key-steward/review'],
    ['/admin/apps', '/admin/apps'],
    ['https://example.com/x', 'https://example.com/x'],
  ])('%s → %s', (to, href) => expect(adminHref(to)).toBe(href))
})
