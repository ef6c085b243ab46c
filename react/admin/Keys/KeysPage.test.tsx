import React from 'react'
import { fireEvent, render, wait } from '@vtex/test-tools/react'

import INVENTORY from '../graphql/inventory.gql'
import { errorMock, inventory, inventoryMock, UNKNOWN_ROLES } from '../testing/data'
import KeysPage from './KeysPage'

describe('KeysPage', () => {
  it('shows a loading state, then every key with its stale-key warning and roles', async () => {
    const { getByText, getByRole, queryByRole, container } = render(<KeysPage />, { graphql: { mocks: [inventoryMock()] } })
    expect(getByRole('status')).toBeInTheDocument()
    await wait(() => expect(queryByRole('table')).toBeInTheDocument())
    expect(getByText('ERP orders sync')).toBeInTheDocument()
    expect(getByText('Legacy OMS export')).toBeInTheDocument()
    expect(getByText('vtexappkey-acme-OWNERK')).toBeInTheDocument()
    const staleRow = container.querySelector('[data-key-id="k-old"]')!
    expect(staleRow.querySelector('[data-severity="HIGH"]')).not.toBeNull()
    // the age says Stale and by how much (not a second severity); the worst finding is named, not coded
    expect(staleRow.querySelector('[data-stale="160"]')!.textContent).toBe('Stale · 160 days past the period')
    expect(staleRow.querySelector('[data-stale] [data-severity]')).toBeNull()
    expect(staleRow.textContent).toContain('Stale key')
    expect(staleRow.textContent).not.toContain('key-age-exceeded')
    expect(getByText('3 keys match')).toBeInTheDocument()
  })

  it('filters by search text', async () => {
    const { getByText, getByLabelText, queryByText } = render(<KeysPage />, { graphql: { mocks: [inventoryMock()] } })
    await wait(() => getByText('ERP orders sync'))
    fireEvent.change(getByLabelText('Search keys'), { target: { value: 'agency' } })
    expect(queryByText('ERP orders sync')).toBeNull()
    expect(getByText('Agency deploy pipeline')).toBeInTheDocument()
    expect(getByText('1 key match')).toBeInTheDocument()
  })

  it('sorts when a column header is activated and says so to assistive tech', async () => {
    const { getByText, getAllByRole } = render(<KeysPage />, { graphql: { mocks: [inventoryMock()] } })
    await wait(() => getByText('ERP orders sync'))
    const ageHeader = getAllByRole('columnheader').find(h => h.textContent!.startsWith('Age'))!
    fireEvent.click(ageHeader.querySelector('button')!)
    expect(ageHeader.getAttribute('aria-sort')).toBe('ascending')
    fireEvent.click(ageHeader.querySelector('button')!)
    expect(ageHeader.getAttribute('aria-sort')).toBe('descending')
    const firstRow = getAllByRole('row')[1]
    expect(firstRow.textContent).toContain('Legacy OMS export')
  })

  it('says when roles could not be loaded and which parts are missing', async () => {
    const partial = inventory({ complete: false, missing: ['roles of key "Feed with unknown roles" (HTTP 500 after 4 attempts)'], keys: [UNKNOWN_ROLES] })
    const { getByText } = render(<KeysPage />, { graphql: { mocks: [inventoryMock(partial)] } })
    await wait(() => getByText('Feed with unknown roles'))
    expect(getByText(/Some data could not be loaded.*HTTP 500 after 4 attempts/)).toBeInTheDocument()
    expect(getByText('Roles could not be loaded')).toBeInTheDocument()
    expect(getByText('Unknown')).toBeInTheDocument()
  })

  it('explains which License Manager permission is missing', async () => {
    const mock = errorMock(INVENTORY, 'FORBIDDEN', 'Your user lacks Save user', { missingResources: ['Save user'] })
    const { getByText } = render(<KeysPage />, { graphql: { mocks: [mock] } })
    await wait(() => getByText('You need more permissions'))
    expect(getByText(/lacks these License Manager resources: Save user/)).toBeInTheDocument()
  })

  it('names the newer resource VTEX accepts in place of the legacy one', async () => {
    const mock = errorMock(INVENTORY, 'FORBIDDEN', 'Your user lacks Save user', {
      missingResources: ['Get paged roles', 'Save user'],
      acceptedResources: [['Get paged roles', 'View Admin Users'], ['Save user', 'Edit Admin Users']],
    })
    const { getByText } = render(<KeysPage />, { graphql: { mocks: [mock] } })
    await wait(() => getByText('You need more permissions'))
    expect(getByText(/resources: Get paged roles \/ View Admin Users, Save user \/ Edit Admin Users\./)).toBeInTheDocument()
  })

  it('shows an error with a retry button', async () => {
    const mock = errorMock(INVENTORY, 'UPSTREAM_UNAVAILABLE', 'VTEX did not answer')
    const { getByText } = render(<KeysPage />, { graphql: { mocks: [mock, inventoryMock()] } })
    await wait(() => getByText(/VTEX did not answer/))
    fireEvent.click(getByText('Try again'))
    await wait(() => getByText('ERP orders sync'))
  })

  it('says when it shows the daily scan’s copy and loads the live data on request', async () => {
    const snapshot = inventory({ source: 'SNAPSHOT', generatedAt: '2026-11-26T06:00:00.000Z' })
    const live = { request: { query: INVENTORY, variables: { live: true } }, result: { data: { inventory: inventory() } } }
    const { getByText, queryByText } = render(<KeysPage />, { graphql: { mocks: [inventoryMock(snapshot), live] } })
    await wait(() => getByText(/Showing the daily scan of/))
    fireEvent.click(getByText('Load live data'))
    await wait(() => expect(queryByText(/Showing the daily scan of/)).toBeNull())
  })

  it('has an empty state', async () => {
    const { getByText } = render(<KeysPage />, { graphql: { mocks: [inventoryMock(inventory({ keys: [] }))] } })
    await wait(() => getByText('This account has no API keys.'))
  })
})
