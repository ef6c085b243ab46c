import React from 'react'
import { render, wait } from '@vtex/test-tools/react'

import { inventory, inventoryMock } from '../testing/data'
import UsersPage from './UsersPage'

describe('UsersPage', () => {
  it('lists who holds which roles, Owner holders first and highlighted', async () => {
    const inv = inventory()
    inv.users.reverse()
    const { getAllByRole, getByText } = render(<UsersPage />, { graphql: { mocks: [inventoryMock(inv)] } })
    await wait(() => getByText('ana@acme.com'))
    const rows = getAllByRole('row').slice(1)
    expect(rows[0].textContent).toContain('ana@acme.com')
    expect(rows[0].getAttribute('data-owner')).toBe('true')
    expect(rows[1].getAttribute('data-owner')).toBe('false')
    expect(getByText('1 active user holds Owner (Admin Super).')).toBeInTheDocument()
  })
})
