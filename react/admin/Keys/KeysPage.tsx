import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useApolloClient, useQuery } from 'react-apollo'
import { FormattedMessage } from 'react-intl'
import { Button, EmptyState, PageBlock } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import { useLastPage, useQueryFreshness } from '../components/Freshness'
import LiveList from '../components/LiveList'
import PageFrame from '../components/PageFrame'
import SkipToPages from '../components/SkipToPages'
import KEY_LIST from '../graphql/keyList.gql'
import { useReadSignal } from '../apollo/readSignal'
import type {
  KeyStewardKeyListQuery,
  KeyStewardKeyListQueryVariables,
} from '../graphql/types.generated'
import {
  currentSearch,
  rememberKeysView,
  replaceQuery,
} from '../utils/urlState'
import type { KeyQuery } from './keyQuery'
import {
  DEFAULT_QUERY,
  keyListVariables,
  keyQueryParams,
  keyQueryString,
  parseKeyQuery,
} from './keyQuery'
import KeyFilters from './KeyFilters'
import KeysTable, { KEY_PAGES } from './KeysTable'
import { changesSeen, viewIsCurrent, viewRead } from './keyListViews'
import ExternalKeysPanel from '../ExternalKeys/ExternalKeysPanel'
import { Notice } from '../components/Notice'
import { readError } from '../utils/errors'
import { addressOf, useFollowNavigation } from '../utils/addressView'
import { useShownPage } from '../utils/useShownPage'

