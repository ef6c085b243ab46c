// How fresh a page's data is, and what a cold read is doing (issue 13). Pages are answered from
// the recent copy at once; this says how old it is, polls the small status query while a read
// runs (a background revalidation or a cold first read), shows the read's progress instead of
// a bare spinner, and tells the page to fetch again when fresh data has landed.
import React, { useEffect, useRef, useState } from 'react'
import type { ApolloError } from 'apollo-client'
import { useQuery } from 'react-apollo'
import { FormattedMessage } from 'react-intl'
import { Spinner } from 'vtex.styleguide'

import INVENTORY_STATUS from '../graphql/inventoryStatus.gql'
import type {
  KeyStewardInventoryStatusQuery,
  KeyStewardInventoryStatusQueryVariables,
} from '../graphql/types.generated'
import type { InventoryMeta } from '../types'
import { readError } from '../utils/errors'
import type { ServiceError } from '../utils/errors'
import {
  LIVE_READ_MIN_INTERVAL_SECONDS,
  secondsUntilLiveRead,
} from './liveReadInterval'
import { Notice } from './Notice'
import { minutesLeft } from './readTimeLeft'
import { ScanTime } from './ScanTime'
import { SourceBanner } from './QueryState'

/** Where a page's data comes from and how fresh it is (the Inventory fields every page asks for). */
export type DataMeta = InventoryMeta
export type InventoryStatus = KeyStewardInventoryStatusQuery['inventoryStatus']

export const POLL_MS = 1500
/** A page served from the copy answers well within this: only a slower one is a cold read worth polling. */
export const COLD_AFTER_MS = 1000

/**
 * useFreshness for a page's query: waiting while it has no data yet or the service answered
 * that the read goes on (READING), asking the query again when fresh data lands. That reload
 * reads the recent copy (live: false): Apollo keeps the variables of the last refetch, and after
 * "Load live data" (live: true) a bare refetch() would read VTEX live again. `reload` is that
 * reload, for the page's other "Try again" (the error state without data): only "Load live
 * data" and its own Try again read live.
 */
export function useQueryFreshness<V extends object>(
  meta: DataMeta | null | undefined,
  hasData: boolean,
  query: {
    loading: boolean
    error?: ApolloError
    /** the page's variables, without `live` (its "Load live data" refetch adds live: true) */
    variables: V
    refetch: (variables: V & { live: boolean }) => unknown
  }
): {
  status: InventoryStatus | null
  reading: boolean
  reload: () => unknown
} {
  const reading = readError(query.error)?.code === 'READING'
  // the recent copy, not VTEX live (only the press and its Try again read live)
  const reload = () => query.refetch({ ...query.variables, live: false })
  const status = useFreshness({
    meta,
    waiting: (query.loading && !hasData) || reading,
    onFresh: () => {
      reload()
    },
    // a press of "Load live data" (or any reload) while the page shows data: its read's progress
    watching: query.loading && hasData,
  })

  return { status, reading, reload }
}

/** The last value a paged query answered: the current page stays on screen while the next loads. */
export function useLastPage<T>(value: T | null | undefined): T | undefined {
  const shown = useRef<T | undefined>(undefined)

  if (value) shown.current = value

  return value ?? shown.current
}

/**
 * Polls Query.inventoryStatus while `waiting` (the page has no data yet, or was told the read is
 * still running) or while the data shown is being revalidated; calls `onFresh` once per new copy.
 * `watching` (a request in flight beside data shown) polls for the progress only: that request
 * brings its own answer, so nothing is asked again.
 */
