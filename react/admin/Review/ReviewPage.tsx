import React, { useEffect, useRef, useState } from 'react'
import { useQuery } from 'react-apollo'
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'
import { Button, EmptyState, PageBlock } from 'vtex.styleguide'

import PageFrame from '../components/PageFrame'
import { ErrorState, Loading } from '../components/QueryState'
import REVIEW from '../graphql/review.gql'
import HISTORY from '../graphql/reviewHistory.gql'
import START from '../graphql/startReview.gql'
import type {
  KeyStewardReviewHistoryQuery,
  KeyStewardReviewHistoryQueryVariables,
  KeyStewardReviewQuery,
  KeyStewardReviewQueryVariables,
  KeyStewardStartReviewMutation,
  KeyStewardStartReviewMutationVariables,
} from '../graphql/types.generated'
import { addressSearch } from '../utils/addressSearch'
import { readError } from '../utils/errors'
import { signOffTime } from '../utils/scanTime'
import Checklist from './Checklist'
import CompletedReview from './CompletedReview'
import DecisionTable from './DecisionTable'
import ExportButtons, { ButtonName } from './ExportButtons'
import SignOff from './SignOff'
import type { CarryOutFilter, ReviewSummary } from './types'
import { CARRY_OUT_FILTERS } from './types'
import { Notice } from '../components/Notice'
import { focusHeadingIn } from './focusHeading'
import { tableFiltersFrom } from './reviewUrl'
import { withinSearchLimit } from '../utils/searchLimit'
import { useKeptData } from '../apollo/useKeptData'
import { useSettledMutation } from '../apollo/useSettledMutation'
import { RereadNotice } from '../components/RereadNotice'

const Bar: React.FC<{ done: number; total: number; label: string }> = ({
  done,
  total,
  label,
}) => (
  <div className="mb4">
    <div className="flex justify-between f6 mb1">
      <span>{label}</span>
      {/* grouped as the locale writes numbers: 984/5,000, 984/5.000 */}
      <span data-bar-figure>
        <FormattedNumber value={done} />/<FormattedNumber value={total} />
      </span>
    </div>
    <div
      className="bg-muted-4 br2 h1"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
    >
      <div
        className="bg-action-primary br2 h1"
        style={{ width: `${total ? (100 * done) / total : 100}%` }}
      />
    </div>
  </div>
)

/** A history row's line; changesAsked is null when the review could not be read this time. */
const HistoryLine: React.FC<{ r: ReviewSummary; date: string }> = ({
  r,
  date,
}) => {
  const values = {
    date,
    who: r.signedBy,
    keys: r.keys,
  }

  return r.changesAsked === null || r.changesAsked === undefined ? (
    <span data-changes-asked-unknown>
      <FormattedMessage
        id="admin/key-steward.review.historyLineChangesUnknown"
        values={values}
      />
    </span>
  ) : (
    <FormattedMessage
      id="admin/key-steward.review.historyLineChanges"
      values={{ ...values, changes: r.changesAsked }}
    />
  )
}

/** Completed reviews whose index entry is damaged: the service leaves them out and counts them. */
const Unreadable: React.FC<{ count: number }> = ({ count }) =>
  count > 0 ? (
    <p className="c-warning" data-history-unreadable>
      <FormattedMessage
        id="admin/key-steward.review.historyUnreadable"
        values={{ count }}
      />
    </p>
  ) : null

const History: React.FC<{
  reviews: ReviewSummary[]
  onOpen: (id: string) => void
}> = ({ reviews, onOpen }) => {
  const { locale } = useIntl()

  return reviews.length === 0 ? (
    <p className="c-muted-1">
      <FormattedMessage id="admin/key-steward.review.noHistory" />
    </p>
  ) : (
    <ul className="list pa0 ma0">
      {reviews.map((r) => {
        // in UTC and saying so, as the scans' times (walk 11 #10); also in the row's buttons'
        // names, which read alike on every row otherwise (walk14 #6)
        const signed = signOffTime(locale, r.completedAt)

        return (
          <li
            key={r.id}
            className="flex items-center justify-between pv3 bb b--muted-5"
            data-review-id={r.id}
          >
            <span>
              {/* the time and the changes asked tell apart reviews signed the same day */}
              <HistoryLine r={r} date={signed} />
            </span>
            <span className="inline-flex items-center">
              <Button
                size="small"
                variation="secondary"
                onClick={() => onOpen(r.id)}
              >
                <ButtonName label="openCompleted" signed={signed} />
              </Button>
              <ExportButtons id={r.id} signed={signed} />
            </span>
          </li>
        )
      })}
    </ul>
  )
}

