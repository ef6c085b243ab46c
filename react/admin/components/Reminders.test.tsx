import React from 'react'
import { render, wait } from '@vtex/test-tools/react'

import REMINDERS from '../graphql/reminders.gql'
import Reminders from './Reminders'

describe('Reminders', () => {
  it('shows each reminder with its action and a snooze', async () => {
    const reminders = [
      {
        id: 'review-overdue:never',
        kind: 'REVIEW_OVERDUE',
        count: 1,
        dueDate: null,
        subjects: [],
      },
      {
        id: 'crossed:2027-03-07',
        kind: 'KEYS_CROSSED_ROTATION',
        count: 2,
        dueDate: null,
        subjects: [
          { id: 'k1', label: 'ERP sync' },
          { id: 'k2', label: 'Feed' },
        ],
      },
    ]

    const { getByText, container } = render(<Reminders />, {
      graphql: {
        mocks: [
          { request: { query: REMINDERS }, result: { data: { reminders } } },
        ],
      },
    })

    await wait(() => getByText(/The access review is overdue/))
    expect(
      getByText('Start the review').closest('a')!.getAttribute('href')
    ).toBe('/admin/key-steward/review')
    expect(
      getByText(
        /2 keys crossed the rotation period since the last scan: ERP sync, Feed/
      )
    ).toBeInTheDocument()
    // its link opens the key list on the keys it names
    const seeKeys = container.querySelector(
      '[data-reminder="KEYS_CROSSED_ROTATION"] a'
    )!

    expect(seeKeys.getAttribute('href')).toBe(
      '/admin/key-steward/keys?ids=k1,k2'
    )
    expect(container.querySelectorAll('[data-reminder]')).toHaveLength(2)
    expect(
      container.querySelector('select[aria-label="Snooze for"]')
    ).not.toBeNull()
    expect(container.textContent).toContain('7 days')
  })

  it('shows nothing when there is nothing to remind', async () => {
    const { container } = render(<Reminders />, {
      graphql: {
        mocks: [
          {
            request: { query: REMINDERS },
            result: { data: { reminders: [] } },
          },
        ],
      },
    })

    await new Promise((r) => setTimeout(r, 50))
    expect(container.querySelector('[data-reminder]')).toBeNull()
  })
})
