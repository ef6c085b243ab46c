import React from 'react'
import { fireEvent, render, wait } from '@vtex/test-tools/react'
import { GraphQLError } from 'graphql'

import SETTINGS from '../graphql/settings.gql'
import UPDATE from '../graphql/updateSettings.gql'
import SettingsPage from './SettingsPage'

const settings = { rotationDays: 90, renewalGraceDays: 7, reviewCadenceDays: 90, maxOwnerUsers: 3, extraGenericLabels: [], keyManagingRoleIds: [2005], roleFetchConcurrency: 8, scanExtraPaths: [], reminderDays: 14, reminderEmails: [], liveReadTimeoutSeconds: 10, recentCopyMaxAgeMinutes: 5, version: '"v1"' }
const read = (s = settings) => ({ request: { query: SETTINGS }, result: { data: { settings: s } } })
const variables = (change: Record<string, unknown>) => ({
  settings: { rotationDays: 90, renewalGraceDays: 7, reviewCadenceDays: 90, reminderDays: 14, maxOwnerUsers: 3, roleFetchConcurrency: 8, liveReadTimeoutSeconds: 10, recentCopyMaxAgeMinutes: 5, extraGenericLabels: [], keyManagingRoleIds: [2005], scanExtraPaths: [], reminderEmails: [], ...change },
  version: '"v1"',
})

describe('SettingsPage', () => {
  it('shows the server’s validation error next to the field and keeps the input', async () => {
    const refused = {
      request: { query: UPDATE, variables: variables({ rotationDays: 20 }) },
      result: { errors: [new GraphQLError('rotationDays must be a whole number from 30 to 365', undefined, undefined, undefined, undefined, undefined, { code: 'BAD_USER_INPUT', fields: [{ field: 'rotationDays', message: 'rotationDays must be a whole number from 30 to 365' }] })] },
    }
    const { getByLabelText, getByText } = render(<SettingsPage />, { graphql: { mocks: [read(), refused] } })
    await wait(() => getByLabelText(/^Rotation period/))
    fireEvent.change(getByLabelText(/^Rotation period/), { target: { value: '20' } })
    fireEvent.click(getByText('Save settings'))
    await wait(() => getByText('This value is outside what is allowed. Check the range below.'))
    expect((getByLabelText(/^Rotation period/) as HTMLInputElement).value).toBe('20')
  })

  it('saves and confirms', async () => {
    const saved = { ...settings, rotationDays: 180, version: '"v2"' }
    const ok = { request: { query: UPDATE, variables: variables({ rotationDays: 180 }) }, result: { data: { updateSettings: saved } } }
    const { getByLabelText, getByText } = render(<SettingsPage />, { graphql: { mocks: [read(), ok, read(saved)] } })
    await wait(() => getByLabelText(/^Rotation period/))
    fireEvent.change(getByLabelText(/^Rotation period/), { target: { value: '180' } })
    fireEvent.click(getByText('Save settings'))
    await wait(() => getByText('Settings saved. Warnings now follow them.'))
  })

  it('offers a reload when someone else saved first', async () => {
    const conflict = {
      request: { query: UPDATE, variables: variables({ maxOwnerUsers: 4 }) },
      result: { errors: [new GraphQLError('The settings were changed by someone else since you loaded them.', undefined, undefined, undefined, undefined, undefined, { code: 'CONFLICT' })] },
    }
    const { getByLabelText, getByText } = render(<SettingsPage />, { graphql: { mocks: [read(), conflict] } })
    await wait(() => getByLabelText(/^Maximum Owner users/))
    fireEvent.change(getByLabelText(/^Maximum Owner users/), { target: { value: '4' } })
    fireEvent.click(getByText('Save settings'))
    await wait(() => getByText(/changed by someone else/))
    expect(getByText('Reload')).toBeInTheDocument()
  })
})