/** ?review=<id> opens a completed review (links and the browser's back button keep it). */
function reviewFromUrl(): string | null {
  if (typeof window === 'undefined') return null

  return new URLSearchParams(window.location.search).get('review')
}

/** ?carryOut=NOT_CARRIED_OUT (with ?review=) opens its decisions filtered to those changes. */
function carryOutFromUrl(): CarryOutFilter | null {
  if (typeof window === 'undefined') return null
  const v = new URLSearchParams(window.location.search).get('carryOut')

  return CARRY_OUT_FILTERS.find((f) => f === v) ?? null
}

/**
 * ?q= searches the review's keys, as it searches the Keys page (Keys/keyQuery.ts): read when the
 * page opens, written as the admin types.
 */
function searchFromUrl(): string {
  if (typeof window === 'undefined') return ''

  return withinSearchLimit(
    new URLSearchParams(window.location.search).get('q') ?? ''
  )
}

/** ?show=, ?severity=, ?rule=: the decision table's filters (reviewUrl.ts). */
function tableFiltersFromUrl() {
  return tableFiltersFrom(
    typeof window === 'undefined' ? '' : window.location.search
  )
}

/**
 * Sets or removes query parameters without a navigation (the page's state is in the URL):
 * through the Admin runtime when it offers it, so the runtime's query (read below) agrees.
 */
function useSetParams() {
  const { setQuery } = useRuntime()

  return (params: Record<string, string | null>) => {
    if (typeof window === 'undefined') return
    if (setQuery) {
      const query: Record<string, string | undefined> = {}

      for (const [k, v] of Object.entries(params)) query[k] = v ?? undefined
      setQuery(query, { replace: true, merge: true })

      return
    }

    const url = new URL(window.location.href)

    for (const [k, v] of Object.entries(params)) {
      if (v) url.searchParams.set(k, v)
      else url.searchParams.delete(k)
    }

    window.history.replaceState(window.history.state, '', url.toString())
  }
}

