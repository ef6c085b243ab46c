import React from 'react'
import { render, waitFor } from '@testing-library/react'
import { MockedProvider } from '@apollo/react-testing'
import { IntlProvider } from 'react-intl'

import es from '../../../messages/es.json'
import en from '../../../messages/en.json'
import CHANGES from '../graphql/changes.gql'
import WhatChanged from './WhatChanged'

const schedule = (overrides: Record<string, unknown> = {}) => ({
  registered: true,
  healthy: true,
  lastScanAt: null,
  nextRunAt: '2026-11-27T06:00:00.000Z',
  lastRun: null,
  ...overrides,
})

const step = (state: string) => ({ state })

const renderIn = (
  locale: string,
  messages: Record<string, string>,
  scan: ReturnType<typeof schedule>,
  timeZone = 'UTC'
) =>
  render(
    <IntlProvider locale={locale} messages={messages} timeZone={timeZone}>
      <MockedProvider
        addTypename={false}
        mocks={[
          {
            request: { query: CHANGES },
            result: { data: { changes: null, schedule: scan } },
          },
        ]}
      >
        <WhatChanged />
      </MockedProvider>
    </IntlProvider>
  )

describe('WhatChanged: the daily scan line', () => {
  // The VTEX Admin's Spanish is es-AR, whose 12-hour times end in "a. m.": the sentence once
  // read "06:00 a. m.. Detalles". Times are on a 24-hour clock now; one period still ends it.
  it('ends a Spanish sentence with one period after the time', async () => {
    const { getByTestId } = renderIn('es-AR', es, schedule())

    await waitFor(() => getByTestId('daily-scan-line'))
    const text = getByTestId('daily-scan-line').textContent ?? ''

    expect(text).toMatch(/primera ejecución .*06:00 UTC\. Detalles$/)
    expect(text).not.toMatch(/\.\./)
  })

  it('does the same for the last run of a finished scan', async () => {
    const { getByTestId } = renderIn(
      'es-AR',
      es,
      schedule({
        lastScanAt: '2026-11-26T06:00:00.000Z',
        lastRun: {
          finishedAt: '2026-11-26T06:01:00.000Z',
          inventory: step('OK'),
          storefront: step('OK'),
          email: step('OK'),
        },
      })
    )

    await waitFor(() => getByTestId('daily-scan-line'))
    const text = getByTestId('daily-scan-line').textContent ?? ''

    expect(text).toMatch(/última ejecución .*06:01 UTC, todos los pasos/)
    expect(text).not.toMatch(/\.\./)
  })

  it('keeps the English sentence as written', async () => {
    const { getByTestId } = renderIn('en', en, schedule())

    await waitFor(() => getByTestId('daily-scan-line'))
    expect(getByTestId('daily-scan-line').textContent).toMatch(
      /^Daily scan: registered, first run Nov 27, 2026, 06:00 UTC\. Details$/
    )
  })

  // The schedule is stated in UTC ("Every day at 06:00 UTC"): in a browser at UTC−3 the line
  // must not say 03:00 without a zone.
  it('shows the scan times in UTC, with the zone, in a browser elsewhere', async () => {
    const { getByTestId } = renderIn('en', en, schedule(), 'America/Sao_Paulo')

    await waitFor(() => getByTestId('daily-scan-line'))
    const text = getByTestId('daily-scan-line').textContent ?? ''

    expect(text).toContain('first run Nov 27, 2026, 06:00 UTC.')
    expect(text).not.toContain('03:00')
  })
})
