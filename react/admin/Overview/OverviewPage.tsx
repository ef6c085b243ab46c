import React from 'react'
import { useQuery } from 'react-apollo'
import {
  FormattedDate,
  FormattedMessage,
  FormattedNumber,
  useIntl,
} from 'react-intl'
import { PageBlock } from 'vtex.styleguide'

import FindingList from '../components/FindingList'
import Link from '../components/Link'
import PageFrame, { BASE } from '../components/PageFrame'
import {
  DataSource,
  ReadProgress,
  useQueryFreshness,
} from '../components/Freshness'
import { ErrorState, PartialBanner } from '../components/QueryState'
import SeverityBadge from '../components/SeverityBadge'
import SubjectName from '../components/SubjectName'
import OVERVIEW from '../graphql/overview.gql'
import type {
  KeyStewardOverviewQuery,
  KeyStewardOverviewQueryVariables,
} from '../graphql/types.generated'
import WhatChanged from './WhatChanged'
import ScoreCosts from './ScoreCosts'
import ReviewFollowUp from './ReviewFollowUp'
import { groupBySubject } from './groupFindings'
import { OVERVIEW_VARIABLES, URGENT } from './overviewVariables'
import type { Hygiene, Severity } from '../types'
import { SEVERITIES } from '../types'
import { useCopyPolicy } from '../apollo/useCopyPolicy'
import { useRereadByName } from '../apollo/useRereadByName'
import { useReadSignal } from '../apollo/readSignal'

/** The caption that names the severity counts (the list's accessible name). */
const COUNTS_CAPTION = 'overview-finding-counts'

/** The count of one severity (Hygiene.counts names them in lower case). */
const countOf = (counts: Hygiene['counts'], s: Severity): number =>
  counts[s.toLowerCase() as keyof Hygiene['counts']]

const scoreColor = (score: number) =>
  score >= 80 ? 'c-success' : score >= 50 ? 'c-warning' : 'c-danger'

