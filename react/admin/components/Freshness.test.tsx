// The "Load live data" notice ("VTEX was read 5 seconds ago; that read is shown") speaks only of
// a press the service answered: a refetch that comes back with GraphQL errors (a query whose
// errorPolicy lets them through resolves instead of rejecting) still shows the earlier read,
// which did not answer this press.
import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'
import { ApolloError } from 'apollo-client'
import { GraphQLError } from 'graphql'

import { LIVE_META } from '../testing/data'
import type { DataMeta } from './Freshness'
import { DataSource } from './Freshness'

const RECENT: DataMeta = {
  ...LIVE_META,
  source: 'RECENT',
  ageSeconds: 5,
  revalidating: false,
}

const refused = new GraphQLError(
  'VTEX did not answer',
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  { code: 'UPSTREAM_UNAVAILABLE' }
)

/** Presses Load live data with a refetch that resolves to `result`, and lets it settle. */
async function press(result: unknown, meta: DataMeta = RECENT) {
  let settled = false
  const onLive = () =>
    Promise.resolve(result).finally(() => {
      settled = true
    })

  const view = render(<DataSource meta={meta} onLive={onLive} />)

  fireEvent.click(view.getByText('Load live data'))
  await waitFor(() => expect(settled).toBe(true))
  // the notice is set in the refetch's own then, one turn after it settles
  await new Promise((resolve) => setTimeout(resolve, 0))

  return view
}

describe('DataSource: the notice after Load live data', () => {
  it('says the recent read answered when the refetch resolved with that read', async () => {
    const { findByTestId } = await press({ data: {}, loading: false })

    expect((await findByTestId('live-read-answered')).textContent).toMatch(
      /VTEX was read 5 seconds ago; that read is shown/
    )
  })

  // walk12: "You can read again in 5 seconds" still stood 25 seconds later
  it('goes away once a new read is possible, rather than keep saying "in 1 second"', async () => {
    const { findByTestId, queryByTestId } = await press(
      { data: {}, loading: false },
      { ...RECENT, ageSeconds: 29 }
    )

    expect((await findByTestId('live-read-answered')).textContent).toMatch(
      /You can read again in 1 second\./
    )
    await waitFor(
      () => expect(queryByTestId('live-read-answered')).toBeNull(),
      { timeout: 10_000 }
    )
  })

  it('says nothing of it when the refetch resolved with GraphQL errors', async () => {
    const { queryByTestId } = await press({
      data: {},
      errors: [refused],
      loading: false,
    })

    expect(queryByTestId('live-read-answered')).toBeNull()
  })

  it('says nothing of it when the refetch resolved with an error', async () => {
    const { queryByTestId } = await press({
      data: {},
      error: new ApolloError({ graphQLErrors: [refused] }),
      loading: false,
    })

    expect(queryByTestId('live-read-answered')).toBeNull()
  })

  it('says nothing of it when the refetch was refused', async () => {
    const { queryByTestId } = await press(
      Promise.reject(new ApolloError({ graphQLErrors: [refused] }))
    )

    expect(queryByTestId('live-read-answered')).toBeNull()
  })
})

describe('DataSource: Try again after a failed Load live data', () => {
  it('moves focus to the data line before the notice (and its button) goes away', async () => {
    let answer: (value: unknown) => void = () => undefined
    const onLive = () =>
      new Promise((resolve) => {
        answer = resolve
      })

    const failed = new ApolloError({ graphQLErrors: [refused] })
    const view = render(
      <DataSource meta={RECENT} onLive={onLive} error={failed} />
    )

    const retry = view.getByText('Try again').closest('button')!

    retry.focus()
    fireEvent.click(retry)
    const line = view.container.querySelector('[data-source-line]')

    expect(document.activeElement).toBe(line)
    // the read answered: the notice goes, focus stays on what the page now says
    view.rerender(<DataSource meta={RECENT} onLive={onLive} />)
    answer({ data: {}, loading: false })
    await waitFor(() =>
      expect(view.queryByTestId('live-read-failed')).toBeNull()
    )
    expect(document.activeElement).toBe(line)
    expect(line!.textContent).toMatch(/Data read from VTEX/)
  })
})

describe('DataSource: the daily scan’s time', () => {
  const SNAPSHOT: DataMeta = {
    ...LIVE_META,
    source: 'SNAPSHOT',
    generatedAt: '2026-11-27T06:00:00.000Z',
  }

  it('is written in UTC and says so, as the scan’s schedule is (walk 11 #10)', () => {
    const { container } = render(
      <DataSource
        meta={SNAPSHOT}
        onLive={() => undefined}
        error={new ApolloError({ graphQLErrors: [refused] })}
      />
    )

    expect(container.textContent).toContain(
      'Showing the daily scan of Nov 27, 2026, 06:00 UTC: reading your account live is slow right now.'
    )
    expect(container.textContent).toContain(
      'Still shown: the daily scan of Nov 27, 2026, 06:00 UTC.'
    )
  })
})
