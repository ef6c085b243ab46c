// Loading, error and partial-data states every page shares.
import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, EmptyState, Spinner } from 'vtex.styleguide'
import type { ApolloError } from 'apollo-client'

import { readError } from '../utils/errors'
import type { ServiceError } from '../utils/errors'
import { groupResources, lacksSaveUser } from '../utils/resourceGroups'
import Link from './Link'
import { Notice } from './Notice'
import { ScanTime } from './ScanTime'
import { BASE } from './PageFrame.constants'
import { useMarksPageRefused } from './PageRefusal'
import { useResourceWords } from './useResourceWords'

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

/**
 * A page the session may not see: which License Manager resources are missing (grouped by what
 * would do instead, names exactly as VTEX's Admin shows them), why a read needs Save user, and
 * the auditor route for someone who only reads completed reviews (or, to a named auditor, the
 * way to those reviews). No "Try again": the same
 * session would be refused again until someone grants it.
 */
const Forbidden: React.FC<{ error: ServiceError }> = ({ error: e }) => {
  const intl = useIntl()
  const say = (id: string, values?: Record<string, string>) =>
    intl.formatMessage(
      { id: `admin/key-steward.error.forbidden.${id}` },
      values
    )

  const resourceWords = useResourceWords()

  useMarksPageRefused()
  const groups = groupResources(e.acceptedResources)
  const resources = resourceWords(e.acceptedResources)
  // "this resource" for one name listed ("Save user (or Edit Admin Users)"), else "these"
  const count = groups.reduce((n, g) => n + g.names.length, 0)

  return (
    // room between the section tabs and the heading (it touched their underline)
    <div role="alert" data-testid="forbidden" className="pt6">
      <EmptyState
        title={
          <FormattedMessage id="admin/key-steward.error.forbidden.title" />
        }
      >
        <p data-forbidden-resources>
          <FormattedMessage
            id="admin/key-steward.error.forbidden"
            values={{ resources: resources || e.message, count }}
          />
        </p>
        {lacksSaveUser(groups) && (
          <p data-forbidden-why>{say('saveUserWhy')}</p>
        )}
        <p className="c-muted-1" data-forbidden-how>
          <FormattedMessage
            id="admin/key-steward.error.forbidden.how"
            values={{ count }}
          />
        </p>
        {e.auditor ? (
          // already named: advice to ask for it would be wrong; the reviews are what they may read
          <p data-forbidden-is-auditor>
            {say('isAuditor')}{' '}
            <Link
              to={`${BASE}/review`}
              className="c-link hover-c-link-hover underline"
            >
              {say('toReviews')}
            </Link>
          </p>
        ) : (
          lacksSaveUser(groups) && (
            <p className="c-muted-1" data-forbidden-auditor>
              <FormattedMessage
                id="admin/key-steward.error.forbidden.auditor"
                values={{ count }}
              />
            </p>
          )
        )}
      </EmptyState>
    </div>
  )
}

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

  if (e.code === 'FORBIDDEN') return <Forbidden error={e} />

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

/** How many missing parts the banner names (a failing VTEX can leave thousands of keys unread). */
export const MISSING_SHOWN = 5

/**
 * Whether the line about the data's source (Freshness DataSource) already offers "Load live
 * data": it does for the daily scan's copy, the recent copy and a live read alike.
 */
export const sourceOffersLive = (source: string | null | undefined) =>
  source === 'SNAPSHOT' || source === 'RECENT' || source === 'LIVE'

export const PartialBanner: React.FC<{
  missing: string[]
  /**
   * The page's "Load live data" (its query again with live: true): what to do about the missing
   * parts. Offered here unless the source line above offers it already (one button, not two).
   */
  onLive?: () => unknown
  source?: string | null
  loading?: boolean
}> = ({ missing, onLive, source, loading }) =>
  missing.length ? (
    // standing notice about the data on the page: read in place, not announced on load
    <div className="mb5" data-partial>
      <Notice
        announce="none"
        type="warning"
        action={
          onLive && !sourceOffersLive(source)
            ? {
                label: (
                  <FormattedMessage id="admin/key-steward.source.refresh" />
                ),
                onClick: () => {
                  onLive()
                },
              }
            : undefined
        }
      >
        {/* one element: the Alert lays its children out as a row, which split the sentence */}
        <span>
          <FormattedMessage
            id="admin/key-steward.inventory.partial"
            values={{
              missing: (
                <>
                  {missing.slice(0, MISSING_SHOWN).map((m, i) => (
                    // each part isolated: a label written right to left must not turn the rest
                    <React.Fragment key={i}>
                      {i > 0 && '; '}
                      <bdi>{m}</bdi>
                    </React.Fragment>
                  ))}
                  {missing.length > MISSING_SHOWN && (
                    <>
                      {' '}
                      <FormattedMessage
                        id="admin/key-steward.inventory.missing.more"
                        values={{ count: missing.length - MISSING_SHOWN }}
                      />
                    </>
                  )}
                </>
              ),
            }}
          />
          {/* present before it says anything: a live region added with its text is not read */}
          <span className="ml2" role="status">
            {loading && (
              <FormattedMessage id="admin/key-steward.state.loading" />
            )}
          </span>
        </span>
      </Notice>
    </div>
  ) : null

/**
 * Says the page shows the daily scan's copy (the live read was slow) and offers the live data
 * (without `onLive`: the page offers it in its own content).
 */
export const SourceBanner: React.FC<{
  source?: string
  generatedAt?: string
  onLive?: () => void
  loading?: boolean
}> = ({ source, generatedAt, onLive, loading }) =>
  source === 'SNAPSHOT' && generatedAt ? (
    <div className="mb5" data-source="SNAPSHOT">
      <Notice
        announce="none"
        type="warning"
        action={
          onLive && {
            label: <FormattedMessage id="admin/key-steward.source.refresh" />,
            onClick: onLive,
          }
        }
      >
        <FormattedMessage
          id="admin/key-steward.source.snapshot"
          values={{
            date: <ScanTime value={generatedAt} />,
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
