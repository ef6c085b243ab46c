import React from 'react'
import { render, waitFor } from '@vtex/test-tools/react'

import KEY_DETAIL from '../graphql/keyDetail.gql'
import {
  errorMock,
  inventory,
  keyDetailMock,
  UNKNOWN_ROLES,
} from '../testing/data'
import { setRouteParams } from '../testing/runtime'
import KeyDetailPage from './KeyDetailPage'

describe('KeyDetailPage', () => {
  it('shows a key’s roles with products, its findings with what to do, and its age', async () => {
    setRouteParams({ id: 'k-owner' })
    const { getAllByText, getByText, getByTestId, queryByText, container } =
      render(<KeyDetailPage />, {
        graphql: { mocks: [keyDetailMock('k-owner')] },
      })

    await waitFor(() =>
      getByText('vtexappkey-acme-OWNERK', { selector: 'span' })
    )
    expect(getAllByText('Owner (Admin Super)').length).toBeGreaterThan(0)
    // Owner grants every resource: not the narrow product list VTEX gives for it (walk 10)
    expect(
      getByText('Every product (VTEX flags this role as admin)')
    ).toBeInTheDocument()
    expect(queryByText('License Manager')).toBeNull()
    expect(
      getByText(/grants every permission of the account/)
    ).toBeInTheDocument()
    expect(
      container.querySelector(
        '[data-rule="owner-role"] [data-severity="CRITICAL"]'
      )
    ).not.toBeNull()
    expect(getByTestId('key-age').textContent).toBe('56 days')
    // dates as every other page writes them: the day not padded (walk 11 #9, "07 de noviembre")
    expect(container.textContent).toContain('October 1, 2026')
    expect(container.textContent).not.toContain('October 01')
    expect(getByText('Back to API keys')).toBeInTheDocument()
  })

  it('never says "No problems found" for a key whose roles could not be read, and says what is missing', async () => {
    setRouteParams({ id: 'k-unknown' })
    const { getByTestId, getByText, queryByText } = render(<KeyDetailPage />, {
      graphql: {
        mocks: [
          keyDetailMock(
            'k-unknown',
            inventory({
              keys: [UNKNOWN_ROLES],
              complete: false,
              missing: ['roles of one key'],
            })
          ),
        ],
      },
    })

    await waitFor(() => getByTestId('findings-unknown'))
    expect(queryByText('No problems found.')).toBeNull()
    expect(getByText(/roles of one key/)).toBeInTheDocument()
  })

  it('says how old the recent copy it shows is', async () => {
    setRouteParams({ id: 'k-owner' })
    const { container, getByText } = render(<KeyDetailPage />, {
      graphql: {
        mocks: [
          keyDetailMock('k-owner', inventory(), {
            source: 'RECENT',
            ageSeconds: 300,
          }),
        ],
      },
    })

    await waitFor(() =>
      getByText('vtexappkey-acme-OWNERK', { selector: 'span' })
    )
    const banner = container.querySelector('[data-source="RECENT"]')

    expect(banner).not.toBeNull()
    expect(banner!.getAttribute('data-age-seconds')).toBe('300')
  })

  it.each([
    ['en', 'This key no longer exists in this account, or never did.'],
    ['pt', 'Esta chave não existe mais nesta conta, ou nunca existiu.'],
    ['es', 'Esta clave ya no existe en esta cuenta, o nunca existió.'],
  ])(
    'says so when the key does not exist, in words without brackets (walk14 #11, %s)',
    async (locale, said) => {
      setRouteParams({ id: 'nope' })
      const { getByText } = render(<KeyDetailPage />, {
        graphql: { mocks: [keyDetailMock('nope')] },
        locale,
      })

      await waitFor(() => getByText(said))
    }
  )

  it('says the key does not exist for an id the service refuses as no key id', async () => {
    setRouteParams({ id: 'not a key!' })
    const refused = errorMock(
      KEY_DETAIL,
      'BAD_USER_INPUT',
      'Not an API key id.',
      { fields: [{ field: 'id', message: 'Not an API key id.' }] }
    )

    const { getByText } = render(<KeyDetailPage />, {
      graphql: {
        mocks: [
          {
            ...refused,
            request: { ...refused.request, variables: { id: 'not a key!' } },
          },
        ],
      },
    })

    await waitFor(() => getByText(/no longer exists in this account/))
  })
})
