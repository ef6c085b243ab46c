import React from 'react'
import { useQuery } from 'react-apollo'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { EmptyState, PageBlock, Tag } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import FindingList from '../components/FindingList'
import Link from '../components/Link'
import OwnershipForm from './OwnershipForm'
import PageFrame, { BASE } from '../components/PageFrame'
import { ErrorState, Loading, PartialBanner, SourceBanner } from '../components/QueryState'
import INVENTORY from '../graphql/inventory.gql'
import type { Inventory } from '../types'

const Field: React.FC<{ label: string }> = ({ label, children }) => (
  <div className="mb4 mr8">
    <dt className="f6 c-muted-1 mb1"><FormattedMessage id={`admin/key-steward.key.${label}`} /></dt>
    <dd className="ml0 f5">{children}</dd>
  </div>
)

const KeyDetailPage: React.FC = () => {
  const { route: { params } } = useRuntime()
  const intl = useIntl()
  const t = (id: string, values?: Record<string, number>) => intl.formatMessage({ id: `admin/key-steward.key.${id}` }, values)
  const { data, loading, error, refetch } = useQuery<{ inventory: Inventory }>(INVENTORY)
  const key = data?.inventory.keys.find(k => k.id === params.id)
  const back = { label: <FormattedMessage id="admin/key-steward.key.back" />, to: `${BASE}/keys` }

  return (
    <PageFrame section="keys" back={back} title={key ? key.label || key.appKey : <FormattedMessage id="admin/key-steward.key.title" />} subtitle={key?.appKey}>
      {loading && !data && <PageBlock><Loading /></PageBlock>}
      {error && !data && <PageBlock><ErrorState error={error} onRetry={() => refetch()} /></PageBlock>}
      {data && !key && (
        <PageBlock>
          <EmptyState title={<FormattedMessage id="admin/key-steward.key.notFound" />}>
            <Link to={`${BASE}/keys`}><FormattedMessage id="admin/key-steward.key.back" /></Link>
          </EmptyState>
        </PageBlock>
      )}
      {data && key && (
        <>
          <SourceBanner source={data.inventory.source} generatedAt={data.inventory.generatedAt} onLive={() => refetch({ live: true } as never)} />
          <PartialBanner missing={data.inventory.missing} />
          <PageBlock title={t('about')}>
            <dl className="flex flex-wrap ma0">
              <Field label="appKey"><span className="code">{key.appKey}</span></Field>
              <Field label="created"><FormattedDate value={key.createdAt} year="numeric" month="long" day="2-digit" /></Field>
              <Field label="age"><FormattedMessage id="admin/key-steward.keys.ageDays" values={{ days: key.ageDays }} /></Field>
              <Field label="status">
                <Tag size="small" type={key.isActive ? 'success' : undefined}>
                  <FormattedMessage id={`admin/key-steward.keys.status.${key.isActive ? 'active' : 'inactive'}`} />
                </Tag>
              </Field>
            </dl>
          </PageBlock>
          <PageBlock title={t('findings', { count: key.findings.length })}>
            <FindingList findings={key.findings} unknown={!key.rolesKnown} />
          </PageBlock>
          <PageBlock title={t('ownership')}>
            <OwnershipForm key={key.id} keyId={key.id} annotation={key.annotation} />
          </PageBlock>
          <PageBlock title={t('roles')}>
            {!key.rolesKnown ? (
              <p className="c-warning"><FormattedMessage id="admin/key-steward.keys.rolesUnknown" /></p>
            ) : key.roles.length === 0 ? (
              <p className="c-muted-1"><FormattedMessage id="admin/key-steward.keys.noRoles" /></p>
            ) : (
              <table className="w-100 collapse">
                <thead className="bb b--muted-4">
                  <tr>
                    <th scope="col" className="tl pv3 ph3 f6 fw5 c-muted-1"><FormattedMessage id="admin/key-steward.key.role" /></th>
                    <th scope="col" className="tl pv3 ph3 f6 fw5 c-muted-1"><FormattedMessage id="admin/key-steward.key.products" /></th>
                  </tr>
                </thead>
                <tbody>
                  {key.roles.map(r => (
                    <tr key={r.id} className="bb b--muted-5">
                      <td className="pv3 ph3">
                        {r.name}
                        {r.isAdmin && <span className="ml2"><Tag size="small" bgColor="#d40000" color="#fff"><FormattedMessage id="admin/key-steward.users.owner" /></Tag></span>}
                      </td>
                      <td className="pv3 ph3 f6 c-muted-1">{(r.products ?? []).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </PageBlock>
        </>
      )}
    </PageFrame>
  )
}

export default KeyDetailPage
