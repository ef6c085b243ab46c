// The review's keys, one server page at a time (filtered and sorted by the service), with row
// checkboxes, "select all matching" (the server's count) and one decision for the selection.
import React, { useEffect, useRef, useState } from 'react'
import { useQuery } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, Input } from 'vtex.styleguide'

import { usePermissions } from '../actions/usePermissions'
import { ruleOptions } from '../components/ruleName'
import DECISIONS_PAGE from '../graphql/reviewDecisions.gql'
import type {
  KeyStewardReviewDecisionsQuery,
  KeyStewardReviewDecisionsQueryVariables,
} from '../graphql/types.generated'
import { SEVERITIES } from '../types'
import type { Severity } from '../types'
import { readError } from '../utils/errors'
import type { Selection } from './BulkBar'
import BulkBar from './BulkBar'
import DecisionRow from './DecisionRow'
import type {
  CarryOutFilter,
  DecisionFilter,
  DecisionSort,
  DecisionStatus,
} from './types'
import { CARRY_OUT_FILTERS } from './types'
import { Notice } from '../components/Notice'
import SkipToPages from '../components/SkipToPages'
import { hasCritical } from './findingsNow'
import { keyName } from './keyName'
import type { TableFilters } from './reviewUrl'
import { useShowDecidedRequest } from './showRequest'
import { withinSearchLimit } from '../utils/searchLimit'
import { useKeptData } from '../apollo/useKeptData'
import { useRereadByName } from '../apollo/useRereadByName'
import Select from '../components/Select'

/** Keys a page of the table asks for (the service takes 1 to its MAX_PAGE: pagingArgs.test.ts) */
export const PAGE = 50

/** The pager under the rows, which "Skip to the page buttons" moves to (50 rows of fields before it). */
export const REVIEW_PAGES = 'review-pages'

