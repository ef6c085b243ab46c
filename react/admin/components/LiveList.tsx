// What a server-paged list page (API keys, Users and roles) shows around its rows: the read's
// progress while nothing is there yet, the error if it failed, then where the data comes from (and
// a request that failed beside it), the progress of a read still running, what is missing, and the
// page's own content.
import React from 'react'
import type { ApolloError } from 'apollo-client'

import { DataSource, ReadProgress } from './Freshness'
import type { DataMeta, InventoryStatus } from './Freshness'
import { ErrorState, PartialBanner } from './QueryState'

interface Props {
  meta: (DataMeta & { missing: string[] }) | undefined
  loading: boolean
  /** a cold read outlasted the request and goes on in the background */
  reading: boolean
  status: InventoryStatus | null
  error: ApolloError | undefined
  onRetry: () => void
  /** asks for a live read (the query's refetch: DataSource waits for its answer) */
  onLive: () => unknown
  /**
   * offer "Load live data" on the banners above the content (where the data comes from, what is
   * missing); false when the page offers it in its own state, so the page shows it once
   */
  partialAction?: boolean
  children: React.ReactNode
}

const LiveList: React.FC<Props> = ({
  meta,
  loading,
  reading,
  status,
  error,
  onRetry,
  onLive,
  partialAction = true,
  children,
}) => (
  <>
    {(loading || reading) && !meta && <ReadProgress status={status} />}
    {error && !reading && !meta && (
      <ErrorState error={error} onRetry={onRetry} />
    )}
    {meta && (
      <>
        <DataSource
          meta={meta}
          loading={loading}
          onLive={onLive}
          action={partialAction}
          error={reading ? undefined : error}
        />
        {/* a read still running, or a live read the page is waiting for (Load live data) */}
        {(reading || (loading && !!status?.reading)) && (
          <ReadProgress status={status} />
        )}
        <PartialBanner
          missing={meta.missing}
          source={meta.source}
          loading={loading}
          onLive={partialAction ? onLive : undefined}
        />
        {children}
      </>
    )}
  </>
)

export default LiveList
