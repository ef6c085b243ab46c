// The daily scan as VTEX runs it for this account: registered or not, when it last ran and what
// each step did, when it runs next, the last problem in words with what to do, and Stop/Restart.
// Failures happen with no admin watching (VTEX's scheduler calls the app), so they are shown here.
import React, { useEffect, useRef, useState } from 'react'
import { useQuery } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, PageBlock, Tag } from 'vtex.styleguide'

import { ErrorState, Loading } from '../components/QueryState'
import RESTART from '../graphql/restartSchedule.gql'
import SCHEDULE from '../graphql/schedule.gql'
import STOP from '../graphql/unregisterSchedule.gql'
import type {
  KeyStewardRestartScheduleMutation,
  KeyStewardRestartScheduleMutationVariables,
  KeyStewardScheduleQuery,
  KeyStewardScheduleQueryVariables,
  KeyStewardStopScheduleMutation,
  KeyStewardStopScheduleMutationVariables,
  ScanStepState,
} from '../graphql/types.generated'
import { readError } from '../utils/errors'
import { scanTime } from '../utils/scanTime'
import { Notice } from '../components/Notice'
import { useSettledMutation } from '../apollo/useSettledMutation'
import { RereadNotice } from '../components/RereadNotice'

export type ScheduleStatus = NonNullable<KeyStewardScheduleQuery['schedule']>
type StorefrontStep = NonNullable<ScheduleStatus['lastRun']>['storefront']
/** A step as Step shows it: the registration or a step of the last run (only the crawl counts URLs). */
type ScanStep = Pick<StorefrontStep, 'state' | 'problem' | 'detail'> &
  Partial<Pick<StorefrontStep, 'unreadUrls' | 'limitReached'>>

// Tag takes success, error or warning; no type is its neutral look.
const TAG: Record<ScanStepState, string | undefined> = {
  OK: 'success',
  PARTIAL: 'warning',
  FAILED: 'error',
  SKIPPED: undefined,
}

const When: React.FC<{ value: string }> = ({ value }) => {
  const { locale } = useIntl()

  return <>{scanTime(locale, value)}</>
}

const Step: React.FC<{ name: string; step: ScanStep }> = ({ name, step }) => (
  <li className="mb4" data-step={name} data-state={step.state}>
    <div className="flex items-center">
      <span className="fw5 mr3">
        <FormattedMessage id={`admin/key-steward.dailyScan.step.${name}`} />
      </span>
      <Tag type={TAG[step.state]} size="small">
        <FormattedMessage
          id={`admin/key-steward.dailyScan.state.${step.state}`}
        />
      </Tag>
    </div>
    {step.problem && (
      <p className="mt2 mb0 f6">
        <FormattedMessage
          id={`admin/key-steward.dailyScan.problem.${step.problem}`}
        />
        {step.detail && (
          <span className="db c-muted-1 mt1" data-testid="scan-detail">
            {step.detail}
          </span>
        )}
        {step.unreadUrls != null && (
          <span className="db c-muted-1 mt1" data-testid="scan-unread">
            <FormattedMessage
              id="admin/key-steward.dailyScan.unreadUrls"
              values={{ count: step.unreadUrls }}
            />
            {step.limitReached && (
              <>
                {' '}
                <FormattedMessage id="admin/key-steward.dailyScan.limitReached" />
              </>
            )}
          </span>
        )}
      </p>
    )}
  </li>
)