export function useFreshness({
  meta,
  waiting,
  onFresh,
  watching = false,
}: {
  meta: DataMeta | null | undefined
  waiting: boolean
  onFresh: () => void
  watching?: boolean
}): InventoryStatus | null {
  // A revalidation that ended without a new copy (VTEX failed) stops the polling; the banner
  // keeps the copy's age.
  const [settled, setSettled] = useState<string | null>(null)
  // Loading is not yet a cold read: a warm page sends no status query at all.
  const [slow, setSlow] = useState(false)

  const polled = waiting || watching

  useEffect(() => {
    if (!polled) return setSlow(false)
    const timer = setTimeout(() => setSlow(true), COLD_AFTER_MS)

    return () => clearTimeout(timer)
  }, [polled])
  const active =
    (polled && slow) || (!!meta?.revalidating && settled !== meta?.version)

  const { data } = useQuery<
    KeyStewardInventoryStatusQuery,
    KeyStewardInventoryStatusQueryVariables
  >(INVENTORY_STATUS, {
    skip: !active,
    pollInterval: POLL_MS,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: false,
  })

  const status = active ? data?.inventoryStatus ?? null : null
  const asked = useRef<string | null>(null)

  useEffect(() => {
    if (!status || status.reading) return
    // only watching: the request in flight answers the page itself
    if (!waiting && !meta?.revalidating) return
    if (
      status.version &&
      status.version !== meta?.version &&
      status.version !== asked.current
    ) {
      asked.current = status.version
      onFresh()
    } else if (
      waiting &&
      status.lastError &&
      asked.current !== status.lastError
    ) {
      // The cold read failed: asking again shows why (or starts a new read).
      asked.current = status.lastError
      onFresh()
    } else if (
      !waiting &&
      meta?.revalidating &&
      status.version === meta.version
    ) {
      // The read found the account unchanged: the same copy, read again. Asked once more, the
      // page says its new age (the service answers from the same copy, no new read).
      const again = `again ${meta.version}`

      if (
        status.ageSeconds != null &&
        meta.ageSeconds != null &&
        status.ageSeconds < meta.ageSeconds &&
        asked.current !== again
      ) {
        asked.current = again
        onFresh()
      } else setSettled(meta.version ?? null)
    }
  }, [
    status?.version,
    status?.reading,
    status?.lastError,
    status?.ageSeconds,
    meta?.version,
    waiting,
  ])

  return status
}

const Figure: React.FC<{ value: number }> = ({ value }) => (
  <FormattedMessage id="admin/key-steward.progress.number" values={{ value }} />
)

/**
 * "Reading the roles of each key and user: 1,240 of 6,000 …", honest about VTEX slowing the read down.
 * A read that ended while the page still waits for its answer (the status says no read runs,
 * until the page's query comes back and replaces this block) says it is finishing: it read
 * "Starting to read your account" there, or only "12 seconds so far." (walk13 #3).
 */
export const ReadProgress: React.FC<{ status: InventoryStatus | null }> = ({
  status,
}) => {
  const shown = useRef<InventoryStatus['progress']>(null)
  const ended = !!status && !status.reading && !!shown.current
  // a read that failed keeps its last step until the page shows why (its error replaces this)
  const failed = ended && !!status?.lastError
  const finishing = ended && !failed

  if (status?.progress) shown.current = status.progress
  const p = ended ? (failed ? shown.current : null) : status?.progress
  const left =
    p?.phase === 'ROLES' ? minutesLeft(p.done, p.total, p.elapsedSeconds) : null

  return (
    <div
      className="flex items-start justify-center pa8"
      role="status"
      aria-live="polite"
      data-testid="read-progress"
    >
      <Spinner size={32} />
      <div className="ml4">
        <p className="mt0 mb2 c-on-base">
          {finishing ? (
            <span data-testid="read-finishing">
              <FormattedMessage id="admin/key-steward.progress.finishing" />
            </span>
          ) : !p ? (
            <FormattedMessage id="admin/key-steward.progress.starting" />
          ) : p.phase === 'ROLES' ? (
            <FormattedMessage
              id="admin/key-steward.progress.roles"
              values={{
                done: <Figure value={p.done} />,
                total: <Figure value={p.total} />,
              }}
            />
          ) : p.phase === 'SAVING' ? (
            <FormattedMessage id="admin/key-steward.progress.saving" />
          ) : (
            <FormattedMessage id="admin/key-steward.progress.lists" />
          )}
        </p>
        {p && p.waitingSeconds > 0 && (
          <p className="mt0 mb2 c-warning" data-testid="read-waiting">
            <FormattedMessage
              id="admin/key-steward.progress.waiting"
              values={{ seconds: p.waitingSeconds }}
            />
          </p>
        )}
        {p && p.rateLimited > 0 && (
          <p className="mt0 mb2 c-muted-1" data-testid="read-throttled">
            <FormattedMessage
              id="admin/key-steward.progress.throttled"
              values={{
                concurrency: p.concurrency,
                max: p.maxConcurrency,
                count: p.rateLimited,
              }}
            />
          </p>
        )}
        {p && (
          <p className="mt0 mb0 f6 c-muted-1">
            <FormattedMessage
              id="admin/key-steward.progress.elapsed"
              values={{ seconds: p.elapsedSeconds }}
            />
            {left !== null && (
              <span data-testid="read-time-left">
                {' '}
                <FormattedMessage
                  id="admin/key-steward.progress.timeLeft"
                  values={{ minutes: left }}
                />
              </span>
            )}
          </p>
        )}
      </div>
    </div>
  )
}