const DecisionTable: React.FC<{
  reviewId?: string
  readOnly?: boolean
  /** the follow-up filter to open with (a completed review's "not carried out" list; the page
   * remounts the table to set it again) */
  carryOut?: CarryOutFilter | null
  /** told when the admin changes the follow-up filter (the page keeps it in its URL) */
  onCarryOutChange?: (f: CarryOutFilter | null) => void
  /** the search to open with (the page's ?q=, as on the Keys page) */
  search?: string
  /** told when the admin changes the search (the page keeps it in its URL) */
  onSearchChange?: (q: string | null) => void
  /** the Show, Severity and Finding filters to open with (the page's ?show=, ?severity=, ?rule=) */
  filters?: TableFilters
  /** told when the admin changes one of them (null: back to the default; the page keeps them in its URL) */
  onFiltersChange?: (f: Partial<TableFilters>) => void
}> = ({
  reviewId,
  readOnly = false,
  carryOut: initialCarryOut,
  onCarryOutChange,
  search: initialSearch,
  onSearchChange,
  filters: initialFilters,
  onFiltersChange,
}) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, unknown>) =>
    intl.formatMessage(
      { id: `admin/key-steward.review.${id}` },
      values as never
    )

  // the same words as every other page's retry (walk 11 #7: pt had two)
  const retry = intl.formatMessage({ id: 'admin/key-steward.error.retry' })

  // A completed review has no undecided keys to work on: it shows Decided or All.
  const shows: DecisionStatus[] = readOnly
    ? ['DECIDED', 'ALL']
    : ['UNDECIDED', 'DECIDED', 'ALL']

  const defaultStatus: DecisionStatus = readOnly ? 'ALL' : 'UNDECIDED'
  const [status, setStatus] = useState<DecisionStatus>(
    initialFilters?.show && shows.includes(initialFilters.show)
      ? initialFilters.show
      : defaultStatus
  )

  const [severity, setSeverity] = useState<Severity | ''>(
    initialFilters?.severity ?? ''
  )

  const [rule, setRule] = useState(initialFilters?.rule ?? '')
  // Only a completed review's changes can be carried out: an open one offers no follow-up filter.
  const [carryOut, setCarryOut] = useState<CarryOutFilter | ''>(
    readOnly ? initialCarryOut ?? '' : ''
  )

  const [search, setSearchState] = useState(initialSearch ?? '')
  const setSearch = (q: string) => {
    setSearchState(q)
    onSearchChange?.(q.trim() ? q : null)
  }

  const [sort, setSort] = useState<DecisionSort>('RISK')
  const [offset, setOffset] = useState(0)
  const [selection, setSelection] = useState<Selection>({
    kind: 'ids',
    ids: [],
  })

  const [notice, setNotice] = useState<string | null>(null)
  // "It left the Undecided list" is said only once the row has left: when the list could not be
  // read again after the decision, the row is still shown and only the decision is said.
  const [stillShown, setStillShown] = useState<{
    id: string
    text: string
  } | null>(null)

  // A decision's button goes away or is disabled once it is saved (the row leaves the Undecided
  // list, the bulk keep's button with its last key): focus goes to the notice that says what
  // happened, not to the page's body.
  const noticeRef = useRef<HTMLParagraphElement>(null)
  const [noticeFocus, setNoticeFocus] = useState(0)

  useEffect(() => {
    if (noticeFocus) noticeRef.current?.focus()
  }, [noticeFocus])

  const say = (message: string, ifStillShown: typeof stillShown = null) => {
    setNotice(message)
    setStillShown(ifStillShown)
    setNoticeFocus((n) => n + 1)
  }

  const can = usePermissions()

  const filter: DecisionFilter = {
    status,
    ...(severity ? { severity } : {}),
    ...(rule ? { rule } : {}),
    ...(carryOut ? { carryOut } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  }

  const { data, loading, error, refetch } = useQuery<
    KeyStewardReviewDecisionsQuery,
    KeyStewardReviewDecisionsQueryVariables
  >(DECISIONS_PAGE, {
    variables: { reviewId, filter, sort, offset, limit: PAGE },
    fetchPolicy: 'cache-and-network',
  })

  // a decision and a scan read this page again, as it is asked now
  useRereadByName(DECISIONS_PAGE, {
    variables: { reviewId, filter, sort, offset, limit: PAGE },
  })

  // through a failed re-read (after a renewal from a row: its token's window is in that row)
  const page = useKeptData(
    data,
    JSON.stringify({ reviewId, filter, sort, offset })
  )?.reviewDecisions
  // The rules found on the review's keys (the chosen one kept while a page loads).
  const rules = page?.rules ?? []
  const ruleChoices = rule && !rules.includes(rule) ? [...rules, rule] : rules
  // Keys seen with a CRITICAL finding (at start or new since): a selection is made of rows seen
  // on some page.
  const critical = useRef(new Set<string>()).current
  // … and those the service will not keep without a justification (it says so per key)
  const risky = useRef(new Set<string>()).current
  // … and the keys of other accounts, by name (Rotate and Deactivate do not fit them)
  const external = useRef(new Map<string, string>()).current

  for (const k of page?.keys ?? []) {
    if (k.external) external.set(k.id, keyName(k))
    else external.delete(k.id)
    if (hasCritical(k)) critical.add(k.id)
    else critical.delete(k.id)
    if (k.risky) risky.add(k.id)
    else risky.delete(k.id)
  }

  const failure = readError(error)
  // A new filter or page is a new list: a notice about the last decision ("it left the
  // Undecided list") no longer describes it.
  const reset = () => {
    setOffset(0)
    setSelection({ kind: 'ids', ids: [] })
    setNotice(null)
  }

  const narrowed = Boolean(severity || rule || search.trim())
  const clearFilters = () => {
    setSeverity('')
    setRule('')
    onFiltersChange?.({ severity: null, rule: null })
    setSearch('')
    if (carryOut) {
      setCarryOut('')
      onCarryOutChange?.(null)
    }

    reset()
  }

  // What an empty list says: "every key has a decision" or "every change is carried out" only
  // when nothing else narrows the list (then in green); otherwise that nothing matches.
  const allCarriedOut =
    carryOut === 'NOT_CARRIED_OUT' && status !== 'UNDECIDED' && !narrowed

  const emptyId = carryOut
    ? allCarriedOut
      ? 'carryOut.NOT_CARRIED_OUT'
      : 'carryOut'
    : status === 'UNDECIDED' && narrowed
    ? 'UNDECIDED.filtered'
    : status

  const emptyIsGood = carryOut ? allCarriedOut : !narrowed

  const selectedIds = selection.kind === 'ids' ? selection.ids : []
  const pageIds = page?.keys.map((k) => k.id) ?? []
  const pageSelected =
    selection.kind === 'matching' ||
    (pageIds.length > 0 && pageIds.every((id) => selectedIds.includes(id)))

  const toggle = (id: string, on: boolean) =>
    setSelection((s) => {
      const ids = s.kind === 'ids' ? s.ids : pageIds

      return {
        kind: 'ids',
        ids: on ? [...new Set([...ids, id])] : ids.filter((x) => x !== id),
      }
    })

  const decided = (message: string) => {
    say(message)
    setSelection({ kind: 'ids', ids: [] })
  }

  // the sign-off's "Show them in the table" (SignOff.tsx): Decided, most severe first
  const top = useShowDecidedRequest<HTMLDivElement>(() => {
    setStatus('DECIDED')
    setSeverity('')
    setRule('')
    onFiltersChange?.({ show: 'DECIDED', severity: null, rule: null })
    setSearch('')
    setSort('RISK')
    reset()
  })

  return (
    <div ref={top}>
      <div className="mb4 flex items-end flex-wrap">
        <div className="mr4 mb3" data-show-filter>
          <Select
            label={t('show')}
            value={status}
            options={shows.map((f) => ({ value: f, label: t(`status.${f}`) }))}
            onChange={(_: unknown, v: DecisionStatus) => {
              setStatus(v)
              onFiltersChange?.({ show: v === defaultStatus ? null : v })
              reset()
            }}
          />
        </div>
        <div className="mr4 mb3" data-severity-filter>
          <Select
            label={t('severityFilter')}
            value={severity}
            options={[
              { value: '', label: t('anySeverity') },
              ...SEVERITIES.map((s) => ({
                value: s,
                label: intl.formatMessage({
                  id: `admin/key-steward.severity.${s}`,
                }),
              })),
            ]}
            onChange={(_: unknown, v: Severity | '') => {
              setSeverity(v)
              onFiltersChange?.({ severity: v || null })
              reset()
            }}
          />
        </div>
        <div className="mr4 mb3" data-rule-filter>
          <Select
            label={t('ruleFilter')}
            value={rule}
            options={[
              { value: '', label: t('anyRule') },
              ...ruleOptions(intl, ruleChoices),
            ]}
            onChange={(_: unknown, v: string) => {
              setRule(v)
              onFiltersChange?.({ rule: v || null })
              reset()
            }}
          />
        </div>
        {readOnly && (
          <div className="mr4 mb3" data-carry-out-filter>
            <Select
              label={t('carryOutFilter')}
              value={carryOut}
              options={[
                { value: '', label: t('carryOutFilter.ANY') },
                ...CARRY_OUT_FILTERS.map((f) => ({
                  value: f,
                  label: t(`carryOutFilter.${f}`),
                })),
              ]}
              onChange={(_: unknown, v: CarryOutFilter | '') => {
                setCarryOut(v)
                onCarryOutChange?.(v || null)
                reset()
              }}
            />
          </div>
        )}
        <div className="mr4 mb3">
          <Input
            label={t('searchKeys')}
            value={search}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
              setSearch(withinSearchLimit(e.target.value))
              reset()
            }}
          />
        </div>
        <div className="mr4 mb3">
          <Select
            label={t('sortBy')}
            value={sort}
            options={(['RISK', 'LABEL', 'AGE'] as DecisionSort[]).map((s) => ({
              value: s,
              label: t(`sort.${s}`),
            }))}
            onChange={(_: unknown, v: DecisionSort) => {
              setSort(v)
              reset()
            }}
          />
        </div>
        <span
          className="mb4 f6 c-muted-1"
          aria-live="polite"
          data-decisions-total={page?.total ?? ''}
        >
          {page && (
            <FormattedMessage
              id="admin/key-steward.review.shown"
              values={{ count: page.total }}
            />
          )}
        </span>
      </div>
      {/* right after the filters, as on the API keys page: past 50 rows of fields in one step */}
      {page && page.total > PAGE && <SkipToPages to={REVIEW_PAGES} />}
      {page && page.findingsNowKnown === false && (
        <div className="mb3" data-findings-now-unknown>
          <Notice
            type="warning"
            announce="none"
            action={{ label: retry, onClick: () => refetch() }}
          >
            {t('findingsNowUnknown')}
          </Notice>
        </div>
      )}
      {notice && (
        <p
          ref={noticeRef}
          tabIndex={-1}
          className="c-success f6 mt0 mb3"
          role="status"
          data-decide-notice
        >
          {stillShown && page?.keys.some((k) => k.id === stillShown.id)
            ? stillShown.text
            : notice}
        </p>
      )}
      {/* before the bulk bar, as the steps go (select, then decide); hidden once every matching key
          is selected: the bulk bar says so */}
      {!readOnly && page && page.total > 0 && selection.kind !== 'matching' && (
        <div className="mb3">
          <span data-select-matching-top>
            <Button
              size="small"
              variation="tertiary"
              onClick={() => setSelection({ kind: 'matching' })}
            >
              <FormattedMessage
                id="admin/key-steward.review.selectAllMatching"
                values={{ count: page.total }}
              />
            </Button>
          </span>
        </div>
      )}
      {!readOnly && page && (
        <BulkBar
          selection={selection}
          count={
            selection.kind === 'matching' ? page.total : selectedIds.length
          }
          filter={filter}
          critical={critical}
          risky={risky}
          external={external}
          onDone={(n, d) =>
            decided(t('bulkDone', { count: n, decision: t(`decision.${d}`) }))
          }
          onClear={() => setSelection({ kind: 'ids', ids: [] })}
        />
      )}
      {failure && !page && (
        <Notice
          announce="assertive"
          type="error"
          action={{ label: retry, onClick: () => refetch() }}
        >
          {failure.message}
        </Notice>
      )}
      {loading && !page && <p className="c-muted-1">{t('loading')}</p>}
      {page && page.total === 0 ? (
        <div data-decisions-empty>
          <p className={emptyIsGood ? 'c-success' : 'c-muted-1'}>
            <FormattedMessage id={`admin/key-steward.review.none.${emptyId}`} />
          </p>
          {/* a way out of a filtered empty list; the Show choice stays (it is the list asked for) */}
          {(narrowed || carryOut) && (
            <Button variation="secondary" size="small" onClick={clearFilters}>
              <FormattedMessage id="admin/key-steward.keys.clearFilters" />
            </Button>
          )}
        </div>
      ) : (
        page && (
          <div className="overflow-x-auto">
            <table className="w-100 collapse">
              <thead className="bb b--muted-4">
                <tr>
                  {!readOnly && (
                    <th scope="col" className="tl pv3 pl3">
                      <input
                        type="checkbox"
                        checked={pageSelected}
                        aria-label={t('selectPage')}
                        onChange={(e) =>
                          setSelection(
                            e.target.checked
                              ? {
                                  kind: 'ids',
                                  ids: [
                                    ...new Set([...selectedIds, ...pageIds]),
                                  ],
                                }
                              : { kind: 'ids', ids: [] }
                          )
                        }
                      />
                    </th>
                  )}
                  {['key', 'findings', 'decision'].map((c) => (
                    <th
                      key={c}
                      scope="col"
                      className="tl pv3 ph3 f6 fw5 c-muted-1"
                      // over half the table for the decision form: at 1440 px every row's
                      // justification fits beside its decision (DecisionRow's fixed widths)
                      style={
                        c === 'decision' && !readOnly
                          ? { width: '55%' }
                          : undefined
                      }
                    >
                      <FormattedMessage
                        id={`admin/key-steward.review.column.${c}`}
                      />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.keys.map((k) => (
                  <DecisionRow
                    key={k.id}
                    k={k}
                    can={can}
                    readOnly={readOnly}
                    selected={
                      selection.kind === 'matching' ||
                      selectedIds.includes(k.id)
                    }
                    onSelect={toggle}
                    onDecided={(label: string, decision: string) =>
                      say(
                        t(
                          status === 'UNDECIDED'
                            ? 'decidedMoved'
                            : 'decidedOne',
                          { label, decision }
                        ),
                        {
                          id: k.id,
                          text: t('decidedOne', { label, decision }),
                        }
                      )
                    }
                  />
                ))}
              </tbody>
            </table>
            <nav
              id={REVIEW_PAGES}
              tabIndex={-1}
              className="mt3 flex items-center"
              aria-label={t('pages')}
            >
              <Button
                size="small"
                variation="secondary"
                disabled={page.offset === 0}
                onClick={() => {
                  setOffset(Math.max(0, page.offset - PAGE))
                  setNotice(null)
                }}
              >
                {t('previous')}
              </Button>
              <span className="mh3 f6" aria-live="polite">
                {t('range', {
                  from: page.offset + 1,
                  to: page.offset + page.keys.length,
                  total: page.total,
                })}
              </span>
              <Button
                size="small"
                variation="secondary"
                disabled={page.offset + page.keys.length >= page.total}
                onClick={() => {
                  setOffset(page.offset + PAGE)
                  setNotice(null)
                }}
              >
                {t('next')}
              </Button>
            </nav>
          </div>
        )
      )}
    </div>
  )
}

export default DecisionTable
