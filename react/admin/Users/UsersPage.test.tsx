import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import { inventory, userListMock } from '../testing/data'
import UsersPage from './UsersPage'

describe('UsersPage', () => {
  it('lists the page of users the service sent, Owner holders highlighted, with the owner count', async () => {
    const { users } = inventory()
    const { getAllByRole, getByText } = render(<UsersPage />, {
      graphql: {
        mocks: [
          userListMock({ rows: users, total: 2, allTotal: 2, ownerCount: 1 }),
        ],
      },
    })

    await waitFor(() => getByText('ana@acme.com'))
    const rows = getAllByRole('row').slice(1)

    expect(rows[0].textContent).toContain('ana@acme.com')
    expect(rows[0].getAttribute('data-owner')).toBe('true')
    expect(rows[1].getAttribute('data-owner')).toBe('false')
    expect(
      getByText('1 active user holds Owner (Admin Super).')
    ).toBeInTheDocument()
    expect(getByText('1–2 of 2')).toBeInTheDocument()
  })

  it('searches on the server after a pause in typing and pages', async () => {
    const [ana, diego] = inventory().users
    const mocks = [
      userListMock({
        rows: [ana, diego],
        total: 150,
        allTotal: 150,
        pages: 2,
        ownerCount: 1,
      }),
      userListMock(
        { rows: [diego], total: 1, allTotal: 150, ownerCount: 1 },
        { search: 'diego' }
      ),
    ]

    const { getByText, getByLabelText, queryByText } = render(<UsersPage />, {
      graphql: { mocks },
    })

    await waitFor(() => getByText('1–100 of 150'))
    fireEvent.change(getByLabelText('Search users'), {
      target: { value: 'diego' },
    })
    await waitFor(() => expect(queryByText('ana@acme.com')).toBeNull())
    expect(getByText('diego@acme.com')).toBeInTheDocument()
  })
})
