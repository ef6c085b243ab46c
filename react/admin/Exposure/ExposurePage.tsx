import React from 'react'
import { useQuery } from 'react-apollo'
import {
  FormattedDate,
  FormattedMessage,
  FormattedNumber,
  useIntl,
} from 'react-intl'
import { Button, EmptyState, PageBlock } from 'vtex.styleguide'

import { mayCarryOut } from '../actions/opensKeyPages'
import { usePermissions } from '../actions/usePermissions'
import Link from '../components/Link'
import PageFrame, { BASE } from '../components/PageFrame'
import { ErrorState, Loading } from '../components/QueryState'
import { ScanStatus, useScanRun } from '../components/ScanStatus'
import SeverityBadge from '../components/SeverityBadge'
import LEAK_SCAN from '../graphql/leakScan.gql'
import RUN from '../graphql/runLeakScan.gql'
import type {
  KeyStewardLeakScanQuery,
  KeyStewardLeakScanQueryVariables,
  KeyStewardRunLeakScanMutation,
  KeyStewardRunLeakScanMutationVariables,
} from '../graphql/types.generated'
import { readError } from '../utils/errors'
import { scanClock } from '../utils/scanTime'
import { SEVERITIES } from '../types'
import { Notice } from '../components/Notice'
import { useSettledMutation } from '../apollo/useSettledMutation'
import { useCopyPolicy } from '../apollo/useCopyPolicy'
import { RereadNotice } from '../components/RereadNotice'
import { unreadUrls } from './unreadUrls'