const DailyScanPanel: React.FC = () => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/key-steward.dailyScan.${id}` })

  const { data, loading, error, refetch } = useQuery<
    KeyStewardScheduleQuery,
    KeyStewardScheduleQueryVariables
  >(SCHEDULE, { fetchPolicy: 'cache-and-network' })

  const refresh = {
    refetchQueries: [{ query: SCHEDULE }],
  }

  const [restart, restarting] = useSettledMutation<
    KeyStewardRestartScheduleMutation,
    KeyStewardRestartScheduleMutationVariables
  >(RESTART, refresh)

  const [stop, stopping] = useSettledMutation<
    KeyStewardStopScheduleMutation,
    KeyStewardStopScheduleMutationVariables
  >(STOP, refresh)

  // the notice of a re-read that failed is the last pressed button's (the next press clears it)
  const [lastPressed, setLastPressed] = useState<'restart' | 'stop' | null>(
    null
  )

  const [confirmStop, setConfirmStop] = useState(false)
  // The inline confirmation replaces "Stop daily scan": focus goes to its question (read out,
  // Tab goes on to its buttons), Escape cancels, and focus returns to "Stop daily scan" after
  // Cancel (or to "Start daily scan" once stopped), never to the page's start.
  const question = useRef<HTMLSpanElement>(null)
  const buttons = useRef<HTMLDivElement>(null)
  const toggled = useRef(false)
  const askStop = (next: boolean) => {
    toggled.current = true
    setConfirmStop(next)
  }

  // Escape cancels while the question is asked (not while the stop is being sent).
  const group = useRef<HTMLSpanElement>(null)
  const cancelOnEscape = useRef<() => void>(() => undefined)

  cancelOnEscape.current = () => {
    if (!stopping.loading) askStop(false)
  }

  useEffect(() => {
    const el = group.current

    if (!confirmStop || !el) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      cancelOnEscape.current()
    }

    el.addEventListener('keydown', onKey)

    return () => el.removeEventListener('keydown', onKey)
  }, [confirmStop])

  useEffect(() => {
    if (!toggled.current) return
    if (confirmStop) question.current?.focus()
    else
      (
        buttons.current?.querySelector<HTMLElement>('[data-stop] button') ??
        buttons.current?.querySelector<HTMLElement>('[data-restart] button')
      )?.focus()
  }, [confirmStop])
  const s = data?.schedule
  const failure = readError(restarting.error ?? stopping.error)

  return (
    <PageBlock
      variation="annotated"
      title={t('title')}
      subtitle={t('subtitle')}
    >
      <section aria-label={t('title')} data-testid="daily-scan">
        {loading && !data && <Loading />}
        {error && !data && (
          <ErrorState error={error} onRetry={() => refetch()} />
        )}
        {s && (
          <>
            <div className="mt0 mb4 flex items-center">
              <Tag
                type={
                  s.registered ? (s.healthy ? 'success' : 'error') : undefined
                }
              >
                {t(
                  !s.registered
                    ? 'status.stopped'
                    : !s.healthy
                    ? 'status.failing'
                    : s.lastRun
                    ? 'status.running'
                    : 'status.waiting'
                )}
              </Tag>
              {s.registered && s.nextRunAt && (
                <span className="ml4 f6 c-muted-1">
                  <FormattedMessage
                    id="admin/key-steward.dailyScan.nextRun"
                    values={{ when: <When value={s.nextRunAt} /> }}
                  />
                </span>
              )}
            </div>
            {s.registration?.state === 'FAILED' && (
              <div className="mb4">
                <Notice announce="none" type="error">
                  <span>
                    <FormattedMessage
                      id="admin/key-steward.dailyScan.registrationFailed"
                      values={{ when: <When value={s.registration.at!} /> }}
                    />{' '}
                    {s.registration.problem && (
                      <FormattedMessage
                        id={`admin/key-steward.dailyScan.problem.${s.registration.problem}`}
                      />
                    )}
                    {s.registration.detail && (
                      <span className="db f6 mt1">{s.registration.detail}</span>
                    )}
                  </span>
                </Notice>
              </div>
            )}
            {s.lastRun ? (
              <>
                <p className="mt0 mb3 f6">
                  <FormattedMessage
                    id="admin/key-steward.dailyScan.lastRun"
                    values={{ when: <When value={s.lastRun.finishedAt} /> }}
                  />
                </p>
                <ul className="list pa0 mt0 mb4">
                  <Step name="inventory" step={s.lastRun.inventory} />
                  <Step name="storefront" step={s.lastRun.storefront} />
                  <Step name="email" step={s.lastRun.email} />
                </ul>
              </>
            ) : !s.registered && s.stoppedAt ? null : (
              <p className="mt0 mb4 c-muted-1">{t('neverRan')}</p>
            )}
            {!s.registered && s.stoppedAt && (
              <p className="mt0 mb4" data-testid="stopped-by-admin">
                <FormattedMessage
                  id="admin/key-steward.dailyScan.stoppedOn"
                  values={{ when: <When value={s.stoppedAt} /> }}
                />
              </p>
            )}
            {failure && (
              <div className="mb4">
                <Notice announce="assertive" type="error">
                  {failure.code === 'FORBIDDEN' &&
                  failure.missingResources.length
                    ? intl.formatMessage(
                        { id: 'admin/key-steward.error.forbidden' },
                        {
                          resources: failure.missingResources.join(', '),
                          count: failure.missingResources.length,
                        }
                      )
                    : failure.message}
                </Notice>
              </div>
            )}
            <div className="flex flex-wrap items-center" ref={buttons}>
              <span className="mr4 mb3" data-restart>
                <Button
                  variation="secondary"
                  size="small"
                  isLoading={restarting.loading}
                  onClick={() => {
                    setLastPressed('restart')
                    restart().catch(() => undefined)
                  }}
                >
                  {t(s.registered ? 'restart' : 'start')}
                </Button>
              </span>
              {s.registered && !confirmStop && (
                <span className="mb3" data-stop>
                  <Button
                    variation="danger-tertiary"
                    size="small"
                    onClick={() => askStop(true)}
                  >
                    {t('stop')}
                  </Button>
                </span>
              )}
              {s.registered && confirmStop && (
                <span
                  className="mb3 flex items-center"
                  role="group"
                  aria-label={t('stop')}
                  ref={group}
                >
                  <span
                    ref={question}
                    tabIndex={-1}
                    className="mr3 f6"
                    data-stop-question
                  >
                    {t('stopConfirm')}
                  </span>
                  <span className="mr3">
                    <Button
                      variation="danger"
                      size="small"
                      isLoading={stopping.loading}
                      onClick={() => {
                        setLastPressed('stop')
                        stop().then(
                          () => askStop(false),
                          () => undefined
                        )
                      }}
                    >
                      {t('stopYes')}
                    </Button>
                  </span>
                  <Button
                    variation="tertiary"
                    size="small"
                    onClick={() => askStop(false)}
                  >
                    {t('cancel')}
                  </Button>
                </span>
              )}
            </div>
            <RereadNotice
              failed={
                (lastPressed === 'restart' && restarting.rereadFailed) ||
                (lastPressed === 'stop' && stopping.rereadFailed)
              }
            />
          </>
        )}
      </section>
    </PageBlock>
  )
}

export default DailyScanPanel