const OverviewPage: React.FC = () => {
  // Only the most urgent findings travel; the total comes from the counts.
  const variables = OVERVIEW_VARIABLES
  const { data, loading, error, refetch } = useQuery<
    KeyStewardOverviewQuery,
    KeyStewardOverviewQueryVariables
  >(OVERVIEW, {
    variables,
    notifyOnNetworkStatusChange: true,
    ...useCopyPolicy(OVERVIEW, variables),
  })

  useRereadByName(OVERVIEW, { variables })
  // a live read answered: a change's notice that this page could not be read again goes
  const readLive = useReadSignal(OVERVIEW)

  const { status, reading, reload } = useQueryFreshness(
    data?.inventory,
    !!data,
    {
      loading,
      error,
      variables,
      refetch,
    }
  )

  // Both are null only beside an error, which leaves no data (the default error policy).
  const hygiene = data?.hygiene
  const inventory = data?.inventory
  const total = hygiene
    ? SEVERITIES.reduce((sum, s) => sum + countOf(hygiene.counts, s), 0)
    : 0

  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/key-steward.overview.${id}` })

  // Most urgent: one entry per key (its worst finding first), so a key never appears twice.
  const urgent = groupBySubject(data?.findings ?? []).slice(0, URGENT)
  // Only the first findings travel (most severe first): the rest are counted from the severity counts.
  const notShown = total - urgent.reduce((n, g) => n + g.findings.length, 0)

  return (
    <PageFrame
      section="overview"
      title={<FormattedMessage id="admin/key-steward.overview.title" />}
      subtitle={<FormattedMessage id="admin/key-steward.overview.subtitle" />}
    >
      {((loading && !data) || (reading && !data)) && (
        <PageBlock>
          <ReadProgress status={status} />
        </PageBlock>
      )}
      {error && !reading && !data && (
        <PageBlock>
          <ErrorState error={error} onRetry={reload} />
        </PageBlock>
      )}
      {hygiene && inventory && (
        <>
          <DataSource
            meta={inventory}
            loading={loading}
            onLive={() => readLive(refetch({ ...variables, live: true }))}
            error={reading ? undefined : error}
          />
          {(reading || (loading && !!status?.reading)) && (
            <PageBlock>
              <ReadProgress status={status} />
            </PageBlock>
          )}
          <PartialBanner
            missing={inventory.missing}
            source={inventory.source}
            loading={loading}
            onLive={() => readLive(refetch({ ...variables, live: true }))}
          />
          <PageBlock
            variation="annotated"
            title={t('score')}
            subtitle={hygiene.formula}
          >
            <div className="flex items-center flex-wrap">
              <div className="mr8 mb4">
                <span
                  className={`f1 fw6 ${scoreColor(hygiene.score)}`}
                  data-testid="hygiene-score"
                  data-score={hygiene.score}
                >
                  <FormattedNumber value={hygiene.score} />
                </span>
                <span className="f4 c-muted-1">
                  {' '}
                  <FormattedMessage
                    id="admin/key-steward.overview.outOf"
                    values={{ max: 100 }}
                  />
                </span>
              </div>
              {/* Findings, not keys: a key can have several, so these are not the API keys
                  page's counts (each key once, by its worst finding): walk12 */}
              <p id={COUNTS_CAPTION} className="mt0 mb3 f6 c-muted-1">
                <FormattedMessage id="admin/key-steward.overview.findingCounts" />
              </p>
              <ul
                className="list pa0 ma0 flex flex-wrap"
                aria-labelledby={COUNTS_CAPTION}
                data-finding-counts
              >
                {SEVERITIES.map((s: Severity) => (
                  <li key={s} className="mr5 mb3 flex items-center">
                    <SeverityBadge severity={s} />
                    <span className="ml2 f4 fw5">
                      <FormattedNumber value={countOf(hygiene.counts, s)} />
                    </span>
                  </li>
                ))}
              </ul>
            </div>
            <ScoreCosts hygiene={hygiene} />
          </PageBlock>
          <PageBlock variation="annotated" title={t('review')}>
            {hygiene.nextReviewDue ? (
              <p className={hygiene.overdue ? 'c-danger' : ''}>
                <FormattedMessage
                  id={
                    hygiene.overdue
                      ? 'admin/key-steward.overview.reviewOverdueSince'
                      : 'admin/key-steward.overview.reviewDue'
                  }
                  values={{
                    date: (
                      <FormattedDate
                        value={hygiene.nextReviewDue}
                        year="numeric"
                        month="long"
                        day="numeric"
                      />
                    ),
                  }}
                />
              </p>
            ) : (
              // a first review to do, not an overdue one: the warning colour, as the reminder
              <p className="c-warning" data-review-never>
                <FormattedMessage id="admin/key-steward.overview.reviewNever" />
              </p>
            )}
            <ReviewFollowUp />
          </PageBlock>
          <PageBlock title={t('urgent')}>
            <p className="mt0">
              <Link to={`${BASE}/keys`}>{t('allKeys')}</Link>
            </p>
            <FindingList
              findings={urgent.map(({ worst: f, findings }) => ({
                ...f,
                subject: (
                  <>
                    <SubjectName
                      subjectType={f.subjectType}
                      subjectId={f.subjectId}
                      label={f.subjectLabel}
                    />
                    {findings.length > 1 && (
                      <span
                        className="ml2 f6 fw4 c-muted-1"
                        data-subject-findings={findings.length}
                      >
                        <FormattedMessage
                          id="admin/key-steward.overview.keyFindings"
                          values={{ count: findings.length }}
                        />
                      </span>
                    )}
                  </>
                ),
              }))}
            />
            {notShown > 0 && (
              <p className="f6 c-muted-1">
                <FormattedMessage
                  id="admin/key-steward.overview.more"
                  values={{ count: notShown }}
                />
              </p>
            )}
          </PageBlock>
          <WhatChanged />
        </>
      )}
    </PageFrame>
  )
}

export default OverviewPage
