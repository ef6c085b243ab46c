// A completed review, read-only: who signed and their note, the checklist with evidence and
// notes, every decision with its justification, and the review's log. Auditors named in the
// settings read this too.
import React, { useState } from 'react'
import { useQuery } from 'react-apollo'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { Button, PageBlock } from 'vtex.styleguide'

import { ErrorState, Loading } from '../components/QueryState'
import REVIEW_BY_ID from '../graphql/reviewById.gql'
import type {
  KeyStewardReviewByIdQuery,
  KeyStewardReviewByIdQueryVariables,
} from '../graphql/types.generated'
import { ReadOnlyChecklist } from './Checklist'
import DecisionTable from './DecisionTable'
import ExportButtons from './ExportButtons'
import { Notice } from '../components/Notice'

const LOG_PAGE = 100

const CompletedReview: React.FC<{
  id: string
  justSigned?: boolean
  onClose?: () => void
}> = ({ id, justSigned = false, onClose }) => {
  const intl = useIntl()
  const t = (key: string) =>
    intl.formatMessage({ id: `admin/key-steward.review.${key}` })

  const [logLimit, setLogLimit] = useState(LOG_PAGE)
  const { data, loading, error, refetch } = useQuery<
    KeyStewardReviewByIdQuery,
    KeyStewardReviewByIdQueryVariables
  >(REVIEW_BY_ID, {
    variables: { id, auditLimit: logLimit },
    fetchPolicy: 'cache-and-network',
  })

  const review = data?.reviewById

  if (loading && !review)
    return (
      <PageBlock>
        <Loading />
      </PageBlock>
    )
  if (error && !review)
    return (
      <PageBlock>
        <ErrorState error={error} onRetry={() => refetch()} />
      </PageBlock>
    )
  if (!review)
    return (
      <PageBlock>
        <p>{t('notFound')}</p>
      </PageBlock>
    )

  return (
    <div data-completed-review={review.id}>
      {justSigned && (
        <div className="mb5" data-signed-success>
          <Notice announce="polite" type="success">
            <FormattedMessage
              id="admin/key-steward.review.signedSuccess"
              values={{ who: review.signedBy }}
            />
          </Notice>
        </div>
      )}
      <PageBlock
        variation="annotated"
        title={t('completedTitle')}
        subtitle={intl.formatMessage(
          { id: 'admin/key-steward.review.startedBy' },
          {
            who: review.startedBy,
            date: intl.formatDate(review.startedAt, {
              year: 'numeric',
              month: 'long',
              day: '2-digit',
            }),
          }
        )}
      >
        <p className="mt0" data-signed-by>
          <FormattedMessage
            id="admin/key-steward.review.signedByOn"
            values={{
              who: review.signedBy,
              date: review.completedAt ? (
                <FormattedDate
                  value={review.completedAt}
                  year="numeric"
                  month="long"
                  day="2-digit"
                />
              ) : (
                ''
              ),
            }}
          />
        </p>
        <p data-signature-note>
          {review.signatureNote ? (
            <FormattedMessage
              id="admin/key-steward.review.signatureNote"
              values={{ note: review.signatureNote }}
            />
          ) : (
            <FormattedMessage id="admin/key-steward.review.noSignatureNote" />
          )}
        </p>
        <p className="f6 c-muted-1">
          {review.progress.decisionCounts
            .map(
              (c) => `${c.count} ${t(`decision.${c.decision}`).toLowerCase()}`
            )
            .join(' · ')}
        </p>
        <div className="flex items-center">
          <ExportButtons id={review.id} />
          {onClose && (
            <span className="ml4">
              <Button size="small" variation="tertiary" onClick={onClose}>
                <FormattedMessage id="admin/key-steward.review.backToReviews" />
              </Button>
            </span>
          )}
        </div>
      </PageBlock>
      <PageBlock title={t('checklist')}>
        <ReadOnlyChecklist items={review.checklist} />
      </PageBlock>
      <PageBlock title={t('decisions')}>
        <DecisionTable reviewId={review.id} readOnly />
      </PageBlock>
      <PageBlock title={t('auditLog')}>
        <table className="w-100 collapse f6" data-review-log>
          <thead className="bb b--muted-4">
            <tr>
              {['at', 'by', 'action', 'subject', 'detail'].map((c) => (
                <th key={c} scope="col" className="tl pv2 ph2 fw5 c-muted-1">
                  <FormattedMessage id={`admin/key-steward.review.log.${c}`} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(review.audit ?? []).map((a, i) => (
              <tr key={i} className="bb b--muted-5" data-log-action={a.action}>
                <td className="pv2 ph2 nowrap">
                  {a.at.slice(0, 16).replace('T', ' ')}
                </td>
                <td className="pv2 ph2">{a.by}</td>
                <td className="pv2 ph2">{a.action}</td>
                <td className="pv2 ph2 code f7">{a.subject}</td>
                <td className="pv2 ph2">{a.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {(review.auditTotal ?? 0) > (review.audit ?? []).length && (
          <div className="mt3">
            <Button
              size="small"
              variation="secondary"
              onClick={() => setLogLimit(logLimit + LOG_PAGE * 5)}
            >
              <FormattedMessage
                id="admin/key-steward.review.moreLog"
                values={{
                  count: (review.auditTotal ?? 0) - (review.audit ?? []).length,
                }}
              />
            </Button>
          </div>
        )}
      </PageBlock>
    </div>
  )
}

export default CompletedReview