/** What a "Load live data" press was answered with, when it was the recent read itself. */
interface LiveAnswer {
  version: string | null
  ageSeconds: number
}

/**
 * A refetch that resolved with errors (a query whose errorPolicy lets them through): the service
 * did not answer the press, so the copy still shown is the earlier one, not its answer.
 */
const failed = (result: unknown): boolean => {
  const r = result as { errors?: readonly unknown[]; error?: unknown } | null

  return !!r && (!!r.error || (r.errors?.length ?? 0) > 0)
}

/**
 * "Load live data" within LIVE_READ_MIN_INTERVAL_SECONDS of a complete read is answered by that
 * read (the service does not ask VTEX for every key and user again), so the page looks the same
 * as before the press. This remembers that answer, to say so, for as long as that read is shown.
 */
function useLiveRequest(
  meta: DataMeta,
  onLive: () => unknown
): { ask: () => void; answer: LiveAnswer | null } {
  const shown = useRef(meta)
  const mounted = useRef(true)
  const [answer, setAnswer] = useState<LiveAnswer | null>(null)

  shown.current = meta
  useEffect(
    () => () => {
      mounted.current = false
    },
    []
  )

  const ask = () => {
    setAnswer(null)
    // refetch resolves after the page rendered its answer: `shown` is what the admin now sees
    Promise.resolve(onLive()).then(
      (result) => {
        const m = shown.current

        if (
          mounted.current &&
          !failed(result) &&
          m.source === 'RECENT' &&
          !m.revalidating &&
          (m.ageSeconds ?? 0) < LIVE_READ_MIN_INTERVAL_SECONDS
        )
          setAnswer({
            version: m.version ?? null,
            ageSeconds: m.ageSeconds ?? 0,
          })
      },
      () => undefined
    )
  }

  return {
    ask,
    // a background read that landed since replaces the read the notice speaks of
    answer:
      answer &&
      meta.source === 'RECENT' &&
      (meta.version ?? null) === answer.version
        ? answer
        : null,
  }
}

/**
 * Says that "Load live data" was answered by a read seconds old, and when a new one is possible;
 * it goes away when that time has come, rather than still saying "in 5 seconds" long after
 * (walk12). It does not count down: a live region that changed every second would be read out
 * every second.
 */
const LiveAnswerNotice: React.FC<{ answer: LiveAnswer }> = ({ answer }) => {
  const wait = secondsUntilLiveRead(answer.ageSeconds)
  const [due, setDue] = useState(false)

  useEffect(() => {
    const timer = setTimeout(() => setDue(true), wait * 1000)

    return () => clearTimeout(timer)
  }, [wait])

  return due ? null : (
    <div className="mt3" data-testid="live-read-answered">
      <Notice announce="polite" type="success">
        <FormattedMessage
          id="admin/key-steward.source.justRead"
          values={{ seconds: answer.ageSeconds, wait }}
        />
      </Notice>
    </div>
  )
}

/**
 * The page's request failed while it shows data from before (a "Load live data" VTEX refused, a
 * page of the list that could not load): the data shown must not pass for the answer. Says why
 * (the service's message), which copy is still shown, and offers the live read again.
 */
