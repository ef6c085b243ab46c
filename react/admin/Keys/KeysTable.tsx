import React, { useEffect, useRef } from 'react'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import Link from '../components/Link'
import PageButtons from '../components/PageButtons'
import { BASE } from '../components/PageFrame'
import { ruleName } from '../components/ruleName'
import SeverityBadge, { StaleBadge } from '../components/SeverityBadge'
import type { KeyRow } from '../types'
import { worstSeverity } from '../types'
import { rememberOpenedKey, takeOpenedKey } from '../utils/urlState'
import type { KeyQuery, SortField } from './keyQuery'
import { firstDescending, PAGE_SIZES, shownDirection } from './keyQuery'
import Select from '../components/Select'

/** The table's paging buttons, which the page's "Skip to the page buttons" link moves to. */
export const KEY_PAGES = 'key-pages'

interface Props {
  keys: KeyRow[]
  total: number
  /** how many of the `total` rows are external keys (named apart in the count) */
  external: number
  page: number
  pages: number
  query: KeyQuery
  onChange: (change: Partial<KeyQuery>) => void
}

const SortHeader: React.FC<{
  field: SortField
  query: KeyQuery
  onChange: Props['onChange']
}> = ({ field, query, onChange, children }) => {
  const active = query.sort === field
  const shown = shownDirection(field, query.descending)

  return (
    <th
      scope="col"
      className="tl pv3 ph2 f6 fw5 c-muted-1 v-bottom"
      aria-sort={active ? shown : 'none'}
    >
      <button
        type="button"
        className="bn bg-transparent pa0 pointer c-muted-1 fw5 f6 tl"
        onClick={() =>
          onChange({
            sort: field,
            descending: active ? !query.descending : firstDescending(field),
            page: 1,
          })
        }
      >
        <FormattedMessage id={`admin/key-steward.keys.column.${field}`} />
        <span aria-hidden="true">
          {active ? (shown === 'descending' ? ' ▼' : ' ▲') : ''}
        </span>
      </button>
      {children}
    </th>
  )
}

const Th: React.FC<{ id: string }> = ({ id }) => (
  <th scope="col" className="tl pv3 ph2 f6 fw5 c-muted-1 v-bottom">
    <FormattedMessage id={`admin/key-steward.keys.column.${id}`} />
  </th>
)

/**
 * The table's dates, numeric (27/10/2026 in pt, 10/27/2026 in en) and on one line: the long
 * month of some languages ("27 de out. de 2026") wrapped to three lines at 1024 px.
 */
const ShortDate: React.FC<{ iso: string }> = ({ iso }) => {
  const intl = useIntl()

  return (
    <time
      className="nowrap"
      dateTime={iso}
      title={intl.formatDate(iso, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
      })}
    >
      <FormattedDate value={iso} year="numeric" month="2-digit" day="2-digit" />
    </time>
  )
}

