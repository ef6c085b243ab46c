import React, { useState } from 'react'
import { useApolloClient, useMutation, useQuery } from 'react-apollo'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { Alert, Button, EmptyState, PageBlock } from 'vtex.styleguide'

import PageFrame from '../components/PageFrame'
import { ErrorState, Loading } from '../components/QueryState'
import REVIEW from '../graphql/review.gql'
import START from '../graphql/startReview.gql'
import { readError } from '../utils/errors'
import Checklist from './Checklist'
import DecisionTable from './DecisionTable'
import { downloadExport } from './download'
import SignOff from './SignOff'
import type { Review, ReviewSummary } from './types'

const Bar: React.FC<{ done: number; total: number; label: string }> = ({ done, total, label }) => (
  <div className="mb4">
    <div className="flex justify-between f6 mb1"><span>{label}</span><span>{done}/{total}</span></div>
    <div className="bg-muted-4 br2 h1" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
      <div className="bg-action-primary br2 h1" style={{ width: `${total ? (100 * done) / total : 100}%` }} />
    </div>
  </div>
)

const ExportButtons: React.FC<{ id: string }> = ({ id }) => {
  const client = useApolloClient()
  const [failed, setFailed] = useState(false)
  const go = (format: 'CSV' | 'JSON') => downloadExport(client as never, id, format).then(() => setFailed(false), () => setFailed(true))
  return (
    <span className="inline-flex items-center">
      <Button size="small" variation="tertiary" onClick={() => go('CSV')}><FormattedMessage id="admin/key-steward.review.exportCsv" /></Button>
      <Button size="small" variation="tertiary" onClick={() => go('JSON')}><FormattedMessage id="admin/key-steward.review.exportJson" /></Button>
      {failed && <span className="c-danger f6 ml2" role="alert"><FormattedMessage id="admin/key-steward.review.exportFailed" /></span>}
    </span>
  )
}

const History: React.FC<{ reviews: ReviewSummary[] }> = ({ reviews }) =>
  reviews.length === 0 ? (
    <p className="c-muted-1"><FormattedMessage id="admin/key-steward.review.noHistory" /></p>
  ) : (
    <ul className="list pa0 ma0">
      {reviews.map(r => (
        <li key={r.id} className="flex items-center justify-between pv3 bb b--muted-5" data-review-id={r.id}>
          <span>
            <FormattedMessage id="admin/key-steward.review.historyLine" values={{ date: <FormattedDate value={r.completedAt} year="numeric" month="long" day="2-digit" />, who: r.signedBy, keys: r.keys }} />
          </span>
          <ExportButtons id={r.id} />
        </li>
      ))}
    </ul>
  )

const ReviewPage: React.FC = () => {
  const intl = useIntl()
  const t = (id: string) => intl.formatMessage({ id: `admin/key-steward.review.${id}` })
  const { data, loading, error, refetch } = useQuery<{ review: Review | null; reviews: ReviewSummary[] }>(REVIEW, { fetchPolicy: 'cache-and-network' })
  const [start, starting] = useMutation(START, { refetchQueries: [{ query: REVIEW }], awaitRefetchQueries: true })
  const startFailure = readError(starting.error)
  const review = data?.review

  return (
    <PageFrame section="review" title={<FormattedMessage id="admin/key-steward.review.title" />} subtitle={<FormattedMessage id="admin/key-steward.review.subtitle" />}>
      {loading && !data && <PageBlock><Loading /></PageBlock>}
      {error && !data && <PageBlock><ErrorState error={error} onRetry={() => refetch()} /></PageBlock>}
      {data && !review && (
        <PageBlock>
          <EmptyState title={t('noneOpen')}>
            <p><FormattedMessage id="admin/key-steward.review.noneOpenText" /></p>
            {startFailure && <div className="mb4" role="alert"><Alert type="error">{startFailure.message}</Alert></div>}
            <Button onClick={() => start().catch(() => undefined)} isLoading={starting.loading}><FormattedMessage id="admin/key-steward.review.start" /></Button>
          </EmptyState>
        </PageBlock>
      )}
      {review && (
        <>
          <PageBlock variation="annotated" title={t('progress')} subtitle={intl.formatMessage({ id: 'admin/key-steward.review.startedBy' }, { who: review.startedBy, date: intl.formatDate(review.startedAt, { year: 'numeric', month: 'long', day: '2-digit' }) })}>
            {!review.inventoryComplete && <div className="mb4"><Alert type="warning"><FormattedMessage id="admin/key-steward.review.partialSnapshot" /></Alert></div>}
            <Bar done={review.progress.keysDecided} total={review.progress.keysTotal} label={t('keysDecided')} />
            <Bar done={review.progress.practicesClosed} total={review.progress.practicesTotal} label={t('practicesClosed')} />
            <div className="flex items-center justify-between flex-wrap">
              <SignOff review={review} />
              <ExportButtons id={review.id} />
            </div>
          </PageBlock>
          <PageBlock title={t('checklist')}>
            <Checklist items={review.checklist} />
          </PageBlock>
          <PageBlock title={t('decisions')}>
            <DecisionTable keys={review.keys} />
          </PageBlock>
        </>
      )}
      {data && (
        <PageBlock title={t('history')}>
          <History reviews={data.reviews} />
        </PageBlock>
      )}
    </PageFrame>
  )
}

export default ReviewPage