/** Typing waits this long before the service is asked: one request per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 250

const KeysPage: React.FC = () => {
  const runtime = useRuntime()
  const [query, setQuery] = useState<KeyQuery>(() =>
    parseKeyQuery(currentSearch())
  )

  // What the search box shows at once; the query (and the request) follow after a pause.
  const [typed, setTyped] = useState(query.search)
  const variables = useMemo(() => keyListVariables(query), [query])
  const client = useApolloClient()
  // chosen once per view: a view read before the last change to a key is asked of the service,
  // not shown from Apollo's copy with the keys it matched then (keyListViews.ts)
  const read = useMemo(
    () => ({
      at: changesSeen(client),
      fetchPolicy: viewIsCurrent(client, variables)
        ? ('cache-first' as const)
        : ('network-only' as const),
    }),
    [client, variables]
  )

  const { data, loading, error, refetch } = useQuery<
    KeyStewardKeyListQuery,
    KeyStewardKeyListQueryVariables
  >(KEY_LIST, {
    variables,
    fetchPolicy: read.fetchPolicy,
    notifyOnNetworkStatusChange: true,
  })

  // a live read answered: a change's notice that this page could not be read again goes
  const readLive = useReadSignal(KEY_LIST)

  useEffect(() => {
    if (data?.keyList && !loading && !error)
      viewRead(client, variables, read.at)
  }, [data, loading, error])

  const list = useLastPage(data?.keyList)

  useShownPage(
    query.page,
    loading || error ? undefined : data?.keyList?.page,
    (page) => setQuery((q) => ({ ...q, page }))
  )
  const { status, reading, reload } = useQueryFreshness(
    list?.inventory,
    !!list,
    {
      loading,
      error,
      variables,
      refetch,
    }
  )

  // the view this page last wrote in the address, to tell a navigation's query from its own
  const written = useRef<string | null>(null)

  useEffect(() => {
    const params = keyQueryParams(query)

    written.current = addressOf(params)
    replaceQuery(params, runtime.setQuery)
    rememberKeysView(keyQueryString(query))
  }, [query])

  // a link to this page with another view (a reminder's "See the keys" here): the page follows it
  useFollowNavigation(
    runtime.query,
    written,
    parseKeyQuery,
    keyQueryParams,
    (v) => {
      setTyped(v.search)
      setQuery(v)
    }
  )

  useEffect(() => {
    if (typed === query.search) return
    const timer = setTimeout(
      () => setQuery((q) => ({ ...q, search: typed, page: 1 })),
      SEARCH_DEBOUNCE_MS
    )

    return () => clearTimeout(timer)
  }, [typed])

  // Stable, so a keystroke re-renders the search box, not the table (KeysTable is memoized).
  const change = useCallback((c: Partial<KeyQuery>) => {
    const { search, ...rest } = c

    if (search === undefined) return setQuery((q) => ({ ...q, ...rest }))
    setTyped(search)
    // Clearing the box applies at once; typing waits for a pause (the debounce above).
    if (search === '') setQuery((q) => ({ ...q, search: '', page: 1 }))
  }, [])

  // The search and every filter (the ?ids= list and a picked set too); the sort and page size stay as chosen.
  const filtersRef = useRef<HTMLDivElement>(null)
  const clearFilters = useCallback(() => {
    // the button goes with the empty list: focus moves to the search box, not to the page
    filtersRef.current?.querySelector('input')?.focus()
    setTyped('')
    setQuery((q) => ({
      ...DEFAULT_QUERY,
      sort: q.sort,
      descending: q.descending,
      pageSize: q.pageSize,
    }))
  }, [])

  return (
    <PageFrame
      section="keys"
      title={<FormattedMessage id="admin/key-steward.keys.title" />}
      subtitle={<FormattedMessage id="admin/key-steward.keys.subtitle" />}
    >
      <PageBlock variation="full">
        <LiveList
          meta={list?.inventory}
          loading={loading}
          reading={reading}
          status={status}
          error={error}
          onRetry={reload}
          onLive={() => readLive(refetch({ ...variables, live: true }))}
        >
          {list && (
            <>
              {query.ids.length > 0 && (
                <div className="mb5" data-testid="ids-filter">
                  <Notice
                    announce="none"
                    type="warning"
                    action={{
                      label: (
                        <FormattedMessage id="admin/key-steward.keys.idsFilter.clear" />
                      ),
                      onClick: () => change({ ids: [], idsNamed: 0, page: 1 }),
                    }}
                  >
                    <FormattedMessage
                      id="admin/key-steward.keys.idsFilter"
                      values={{ count: query.ids.length }}
                    />
                    {/* never a silently cut list: say how many the link named */}
                    {query.idsNamed > query.ids.length && (
                      <span className="db mt2" data-ids-cut={query.idsNamed}>
                        <FormattedMessage
                          id="admin/key-steward.keys.idsCut"
                          values={{
                            named: query.idsNamed,
                            max: query.ids.length,
                          }}
                        />
                      </span>
                    )}
                  </Notice>
                </div>
              )}
              {(query.evidence || query.reminder) && (
                <div className="mb5" data-testid="picked-filter">
                  <Notice
                    announce="none"
                    type="warning"
                    action={{
                      label: (
                        <FormattedMessage id="admin/key-steward.keys.idsFilter.clear" />
                      ),
                      onClick: () =>
                        change({
                          evidence: '',
                          review: '',
                          reminder: '',
                          page: 1,
                        }),
                    }}
                  >
                    {query.evidence ? (
                      <FormattedMessage
                        id="admin/key-steward.keys.evidenceFilter"
                        values={{
                          count: list.selected ?? 0,
                          // the keys a line's link shows: for the line counting keys
                          // within the period, those past it
                          evidence:
                            query.evidence === 'activeWithinRotation' ? (
                              <FormattedMessage id="admin/key-steward.review.evidence.pastRotation" />
                            ) : (
                              <FormattedMessage
                                id={`admin/key-steward.review.evidence.${query.evidence}`}
                              />
                            ),
                        }}
                      />
                    ) : (
                      <FormattedMessage
                        id="admin/key-steward.keys.reminderFilter"
                        values={{ count: list.selected ?? 0 }}
                      />
                    )}
                  </Notice>
                </div>
              )}
              {list.allTotal === 0 ? (
                <EmptyState
                  title={
                    <FormattedMessage id="admin/key-steward.inventory.empty" />
                  }
                />
              ) : (
                <>
                  <div ref={filtersRef}>
                    <KeyFilters
                      query={{ ...query, search: typed }}
                      rules={list.rules}
                      roles={list.roles}
                      onChange={change}
                    />
                  </div>
                  {list.pages > 1 && <SkipToPages to={KEY_PAGES} />}
                  {/* busy while the service answers a new search, filter, sort or page */}
                  <div aria-busy={loading} data-testid="key-list">
                    {list.total === 0 ? (
                      <EmptyState
                        title={
                          <FormattedMessage id="admin/key-steward.keys.noMatch" />
                        }
                      >
                        {/* a way out: back to every key, in the same order and page size */}
                        <div className="mt4" data-testid="clear-filters">
                          <Button
                            variation="secondary"
                            size="small"
                            onClick={clearFilters}
                          >
                            <FormattedMessage id="admin/key-steward.keys.clearFilters" />
                          </Button>
                        </div>
                      </EmptyState>
                    ) : (
                      <KeysTable
                        keys={list.rows}
                        total={list.total}
                        external={list.externalTotal}
                        page={list.page}
                        pages={list.pages}
                        query={query}
                        onChange={change}
                      />
                    )}
                  </div>
                </>
              )}
            </>
          )}
        </LiveList>
      </PageBlock>
      <ExternalKeysPanel
        failureShownAbove={
          error && !reading && !list ? readError(error)?.message : null
        }
      />
    </PageFrame>
  )
}

export default KeysPage
