// A request that fails while the page shows data (walk 10: "Load live data" with VTEX's key list
// answering 502 left "Data read from VTEX 1 minute ago" and the old table, with no word of the
// failure) must say so, say which copy is still shown, and offer the live read again. A live read
// that succeeded says so and keeps the button; a live read in flight shows its progress.
import React from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'
import { ApolloError } from 'apollo-client'
import { GraphQLError } from 'graphql'

import { LIVE_META } from '../testing/data'
import type { DataMeta, InventoryStatus } from './Freshness'
import LiveList from './LiveList'

const RECENT: DataMeta & { missing: string[] } = {
  ...LIVE_META,
  source: 'RECENT',
  ageSeconds: 75,
  revalidating: false,
}

const failed = (code: string, message: string) =>
  new ApolloError({
    graphQLErrors: [
      new GraphQLError(
        message,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        {
          code,
        }
      ),
    ],
  })

const VTEX_502 =
  'Could not read the list of API keys: VTEX failed (HTTP 502) after 4 attempts. Try again in a few minutes.'

function view(
  props: Partial<React.ComponentProps<typeof LiveList>>,
  locale?: string
) {
  const onLive = jest.fn(() => Promise.resolve({ data: {} }))
  const onRetry = jest.fn()
  const r = render(
    <LiveList
      meta={RECENT}
      loading={false}
      reading={false}
      status={null}
      error={undefined}
      onRetry={onRetry}
      onLive={onLive}
      {...props}
    >
      <table data-testid="rows" />
    </LiveList>,
    locale ? { locale } : undefined
  )

  return { ...r, onLive, onRetry }
}

describe('LiveList: a failed request beside the data shown', () => {
  it('says the service’s message and which copy is still shown, with Try again', () => {
    const { getByTestId, getByText, onLive } = view({
      error: failed('UPSTREAM_UNAVAILABLE', VTEX_502),
    })

    const notice = getByTestId('live-read-failed')

    expect(notice.textContent).toContain(
      `Key Steward could not load fresh data. ${VTEX_502}`
    )
    expect(getByTestId('live-read-failed-copy').textContent).toBe(
      'Still shown: the copy read from VTEX 1 minute ago.'
    )
    expect(notice.querySelector('[role="alert"]')).not.toBeNull()
    // the table stays: it is the copy the line speaks of
    expect(getByTestId('rows')).toBeTruthy()
    fireEvent.click(getByText('Try again'))
    expect(onLive).toHaveBeenCalledTimes(1)
  })

  it('names the daily scan’s copy when that is what is shown, in pt', () => {
    const { getByTestId } = view(
      {
        meta: { ...RECENT, source: 'SNAPSHOT', ageSeconds: null },
        error: failed('UPSTREAM_UNAVAILABLE', VTEX_502),
      },
      'pt'
    )

    expect(getByTestId('live-read-failed').textContent).toContain(
      'O Key Steward não conseguiu carregar dados novos.'
    )
    expect(getByTestId('live-read-failed-copy').textContent).toMatch(
      /^Continua na tela a varredura diária de 26 de nov\. de 2026, 12:00 UTC\.$/
    )
  })

  it('says nothing of a failure while the request runs again, or while a read goes on (READING)', () => {
    expect(
      view({
        error: failed('UPSTREAM_UNAVAILABLE', VTEX_502),
        loading: true,
      }).queryByTestId('live-read-failed')
    ).toBeNull()
    expect(
      view({
        error: failed('READING', 'still reading'),
        reading: true,
      }).queryByTestId('live-read-failed')
    ).toBeNull()
  })
})

describe('LiveList: after a live read', () => {
  it('says VTEX was read live just now and keeps Load live data', () => {
    const { container, getByText, onLive } = view({ meta: LIVE_META })

    expect(
      container.querySelector('[data-source="LIVE"]')!.textContent
    ).toContain('Data read live from VTEX just now.')
    fireEvent.click(getByText('Load live data'))
    expect(onLive).toHaveBeenCalledTimes(1)
  })

  // walk12: "1,290 of 6,000 … 59 seconds so far" left the admin to work out the rest
  it('says how long the read still takes at its pace so far', () => {
    const status: InventoryStatus = {
      version: 'v1',
      generatedAt: LIVE_META.generatedAt,
      ageSeconds: 75,
      reading: true,
      lastError: null,
      progress: {
        phase: 'ROLES',
        done: 1290,
        total: 6000,
        elapsedSeconds: 59,
        concurrency: 3,
        maxConcurrency: 8,
        waitingSeconds: 0,
        rateLimited: 52,
      },
    }

    const { getByTestId } = view({ loading: true, status })

    expect(getByTestId('read-time-left').textContent).toBe(
      ' About 4 minutes left at this pace.'
    )
  })

  it('shows the progress of a live read the page waits for', () => {
    const status: InventoryStatus = {
      version: 'v1',
      generatedAt: LIVE_META.generatedAt,
      ageSeconds: 75,
      reading: true,
      lastError: null,
      progress: {
        phase: 'ROLES',
        done: 12,
        total: 51,
        elapsedSeconds: 3,
        concurrency: 4,
        maxConcurrency: 4,
        waitingSeconds: 0,
        rateLimited: 0,
      },
    }

    const { getByTestId } = view({ loading: true, status })

    expect(getByTestId('read-progress').textContent).toContain('12 of 51')
    // 3 seconds in: too early to say how long is left
    expect(
      getByTestId('read-progress').querySelector(
        '[data-testid="read-time-left"]'
      )
    ).toBeNull()
    // not before the status says a read runs (a page change answered from the copy)
    expect(
      view({ loading: true, status: null }).container.querySelector(
        '[data-testid="read-progress"]'
      )
    ).toBeNull()
  })
})
