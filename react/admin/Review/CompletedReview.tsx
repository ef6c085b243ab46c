// A completed review, read-only: who signed and their note, the follow-up of the changes its
// decisions asked for, the checklist with evidence and notes, every decision with its
// justification, and the review's log. Auditors named in the settings read this too.
import React, { useEffect, useRef, useState } from 'react'
import { useQuery } from 'react-apollo'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { Button, PageBlock } from 'vtex.styleguide'

import { ErrorState, Loading } from '../components/QueryState'
import NEXT_REVIEW_DUE from '../graphql/nextReviewDue.gql'
import REVIEW_BY_ID from '../graphql/reviewById.gql'
import type {
  KeyStewardNextReviewDueQuery,
  KeyStewardNextReviewDueQueryVariables,
  KeyStewardReviewByIdQuery,
  KeyStewardReviewByIdQueryVariables,
} from '../graphql/types.generated'
import { signOffTime } from '../utils/scanTime'
import { ReadOnlyChecklist } from './Checklist'
import DecisionTable from './DecisionTable'
import ExportButtons from './ExportButtons'
import { Notice } from '../components/Notice'
import type { CarryOutFilter, Progress } from './types'
import type { LogLine } from './logEntry'
import { logLine } from './logEntry'
import { focusHeadingIn } from './focusHeading'
import type { TableFilters } from './reviewUrl'

/**
 * Signing changes nothing in VTEX: how many of the changes the decisions asked for are carried
 * out, and a way to list the rest. A warning while some are not, so "signed" never reads as
 * "all handled".
 */
const FollowUpLine: React.FC<{
  progress: Pick<
    Progress,
    | 'changesAsked'
    | 'changesCarriedOut'
    | 'changesInProgress'
    | 'changesNotStarted'
    | 'changesOutside'
  >
  onShowPending: () => void
}> = ({ progress: p, onShowPending }) => {
  const intl = useIntl()
  // changes on keys of other accounts are made in VTEX, where Key Steward cannot follow them:
  // counted apart, never as "not carried out yet" (they would stay so forever)
  const outside = p.changesOutside ?? 0
  const pending = p.changesAsked - p.changesCarriedOut - outside
  const showPending = intl.formatMessage(
    { id: 'admin/key-steward.review.showNotCarriedOut' },
    { count: pending }
  )

  const outsideLine = outside > 0 && (
    <p className="mv2 f6" data-follow-up-outside={outside}>
      <FormattedMessage
        id="admin/key-steward.review.followUpOutside"
        values={{ count: outside }}
      />
    </p>
  )

  // Nothing to follow up: said inside the review's card (FollowUpNone), not above its heading.
  if (p.changesAsked === 0) return null
  if (pending === 0 && p.changesCarriedOut === 0)
    return (
      <div className="mb5" data-follow-up="outside">
        {outsideLine}
      </div>
    )
  if (pending === 0)
    return (
      <div className="mb5" data-follow-up="done">
        <Notice announce="none" type="success">
          <div>
            <FormattedMessage
              id={`admin/key-steward.review.${
                outside ? 'followUpAllDoneHere' : 'followUpAllDone'
              }`}
              values={{ count: p.changesCarriedOut }}
            />
            {outsideLine}
          </div>
        </Notice>
      </div>
    )

  return (
    <div
      className="mb5"
      data-follow-up="pending"
      data-follow-up-pending={pending}
    >
      <Notice
        announce="none"
        type="warning"
        action={{ label: showPending, onClick: onShowPending }}
      >
        <div>
          <p className="mt0 mb2 fw5" data-follow-up-counts>
            <FormattedMessage
              id="admin/key-steward.review.followUp"
              values={{
                done: p.changesCarriedOut,
                asked: p.changesAsked,
                inProgress: p.changesInProgress,
                notStarted: p.changesNotStarted,
                outside,
              }}
            />
          </p>
          {outsideLine}
          <p className="mv0 f6">
            <FormattedMessage id="admin/key-steward.review.followUpHow" />
          </p>
        </div>
      </Notice>
    </div>
  )
}

