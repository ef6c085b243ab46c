import React, { useEffect, useRef, useState } from 'react'
import { useQuery } from 'react-apollo'
import { useRuntime } from 'vtex.render-runtime'
import { FormattedMessage, useIntl } from 'react-intl'
import {
  Button,
  EmptyState,
  InputSearch,
  PageBlock,
  Tag,
} from 'vtex.styleguide'

import PageFrame from '../components/PageFrame'
import { useLastPage, useQueryFreshness } from '../components/Freshness'
import LiveList from '../components/LiveList'
import PageButtons from '../components/PageButtons'
import SkipToPages from '../components/SkipToPages'
import { ruleName } from '../components/ruleName'
import SeverityBadge, { RoleTag } from '../components/SeverityBadge'
import USER_LIST from '../graphql/userList.gql'
import { useReadSignal } from '../apollo/readSignal'
import type {
  KeyStewardUserListQuery,
  KeyStewardUserListQueryVariables,
} from '../graphql/types.generated'
import { currentSearch, replaceQuery } from '../utils/urlState'
import { withinSearchLimit } from '../utils/searchLimit'
import { addressOf, useFollowNavigation } from '../utils/addressView'
import { useShownPage } from '../utils/useShownPage'
import { parseUserQuery, USER_PAGE_SIZES, userQueryParams } from './userQuery'
import Select from '../components/Select'

/** The paging buttons under the table, which "Skip to the page buttons" moves to. */
const USER_PAGES = 'user-pages'
const SEARCH_DEBOUNCE_MS = 250

/**
 * The admin user list could not be read: say so and how to read it again, instead of "0 users
 * hold Owner" and an empty table (the partial banner above names the failure and its cause).
 */
const UsersUnknown: React.FC<{ onLive: () => unknown; loading: boolean }> = ({
  onLive,
  loading,
}) => (
  <div data-testid="users-unknown">
    <EmptyState
      title={<FormattedMessage id="admin/key-steward.users.unknown.title" />}
    >
      <p>
        <FormattedMessage id="admin/key-steward.users.unknown" />
      </p>
      <div className="mt5 flex items-center justify-center">
        {/* not isLoading: a disabled button would drop the focus to the page */}
        <Button variation="secondary" onClick={onLive}>
          <FormattedMessage id="admin/key-steward.source.refresh" />
        </Button>
        <span role="status" className="ml3 c-muted-1">
          {loading && <FormattedMessage id="admin/key-steward.state.loading" />}
        </span>
      </div>
    </EmptyState>
  </div>
)

