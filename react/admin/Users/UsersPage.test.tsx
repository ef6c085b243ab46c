import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import { inventory, LIVE_META, userListMock } from '../testing/data'
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
      getByText(
        '1 active user holds Owner (Admin Super); the limit is 3 (Settings).'
      )
    ).toBeInTheDocument()
    expect(getByText('1–2 of 2')).toBeInTheDocument()
  })

  it('says the Owner limit when it is passed, and "No problems" for a user with none (as keys do)', async () => {
    const [ana, diego] = inventory().users
    const flagged = {
      ...ana,
      findings: [
        {
          rule: 'user-owner-role',
          severity: 'MEDIUM' as const,
          message: 'ana@acme.com is one of 5 users holding Owner',
        },
      ],
    }

    const unknown = {
      ...diego,
      id: 'u-unknown',
      email: 'x@acme.com',
      rolesKnown: false,
      roles: [],
      findings: [],
    }

    const { getAllByRole, getByText } = render(<UsersPage />, {
      graphql: {
        mocks: [
          userListMock({
            rows: [flagged, { ...diego, findings: [] }, unknown],
            total: 3,
            allTotal: 3,
            ownerCount: 5,
            maxOwnerUsers: 3,
          }),
        ],
      },
    })

    await waitFor(() => getByText('ana@acme.com'))
    expect(
      getByText(
        '5 active users hold Owner (Admin Super); the limit is 3 (Settings), so each is flagged.'
      )
    ).toBeInTheDocument()
    const cells = getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('[data-findings]')!.textContent)

    expect(cells[0]).not.toContain('No problems')
    expect(cells[1]).toBe('No problems')
    // roles not read: its findings are unknown, never "No problems"
    expect(cells[2]).toBe('')
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

  it.each([
    ['en', '1–100 of 1,500', 'Page 1 of 15'],
    ['pt', '1–100 de 1.500', 'Página 1 de 15'],
  ])(
    '(%s) pages through thousands of users with numbers as the language writes them',
    async (locale, range, page) => {
      const [ana, diego] = inventory().users
      const { getByText } = render(<UsersPage />, {
        graphql: {
          mocks: [
            userListMock({
              rows: [ana, diego],
              total: 1500,
              allTotal: 1500,
              pages: 15,
              ownerCount: 1,
            }),
          ],
        },
        locale,
      })

      await waitFor(() => getByText(range))
      expect(getByText(page)).toBeInTheDocument()
    }
  )

  it.each([
    [
      'en',
      'The admin user list could not be read',
      'Load live data',
      '0 active users',
    ],
    [
      'pt',
      'Não foi possível ler a lista de usuários administradores',
      'Carregar dados ao vivo',
      '0 usuários',
    ],
    [
      'es',
      'No se pudo leer la lista de usuarios administradores',
      'Cargar datos en vivo',
      '0 usuarios',
    ],
  ])(
    '(%s) when the admin user list could not be read, says so with Load live data, never "0 users hold Owner" or "0–0 of 0"',
    async (locale, title, live, zero) => {
      const unknown = {
        ...LIVE_META,
        complete: false,
        missing: ['the admin user list (HTTP 503 after 4 attempts)'],
        usersKnown: false,
      }

      const known = { ...LIVE_META, usersKnown: true }
      const [ana, diego] = inventory().users
      const mocks = [
        userListMock({ inventory: unknown }),
        userListMock(
          {
            rows: [ana, diego],
            total: 2,
            allTotal: 2,
            ownerCount: 1,
            inventory: known,
          },
          { live: true }
        ),
      ]

      const { getByText, getByTestId, getAllByText, container, queryByRole } =
        render(<UsersPage />, { graphql: { mocks }, locale })

      await waitFor(() => getByText(title))
      const text = container.textContent!

      expect(text).not.toContain(zero)
      expect(text).not.toMatch(/0–0/)
      expect(queryByRole('table')).toBeNull()
      expect(queryByRole('search')).toBeNull()
      // the banner still names the failure; the one Load live data is the state's
      expect(text).toContain('the admin user list (HTTP 503 after 4 attempts)')
      expect(getAllByText(live)).toHaveLength(1)
      fireEvent.click(getByTestId('users-unknown').querySelector('button')!)
      await waitFor(() => getByText('ana@acme.com'))
      expect(queryByRole('table')).not.toBeNull()
    }
  )
})