/** The decisions' counts, as "Keep: 49 · Rotate: 1": a noun and its number, zeros left out. */
const DecisionCounts: React.FC<{ counts: Progress['decisionCounts'] }> = ({
  counts,
}) => {
  const intl = useIntl()
  const shown = counts.filter((c) => c.count > 0)

  if (!shown.length) return null

  return (
    <p className="f6 c-muted-1" data-decision-counts>
      {shown
        .map((c) =>
          intl.formatMessage(
            { id: 'admin/key-steward.review.decisionCount' },
            {
              decision: intl.formatMessage({
                id: `admin/key-steward.review.decision.${c.decision}`,
              }),
              count: c.count,
            }
          )
        )
        .join(' · ')}
    </p>
  )
}

/** One line of the review's log in the admin's language (logEntry.ts reads the stored codes). */
const LogWords: React.FC<{ line: LogLine }> = ({ line }) => {
  const intl = useIntl()
  const word = (id: string) => intl.formatMessage({ id })

  return (
    <>
      {intl.formatMessage(
        { id: `admin/key-steward.review.logEntry.${line.id}` },
        {
          key: line.key,
          // DECIDE lines are worded per decision ("Kept X", "Chose to deactivate X")
          code: line.decision ?? 'other',
          count: line.count ?? 0,
          decision: line.decision
            ? word(`admin/key-steward.review.decision.${line.decision}`)
            : '',
          practice: line.practice
            ? word(`admin/key-steward.practice.${line.practice}`)
            : '',
          status: line.status ?? '',
          action: line.keyAction
            ? word(`admin/key-steward.audit.action.${line.keyAction}`)
            : '',
          role: line.role ?? '',
          raw: line.raw ?? '',
        }
      )}
    </>
  )
}

/** Log entries shown first, and added by "Show more" (the service takes a limit from 1) */
export const LOG_PAGE = 100

