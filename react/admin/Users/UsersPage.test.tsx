import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import { inventory, LIVE_META, userListMock } from '../testing/data'
import { setRuntimeQuery } from '../testing/runtime'
import UsersPage from './UsersPage'

describe('UsersPage', () => {
  // the page writes its view in the URL; each test starts from the default one
  beforeEach(() => {
    window.history.replaceState(null, '', '/admin/app/key-steward/users')
  })

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

  // The role list could not be read: every role keeps id and name only (isAdmin false), and the
  // server still counts Owner by name. Rows and tags follow its answer, not isAdmin.
  it('marks Owner rows and role tags by the server’s answer when isAdmin is false (role list unread)', async () => {
    const [ana, diego] = inventory().users
    const owner = {
      ...ana,
      holdsOwner: true,
      roles: [
        {
          id: 1,
          name: 'Owner (Admin Super)',
          isAdmin: false,
          grantsEverything: true,
        },
      ],
      findings: [
        {
          rule: 'user-owner-role',
          severity: 'MEDIUM' as const,
          message: 'ana@acme.com is one of 5 users holding Owner',
        },
      ],
    }

    // isAdmin true but the server says no Owner: the page follows the server, not the flag
    const other = {
      ...diego,
      holdsOwner: false,
      roles: [{ ...diego.roles[0], isAdmin: true, grantsEverything: false }],
    }

    const { getAllByRole, getByText } = render(<UsersPage />, {
      graphql: {
        mocks: [
          userListMock({
            rows: [owner, other],
            total: 2,
            allTotal: 2,
            ownerCount: 1,
          }),
        ],
      },
    })

    await waitFor(() => getByText('ana@acme.com'))
    const rows = getAllByRole('row').slice(1)

    expect(rows[0].getAttribute('data-owner')).toBe('true')
    expect(rows[0].className).toContain('bg-warning--faded')
    // the Owner tag is coloured like the row's finding
    expect(
      rows[0]
        .querySelector('[data-role-severity]')
        ?.getAttribute('data-role-severity')
    ).toBe('MEDIUM')
    expect(rows[1].getAttribute('data-owner')).toBe('false')
    expect(rows[1].className).not.toContain('bg-warning--faded')
    expect(rows[1].querySelector('[data-role-severity]')).toBeNull()
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

    const { getAllByRole, getByText, getByTestId } = render(<UsersPage />, {
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
    // and the page says what "No problems" covers: only Owner holders are judged (walk 11 #13)
    expect(getByTestId('users-checks').textContent).toMatch(
      /^Key Steward checks one thing about users: how many hold Owner \(Admin Super\)\. Their other roles are not judged here/
    )
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
    // what it matches, as the key search says its own (walk 10)
    expect(getByLabelText('Search users').getAttribute('placeholder')).toBe(
      'Email, name or role'
    )
    fireEvent.change(getByLabelText('Search users'), {
      target: { value: 'diego' },
    })
    await waitFor(() => expect(queryByText('ana@acme.com')).toBeNull())
    expect(getByText('diego@acme.com')).toBeInTheDocument()
  })

  // attack11: a pasted search longer than the service answers was refused ("could not load new
  // data") and the last list stayed; the box keeps what the service answers
  it('keeps a pasted search to the length the service answers', async () => {
    const [ana, diego] = inventory().users
    const long = 'd'.repeat(250)
    const { getByText, getByLabelText } = render(<UsersPage />, {
      graphql: {
        mocks: [
          userListMock({ rows: [ana, diego], total: 2, allTotal: 2 }),
          userListMock(
            { rows: [diego], total: 1, allTotal: 2 },
            { search: long.slice(0, 200) }
          ),
        ],
      },
    })

    await waitFor(() => getByText('1–2 of 2'))
    const box = getByLabelText('Search users') as HTMLInputElement

    fireEvent.change(box, { target: { value: long } })
    expect(box.value).toHaveLength(200)
    await waitFor(() => getByText('1–1 of 1'))
  })

  // walk12: 1,000 users were 10 pages of 100, with no other choice (the key list offers 25–500)
  it('offers a page size, as the key list does, and asks the service for that many users', async () => {
    const [ana, diego] = inventory().users
    const { getByText, container } = render(<UsersPage />, {
      graphql: {
        mocks: [
          userListMock({
            rows: [ana, diego],
            total: 1000,
            allTotal: 1000,
            pages: 10,
            ownerCount: 1,
          }),
          userListMock(
            {
              rows: [ana, diego],
              total: 1000,
              allTotal: 1000,
              pages: 2,
              pageSize: 500,
              ownerCount: 1,
            },
            { pageSize: 500 }
          ),
        ],
      },
    })

    await waitFor(() => getByText('Page 1 of 10'))
    const field = container.querySelector('[data-users-page-size]')!
    const size = field.querySelector('select') as HTMLSelectElement

    expect(field.textContent).toContain('Users per page')

    expect(Array.from(size.options, (o) => o.value)).toEqual(
      expect.arrayContaining(['25', '50', '100', '250', '500'])
    )
    fireEvent.change(size, { target: { value: '500' } })
    await waitFor(() => getByText('1–500 of 1,000'))
    expect(getByText('Page 1 of 2')).toBeInTheDocument()
  })

  it('opens on the view its URL names and keeps the one chosen in the URL, as the key list does', async () => {
    const [ana, diego] = inventory().users

    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/users?q=ana&page=2&size=25'
    )
    const { getByText, container } = render(<UsersPage />, {
      graphql: {
        mocks: [
          userListMock(
            {
              rows: [ana],
              total: 30,
              allTotal: 1000,
              pages: 2,
              page: 2,
              pageSize: 25,
              ownerCount: 1,
            },
            { page: 2, pageSize: 25, search: 'ana' }
          ),
          userListMock(
            {
              rows: [ana, diego],
              total: 30,
              allTotal: 1000,
              pages: 1,
              pageSize: 50,
              ownerCount: 1,
            },
            { pageSize: 50, search: 'ana' }
          ),
        ],
      },
    })

    await waitFor(() => getByText('Page 2 of 2'))
    expect(
      (container.querySelector('[role="search"] input') as HTMLInputElement)
        .value
    ).toBe('ana')
    expect(window.location.search).toBe('?q=ana&page=2&size=25')
    const size = container.querySelector(
      '[data-users-page-size] select'
    ) as HTMLSelectElement

    fireEvent.change(size, { target: { value: '50' } })
    await waitFor(() => expect(window.location.search).toBe('?q=ana&size=50'))
  })

  // attack11: the sidebar's "Users and roles" on a searched page keeps the page mounted and
  // changes only the runtime's query; the address said every user while the page kept the search
  it('follows a link to itself with another view, as the runtime re-renders it', async () => {
    const [ana, diego] = inventory().users

    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/users?q=ana&page=2&size=25'
    )
    setRuntimeQuery({ q: 'ana', page: '2', size: '25' })
    try {
      const view = render(<UsersPage />, {
        graphql: {
          mocks: [
            userListMock(
              {
                rows: [ana],
                total: 30,
                allTotal: 1000,
                pages: 2,
                page: 2,
                pageSize: 25,
                ownerCount: 1,
              },
              { page: 2, pageSize: 25, search: 'ana' }
            ),
            userListMock({
              rows: [ana, diego],
              total: 2,
              allTotal: 2,
              ownerCount: 1,
            }),
          ],
        },
      })

      await view.findByText('Page 2 of 2')
      setRuntimeQuery({})
      view.rerender(<UsersPage />)
      await view.findByText('1–2 of 2')
      expect(
        (
          view.container.querySelector(
            '[role="search"] input'
          ) as HTMLInputElement
        ).value
      ).toBe('')
      expect(window.location.search).toBe('')
    } finally {
      setRuntimeQuery(undefined)
    }
  })

  // the browser's back button opens the page on the frame's address while the runtime's query
  // still names the last one: that is no navigation (following it looped between the two views)
  it('keeps the address’s view while the runtime’s query catches up with it', async () => {
    const [ana] = inventory().users

    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/users?q=ana&page=2&size=25'
    )
    setRuntimeQuery({})
    try {
      const view = render(<UsersPage />, {
        graphql: {
          mocks: [
            userListMock(
              {
                rows: [ana],
                total: 30,
                allTotal: 1000,
                pages: 2,
                page: 2,
                pageSize: 25,
                ownerCount: 1,
              },
              { page: 2, pageSize: 25, search: 'ana' }
            ),
          ],
        },
      })

      await view.findByText('Page 2 of 2')
      setRuntimeQuery({ q: 'ana', page: '2', size: '25' })
      view.rerender(<UsersPage />)
      expect(view.getByText('Page 2 of 2')).toBeInTheDocument()
      expect(window.location.search).toBe('?q=ana&page=2&size=25')
    } finally {
      setRuntimeQuery(undefined)
    }
  })

  it.each([
    ['en', 'Skip to the page buttons', 'Page 1 of 15'],
    ['pt', 'Pular para os botões de página', 'Página 1 de 15'],
    ['es', 'Saltar a los botones de página', 'Página 1 de 15'],
  ])(
    '(%s) takes a keyboard user from the search to the page buttons in one step',
    async (locale, link, page) => {
      const [ana, diego] = inventory().users
      const { getByText, getByRole } = render(<UsersPage />, {
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

      await waitFor(() => getByText(page))
      fireEvent.click(getByRole('link', { name: link }))
      expect(document.activeElement).toBe(getByRole('group', { name: page }))
    }
  )

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

  // The daily scan's copy (or a recent one) can itself lack the admin user list: the source line
  // and the users-unknown state both offered Load live data. The state's, beside what it explains,
  // is the one left; once the users are read, focus moves to the owner count that replaces it.
  it.each(['SNAPSHOT', 'RECENT'])(
    'with a %s copy that lacks the admin user list, offers Load live data once (the state’s) and keeps focus in the content',
    async (source) => {
      const copy = {
        ...LIVE_META,
        source: source as 'SNAPSHOT' | 'RECENT',
        ageSeconds: source === 'RECENT' ? 120 : null,
        revalidating: source === 'RECENT' ? false : null,
        complete: false,
        missing: ['the admin user list (HTTP 503 after 4 attempts)'],
        usersKnown: false,
      }

      const [ana, diego] = inventory().users
      const mocks = [
        userListMock({ inventory: copy }),
        userListMock(
          {
            rows: [ana, diego],
            total: 2,
            allTotal: 2,
            ownerCount: 1,
            inventory: { ...LIVE_META, usersKnown: true },
          },
          { live: true }
        ),
      ]

      const { getByText, getAllByText, getByTestId, container } = render(
        <UsersPage />,
        { graphql: { mocks } }
      )

      await waitFor(() => getByTestId('users-unknown'))
      // where the data comes from is still said, without a second button
      expect(
        container.querySelector(`[data-source="${source}"]`)
      ).not.toBeNull()
      const buttons = getAllByText('Load live data')

      expect(buttons).toHaveLength(1)
      expect(getByTestId('users-unknown').contains(buttons[0])).toBe(true)

      const button = getByTestId('users-unknown').querySelector('button')!

      button.focus()
      fireEvent.click(button)
      await waitFor(() => getByText('ana@acme.com'))
      await waitFor(() =>
        expect(document.activeElement).toBe(getByTestId('owner-count'))
      )
      expect(document.activeElement!.textContent).toContain(
        '1 active user holds Owner (Admin Super)'
      )
    }
  )

  it('writes the page it shows into the address when the one asked is past the end (?page=999), replacing it', async () => {
    window.history.replaceState(
      null,
      '',
      '/admin/app/key-steward/users?page=999'
    )
    const { users } = inventory()
    const last = { rows: users, total: 202, allTotal: 202, page: 3, pages: 3 }
    const entries = window.history.length
    const { getByText } = render(<UsersPage />, {
      graphql: {
        mocks: [
          userListMock(last, { page: 999 }),
          userListMock(last, { page: 3 }),
        ],
      },
    })

    await waitFor(() => getByText('Page 3 of 3'))
    await waitFor(() => expect(window.location.search).toBe('?page=3'))
    expect(window.history).toHaveLength(entries)
  })
})
