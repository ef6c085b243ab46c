import React from 'react'
import { useQuery } from 'react-apollo'
import { FormattedMessage } from 'react-intl'
import { Alert, Layout, PageBlock, PageHeader, Spinner } from 'vtex.styleguide'

import INVENTORY from './admin/graphql/inventory.gql'

interface Key { id: string; appKey: string; label: string; ageDays: number; isActive: boolean; rolesKnown: boolean; roles: Array<{ id: number; name: string }> }

// First cut of the inventory page: every key with its age and roles. Search, filters and
// findings come with the admin-pages work.
const KeyStewardKeys: React.FC = () => {
  const { data, loading, error, refetch } = useQuery<{ inventory: { complete: boolean; missing: string[]; keys: Key[] } }>(INVENTORY)

  return (
    <Layout pageHeader={<PageHeader title={<FormattedMessage id="admin/key-steward.inventory.title" />} />}>
      <PageBlock>
        {loading && <Spinner />}
        {error && (
          <Alert type="error" action={{ label: <FormattedMessage id="admin/key-steward.error.retry" />, onClick: () => refetch() }}>
            <FormattedMessage id="admin/key-steward.error.generic" values={{ message: error.message }} />
          </Alert>
        )}
        {data?.inventory && !data.inventory.complete && (
          <Alert type="warning">
            <FormattedMessage id="admin/key-steward.inventory.partial" values={{ missing: data.inventory.missing.join('; ') }} />
          </Alert>
        )}
        {data?.inventory && (
          <table className="w-100 collapse">
            <tbody>
              {data.inventory.keys.map(k => (
                <tr key={k.id} className="bb b--muted-4">
                  <td className="pv3">{k.label}</td>
                  <td className="pv3 c-muted-1">{k.appKey}</td>
                  <td className="pv3">{k.ageDays}</td>
                  <td className="pv3">{k.rolesKnown ? k.roles.map(r => r.name).join(', ') : '?'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PageBlock>
    </Layout>
  )
}

export default KeyStewardKeys