const KeysTable: React.FC<Props> = ({
  keys,
  total,
  external,
  page,
  pages,
  query,
  onChange,
}) => {
  const intl = useIntl()
  const first = total === 0 ? 0 : (page - 1) * query.pageSize + 1
  const last = Math.min(total, page * query.pageSize)
  const body = useRef<HTMLTableSectionElement>(null)

  // Back from a key's page: focus (and so the view) returns to the row of the key opened, not
  // the top of a 500-row page.
  useEffect(() => {
    if (!keys.length) return
    const opened = takeOpenedKey()

    if (!opened) return
    const row = Array.from(
      body.current?.querySelectorAll<HTMLElement>('[data-key-id]') ?? []
    ).find((r) => r.getAttribute('data-key-id') === opened)

    // after the page's own effects (PageFrame focuses the heading of a page a link opened)
    const timer = setTimeout(() =>
      row?.querySelector<HTMLElement>('a')?.focus()
    )

    return () => clearTimeout(timer)
  }, [keys])

  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-100 collapse" aria-describedby="keys-range">
          <caption className="tl f5 pv3 c-on-base">
            <FormattedMessage
              id="admin/key-steward.keys.caption"
              values={{ total, external, keys: total - external }}
            />
          </caption>
          <thead className="bb b--muted-4">
            <tr>
              {/* the appKey sits under the label, so the table fits at 1024 px */}
              <SortHeader field="label" query={query} onChange={onChange}>
                <span className="db fw4 code f7 c-muted-2 mt1">
                  <FormattedMessage id="admin/key-steward.keys.column.appKey" />
                </span>
              </SortHeader>
              <SortHeader field="createdAt" query={query} onChange={onChange} />
              <SortHeader field="ageDays" query={query} onChange={onChange} />
              <Th id="status" />
              <Th id="roles" />
              <SortHeader field="severity" query={query} onChange={onChange} />
            </tr>
          </thead>
          <tbody ref={body}>
            {keys.map((k) => {
              const worst = worstSeverity(k.findings)
              const worstFinding = worst
                ? k.findings.find((f) => f.severity === worst)
                : undefined

              const stale = k.findings.find(
                (f) => f.rule === 'key-age-exceeded'
              )

              return (
                <tr
                  key={k.id}
                  className="bb b--muted-5 hover-bg-muted-5"
                  data-key-id={k.id}
                  data-external={k.external || undefined}
                >
                  <td className="pv3 ph2 v-top" style={{ minWidth: '8rem' }}>
                    {k.external ? (
                      // Another account's key: no key page here; its account is its label.
                      <span className="c-on-base" data-external-label>
                        {k.account ?? k.label}{' '}
                        <span className="dib">
                          <Tag size="small" bgColor="#e3e4e6" color="#2b2b2c">
                            <FormattedMessage id="admin/key-steward.keys.externalTag" />
                          </Tag>
                        </span>
                      </span>
                    ) : (
                      <Link
                        to={`${BASE}/keys/${encodeURIComponent(k.id)}`}
                        onFollow={() => rememberOpenedKey(k.id)}
                      >
                        {k.label || (
                          <em className="c-muted-1">
                            <FormattedMessage id="admin/key-steward.keys.noLabel" />
                          </em>
                        )}
                      </Link>
                    )}
                    {/* an appKey breaks at any character rather than widen the table */}
                    <span
                      className="db mt1 f7 code c-muted-1"
                      style={{ overflowWrap: 'anywhere' }}
                      data-appkey
                    >
                      {k.appKey}
                    </span>
                  </td>
                  <td className="pv3 ph2 f6 v-top" data-created>
                    <ShortDate iso={k.createdAt} />
                    {k.external && (
                      // VTEX does not say when another account created its key: this is the
                      // day it was registered here (externalDatesHelp, under the table)
                      <span className="db mt1 f7 c-muted-1">
                        <FormattedMessage id="admin/key-steward.keys.registeredHere" />
                      </span>
                    )}
                  </td>
                  <td className="pv3 ph2 f6 v-top" data-age>
                    <span className="nowrap">
                      <FormattedMessage
                        id="admin/key-steward.keys.ageDays"
                        values={{ days: k.ageDays }}
                      />
                    </span>
                    {k.external && (
                      <span className="db mt1 f7 c-muted-1">
                        <FormattedMessage id="admin/key-steward.keys.sinceRegistered" />
                      </span>
                    )}
                    {stale && (
                      // wide enough that the badge wraps once at most; it names the token's age,
                      // which the rule counts, not the key's age shown above it
                      <span
                        className="db mt1"
                        style={{ minWidth: '6.5rem' }}
                        title={stale.message}
                      >
                        <StaleBadge
                          days={stale.daysPastPeriod}
                          tokenAgeDays={k.tokenAgeDays}
                        />
                      </span>
                    )}
                  </td>
                  <td className="pv3 ph2 f6 v-top">
                    <Tag size="small" type={k.isActive ? 'success' : undefined}>
                      <FormattedMessage
                        id={`admin/key-steward.keys.status.${
                          k.isActive ? 'active' : 'inactive'
                        }`}
                      />
                    </Tag>
                  </td>
                  <td className="pv3 ph2 f6 v-top">
                    {!k.rolesKnown ? (
                      <span className="c-warning">
                        <FormattedMessage id="admin/key-steward.keys.rolesUnknown" />
                      </span>
                    ) : k.roles.length ? (
                      k.roles.map((r) => r.name).join(', ')
                    ) : (
                      <span className="c-muted-1">
                        <FormattedMessage id="admin/key-steward.keys.noRoles" />
                      </span>
                    )}
                  </td>
                  <td className="pv3 ph2 f6 v-top">
                    {worstFinding ? (
                      <span className="db">
                        <SeverityBadge severity={worstFinding.severity} />
                        <span className="db mt1 c-muted-1">
                          <span data-rule={worstFinding.rule}>
                            {ruleName(intl, worstFinding.rule)}
                          </span>
                          {k.findings.length > 1 && ' '}
                          {k.findings.length > 1 && (
                            <span
                              className="c-muted-1"
                              title={intl.formatMessage(
                                {
                                  id: 'admin/key-steward.keys.moreFindingsLabel',
                                },
                                { count: k.findings.length - 1 }
                              )}
                            >
                              <FormattedMessage
                                id="admin/key-steward.keys.moreFindings"
                                values={{ count: k.findings.length - 1 }}
                              />
                            </span>
                          )}
                        </span>
                      </span>
                    ) : !k.rolesKnown ? (
                      // roles unreadable: its warnings are unknown, never "no problems"
                      <span
                        className="c-warning"
                        data-testid="findings-unknown"
                      >
                        <FormattedMessage id="admin/key-steward.keys.findingsUnknown" />
                      </span>
                    ) : (
                      <span className="c-success">
                        <FormattedMessage id="admin/key-steward.keys.healthy" />
                      </span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {keys.some((k) => k.external) && (
        <p className="f6 c-muted-1 mt3 mb0" data-testid="external-dates-help">
          <FormattedMessage id="admin/key-steward.keys.externalDatesHelp" />
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between mt4">
        <span
          id="keys-range"
          className="f6 c-muted-1 nowrap mr3 mv2"
          aria-live="polite"
        >
          <FormattedMessage
            id="admin/key-steward.keys.range"
            values={{
              first: intl.formatNumber(first),
              last: intl.formatNumber(last),
              total: intl.formatNumber(total),
            }}
          />
        </span>
        <div className="flex flex-wrap items-center">
          <div className="mr4 flex-none">
            <Select
              size="small"
              label={intl.formatMessage({
                id: 'admin/key-steward.keys.pageSize',
              })}
              value={String(query.pageSize)}
              options={PAGE_SIZES.map((n) => ({
                value: String(n),
                label: intl.formatNumber(n),
              }))}
              onChange={(_: unknown, v: string) =>
                onChange({ pageSize: Number(v), page: 1 })
              }
            />
          </div>
          <PageButtons
            id={KEY_PAGES}
            page={page}
            pages={pages}
            onPage={(p) => onChange({ page: p })}
          />
        </div>
      </div>
    </div>
  )
}

// Typing in the search box re-renders the page, not these rows (their props do not change).
export default React.memo(KeysTable)