const CompletedReview: React.FC<{
  id: string
  justSigned?: boolean
  onClose?: () => void
  /** the decision table's follow-up filter (the page's ?carryOut=) */
  carryOut?: CarryOutFilter | null
  onCarryOutChange?: (f: CarryOutFilter | null) => void
  /** the decision table's search (the page's ?q=) */
  search?: string
  onSearchChange?: (q: string | null) => void
  /** the decision table's Show, Severity and Finding filters (the page's ?show=, ?severity=, ?rule=) */
  filters?: TableFilters
  onFiltersChange?: (f: Partial<TableFilters>) => void
  /** focus its heading once shown: after signing, and after Open in the list (walk14 #6) */
  focusHeading?: boolean
}> = ({
  id,
  justSigned = false,
  focusHeading = justSigned,
  onClose,
  carryOut,
  onCarryOutChange,
  search,
  onSearchChange,
  filters,
  onFiltersChange,
}) => {
  const intl = useIntl()
  const t = (key: string) =>
    intl.formatMessage({ id: `admin/key-steward.review.${key}` })

  const [logLimit, setLogLimit] = useState(LOG_PAGE)
  // Remounts the decision table with the "not carried out" filter when asked from the line above.
  const [tableKey, setTableKey] = useState(0)
  const [tableFilter, setTableFilter] = useState<CarryOutFilter | null>(
    carryOut ?? null
  )

  const [tableSearch, setTableSearch] = useState(search ?? '')

  const decisions = useRef<HTMLDivElement>(null)
  const { data, loading, error, refetch } = useQuery<
    KeyStewardReviewByIdQuery,
    KeyStewardReviewByIdQueryVariables
  >(REVIEW_BY_ID, {
    variables: { id, auditLimit: logLimit },
    fetchPolicy: 'cache-and-network',
  })

  const review = data?.reviewById
  // Just signed: the date the next review is due (the reminders' and the Overview's); while it
  // loads, or for a user who may not read it, the notice says "after the review cadence".
  const next = useQuery<
    KeyStewardNextReviewDueQuery,
    KeyStewardNextReviewDueQueryVariables
  >(NEXT_REVIEW_DUE, { skip: !justSigned, fetchPolicy: 'network-only' })

  const nextDue = next.data?.hygiene?.nextReviewDue ?? null
  // The Sign off button is gone with the open review, and Open leaves focus in the list below:
  // focus goes to this review's heading.
  const summary = useRef<HTMLDivElement>(null)
  const [headingFocused, setHeadingFocused] = useState(!focusHeading)

  useEffect(() => {
    if (!headingFocused && focusHeadingIn(summary.current))
      setHeadingFocused(true)
  })

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
            {nextDue ? (
              <FormattedMessage
                id="admin/key-steward.review.signedSuccessDue"
                values={{
                  who: review.signedBy,
                  date: (
                    <FormattedDate
                      value={nextDue}
                      year="numeric"
                      month="long"
                      day="numeric"
                    />
                  ),
                }}
              />
            ) : (
              <FormattedMessage
                id="admin/key-steward.review.signedSuccess"
                values={{ who: review.signedBy }}
              />
            )}
          </Notice>
        </div>
      )}
      <FollowUpLine
        progress={review.progress}
        onShowPending={() => {
          setTableFilter('NOT_CARRIED_OUT')
          // the list of every change not carried out, not only those the search finds
          setTableSearch('')
          onSearchChange?.(null)
          setTableKey((n) => n + 1)
          onCarryOutChange?.('NOT_CARRIED_OUT')
          decisions.current?.scrollIntoView?.({ block: 'start' })
          decisions.current?.focus?.()
        }}
      />
      <div ref={summary} data-completed-summary>
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
                day: 'numeric',
              }),
            }
          )}
        >
          <p className="mt0" data-signed-by>
            <FormattedMessage
              id="admin/key-steward.review.signedByOn"
              values={{
                who: review.signedBy,
                // the time too: it tells this review from another signed the same day
                date: review.completedAt
                  ? signOffTime(intl.locale, review.completedAt)
                  : '',
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
          <DecisionCounts counts={review.progress.decisionCounts} />
          {/* what the sign-off warned of: worked out from the findings stored with the review */}
          {(review.progress.keptCritical ?? 0) > 0 && (
            <p className="f6 fw5 c-danger" data-kept-critical>
              <FormattedMessage
                id="admin/key-steward.review.keptCriticalAtSignOff"
                values={{ count: review.progress.keptCritical }}
              />
            </p>
          )}
          {/* signed before the findings raised during a review were stored: no number, not a
              wrong one */}
          {review.progress.keptCritical === null && (
            <p className="f6 c-muted-1" data-kept-critical="not-recorded">
              <FormattedMessage id="admin/key-steward.review.keptCriticalNotRecorded" />
            </p>
          )}
          {review.progress.changesAsked === 0 && (
            <p className="f6 c-muted-1" data-follow-up="none">
              <FormattedMessage id="admin/key-steward.review.followUpNone" />
            </p>
          )}
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
      </div>
      <PageBlock title={t('checklist')}>
        <ReadOnlyChecklist items={review.checklist} reviewId={review.id} />
      </PageBlock>
      <div ref={decisions} tabIndex={-1} data-decisions-block>
        <PageBlock title={t('decisions')}>
          <DecisionTable
            key={tableKey}
            reviewId={review.id}
            readOnly
            carryOut={tableFilter}
            onCarryOutChange={(f) => {
              setTableFilter(f)
              onCarryOutChange?.(f)
            }}
            search={tableSearch}
            onSearchChange={(q) => {
              setTableSearch(q ?? '')
              onSearchChange?.(q)
            }}
            filters={filters}
            onFiltersChange={onFiltersChange}
          />
        </PageBlock>
      </div>
      <PageBlock title={t('auditLog')}>
        <table className="w-100 collapse f6" data-review-log>
          <thead className="bb b--muted-4">
            <tr>
              {['at', 'by', 'action', 'detail'].map((c) => (
                <th key={c} scope="col" className="tl pv2 ph2 fw5 c-muted-1">
                  <FormattedMessage id={`admin/key-steward.review.log.${c}`} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(review.audit ?? []).map((a, i) => {
              const line = logLine(a)

              return (
                <tr
                  key={i}
                  className="bb b--muted-5"
                  data-log-action={a.action}
                >
                  <td className="pv2 ph2 nowrap">
                    {a.at.slice(0, 16).replace('T', ' ')}
                  </td>
                  <td className="pv2 ph2">{a.by}</td>
                  <td className="pv2 ph2" data-log-words>
                    <LogWords line={line} />
                  </td>
                  <td className="pv2 ph2" data-log-note>
                    {line.note}
                  </td>
                </tr>
              )
            })}
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
