import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'
import type { DocumentNode } from 'graphql'
import { GraphQLError } from 'graphql'

import ACCOUNT_ROLES from '../graphql/accountRoles.gql'
import SETTINGS from '../graphql/settings.gql'
import UPDATE from '../graphql/updateSettings.gql'
import { errorMock } from '../testing/data'
import SettingsPage from './SettingsPage'

const settings = {
  rotationDays: 90,
  renewalGraceDays: 7,
  reviewCadenceDays: 90,
  maxOwnerUsers: 3,
  extraGenericLabels: [],
  keyManagingRoleIds: [2005],
  roleFetchConcurrency: 8,
  scanExtraPaths: [],
  reminderDays: 14,
  reminderEmails: [],
  liveReadTimeoutSeconds: 10,
  reminderLocale: 'en',
  auditors: [],
  recentCopyMaxAgeMinutes: 5,
  version: '"v1"',
}

const settingsLimits = [
  { field: 'rotationDays', min: 30, max: 365, maxItems: null, maxLength: null },
  {
    field: 'renewalGraceDays',
    min: 1,
    max: 90,
    maxItems: null,
    maxLength: null,
  },
  {
    field: 'reviewCadenceDays',
    min: 7,
    max: 365,
    maxItems: null,
    maxLength: null,
  },
  { field: 'maxOwnerUsers', min: 1, max: 50, maxItems: null, maxLength: null },
  {
    field: 'roleFetchConcurrency',
    min: 1,
    max: 32,
    maxItems: null,
    maxLength: null,
  },
  { field: 'reminderDays', min: 1, max: 60, maxItems: null, maxLength: null },
  {
    field: 'liveReadTimeoutSeconds',
    min: 2,
    max: 20,
    maxItems: null,
    maxLength: null,
  },
  {
    field: 'recentCopyMaxAgeMinutes',
    min: 0,
    max: 1440,
    maxItems: null,
    maxLength: null,
  },
  {
    field: 'extraGenericLabels',
    min: null,
    max: null,
    maxItems: 50,
    maxLength: 60,
  },
  {
    field: 'keyManagingRoleIds',
    min: null,
    max: null,
    maxItems: 100,
    maxLength: 10,
  },
  {
    field: 'scanExtraPaths',
    min: null,
    max: null,
    maxItems: 20,
    maxLength: 200,
  },
  {
    field: 'reminderEmails',
    min: null,
    max: null,
    maxItems: 10,
    maxLength: 254,
  },
  { field: 'auditors', min: null, max: null, maxItems: 20, maxLength: 254 },
]

const read = (s = settings) => ({
  request: { query: SETTINGS },
  result: { data: { settings: s, settingsLimits } },
})

const roles = {
  request: { query: ACCOUNT_ROLES },
  result: {
    data: {
      accountRoles: [
        { id: 1, name: 'Owner (Admin Super)', custom: false },
        { id: 2005, name: 'Integrations admin', custom: true },
        { id: 2006, name: 'Catalog bot', custom: true },
      ],
    },
  },
}

const variables = (change: Record<string, unknown>) => ({
  settings: {
    rotationDays: 90,
    renewalGraceDays: 7,
    reviewCadenceDays: 90,
    reminderDays: 14,
    maxOwnerUsers: 3,
    roleFetchConcurrency: 8,
    liveReadTimeoutSeconds: 10,
    recentCopyMaxAgeMinutes: 5,
    extraGenericLabels: [],
    scanExtraPaths: [],
    reminderEmails: [],
    auditors: [],
    keyManagingRoleIds: [2005],
    reminderLocale: 'en',
    ...change,
  },
  version: '"v1"',
})

const mount = (
  ...more: Array<{
    request: { query: DocumentNode; variables?: Record<string, unknown> }
    result: object
  }>
) => render(<SettingsPage />, { graphql: { mocks: [read(), roles, ...more] } })

