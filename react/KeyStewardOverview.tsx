import React from 'react'
import { useQuery } from 'react-apollo'
import { FormattedMessage } from 'react-intl'
import { Alert, Layout, PageBlock, PageHeader, Spinner } from 'vtex.styleguide'

import INVENTORY from './admin/graphql/inventory.gql'

// First cut of the overview: how many keys the account has. The hygiene score, findings and
// review status come with the policy and admin-pages work.
const KeyStewardOverview: React.FC = () => {
  const { data, loading, error, refetch } = useQuery<{ inventory: { keys: unknown[] } }>(INVENTORY)

  return (
    <Layout pageHeader={<PageHeader title={<FormattedMessage id="admin/key-steward.navigation.title" />} />}>
      <PageBlock>
        {loading && <Spinner />}
        {error && (
          <Alert type="error" action={{ label: <FormattedMessage id="admin/key-steward.error.retry" />, onClick: () => refetch() }}>
            <FormattedMessage id="admin/key-steward.error.generic" values={{ message: error.message }} />
          </Alert>
        )}
        {data?.inventory && <FormattedMessage id="admin/key-steward.inventory.count" values={{ count: data.inventory.keys.length }} />}
      </PageBlock>
    </Layout>
  )
}

export default KeyStewardOverview
