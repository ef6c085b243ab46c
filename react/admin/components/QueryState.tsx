// Loading, error and partial-data states every page shares.
import React from 'react'
import { FormattedDate, FormattedMessage } from 'react-intl'
import { Alert, Button, EmptyState, Spinner } from 'vtex.styleguide'
import type { ApolloError } from 'apollo-client'

import { readError } from '../utils/errors'

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
      <div role="alert">
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
          {retry}
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
    <div role="alert">
      <Alert type="error">
        <FormattedMessage
          id="admin/key-steward.error.generic"
          values={{ message: e.message }}
        />
      </Alert>
      {retry}
    </div>
  )
}

export const PartialBanner: React.FC<{ missing: string[] }> = ({ missing }) =>
  missing.length ? (
    <div className="mb5" role="status">
      <Alert type="warning">
        <FormattedMessage
          id="admin/key-steward.inventory.partial"
          values={{ missing: missing.join('; ') }}
        />
      </Alert>
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
    <div className="mb5" role="status" data-source="SNAPSHOT">
      <Alert
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
      </Alert>
    </div>
  ) : null