const ReviewPage: React.FC = () => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/key-steward.review.${id}` })

  const { query } = useRuntime()
  const setParams = useSetParams()
  // The review the URL names. A navigation to this page with another query (the overdue
  // banner's link to the open review, from a completed one) keeps the page mounted in the Admin
  // and changes only the runtime's query: the page follows it.
  const named = query ? query.review ?? null : reviewFromUrl()
  const [viewing, setViewing] = useState<{
    id: string
    justSigned: boolean
    /**
     * opened from the list (the count of Opens, so opening it again shows it anew): focus goes
     * to its heading, as after signing
     */
    opened?: number
  } | null>(() => (named ? { id: named, justSigned: false } : null))

  useEffect(() => {
    setViewing((v) =>
      (v?.id ?? null) === named
        ? v
        : named
        ? { id: named, justSigned: false }
        : null
    )
  }, [named])

  // An auditor may not read the open review (FORBIDDEN): the history below still loads.
  const open = useQuery<KeyStewardReviewQuery, KeyStewardReviewQueryVariables>(
    REVIEW,
    {
      fetchPolicy: 'cache-and-network',
    }
  )

  const history = useQuery<
    KeyStewardReviewHistoryQuery,
    KeyStewardReviewHistoryQueryVariables
  >(HISTORY, {
    fetchPolicy: 'cache-and-network',
  })

  const [start, starting] = useSettledMutation<
    KeyStewardStartReviewMutation,
    KeyStewardStartReviewMutationVariables
  >(START, {
    refetchQueries: [{ query: REVIEW }, 'KeyStewardReminders'],
  })

  // After Start the button is gone: focus goes to the decisions' heading, where the work starts.
  const decisionsBlock = useRef<HTMLDivElement>(null)
  const [focusDecisions, setFocusDecisions] = useState(false)

  useEffect(() => {
    if (focusDecisions && focusHeadingIn(decisionsBlock.current))
      setFocusDecisions(false)
  })

  const startFailure = readError(starting.error)
  const openFailure = readError(open.error)
  // through a failed re-read (after a renewal from a row: its token's window is in that row)
  const openData = useKeptData(open.data, 'open review')
  const review = openData?.review
  const mayReadOpen = !(openFailure && openFailure.code === 'FORBIDDEN')
  const opens = useRef(0)
  const show = (id: string | null, justSigned = false, opened = false) => {
    setViewing(
      id
        ? { id, justSigned, opened: opened ? ++opens.current : undefined }
        : null
    )
    // a follow-up filter, a search and the table's filters belong to the review they were set on
    setParams({
      review: id,
      carryOut: null,
      q: null,
      show: null,
      severity: null,
      rule: null,
    })
  }

  return (
    <PageFrame
      section="review"
      title={<FormattedMessage id="admin/key-steward.review.title" />}
      subtitle={<FormattedMessage id="admin/key-steward.review.subtitle" />}
    >
      {viewing ? (
        <CompletedReview
          key={`${viewing.id}:${viewing.opened ?? 0}`}
          id={viewing.id}
          justSigned={viewing.justSigned}
          focusHeading={viewing.justSigned || !!viewing.opened}
          onClose={() => show(null)}
          carryOut={carryOutFromUrl()}
          onCarryOutChange={(f) => setParams({ carryOut: f })}
          search={searchFromUrl()}
          onSearchChange={(q) =>
            setParams({ q: addressSearch(q ?? '') ?? null })
          }
          filters={tableFiltersFromUrl()}
          onFiltersChange={(f) => setParams(f)}
        />
      ) : (
        <>
          {open.loading && !openData && (
            <PageBlock>
              <Loading />
            </PageBlock>
          )}
          {open.error && !openData && mayReadOpen && (
            <PageBlock>
              <ErrorState error={open.error} onRetry={() => open.refetch()} />
            </PageBlock>
          )}
          {/* Only someone who can read the completed reviews is told so: a user refused both
              gets the history's permission message alone, not "you can read completed reviews". */}
          {!mayReadOpen && history.data && (
            <PageBlock>
              <p className="mv0" data-auditor-view>
                <FormattedMessage id="admin/key-steward.review.auditorView" />
              </p>
            </PageBlock>
          )}
          {openData && !review && (
            <PageBlock>
              <EmptyState title={t('noneOpen')}>
                <p>
                  <FormattedMessage id="admin/key-steward.review.noneOpenText" />
                </p>
                {startFailure && (
                  <div className="mb4">
                    <Notice announce="assertive" type="error">
                      {startFailure.message}
                    </Notice>
                  </div>
                )}
                <Button
                  onClick={() =>
                    start().then(
                      () => setFocusDecisions(true),
                      () => undefined
                    )
                  }
                  isLoading={starting.loading}
                >
                  <FormattedMessage id="admin/key-steward.review.start" />
                </Button>
                <RereadNotice failed={starting.rereadFailed} />
              </EmptyState>
            </PageBlock>
          )}
          {review && (
            <>
              <PageBlock
                variation="annotated"
                title={t('progress')}
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
                {!review.inventoryComplete && (
                  <div className="mb4">
                    <Notice announce="none" type="warning">
                      <FormattedMessage id="admin/key-steward.review.partialSnapshot" />
                    </Notice>
                  </div>
                )}
                <Bar
                  done={review.progress.keysDecided}
                  total={review.progress.keysTotal}
                  label={t('keysDecided')}
                />
                <Bar
                  done={review.progress.practicesClosed}
                  total={review.progress.practicesTotal}
                  label={t('practicesClosed')}
                />
                {/* the exports on their own line: beside the sign-off they jumped next to its list
                    of blockers as the list shrank to one */}
                <SignOff review={review} onSigned={(id) => show(id, true)} />
                <div className="mt3" data-review-exports>
                  <ExportButtons id={review.id} />
                </div>
              </PageBlock>
              <PageBlock title={t('checklist')}>
                <Checklist items={review.checklist} reviewId={review.id} />
              </PageBlock>
              <div ref={decisionsBlock} data-decisions-block>
                <PageBlock title={t('decisions')}>
                  <DecisionTable
                    search={searchFromUrl()}
                    onSearchChange={(q) =>
                      setParams({ q: addressSearch(q ?? '') ?? null })
                    }
                    filters={tableFiltersFromUrl()}
                    onFiltersChange={(f) => setParams(f)}
                  />
                </PageBlock>
              </div>
            </>
          )}
        </>
      )}
      {history.data && (
        <PageBlock title={t('history')}>
          <History
            reviews={history.data.reviews}
            onOpen={(id) => show(id, false, true)}
          />
          <Unreadable count={history.data.reviewsUnreadable ?? 0} />
        </PageBlock>
      )}
      {history.error && !history.data && (
        <PageBlock>
          <ErrorState error={history.error} onRetry={() => history.refetch()} />
        </PageBlock>
      )}
    </PageFrame>
  )
}

export default ReviewPage