export const LiveFailure: React.FC<{
  error: ServiceError
  meta: DataMeta
  onRetry: () => void
}> = ({ error, meta, onRetry }) => (
  <div className="mt3" data-testid="live-read-failed">
    <Notice
      announce="assertive"
      type="error"
      action={{
        label: <FormattedMessage id="admin/key-steward.error.retry" />,
        onClick: onRetry,
      }}
    >
      {/* one element: the Alert lays its children out as a row */}
      <span>
        <span className="db">
          <FormattedMessage
            id="admin/key-steward.source.failed"
            values={{ message: error.message }}
          />
        </span>
        <span className="db mt2" data-testid="live-read-failed-copy">
          {meta.source === 'SNAPSHOT' ? (
            <FormattedMessage
              id="admin/key-steward.source.failed.snapshot"
              values={{
                date: <ScanTime value={meta.generatedAt} />,
              }}
            />
          ) : meta.source === 'RECENT' ? (
            <FormattedMessage
              id="admin/key-steward.source.failed.recent"
              values={{ minutes: Math.floor((meta.ageSeconds ?? 0) / 60) }}
            />
          ) : (
            <FormattedMessage id="admin/key-steward.source.failed.live" />
          )}
        </span>
      </span>
    </Notice>
  </div>
)

/**
 * The failure LiveFailure speaks of: an error beside data shown. READING is no failure (the read
 * goes on and the page shows its progress).
 */
export const failureBesideData = (
  error: ApolloError | undefined
): ServiceError | null => {
  const e = readError(error)

  return e && e.code !== 'READING' ? e : null
}

/**
 * Where the page's data comes from: the daily scan's copy (SourceBanner), the recent copy with
 * its age, or a live read just made; each with a live read on request, and what a failed request
 * left on screen.
 */
export const DataSource: React.FC<{
  meta: DataMeta
  /** asks for a live read; what it returns (the query's refetch promise) says when it answered */
  onLive: () => unknown
  loading?: boolean
  /** false: the page offers "Load live data" in its own content (one button, not two) */
  action?: boolean
  /** the page's query error while it still shows `meta`'s data */
  error?: ApolloError
}> = ({ meta, onLive, loading, action = true, error }) => {
  const { ask, answer } = useLiveRequest(meta, onLive)
  const failure = loading ? null : failureBesideData(error)
  // Try again's notice (and the button with focus) goes away while the read runs: focus goes to
  // the data line first, which then says what was read (the notice comes back if it fails again)
  const line = useRef<HTMLDivElement & HTMLParagraphElement>(null)
  const retry = () => {
    line.current?.focus()
    ask()
  }

  const failureNotice = failure && (
    <LiveFailure error={failure} meta={meta} onRetry={retry} />
  )

  if (meta.source === 'SNAPSHOT')
    return (
      <>
        <div ref={line} tabIndex={-1} data-source-line>
          <SourceBanner
            source={meta.source}
            generatedAt={meta.generatedAt}
            onLive={action ? ask : undefined}
            loading={loading}
          />
        </div>
        {failureNotice && <div className="mb5">{failureNotice}</div>}
      </>
    )
  const recent = meta.source === 'RECENT'
  const minutes = Math.floor((meta.ageSeconds ?? 0) / 60)

  return (
    <div
      className="mb5"
      data-source={meta.source}
      data-age-seconds={recent ? meta.ageSeconds ?? 0 : undefined}
    >
      {/* A recent copy is the normal case: a quiet line, not announced each time its age
          changes; only what is under way (revalidating, loading) is, politely. */}
      <p ref={line} tabIndex={-1} className="ma0 f6 c-muted-1" data-source-line>
        {recent ? (
          <FormattedMessage
            id="admin/key-steward.source.recent"
            values={{ minutes }}
          />
        ) : (
          // a live read: say it happened (the press's answer), and keep the button
          <FormattedMessage id="admin/key-steward.source.live" />
        )}
        <span role="status" data-testid="source-progress">
          {meta.revalidating && (
            <span className="ml2" data-testid="revalidating">
              <FormattedMessage id="admin/key-steward.source.revalidating" />
            </span>
          )}
          {loading && (
            <span className="ml2">
              <FormattedMessage id="admin/key-steward.state.loading" />
            </span>
          )}
        </span>
        {action && (
          <button
            type="button"
            className="ml3 bn bg-transparent pa0 c-link underline pointer f6"
            onClick={ask}
          >
            <FormattedMessage id="admin/key-steward.source.refresh" />
          </button>
        )}
      </p>
      {answer && <LiveAnswerNotice answer={answer} />}
      {failureNotice}
    </div>
  )
}
