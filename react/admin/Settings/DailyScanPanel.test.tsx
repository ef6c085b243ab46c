import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'
import { IntlProvider } from 'react-intl'

import en from '../../../messages/en.json'
import RESTART from '../graphql/restartSchedule.gql'
import SCHEDULE from '../graphql/schedule.gql'
import STOP from '../graphql/unregisterSchedule.gql'
import type { ScanProblem, ScanStepState } from '../graphql/types.generated'
import type { ScheduleStatus } from './DailyScanPanel'
import DailyScanPanel from './DailyScanPanel'

const step = (
  state: ScanStepState,
  problem: ScanProblem | null = null,
  detail: string | null = null
) => ({ state, problem, detail, __typename: 'ScanStep' })

const base: ScheduleStatus = {
  registered: true,
  healthy: true,
  stoppedAt: null,
  registeredAt: '2026-11-26T12:00:00Z',
  lastScanAt: '2026-11-27T06:00:00Z',
  nextRunAt: '2026-11-28T06:00:00Z',
  endsAt: '2026-12-26T12:00:00Z',
  registration: { ...step('OK'), at: '2026-11-26T12:00:00Z' },
  lastRun: {
    startedAt: '2026-11-27T06:00:00Z',
    finishedAt: '2026-11-27T06:00:09Z',
    inventory: step('OK'),
    storefront: {
      ...step('PARTIAL', 'INCOMPLETE'),
      unreadUrls: 2,
      limitReached: true,
    },
    email: step('SKIPPED', 'NO_RECIPIENTS'),
    emailsSent: 0,
  },
}

const read = (s: ScheduleStatus | null) => ({
  request: { query: SCHEDULE },
  result: {
    data: {
      schedule: s && {
        ...s,
        __typename: 'ScheduleStatus',
        lastRun: s.lastRun && { ...s.lastRun, __typename: 'ScanRun' },
      },
    },
  },
})

describe('DailyScanPanel', () => {
  it('shows each step of the last run with what went wrong and what to do', async () => {
    const { getByText, getByTestId } = render(<DailyScanPanel />, {
      graphql: { mocks: [read(base)] },
    })

    await waitFor(() => getByText('Running'))
    expect(getByText(/^Next run:/)).toBeTruthy()
    expect(
      getByTestId('daily-scan')
        .querySelector('[data-step="storefront"]')!
        .getAttribute('data-state')
    ).toBe('PARTIAL')
    expect(getByTestId('scan-unread').textContent).toBe(
      '2 URLs could not be read. A page, size or sitemap limit stopped the crawl.'
    )
    expect(
      getByText(/No recipients: add reminder e-mail addresses/)
    ).toBeTruthy()
  })

  it('says when VTEX refused the registration, and restarts on request', async () => {
    const failing = {
      ...base,
      registered: false,
      healthy: false,
      lastRun: null,
      registration: {
        ...step(
          'FAILED',
          'APP_FORBIDDEN',
          'POST /api/scheduler/{workspace}/{app} answered HTTP 403'
        ),
        at: '2026-11-26T12:00:00Z',
      },
    }

    const restart = {
      request: { query: RESTART },
      result: {
        data: {
          restartSchedule: {
            registered: true,
            healthy: true,
            __typename: 'ScheduleStatus',
          },
        },
      },
    }

    const { getByText } = render(<DailyScanPanel />, {
      graphql: { mocks: [read(failing), restart, read(base)] },
    })

    await waitFor(() =>
      getByText(/VTEX’s scheduler refused to register the daily scan/)
    )
    expect(getByText(/Install the latest version of Key Steward/)).toBeTruthy()
    expect(getByText('Stopped')).toBeTruthy()
    fireEvent.click(getByText('Start daily scan'))
    await waitFor(() => getByText('Running'))
  })

  it('says when an admin stopped it, and that visits do not restart it', async () => {
    const { getByTestId, getByText } = render(<DailyScanPanel />, {
      graphql: {
        mocks: [
          read({
            ...base,
            registered: false,
            healthy: false,
            stoppedAt: '2026-11-27T10:00:00Z',
            lastRun: null,
          }),
        ],
      },
    })

    await waitFor(() => getByTestId('stopped-by-admin'))
    expect(
      getByText(/Opening Key Steward does not start it again/)
    ).toBeTruthy()
    expect(getByText('Start daily scan')).toBeTruthy()
  })

  it('asks before stopping, then stops', async () => {
    const stop = {
      request: { query: STOP },
      result: { data: { unregisterSchedule: true } },
    }

    const { getByText, queryByText } = render(<DailyScanPanel />, {
      graphql: {
        mocks: [
          read(base),
          stop,
          read({ ...base, registered: false, healthy: false }),
        ],
      },
    })

    await waitFor(() => getByText('Stop daily scan'))
    fireEvent.click(getByText('Stop daily scan'))
    expect(getByText(/Stop checking this account every day/)).toBeTruthy()
    fireEvent.click(getByText('Yes, stop it'))
    await waitFor(() => getByText('Stopped'))
    expect(queryByText('Stop daily scan')).toBeNull()
    // the confirmation went with the stop: focus is on what replaced it, not on the page
    await waitFor(() =>
      expect(document.activeElement).toBe(
        getByText('Start daily scan').closest('button')
      )
    )
  })

  it('moves focus into the stop confirmation, cancels it with Escape and returns focus (walk14 #5)', async () => {
    const { getByText, queryByText } = render(<DailyScanPanel />, {
      graphql: { mocks: [read(base)] },
    })

    await waitFor(() => getByText('Stop daily scan'))
    const stopButton = () => getByText('Stop daily scan').closest('button')

    fireEvent.click(getByText('Stop daily scan'))
    const question = getByText(/Stop checking this account every day/)

    expect(document.activeElement).toBe(question)
    fireEvent.keyDown(question, { key: 'Escape' })
    expect(queryByText(/Stop checking this account every day/)).toBeNull()
    expect(document.activeElement).toBe(stopButton())

    fireEvent.click(getByText('Stop daily scan'))
    fireEvent.click(getByText('Cancel'))
    expect(queryByText('Yes, stop it')).toBeNull()
    expect(document.activeElement).toBe(stopButton())
  })

  // The panel says "Every day at 06:00 UTC": its times are in UTC and say so, even in a browser
  // at UTC−3, where the local time read "03:00" beside it.
  it('shows the next and last run in UTC, with the zone', async () => {
    const { getByText } = render(
      <IntlProvider locale="en" messages={en} timeZone="America/Sao_Paulo">
        <DailyScanPanel />
      </IntlProvider>,
      { graphql: { mocks: [read(base)] } }
    )

    await waitFor(() => getByText('Running'))
    expect(getByText(/^Next run:/).textContent).toBe(
      'Next run: Nov 28, 2026, 06:00 UTC'
    )
    expect(getByText(/^Last run:/).textContent).toBe(
      'Last run: Nov 27, 2026, 06:00 UTC'
    )
  })
})
