// Loading, error and partial-data states every page shares.
import React from 'react'
import { FormattedDate, FormattedMessage } from 'react-intl'
import { Button, EmptyState, Spinner } from 'vtex.styleguide'
import type { ApolloError } from 'apollo-client'

import { readError } from '../utils/errors'
import { Notice } from './Notice'

export const Loading: React.FC = () => (
  <div
    className="flex items-center justify-center pa8"
    role="status"
    aria-live="polite"
  >
    <Spinner size={32} />
    <span className="ml4 c-muted-1">
      <FormattedMessage id="admin/key-steward.state.loading" />
    </span>
  </div>
)

export const ErrorState: React.FC<{
  error: ApolloError
  onRetry: () => void
}> = ({ error, onRetry }) => {
  const e = readError(error)!
  const retry = (
    <div className="mt5">
      <Button variation="secondary" onClick={onRetry}>
        <FormattedMessage id="admin/key-steward.error.retry" />
      </Button>
    </div>
  )

  if (e.code === 'FORBIDDEN') {
    return (
      <div role="alert" data-testid="forbidden">
        <EmptyState
          title={
            <FormattedMessage id="admin/key-steward.error.forbidden.title" />
          }
        >
          <p>
            <FormattedMessage
              id="admin/key-steward.error.forbidden"
              values={{ resources: e.missingResources.join(', ') || e.message }}
            />
          </p>
          <p className="c-muted-1">
            <FormattedMessage id="admin/key-steward.error.forbidden.how" />
          </p>
          {/* no "Try again": the same session would be refused again until someone grants it */}
        </EmptyState>
      </div>
    )
  }

  if (e.code === 'UNAUTHENTICATED') {
    return (
      <div role="alert">
        <EmptyState
          title={
            <FormattedMessage id="admin/key-steward.error.session.title" />
          }
        >
          <p>
            <FormattedMessage id="admin/key-steward.error.session" />
          </p>
          {retry}
        </EmptyState>
      </div>
    )
  }

  return (
    <div>
      <Notice announce="assertive" type="error">
        <FormattedMessage
          id="admin/key-steward.error.generic"
          values={{ message: e.message }}
        />
      </Notice>
      {retry}
    </div>
  )
}

export const PartialBanner: React.FC<{ missing: string[] }> = ({ missing }) =>
  missing.length ? (
    // standing notice about the data on the page: read in place, not announced on load
    <div className="mb5">
      <Notice announce="none" type="warning">
        <FormattedMessage
          id="admin/key-steward.inventory.partial"
          values={{ missing: missing.join('; ') }}
        />
      </Notice>
    </div>
  ) : null

/** Says the page shows the daily scan's copy (the live read was slow) and offers the live data. */
export const SourceBanner: React.FC<{
  source?: string
  generatedAt?: string
  onLive: () => void
  loading?: boolean
}> = ({ source, generatedAt, onLive, loading }) =>
  source === 'SNAPSHOT' && generatedAt ? (
    <div className="mb5" data-source="SNAPSHOT">
      <Notice
        announce="none"
        type="warning"
        action={{
          label: <FormattedMessage id="admin/key-steward.source.refresh" />,
          onClick: onLive,
        }}
      >
        <FormattedMessage
          id="admin/key-steward.source.snapshot"
          values={{
            date: (
              <FormattedDate
                value={generatedAt}
                year="numeric"
                month="long"
                day="2-digit"
                hour="2-digit"
                minute="2-digit"
              />
            ),
          }}
        />
        {loading && (
          <span className="ml2">
            <FormattedMessage id="admin/key-steward.state.loading" />
          </span>
        )}
      </Notice>
    </div>
  ) : null
