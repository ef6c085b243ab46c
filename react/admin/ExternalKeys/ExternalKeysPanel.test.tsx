import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import EXTERNAL_KEYS from '../graphql/externalKeys.gql'
import REGISTER from '../graphql/registerExternalKey.gql'
import REMOVE from '../graphql/removeExternalKey.gql'
import { errorMock, OWNER_ROLE } from '../testing/data'
import type { ExternalKey } from './ExternalKeysPanel'
import ExternalKeysPanel from './ExternalKeysPanel'

const ORBITA: ExternalKey = {
  appKey: 'vtexappkey-agenciaorbita-MXLCXX',
  account: 'agenciaorbita',
  addedDate: '2025-10-12T00:00:00Z',
  addedBy: null,
  isActive: true,
  rolesKnown: true,
  roles: [OWNER_ROLE],
  findings: [
    {
      rule: 'external-broad-access',
      severity: 'HIGH',
      practice: 'REASSESS_ACCESS',
      message:
        'External key vtexappkey-agenciaorbita-MXLCXX of account “agenciaorbita” holds Owner (Admin Super) here.',
    },
  ],
}

const OUTLET: ExternalKey = {
  ...ORBITA,
  appKey: 'vtexappkey-acmeoutlet-LJOYUK',
  account: 'acmeoutlet',
  addedBy: 'ana@acme.com',
  roles: [
    { id: 1054, name: 'IntegrationProfile - Fulfillment', isAdmin: false },
  ],
  findings: [],
}

const list = (keys: ExternalKey[], live?: boolean) => ({
  request: {
    query: EXTERNAL_KEYS,
    ...(live ? { variables: { live: true } } : {}),
  },
  result: {
    data: {
      inventory: {
        __typename: 'Inventory',
        externalKeys: keys.map((k) => ({
          __typename: 'ExternalKey',
          ...k,
          roles: k.roles.map((r) => ({
            __typename: 'Role',
            id: r.id,
            name: r.name,
            isAdmin: r.isAdmin,
          })),
          findings: k.findings.map((f) => ({ __typename: 'Finding', ...f })),
        })),
      },
    },
  },
})