const UsersPage: React.FC = () => {
  const intl = useIntl()
  const runtime = useRuntime()
  // the view a reload or a shared link asks for (?q=, ?page=, ?size=)
  const [asked] = useState(() => parseUserQuery(currentSearch()))
  const [typed, setTyped] = useState(asked.search)
  const [search, setSearch] = useState(asked.search)
  const [page, setPage] = useState(asked.page)
  const [pageSize, setPageSize] = useState(asked.pageSize)

  // the view this page last wrote in the address, to tell a navigation's query from its own
  const written = useRef<string | null>(null)

  useEffect(() => {
    const params = userQueryParams({ search, page, pageSize })

    written.current = addressOf(params)
    replaceQuery(params, runtime.setQuery)
  }, [search, page, pageSize])

  // a link to this page with another view (the sidebar's, with none): the page follows it
  useFollowNavigation(
    runtime.query,
    written,
    parseUserQuery,
    userQueryParams,
    (v) => {
      setTyped(v.search)
      setSearch(v.search)
      setPage(v.page)
      setPageSize(v.pageSize)
    }
  )

  useEffect(() => {
    if (typed === search) return
    const timer = setTimeout(
      () => {
        setSearch(typed)
        setPage(1)
      },
      typed === '' ? 0 : SEARCH_DEBOUNCE_MS
    )

    return () => clearTimeout(timer)
  }, [typed])
  const variables = { page, pageSize, search: search.trim() || null }
  const {
    data: fresh,
    loading,
    error,
    refetch,
  } = useQuery<KeyStewardUserListQuery, KeyStewardUserListQueryVariables>(
    USER_LIST,
    {
      variables,
      notifyOnNetworkStatusChange: true,
    }
  )

  const list = useLastPage(fresh?.userList)

  useShownPage(
    page,
    loading || error ? undefined : fresh?.userList?.page,
    setPage
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

  const users = list?.rows ?? []
  // The admin user list itself failed: no rows is not "no users", and no owner count is known.
  const unknown = list?.inventory.usersKnown === false
  // a live read answered: a change's notice that this page could not be read again goes
  const readLive = useReadSignal(USER_LIST)
  const live = () => readLive(refetch({ ...variables, live: true }))
  // The users-unknown state's Load live data goes away with the state once the list is read:
  // focus then moves to the owner count that replaces it, not to the top of the page.
  const askedFromState = useRef(false)
  const ownerCount = useRef<HTMLParagraphElement>(null)
  const liveFromState = () => {
    askedFromState.current = true

    return live()
  }

  useEffect(() => {
    if (!askedFromState.current || loading) return
    // answered: still unknown keeps focus on the state's button, which stays
    askedFromState.current = false
    if (!unknown && list) ownerCount.current?.focus()
  }, [unknown, list, loading])
  const first = list && list.total ? (list.page - 1) * list.pageSize + 1 : 0
  const last = list ? Math.min(list.total, list.page * list.pageSize) : 0

  return (
    <PageFrame
      section="users"
      title={<FormattedMessage id="admin/key-steward.users.title" />}
      subtitle={<FormattedMessage id="admin/key-steward.users.subtitle" />}
    >
      <PageBlock variation="full">
        <LiveList
          meta={list?.inventory}
          loading={loading}
          reading={reading}
          status={status}
          error={error}
          onRetry={reload}
          onLive={live}
          partialAction={!unknown}
        >
          {unknown && <UsersUnknown onLive={liveFromState} loading={loading} />}
          {list && !unknown && (
            <>
              <p
                className="mt0"
                ref={ownerCount}
                tabIndex={-1}
                data-testid="owner-count"
              >
                <FormattedMessage
                  id="admin/key-steward.users.ownerCount"
                  values={{
                    count: list.ownerCount,
                    max: list.maxOwnerUsers,
                    over: list.ownerCount > list.maxOwnerUsers ? 'yes' : 'no',
                  }}
                />
              </p>
              {/* The only user rule counts Owner holders: without this line "No problems" beside
                  a user whose roles make a key HIGH read as a clean bill (walk 11 #13). */}
              <p className="mt0 f6 c-muted-1" data-testid="users-checks">
                <FormattedMessage id="admin/key-steward.users.checksMade" />
              </p>
              <div className="w-100 w-40-l mb5" role="search">
                <InputSearch
                  label={intl.formatMessage({
                    id: 'admin/key-steward.users.search',
                  })}
                  placeholder={intl.formatMessage({
                    id: 'admin/key-steward.users.search.placeholder',
                  })}
                  value={typed}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                    setTyped(withinSearchLimit(e.target.value))
                  }
                  onClear={() => setTyped('')}
                  onSubmit={(e: React.FormEvent) => e.preventDefault()}
                />
              </div>
              {list.pages > 1 && <SkipToPages to={USER_PAGES} />}
              <table className="w-100 collapse" aria-describedby="users-range">
                <caption className="tl f5 pv3 c-on-base">
                  <FormattedMessage
                    id="admin/key-steward.users.caption"
                    values={{ total: list.total }}
                  />
                </caption>
                <thead className="bb b--muted-4">
                  <tr>
                    {['user', 'roles', 'findings'].map((c) => (
                      <th
                        key={c}
                        scope="col"
                        className="tl pv3 ph3 f6 fw5 c-muted-1"
                      >
                        <FormattedMessage
                          id={`admin/key-steward.users.column.${c}`}
                        />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <tr
                      key={u.id}
                      className={`bb b--muted-5 ${
                        u.holdsOwner ? 'bg-warning--faded' : ''
                      }`}
                      // the server's answer, as it counts owners (isAdmin is false for every
                      // role when the role list could not be read; Owner is then known by name)
                      data-owner={u.holdsOwner}
                    >
                      <td className="pv3 ph3">
                        <span className="db">{u.name}</span>
                        <span className="db f6 c-muted-1">{u.email}</span>
                        {u.isBlocked && (
                          <Tag size="small">
                            <FormattedMessage id="admin/key-steward.users.blocked" />
                          </Tag>
                        )}
                      </td>
                      <td className="pv3 ph3 f6">
                        {!u.rolesKnown ? (
                          <span className="c-warning">
                            <FormattedMessage id="admin/key-steward.keys.rolesUnknown" />
                          </span>
                        ) : (
                          u.roles.map((r) => (
                            <span key={r.id} className="mr2 dib mb1">
                              {r.grantsEverything ? (
                                <RoleTag
                                  severity={
                                    u.findings.find(
                                      (f) => f.rule === 'user-owner-role'
                                    )?.severity
                                  }
                                >
                                  {r.name}
                                </RoleTag>
                              ) : (
                                <Tag size="small">{r.name}</Tag>
                              )}
                            </span>
                          ))
                        )}
                      </td>
                      <td className="pv3 ph3 f6" data-findings>
                        {/* like a key with none: an empty cell read as not checked */}
                        {u.rolesKnown && u.findings.length === 0 && (
                          <span className="c-muted-1">
                            <FormattedMessage id="admin/key-steward.keys.healthy" />
                          </span>
                        )}
                        {u.findings.map((f, i) => (
                          <span key={i} className="db mb1" data-rule={f.rule}>
                            <SeverityBadge severity={f.severity} />{' '}
                            <span className="ml1">
                              {ruleName(intl, f.rule)}
                            </span>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="flex flex-wrap items-center justify-between mt4">
                <span
                  id="users-range"
                  className="f6 c-muted-1 nowrap mr3 mv2"
                  aria-live="polite"
                >
                  <FormattedMessage
                    id="admin/key-steward.keys.range"
                    values={{
                      first: intl.formatNumber(first),
                      last: intl.formatNumber(last),
                      total: intl.formatNumber(list.total),
                    }}
                  />
                </span>
                <div className="flex flex-wrap items-center">
                  <div className="mr4 flex-none" data-users-page-size>
                    <Select
                      size="small"
                      label={intl.formatMessage({
                        id: 'admin/key-steward.users.pageSize',
                      })}
                      value={String(pageSize)}
                      options={USER_PAGE_SIZES.map((n) => ({
                        value: String(n),
                        label: intl.formatNumber(n),
                      }))}
                      onChange={(_: unknown, v: string) => {
                        setPageSize(Number(v))
                        setPage(1)
                      }}
                    />
                  </div>
                  <PageButtons
                    id={USER_PAGES}
                    page={list.page}
                    pages={list.pages}
                    onPage={setPage}
                  />
                </div>
              </div>
            </>
          )}
        </LiveList>
      </PageBlock>
    </PageFrame>
  )
}

export default UsersPage
