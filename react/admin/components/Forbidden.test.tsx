// The refusal of a page: the missing License Manager resources grouped by the newer resource that
// would do instead (a walk read "Find user by email / View Admin Users, Get paged roles / View
// Admin Users, …"), why a read-only user is asked for Save user, the auditor route, and no back
// link to a page refused the same way.
import React from 'react'
import { render } from '@vtex/test-tools/react'
import { ApolloError } from 'apollo-client'
import { GraphQLError } from 'graphql'

import PageFrame from './PageFrame'
import { ErrorState } from './QueryState'

const refused = (acceptedResources: string[][], more = {}) =>
  new ApolloError({
    graphQLErrors: [
      new GraphQLError(
        'refused',
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        {
          code: 'FORBIDDEN',
          missingResources: acceptedResources.map((r) => r[0]),
          acceptedResources,
          ...more,
        }
      ),
    ],
  })

const NO_READS = [
  ['Find user by email', 'View Admin Users'],
  ['Get paged roles', 'View Admin Users'],
  ['Get paged users', 'View Admin Users'],
  ['Save user', 'Edit Admin Users'],
]

describe('the refusal of a page', () => {
  it('groups the resources by their newer alternative, each named once', () => {
    const { getByTestId } = render(
      <ErrorState error={refused(NO_READS)} onRetry={() => undefined} />
    )

    const text = getByTestId('forbidden').querySelector(
      '[data-forbidden-resources]'
    )!.textContent

    expect(text).toBe(
      'Your user lacks these License Manager resources: Find user by email, Get paged roles and Get paged users (or View Admin Users for all 3); Save user (or Edit Admin Users).'
    )
    expect(text!.split('View Admin Users')).toHaveLength(2)
    expect(text).not.toContain(' / ')
  })

  it('tells a read-only user why Save user is asked for, and about the auditor route', () => {
    const { getByTestId } = render(
      <ErrorState
        error={refused([['Save user', 'Edit Admin Users']])}
        onRetry={() => undefined}
      />
    )

    const box = getByTestId('forbidden')

    expect(box.querySelector('[data-forbidden-resources]')!.textContent).toBe(
      'Your user lacks this License Manager resource: Save user (or Edit Admin Users).'
    )
    expect(box.querySelector('[data-forbidden-why]')!.textContent).toMatch(
      /even to read: VTEX lists API keys only to users who hold it/
    )
    expect(box.querySelector('[data-forbidden-auditor]')!.textContent).toMatch(
      /auditor in Key Steward’s Settings/
    )
  })

  // walk15 #6: one missing resource (with its alternative) read "these resources" and "a role
  // with them"; several names stay plural
  it.each([
    [
      'en',
      'Your user lacks this License Manager resource: Save user (or Edit Admin Users).',
      /^Ask an account admin to give you a role with it \(/,
      /evidence without this resource\.$/,
    ],
    [
      'pt',
      'Seu usuário não tem este recurso do License Manager: Save user (ou Edit Admin Users).',
      /^Peça a um admin da conta um perfil com ele \(/,
      /evidências sem esse recurso\.$/,
    ],
    [
      'es',
      'Tu usuario no tiene este recurso de License Manager: Save user (o Edit Admin Users).',
      /^Pide a un admin de la cuenta un rol con él \(/,
      /evidencia sin este recurso\.$/,
    ],
  ])(
    'names one missing resource in the singular (%s)',
    (locale, one, how, auditor) => {
      const { getByTestId } = render(
        <ErrorState
          error={refused([['Save user', 'Edit Admin Users']])}
          onRetry={() => undefined}
        />,
        { locale }
      )

      const box = getByTestId('forbidden')

      expect(box.querySelector('[data-forbidden-resources]')!.textContent).toBe(
        one
      )
      expect(box.querySelector('[data-forbidden-how]')!.textContent).toMatch(
        how
      )
      expect(
        box.querySelector('[data-forbidden-auditor]')!.textContent
      ).toMatch(auditor)
    }
  )

  it('names two resources of one group in the plural', () => {
    const { getByTestId } = render(
      <ErrorState
        error={refused([
          ['Get paged roles', 'View Admin Users'],
          ['Get paged users', 'View Admin Users'],
        ])}
        onRetry={() => undefined}
      />,
      { locale: 'pt' }
    )

    const box = getByTestId('forbidden')

    expect(
      box.querySelector('[data-forbidden-resources]')!.textContent
    ).toMatch(/^Seu usuário não tem estes recursos do License Manager: /)
    expect(box.querySelector('[data-forbidden-how]')!.textContent).toMatch(
      /um perfil com eles \(/
    )
  })

  // walk 10: carla, named an auditor, was told on her Overview to ask to be named one
  it('tells a named auditor that they are one and leads to the completed reviews, in pt', () => {
    const { getByTestId } = render(
      <ErrorState
        error={refused(NO_READS, { auditor: true })}
        onRetry={() => undefined}
      />,
      { locale: 'pt' }
    )

    const box = getByTestId('forbidden')

    expect(box.querySelector('[data-forbidden-auditor]')).toBeNull()
    const line = box.querySelector('[data-forbidden-is-auditor]')!

    expect(line.textContent).toMatch(/^Você é auditor desta conta/)
    expect(line.querySelector('a')!.getAttribute('href')).toMatch(
      /\/admin\/key-steward\/review$/
    )
  })

  it('says nothing of Save user or auditors when only other resources are missing', () => {
    const { getByTestId } = render(
      <ErrorState
        error={refused([['Get paged users', 'View Admin Users']])}
        onRetry={() => undefined}
      />
    )

    const box = getByTestId('forbidden')

    expect(box.querySelector('[data-forbidden-why]')).toBeNull()
    expect(box.querySelector('[data-forbidden-auditor]')).toBeNull()
  })

  it('drops the back link of a refused page (it leads to a page refused the same way)', () => {
    const back = { label: 'Back to API keys', to: '/admin/key-steward/keys' }
    const page = (content: React.ReactNode) => (
      <PageFrame section="keys" title="API key" back={back}>
        {content}
      </PageFrame>
    )

    const shown = render(page(<p>the key</p>))

    expect(shown.queryByText('Back to API keys')).not.toBeNull()
    shown.unmount()

    const refusedPage = render(
      page(<ErrorState error={refused(NO_READS)} onRetry={() => undefined} />)
    )

    expect(refusedPage.getByTestId('forbidden')).toBeInTheDocument()
    expect(refusedPage.queryByText('Back to API keys')).toBeNull()
  })
})