describe('ExternalKeysPanel', () => {
  it('lists each external key with its account, roles and findings', async () => {
    const { getByText, container } = render(<ExternalKeysPanel />, {
      graphql: { mocks: [list([ORBITA, OUTLET])] },
    })

    await waitFor(() => getByText(ORBITA.appKey))
    const orbita = container.querySelector(
      `[data-external-key="${ORBITA.appKey}"]`
    )!

    // named as the key list names it (walk 11 #6): its account and the External tag, the
    // appKey only under it
    const name = orbita.querySelector('[data-external-key-name]')!

    expect(name.textContent).toBe('agenciaorbita External')
    expect(name.querySelector('[data-external-subject]')).not.toBeNull()
    expect(name.querySelector('a')).toBeNull()
    expect(orbita.textContent).toContain('Owner (Admin Super)')
    expect(
      orbita.querySelector(
        '[data-rule="external-broad-access"] [data-severity="HIGH"]'
      )
    ).not.toBeNull()
    expect(orbita.textContent).toMatch(/holds Owner \(Admin Super\) here/)
    const outlet = container.querySelector(
      `[data-external-key="${OUTLET.appKey}"]`
    )!

    expect(outlet.textContent).toContain('by ana@acme.com')
    expect(outlet.textContent).toContain('No problems found')
  })

  it('says when none are registered', async () => {
    const { getByTestId } = render(<ExternalKeysPanel />, {
      graphql: { mocks: [list([])] },
    })

    await waitFor(() => getByTestId('external-keys-empty'))
  })

  it('registers a key, filling the account from the appKey, confirms it and reads the list again live', async () => {
    const done = {
      request: {
        query: REGISTER,
        variables: { appKey: ORBITA.appKey, account: 'agenciaorbita' },
      },
      result: {
        data: {
          registerExternalKey: {
            __typename: 'ExternalKey',
            appKey: ORBITA.appKey,
            account: 'agenciaorbita',
            roles: [{ __typename: 'Role', id: 1, name: 'Owner (Admin Super)' }],
          },
        },
      },
    }

    const { getByText, getByLabelText, container } = render(
      <ExternalKeysPanel />,
      {
        graphql: {
          mocks: [list([OUTLET]), done, list([OUTLET, ORBITA], true)],
        },
      }
    )

    await waitFor(() => getByText(OUTLET.appKey))
    fireEvent.change(getByLabelText(/^appKey/), {
      target: { value: ORBITA.appKey },
    })
    expect(
      (getByLabelText(/^Account that owns it/) as HTMLInputElement).value
    ).toBe('agenciaorbita')
    fireEvent.click(getByText('Register'))
    await waitFor(() =>
      getByText(
        `${ORBITA.appKey} is registered and written to the audit log. Its roles and warnings are listed above.`
      )
    )
    await waitFor(() =>
      expect(
        container.querySelector(`[data-external-key="${ORBITA.appKey}"]`)
      ).not.toBeNull()
    )
    expect((getByLabelText(/^appKey/) as HTMLInputElement).value).toBe('')
  })

  it('shows the service’s refusal in the admin’s words, on the field it concerns', async () => {
    const refused = errorMock(
      REGISTER,
      'BAD_USER_INPUT',
      'the appKey belongs to account "agenciaorbita", not "other"',
      {
        fields: [
          {
            field: 'account',
            reason: 'ACCOUNT_MISMATCH',
            message: 'x',
            params: { named: 'agenciaorbita', account: 'other' },
          },
        ],
      }
    )

    const mock = {
      ...refused,
      request: {
        query: REGISTER,
        variables: { appKey: ORBITA.appKey, account: 'other' },
      },
    }

    const { getByText, getByLabelText } = render(<ExternalKeysPanel />, {
      graphql: { mocks: [list([]), mock] },
    })

    await waitFor(() => getByText('No external keys are registered.'))
    fireEvent.change(getByLabelText(/^appKey/), {
      target: { value: ORBITA.appKey },
    })
    fireEvent.change(getByLabelText(/^Account that owns it/), {
      target: { value: 'other' },
    })
    fireEvent.click(getByText('Register'))
    await waitFor(() =>
      getByText('The appKey belongs to account “agenciaorbita”, not “other”.')
    )
    // as Settings does (walk14 #4): focus on the refused field, marked invalid, its reason linked
    const field = getByLabelText(/^Account that owns it/)

    await waitFor(() => expect(document.activeElement).toBe(field))
    expect(field.getAttribute('aria-invalid')).toBe('true')
    const described = (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)

    expect(described).toContain(
      'The appKey belongs to account “agenciaorbita”, not “other”.'
    )
    expect(getByLabelText(/^appKey/).getAttribute('aria-invalid')).toBeNull()
  })

  it('removes a key only after a confirmation that says VTEX keeps its roles', async () => {
    const removed = {
      request: { query: REMOVE, variables: { appKey: ORBITA.appKey } },
      result: { data: { removeExternalKey: true } },
    }

    const { getByText, getByTestId, getAllByText, container, queryByTestId } =
      render(<ExternalKeysPanel />, {
        graphql: {
          mocks: [list([ORBITA, OUTLET]), removed, list([OUTLET], true)],
        },
      })

    await waitFor(() => getByText(ORBITA.appKey))
    fireEvent.click(
      getByText(`Remove ${ORBITA.appKey} from Key Steward`).closest('button')!
    )
    const dialog = getByTestId('confirm-dialog')

    expect(dialog.textContent).toContain(ORBITA.appKey)
    expect(dialog.textContent).toMatch(/Its roles in VTEX do not change/)
    fireEvent.click(getAllByText('Remove').slice(-1)[0])
    await waitFor(() =>
      getByText(
        `${ORBITA.appKey} was removed from Key Steward. Its roles in VTEX are unchanged.`
      )
    )
    await waitFor(() =>
      expect(
        container.querySelector(`[data-external-key="${ORBITA.appKey}"]`)
      ).toBeNull()
    )
    expect(queryByTestId('confirm-dialog')).toBeNull()
  })

  it('explains a refused removal inside the confirmation', async () => {
    const refused = {
      ...errorMock(REMOVE, 'FORBIDDEN', 'Your user lacks Save user', {
        missingResources: ['Save user'],
      }),
      request: { query: REMOVE, variables: { appKey: ORBITA.appKey } },
    }

    const { getByText, getByTestId, getAllByText } = render(
      <ExternalKeysPanel />,
      { graphql: { mocks: [list([ORBITA]), refused] } }
    )

    await waitFor(() => getByText(ORBITA.appKey))
    fireEvent.click(
      getByText(`Remove ${ORBITA.appKey} from Key Steward`).closest('button')!
    )
    fireEvent.click(getAllByText('Remove').slice(-1)[0])
    await waitFor(() =>
      expect(getByTestId('confirm-dialog').textContent).toMatch(
        /lacks this License Manager resource: Save user. Nothing was changed./
      )
    )
  })

  it('steps aside when the session may not read the keys: the page says so once, and offers no form VTEX would refuse', async () => {
    const refused = errorMock(
      EXTERNAL_KEYS,
      'FORBIDDEN',
      'Your user lacks Save user',
      {
        missingResources: ['Save user'],
      }
    )

    const { container } = render(<ExternalKeysPanel />, {
      graphql: { mocks: [refused] },
    })

    await waitFor(() =>
      expect(
        container.querySelector('[data-testid="external-keys"]')
      ).toBeNull()
    )
    expect(container.querySelector('form, input')).toBeNull()
    expect(container.textContent).not.toMatch(/License Manager|Try again/)
  })

  it('tries again on the recent copy, not VTEX live, after a reload that read live', async () => {
    const failed = errorMock(EXTERNAL_KEYS, 'UPSTREAM', 'VTEX answered 503')
    const done = {
      request: {
        query: REGISTER,
        variables: { appKey: ORBITA.appKey, account: 'agenciaorbita' },
      },
      result: {
        data: {
          registerExternalKey: {
            __typename: 'ExternalKey',
            appKey: ORBITA.appKey,
            account: 'agenciaorbita',
            roles: [{ __typename: 'Role', id: 1, name: 'Owner (Admin Super)' }],
          },
        },
      },
    }

    // the reload after a change reads live (and fails); Apollo keeps its live: true
    let liveReads = 0
    const liveFailed = {
      request: { query: EXTERNAL_KEYS, variables: { live: true } },
      result: () => {
        liveReads++

        return failed.result
      },
    }

    // a second live read here would find no answer (and ask VTEX for every key again)
    const copy = {
      ...list([ORBITA]),
      request: { query: EXTERNAL_KEYS, variables: { live: false } },
    }

    const { getByText, getByLabelText, container } = render(
      <ExternalKeysPanel />,
      { graphql: { mocks: [failed, done, liveFailed, copy] } }
    )

    await waitFor(() => getByText('Load the external keys again'))
    fireEvent.change(getByLabelText(/^appKey/), {
      target: { value: ORBITA.appKey },
    })
    fireEvent.click(getByText('Register'))
    await waitFor(() =>
      getByText(
        `${ORBITA.appKey} is registered and written to the audit log. Its roles and warnings are listed above.`
      )
    )
    await waitFor(() => expect(liveReads).toBe(1))
    fireEvent.click(
      await waitFor(() => getByText('Load the external keys again'))
    )
    await waitFor(() =>
      expect(
        container.querySelector(`[data-external-key="${ORBITA.appKey}"]`)
      ).not.toBeNull()
    )
  })

  it('keeps its retry button and the form when VTEX itself failed (trying again can help)', async () => {
    const failed = errorMock(EXTERNAL_KEYS, 'UPSTREAM', 'VTEX answered 503')

    const { getByText, container } = render(<ExternalKeysPanel />, {
      graphql: { mocks: [failed] },
    })

    await waitFor(() => getByText('Load the external keys again'))
    expect(
      container.querySelector('[data-testid="external-keys"] input')
    ).not.toBeNull()
  })
})