/** The first URLs the scan noted, and how many more it only counted. */
const UrlList: React.FC<{
  items: Array<{ url: string; reason: string }>
  count?: number
  kind: string
}> = ({ items, count, kind }) => {
  const more = Math.max(0, (count ?? items.length) - items.length)

  return (
    <>
      <ul className="list pa0 ma0 f6">
        {items.map((i, n) => (
          <li key={`${n}:${i.url}`} className="pv1">
            <span className="code">{i.url}</span>{' '}
            <span className="c-muted-1">— {i.reason}</span>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="f6 c-muted-1 mt2" data-more={kind}>
          <FormattedMessage
            id="admin/key-steward.exposure.more"
            values={{ count: more }}
          />
        </p>
      )}
    </>
  )
}

const ExposurePage: React.FC = () => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/key-steward.exposure.${id}` })

  const { data, loading, error, refetch } = useQuery<
    KeyStewardLeakScanQuery,
    KeyStewardLeakScanQueryVariables
  >(LEAK_SCAN, useCopyPolicy(LEAK_SCAN))

  const [run, running] = useSettledMutation<
    KeyStewardRunLeakScanMutation,
    KeyStewardRunLeakScanMutationVariables
  >(RUN, {
    // the Overview's findings hold what the scan found (read when shown again)
    refetchQueries: [{ query: LEAK_SCAN }, 'KeyStewardOverview'],
  })

  const runFailure = readError(running.error)
  const scan = data?.leakScan
  const unread = scan ? unreadUrls(scan) : { items: [], count: 0 }
  // Keys of this account whose token was found: step 1 sends to their pages (Renew token…).
  const renewKeys = (scan?.exposures ?? [])
    .flatMap((e) => (e.tokenFound && e.key ? [e.key] : []))
    .filter((k, i, all) => all.findIndex((x) => x.id === k.id) === i)

  // A session that may not renew on a key's page (without the read resources the key pages are
  // closed to it) is sent to VTEX's Admin first, not to a page it cannot open (walk14 #9).
  const renewHere = mayCarryOut('ROTATE', usePermissions())
  // A listed key whose renewal is pending or may be pending: "renew it now" would contradict its
  // page (check VTEX's Admin first, finish it), so step 1 sends to that page's advice instead.
  const renewalOpen = renewKeys.some(
    (k) =>
      k.renewalStatus === 'PENDING' || k.renewalStatus === 'POSSIBLY_PENDING'
  )

  const scanRun = useScanRun(run)
  const runButton = (
    <>
      <Button onClick={() => scanRun.start()} isLoading={running.loading}>
        <FormattedMessage id="admin/key-steward.exposure.run" />
      </Button>
      <RereadNotice failed={running.rereadFailed} />
    </>
  )

  return (
    <PageFrame
      section="exposure"
      title={<FormattedMessage id="admin/key-steward.exposure.title" />}
      subtitle={<FormattedMessage id="admin/key-steward.exposure.subtitle" />}
    >
      {/* outside the blocks: the empty state's button goes away with the first scan */}
      <ScanStatus state={scanRun.state} statusRef={scanRun.statusRef} />
      {runFailure && (
        <div className="mb5">
          <Notice announce="assertive" type="error">
            {runFailure.message}
          </Notice>
        </div>
      )}
      {loading && !data && (
        <PageBlock>
          <Loading />
        </PageBlock>
      )}
      {error && !data && (
        <PageBlock>
          <ErrorState error={error} onRetry={() => refetch()} />
        </PageBlock>
      )}
      {data && !scan && (
        <PageBlock>
          <EmptyState title={t('none')}>
            <p>
              <FormattedMessage id="admin/key-steward.exposure.noneText" />
            </p>
            {runButton}
          </EmptyState>
        </PageBlock>
      )}
      {scan && (
        <>
          <PageBlock
            variation="annotated"
            title={t('coverage')}
            subtitle={t('coverageText')}
          >
            <p className="mt0">
              <FormattedMessage
                id="admin/key-steward.exposure.summary"
                values={{
                  // in UTC and on a 24-hour clock, like the daily scan's "06:00 UTC"
                  date: (
                    <FormattedDate
                      value={scan.at}
                      year="numeric"
                      month="long"
                      day="numeric"
                      timeZone="UTC"
                    />
                  ),
                  time: scanClock(intl.locale, scan.at),
                  origin: <span className="code">{scan.origin}</span>,
                  pages: intl.formatNumber(scan.pagesScanned),
                  scripts: intl.formatNumber(scan.scriptsScanned),
                  kb: (
                    <FormattedNumber
                      value={Math.round(scan.bytesScanned / 1024)}
                    />
                  ),
                }}
              />
            </p>
            {scan.complete === false && (
              <div className="mb4" data-incomplete>
                <Notice announce="none" type="warning">
                  {scan.keptUrls && scan.keptFrom ? (
                    <FormattedMessage
                      id="admin/key-steward.exposure.incompleteKept"
                      values={{
                        count: scan.unreadCount,
                        date: (
                          <FormattedDate
                            value={scan.keptFrom}
                            year="numeric"
                            month="long"
                            day="numeric"
                          />
                        ),
                      }}
                    />
                  ) : (
                    <FormattedMessage
                      id="admin/key-steward.exposure.incomplete"
                      values={{ count: scan.unreadCount }}
                    />
                  )}
                </Notice>
              </div>
            )}
            {scan.truncated && (
              <div className="mb4">
                <Notice announce="none" type="warning">
                  <FormattedMessage id="admin/key-steward.exposure.truncated" />
                </Notice>
              </div>
            )}
            {scan.unreachableHosts.length > 0 && (
              <div className="mb4" data-unreachable>
                <Notice announce="none" type="warning">
                  <FormattedMessage
                    id="admin/key-steward.exposure.unreachable"
                    values={{
                      hosts: (
                        <span className="code">
                          {scan.unreachableHosts.join(', ')}
                        </span>
                      ),
                    }}
                  />
                </Notice>
              </div>
            )}
            {runButton}
          </PageBlock>
          <PageBlock
            title={intl.formatMessage(
              { id: 'admin/key-steward.exposure.found' },
              { count: scan.exposures.length }
            )}
          >
            {scan.exposures.length === 0 && scan.pagesScanned === 0 ? (
              <p className="c-warning">
                <FormattedMessage id="admin/key-steward.exposure.nothingRead" />
              </p>
            ) : scan.exposures.length === 0 && scan.complete === false ? (
              <p className="c-warning">
                <FormattedMessage id="admin/key-steward.exposure.cleanSoFar" />
              </p>
            ) : scan.exposures.length === 0 ? (
              <p className="c-success">
                <FormattedMessage id="admin/key-steward.exposure.clean" />
              </p>
            ) : (
              <ul className="list pa0 ma0">
                {[...scan.exposures]
                  .sort(
                    (a, b) =>
                      SEVERITIES.indexOf(a.severity) -
                      SEVERITIES.indexOf(b.severity)
                  )
                  .map((e, i) => (
                    <li
                      key={i}
                      className="pv4 bb b--muted-5"
                      data-exposure={e.appKey ?? e.kind}
                    >
                      <div className="flex items-center mb2">
                        <SeverityBadge severity={e.severity} />
                        {e.key ? (
                          <>
                            <span
                              className="ml3 fw5"
                              data-exposure-key={e.key.id}
                            >
                              <Link
                                to={`${BASE}/keys/${encodeURIComponent(
                                  e.key.id
                                )}`}
                              >
                                {e.key.label || (
                                  <FormattedMessage id="admin/key-steward.keys.noLabel" />
                                )}
                              </Link>
                            </span>
                            <span className="ml2 f6 code c-muted-1">
                              {e.appKey}
                            </span>
                          </>
                        ) : (
                          <>
                            <span className="ml3 fw5">
                              {e.appKey ?? t(`kind.${e.kind}`)}
                            </span>
                            {e.account && (
                              <span className="ml2 f6 c-muted-1">
                                ({e.account})
                              </span>
                            )}
                          </>
                        )}
                      </div>
                      <p className="mv2 f6">
                        <FormattedMessage
                          id="admin/key-steward.exposure.where"
                          values={{
                            url: <span className="code">{e.url}</span>,
                            line: intl.formatNumber(e.line),
                            column: intl.formatNumber(e.column),
                          }}
                        />
                        {e.tokenMasked && (
                          <>
                            {' '}
                            ·{' '}
                            {/* scans stored before tokenLength hold it in tokenMasked */}
                            <FormattedMessage
                              id={
                                e.tokenLength == null
                                  ? 'admin/key-steward.exposure.token'
                                  : 'admin/key-steward.exposure.tokenWithLength'
                              }
                              values={{
                                masked: (
                                  <span className="code">{e.tokenMasked}</span>
                                ),
                                length: e.tokenLength,
                              }}
                            />
                          </>
                        )}
                      </p>
                      {e.lastSeenAt && (
                        <p className="mv2 f6 c-warning" data-last-seen>
                          <FormattedMessage
                            id="admin/key-steward.exposure.lastSeen"
                            values={{
                              date: (
                                <FormattedDate
                                  value={e.lastSeenAt}
                                  year="numeric"
                                  month="long"
                                  day="numeric"
                                />
                              ),
                            }}
                          />
                        </p>
                      )}
                      <pre
                        className="bg-muted-5 pa3 br2 f7 overflow-x-auto ma0"
                        style={{
                          whiteSpace: 'pre-wrap',
                          wordBreak: 'break-all',
                        }}
                      >
                        {e.snippet}
                      </pre>
                    </li>
                  ))}
              </ul>
            )}
          </PageBlock>
          <PageBlock variation="annotated" title={t('todo')}>
            <ol className="mt0 pl4">
              <li className="mb2" data-todo-renew>
                {!renewHere ? (
                  <FormattedMessage id="admin/key-steward.exposure.todo1Admin" />
                ) : renewKeys.length ? (
                  <FormattedMessage
                    id={
                      renewalOpen
                        ? 'admin/key-steward.exposure.todo1KeysRenewalOpen'
                        : 'admin/key-steward.exposure.todo1Keys'
                    }
                    values={{
                      keys: renewKeys.map((k, i) => (
                        <React.Fragment key={k.id}>
                          {i > 0 && ', '}
                          {/* underlined: a link in a sentence is told apart by more than colour */}
                          <Link
                            to={`${BASE}/keys/${encodeURIComponent(k.id)}`}
                            className="c-link hover-c-link-hover underline"
                          >
                            {k.label || (
                              <FormattedMessage id="admin/key-steward.keys.noLabel" />
                            )}
                          </Link>
                        </React.Fragment>
                      )),
                    }}
                  />
                ) : (
                  <FormattedMessage id="admin/key-steward.exposure.todo1" />
                )}
              </li>
              <li className="mb2">
                <FormattedMessage id="admin/key-steward.exposure.todo2" />
              </li>
              <li className="mb2">
                <FormattedMessage id="admin/key-steward.exposure.todo3" />
              </li>
            </ol>
          </PageBlock>
          {(unread.items.length > 0 || scan.skipped.length > 0) && (
            <PageBlock title={t('notRead')}>
              {unread.items.length > 0 && (
                <>
                  <h3 className="t-heading-6 mt0">
                    <FormattedMessage id="admin/key-steward.exposure.errors" />
                  </h3>
                  <UrlList
                    items={unread.items}
                    count={unread.count}
                    kind="errors"
                  />
                </>
              )}
              {scan.skipped.length > 0 && (
                <>
                  <h3 className="t-heading-6">
                    <FormattedMessage id="admin/key-steward.exposure.skipped" />
                  </h3>
                  <UrlList
                    items={scan.skipped}
                    count={scan.skippedCount}
                    kind="skipped"
                  />
                </>
              )}
            </PageBlock>
          )}
          {/* A 404 or 410 answered (nothing is there): not unread, and the scan stays complete
              (the rule of node/domain/leaks/completeness.ts), so not under "did not read". */}
          {scan.notFound.length > 0 && (
            <div data-not-found>
              <PageBlock title={t('notFound')}>
                <p className="mt0 f6 c-muted-1">
                  <FormattedMessage id="admin/key-steward.exposure.notFoundHelp" />
                </p>
                <UrlList
                  items={scan.notFound}
                  count={scan.notFoundCount}
                  kind="notFound"
                />
              </PageBlock>
            </div>
          )}
        </>
      )}
    </PageFrame>
  )
}

export default ExposurePage
