import React from 'react'
import { render, wait } from '@vtex/test-tools/react'

import { inventory, inventoryMock, UNKNOWN_ROLES } from '../testing/data'
import { setRouteParams } from '../testing/runtime'
import KeyDetailPage from './KeyDetailPage'

describe('KeyDetailPage', () => {
  it('shows a key’s roles with products, its findings with what to do, and its age', async () => {
    setRouteParams({ id: 'k-owner' })
    const { getAllByText, getByText, getByTestId, container } = render(
      <KeyDetailPage />,
      { graphql: { mocks: [inventoryMock()] } }
    )

    await wait(() => getByText('vtexappkey-acme-OWNERK', { selector: 'span' }))
    expect(getAllByText('Owner (Admin Super)').length).toBeGreaterThan(0)
    expect(getByText('License Manager')).toBeInTheDocument()
    expect(
      getByText(/grants every permission of the account/)
    ).toBeInTheDocument()
    expect(
      container.querySelector(
        '[data-rule="owner-role"] [data-severity="CRITICAL"]'
      )
    ).not.toBeNull()
    expect(getByTestId('key-age').textContent).toBe('56 days')
    expect(getByText('Back to API keys')).toBeInTheDocument()
  })

  it('never says "No problems found" for a key whose roles could not be read', async () => {
    setRouteParams({ id: 'k-unknown' })
    const { getByTestId, queryByText } = render(<KeyDetailPage />, {
      graphql: {
        mocks: [
          inventoryMock(
            inventory({
              keys: [UNKNOWN_ROLES],
              complete: false,
              missing: ['roles of one key'],
            })
          ),
        ],
      },
    })

    await wait(() => getByTestId('findings-unknown'))
    expect(queryByText('No problems found.')).toBeNull()
  })

  it('says so when the key does not exist', async () => {
    setRouteParams({ id: 'nope' })
    const { getByText } = render(<KeyDetailPage />, {
      graphql: { mocks: [inventoryMock()] },
    })

    await wait(() => getByText(/does not exist in this account/))
  })
})
