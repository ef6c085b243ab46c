import React, { useMemo, useState } from 'react'
import { useQuery } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'
import { InputSearch, PageBlock, Tag } from 'vtex.styleguide'

import PageFrame from '../components/PageFrame'
import { ErrorState, Loading, PartialBanner, SourceBanner } from '../components/QueryState'
import { ruleName } from '../components/ruleName'
import SeverityBadge, { RoleTag } from '../components/SeverityBadge'
import INVENTORY from '../graphql/inventory.gql'
import type { AdminUser, Inventory } from '../types'

const isOwner = (u: AdminUser) => u.roles.some(r => r.isAdmin)

const UsersPage: React.FC = () => {
  const intl = useIntl()
  const { data, loading, error, refetch } = useQuery<{ inventory: Inventory }>(INVENTORY)
  const [search, setSearch] = useState('')
  const users = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return [...(data?.inventory.users ?? [])]
      .filter(u => !needle || u.email.toLowerCase().includes(needle) || u.name.toLowerCase().includes(needle) || u.roles.some(r => r.name.toLowerCase().includes(needle)))
      .sort((a, b) => Number(isOwner(b)) - Number(isOwner(a)) || a.email.localeCompare(b.email))
  }, [data, search])
  const owners = (data?.inventory.users ?? []).filter(u => isOwner(u) && !u.isBlocked).length

  return (
    <PageFrame section="users" title={<FormattedMessage id="admin/key-steward.users.title" />} subtitle={<FormattedMessage id="admin/key-steward.users.subtitle" />}>
      <PageBlock variation="full">
        {loading && !data && <Loading />}
        {error && !data && <ErrorState error={error} onRetry={() => refetch()} />}
        {data && (
          <>
            <SourceBanner source={data.inventory.source} generatedAt={data.inventory.generatedAt} onLive={() => refetch({ live: true } as never)} />
            <PartialBanner missing={data.inventory.missing} />
            <p className="mt0"><FormattedMessage id="admin/key-steward.users.ownerCount" values={{ count: owners }} /></p>
            <div className="w-100 w-40-l mb5" role="search">
              <InputSearch
                label={intl.formatMessage({ id: 'admin/key-steward.users.search' })}
                value={search}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
                onClear={() => setSearch('')}
                onSubmit={(e: React.FormEvent) => e.preventDefault()}
              />
            </div>
            <table className="w-100 collapse">
              <thead className="bb b--muted-4">
                <tr>
                  {['user', 'roles', 'findings'].map(c => (
                    <th key={c} scope="col" className="tl pv3 ph3 f6 fw5 c-muted-1"><FormattedMessage id={`admin/key-steward.users.column.${c}`} /></th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {users.map(u => (
                  <tr key={u.id} className={`bb b--muted-5 ${isOwner(u) ? 'bg-warning--faded' : ''}`} data-owner={isOwner(u)}>
                    <td className="pv3 ph3">
                      <span className="db">{u.name}</span>
                      <span className="db f6 c-muted-1">{u.email}</span>
                      {u.isBlocked && <Tag size="small"><FormattedMessage id="admin/key-steward.users.blocked" /></Tag>}
                    </td>
                    <td className="pv3 ph3 f6">
                      {!u.rolesKnown ? (
                        <span className="c-warning"><FormattedMessage id="admin/key-steward.keys.rolesUnknown" /></span>
                      ) : (
                        u.roles.map(r => (
                          <span key={r.id} className="mr2 dib mb1">
                            {r.isAdmin ? <RoleTag severity={u.findings.find(f => f.rule === 'user-owner-role')?.severity}>{r.name}</RoleTag> : <Tag size="small">{r.name}</Tag>}
                          </span>
                        ))
                      )}
                    </td>
                    <td className="pv3 ph3 f6">
                      {u.findings.map((f, i) => (
                        <span key={i} className="db mb1" data-rule={f.rule}>
                          <SeverityBadge severity={f.severity} /> <span className="ml1">{ruleName(intl, f.rule)}</span>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </PageBlock>
    </PageFrame>
  )
}

export default UsersPage