describe('SettingsPage', () => {
  it.each([
    [
      'rotationDays',
      /^Rotation period/,
      '90.5',
      'Enter a whole number from 30 to 365.',
    ],
    [
      'rotationDays',
      /^Rotation period/,
      'abc',
      'Enter a whole number from 30 to 365.',
    ],
    [
      'rotationDays',
      /^Rotation period/,
      '10',
      'Enter a whole number from 30 to 365.',
    ],
    [
      'reminderDays',
      /^Remind before/,
      '',
      'Enter a whole number from 1 to 60.',
    ],
    [
      'reminderEmails',
      /^Reminder e-mails/,
      'ops@acme.com, ops.acme.com',
      '“ops.acme.com” is not an e-mail address.',
    ],
    [
      'scanExtraPaths',
      /^Extra storefront paths/,
      '/ok, promo page',
      '“promo page” is not a path: it must start with / and have no spaces.',
    ],
  ])(
    'refuses %s = %j in the browser, next to the field, keeping what was typed',
    async (_, label, typed, message) => {
      const { getByLabelText, getByText, getByTestId } = mount()

      await waitFor(() => getByLabelText(label))
      fireEvent.change(getByLabelText(label), { target: { value: typed } })
      fireEvent.click(getByText('Save settings'))
      await waitFor(() => getByText(message))
      expect(getByTestId('settings-invalid')).toBeInTheDocument()
      expect((getByLabelText(label) as HTMLInputElement).value).toBe(typed)
    }
  )

  // walk16 #6: the refusal states the range; the help under it no longer repeats it
  it.each([
    [
      /^Review cadence/,
      '5',
      'Enter a whole number from 7 to 365.',
      /^Days between completed access reviews\.$/,
    ],
    [
      /^Rotation period/,
      '10',
      'Enter a whole number from 30 to 365.',
      /^Active keys whose token is older than this[^]*[^5]\.$/,
    ],
  ])(
    'a refused number states its range once: in the refusal, not again in its help (%s)',
    async (label, typed, message, helpAlone) => {
      const { getByLabelText, getByText } = mount()

      await waitFor(() => getByLabelText(label))
      const input = getByLabelText(label)
      const helpOf = () =>
        document.getElementById(`${input.id}-help`)!.textContent!

      expect(helpOf()).toMatch(/From \d+ to \d+\.$/)
      fireEvent.change(input, { target: { value: typed } })
      fireEvent.click(getByText('Save settings'))
      await waitFor(() => getByText(message))
      expect(helpOf()).toMatch(helpAlone)
      expect(helpOf()).not.toMatch(/From \d+ to/)
    }
  )

  it('opens Advanced when one of its knobs is wrong', async () => {
    const { getByLabelText, getByText, getByTestId } = mount()

    await waitFor(() => getByLabelText(/^Wait for a live read/))
    expect((getByTestId('settings-advanced') as HTMLDetailsElement).open).toBe(
      false
    )
    fireEvent.change(getByLabelText(/^Wait for a live read/), {
      target: { value: '200' },
    })
    fireEvent.click(getByText('Save settings'))
    await waitFor(() => getByText('Enter a whole number from 2 to 20.'))
    expect((getByTestId('settings-advanced') as HTMLDetailsElement).open).toBe(
      true
    )
  })

  it('shows the service’s refusal (code, params, entry) in the admin’s words next to the field', async () => {
    const refused = {
      request: {
        query: UPDATE,
        variables: variables({ keyManagingRoleIds: [2005, 2006] }),
      },
      result: {
        errors: [
          new GraphQLError(
            'keyManagingRoleIds: no role of this account has this id ("2006")',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            {
              code: 'BAD_USER_INPUT',
              fields: [
                {
                  field: 'keyManagingRoleIds',
                  code: 'UNKNOWN_ROLE',
                  params: {},
                  entry: '2006',
                  message: 'x',
                },
              ],
            }
          ),
        ],
      },
    }

    const { getByLabelText, getByText, queryByText } = mount(refused)

    await waitFor(() => getByLabelText('Catalog bot'))
    expect(
      (getByLabelText('Integrations admin') as HTMLInputElement).checked
    ).toBe(true)
    expect(queryByText('Owner (Admin Super)')).toBeNull() // only custom roles are offered
    fireEvent.click(getByLabelText('Catalog bot'))
    fireEvent.click(getByText('Save settings'))
    await waitFor(() =>
      getByText(
        'No role of this account has the id 2006. Pick roles from the list.'
      )
    )
    expect((getByLabelText('Catalog bot') as HTMLInputElement).checked).toBe(
      true
    )
    expect(queryByText(/Variable|keyManagingRoleIds/)).toBeNull()
    // The refused group is described by its error, and focus is on its first box.
    const group = document.getElementById('setting-keyManagingRoleIds')!

    expect(group.getAttribute('aria-describedby')).toContain(
      'setting-roles-error'
    )
    expect(document.getElementById('setting-roles-error')!.textContent).toBe(
      'No role of this account has the id 2006. Pick roles from the list.'
    )
    await waitFor(() =>
      expect(document.activeElement).toBe(getByLabelText('Integrations admin'))
    )
    expect(document.activeElement!.getAttribute('aria-invalid')).toBe('true')
  })

  it('on a refused save marks each bad field (aria-invalid, described by its error), names every bad entry of a list, and moves focus to the first', async () => {
    const { getByLabelText, getByText } = mount()

    await waitFor(() => getByLabelText(/^Rotation period/))
    fireEvent.change(getByLabelText(/^Rotation period/), {
      target: { value: '10' },
    })
    fireEvent.change(getByLabelText(/^Auditors/), {
      target: { value: 'bad1, ok@acme.com, bad2' },
    })
    fireEvent.change(getByLabelText(/^Role reads at once/), {
      target: { value: '' },
    })
    fireEvent.click(getByText('Save settings'))
    await waitFor(() => getByText('Enter a whole number from 30 to 365.'))

    const described = (input: HTMLElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)

    const rotation = getByLabelText(/^Rotation period/)
    const auditors = getByLabelText(/^Auditors/)
    const reads = getByLabelText(/^Role reads at once/)

    for (const input of [rotation, auditors, reads])
      expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(described(rotation)[0]).toBe('Enter a whole number from 30 to 365.')
    expect(described(rotation)[1]).toMatch(
      /^Active keys whose token is older than this/
    )
    expect(described(reads)[0]).toBe('Enter a whole number from 1 to 32.')
    // every bad entry is named, each on its own line
    const auditorErrors = document.getElementById(
      auditors.getAttribute('aria-describedby')!.split(' ')[0]
    )!

    expect(
      Array.from(auditorErrors.querySelectorAll('li')).map(
        (li) => li.textContent
      )
    ).toEqual([
      '“bad1” is not an e-mail address.',
      '“bad2” is not an e-mail address.',
    ])
    // a valid field is not marked, and its help still describes it
    const grace = getByLabelText(/^Renewal grace period/)

    expect(grace.getAttribute('aria-invalid')).toBeNull()
    expect(described(grace)).toEqual([
      'How long a started token renewal may keep the old token valid. From 1 to 90.',
    ])
    await waitFor(() => expect(document.activeElement).toBe(rotation))

    // Fixed: the marks go away with the errors.
    fireEvent.change(rotation, { target: { value: '90' } })
    fireEvent.change(auditors, { target: { value: 'ok@acme.com' } })
    fireEvent.change(reads, { target: { value: '8' } })
    fireEvent.click(getByText('Save settings'))
    await waitFor(() =>
      expect(rotation.getAttribute('aria-invalid')).toBeNull()
    )
    expect(auditors.getAttribute('aria-invalid')).toBeNull()
  })

  it('gives each Advanced knob a label of its own, shown above it (not its help text)', async () => {
    const { getByLabelText, getByText } = mount()

    await waitFor(() => getByText('Advanced'))
    for (const name of [
      'Role reads at once',
      'Wait for a live read (seconds)',
      'Read VTEX again after (minutes)',
    ]) {
      const input = getByLabelText(name) as HTMLInputElement
      const label = input.closest('label')!.querySelector('.vtex-input__label')!

      expect(input.tagName).toBe('INPUT')
      expect(label.textContent).toBe(name)
      expect(label.compareDocumentPosition(input)).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING
      )
    }
  })

  it('saves and confirms', async () => {
    const saved = { ...settings, rotationDays: 180, version: '"v2"' }
    const ok = {
      request: { query: UPDATE, variables: variables({ rotationDays: 180 }) },
      result: { data: { updateSettings: saved } },
    }

    const { getByLabelText, getByText, queryByText } = mount(ok, read(saved))

    await waitFor(() => getByLabelText(/^Rotation period/))
    fireEvent.change(getByLabelText(/^Rotation period/), {
      target: { value: '180' },
    })
    fireEvent.click(getByText('Save settings'))
    await waitFor(() => getByText('Settings saved. Warnings now follow them.'))
    // focus is back on the button, not dropped to the page's start while it was disabled
    await waitFor(() =>
      expect(document.activeElement).toBe(
        getByText('Save settings').closest('button')
      )
    )
    // read again: nothing to say about the page's copy
    expect(queryByText(/could not be read again/)).toBeNull()
  })

  it('says beside Save, politely, when the settings were saved but could not be read again', async () => {
    const saved = { ...settings, rotationDays: 180, version: '"v2"' }
    const ok = {
      request: { query: UPDATE, variables: variables({ rotationDays: 180 }) },
      result: { data: { updateSettings: saved } },
    }

    const rereadFails = {
      request: { query: SETTINGS },
      result: { errors: [new GraphQLError('Service Unavailable')] },
    }

    const { getByLabelText, getByText } = mount(ok, rereadFails)

    await waitFor(() => getByLabelText(/^Rotation period/))
    fireEvent.change(getByLabelText(/^Rotation period/), {
      target: { value: '180' },
    })
    fireEvent.click(getByText('Save settings'))
    const notice = await waitFor(() =>
      getByText(
        'Done. This page could not be read again: reload it to see the change.'
      )
    )

    expect(notice.closest('[role="status"]')).not.toBeNull()
    // by the button, after it
    expect(
      getByText('Save settings')
        .closest('button')!
        .compareDocumentPosition(notice)
    ).toBe(Node.DOCUMENT_POSITION_FOLLOWING)
  })

  it('asks the service again when shown again after a save that could not be read again', async () => {
    const saved = { ...settings, rotationDays: 180, version: '"v2"' }
    const ok = {
      request: { query: UPDATE, variables: variables({ rotationDays: 180 }) },
      result: { data: { updateSettings: saved } },
    }

    const rereadFails = {
      request: { query: SETTINGS },
      result: { errors: [new GraphQLError('Service Unavailable')] },
    }

    // the admin goes to another page and comes back (the Admin unmounts the page)
    const AwayAndBack: React.FC = () => {
      const [shown, setShown] = React.useState(true)

      return (
        <>
          <button onClick={() => setShown(!shown)}>away and back</button>
          {shown && <SettingsPage />}
        </>
      )
    }

    const { getByLabelText, getByText } = render(<AwayAndBack />, {
      graphql: { mocks: [read(), roles, ok, rereadFails, read(saved)] },
    })

    await waitFor(() => getByLabelText(/^Rotation period/))
    fireEvent.change(getByLabelText(/^Rotation period/), {
      target: { value: '180' },
    })
    fireEvent.click(getByText('Save settings'))
    await waitFor(() => getByText(/could not be read again/))
    fireEvent.click(getByText('away and back'))
    fireEvent.click(getByText('away and back'))
    // not the copy from before the save, shown as the settings with no word of its age
    await waitFor(() =>
      expect(
        (getByLabelText(/^Rotation period/) as HTMLInputElement).value
      ).toBe('180')
    )
  })

  it('offers a reload when someone else saved first', async () => {
    const conflict = {
      request: { query: UPDATE, variables: variables({ maxOwnerUsers: 4 }) },
      result: {
        errors: [
          new GraphQLError(
            'The settings were changed by someone else since you loaded them.',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            { code: 'CONFLICT' }
          ),
        ],
      },
    }

    const { getByLabelText, getByText } = mount(conflict)

    await waitFor(() => getByLabelText(/^Maximum Owner users/))
    fireEvent.change(getByLabelText(/^Maximum Owner users/), {
      target: { value: '4' },
    })
    fireEvent.click(getByText('Save settings'))
    await waitFor(() => getByText(/changed by someone else/))
    expect(getByText('Reload')).toBeInTheDocument()
  })

  it('says why a save failed (storage down) right above Save, which keeps the focus', async () => {
    const failed = {
      request: { query: UPDATE, variables: variables({ maxOwnerUsers: 4 }) },
      result: {
        errors: [
          new GraphQLError(
            'Key Steward could not save the settings: its storage did not answer.',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            { code: 'UPSTREAM_UNAVAILABLE' }
          ),
        ],
      },
    }

    const { getByLabelText, getByText, getByTestId } = mount(failed)

    await waitFor(() => getByLabelText(/^Maximum Owner users/))
    fireEvent.change(getByLabelText(/^Maximum Owner users/), {
      target: { value: '4' },
    })
    fireEvent.click(getByText('Save settings'))
    await waitFor(() => getByText(/could not save the settings/))
    const save = getByText('Save settings').closest('button')!
    const alert = getByText(/could not save the settings/).closest(
      '[role="alert"]'
    )!

    // beside the button: the answer block is the element right before it, the alert inside it
    expect(save.previousElementSibling).toBe(getByTestId('settings-answer'))
    expect(getByTestId('settings-answer').contains(alert)).toBe(true)
    await waitFor(() => expect(document.activeElement).toBe(save))
  })

  it('says once what permissions are missing when the settings are refused, with no "Try again" and no daily scan panel refused the same way', async () => {
    const refused = errorMock(SETTINGS, 'FORBIDDEN', 'refused', {
      missingResources: ['Save user'],
    })

    const { getByText, queryByText, container } = render(<SettingsPage />, {
      graphql: { mocks: [refused, roles] },
    })

    await waitFor(() =>
      getByText(/lacks this License Manager resource: Save user/)
    )
    expect(
      container.textContent!.split('lacks this License Manager')
    ).toHaveLength(2)
    expect(container.querySelector('[data-testid="daily-scan"]')).toBeNull()
    expect(container.querySelector('form')).toBeNull()
    expect(queryByText('Try again')).toBeNull()
  })

  // A walk read "The account’s roles could not be loaded" as an outage for a user who only
  // lacks the permission to list roles.
  it.each([
    [
      'FORBIDDEN',
      'Your user may not read the account’s roles, so you cannot change this choice: it needs Get paged roles (or View Admin Users).',
    ],
    [
      'UPSTREAM_UNAVAILABLE',
      'The account’s roles could not be loaded, so this choice cannot be changed now.',
    ],
  ])('says why the roles are missing: %s', async (code, said) => {
    const refused = {
      request: { query: ACCOUNT_ROLES },
      result: {
        errors: [
          new GraphQLError(
            'refused',
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            {
              code,
              acceptedResources:
                code === 'FORBIDDEN'
                  ? [['Get paged roles', 'View Admin Users']]
                  : undefined,
            }
          ),
        ],
      },
    }

    const { getByTestId } = render(<SettingsPage />, {
      graphql: { mocks: [read(), refused] },
    })

    await waitFor(() => getByTestId('roles-unavailable'))
    expect(getByTestId('roles-unavailable').textContent).toBe(said)
    // no "Pick the custom roles…" under "cannot be changed" (walk14 #8); the group is described
    // by why instead
    const group = getByTestId('roles-unavailable').closest('fieldset')!

    expect(group.textContent).not.toContain('Pick the custom roles')
    expect(group.getAttribute('aria-describedby')).toBe(
      'setting-roles-unavailable'
    )
  })
})
