import React, { useMemo, useState } from 'react'
import { useQuery } from 'react-apollo'
import { FormattedMessage } from 'react-intl'
import { EmptyState, PageBlock } from 'vtex.styleguide'

import PageFrame from '../components/PageFrame'
import { ErrorState, Loading, PartialBanner, SourceBanner } from '../components/QueryState'
import INVENTORY from '../graphql/inventory.gql'
import type { Inventory } from '../types'
import { DEFAULT_QUERY, KeyQuery, queryKeys } from './filterKeys'
import KeyFilters from './KeyFilters'
import KeysTable from './KeysTable'
import ExternalKeysPanel from '../ExternalKeys/ExternalKeysPanel'

function idsFromUrl(): string[] | null {
  if (typeof window === 'undefined') return null
  const raw = new URLSearchParams(window.location.search).get('ids')
  const ids = raw ? raw.split(',').map(s => s.trim()).filter(Boolean) : []
  return ids.length ? ids : null
}

const KeysPage: React.FC = () => {
  const { data, loading, error, refetch } = useQuery<{ inventory: Inventory }>(INVENTORY, { notifyOnNetworkStatusChange: true })
  const [query, setQuery] = useState<KeyQuery>(DEFAULT_QUERY)
  // ?ids=a,b,c (e.g. a review's evidence line): only those keys, until the admin shows all.
  const [ids, setIds] = useState<string[] | null>(() => idsFromUrl())
  const inventory = data?.inventory
  const keys = useMemo(() => (inventory && ids ? inventory.keys.filter(k => ids.includes(k.id)) : inventory?.keys ?? []), [inventory, ids])
  const result = useMemo(() => (inventory ? queryKeys(keys, query) : null), [inventory, keys, query])
  const rules = useMemo(() => [...new Set((inventory?.keys ?? []).flatMap(k => k.findings.map(f => f.rule)))].sort(), [inventory])
  const change = (c: Partial<KeyQuery>) => setQuery(q => ({ ...q, ...c }))

  return (
    <PageFrame section="keys" title={<FormattedMessage id="admin/key-steward.keys.title" />} subtitle={<FormattedMessage id="admin/key-steward.keys.subtitle" />}>
      <PageBlock variation="full">
        {loading && !inventory && <Loading />}
        {error && !inventory && <ErrorState error={error} onRetry={() => refetch()} />}
        {inventory && (
          <>
            <SourceBanner source={inventory.source} generatedAt={inventory.generatedAt} onLive={() => refetch({ live: true } as never)} />
            <PartialBanner missing={inventory.missing} />
            {ids && (
              <p className="mt0 mb4 f6" role="status" data-ids-filter={ids.length}>
                <FormattedMessage id="admin/key-steward.keys.idsFilter" values={{ count: keys.length }} />{' '}
                <button type="button" className="bn bg-transparent c-link pointer pa0 underline" onClick={() => setIds(null)}><FormattedMessage id="admin/key-steward.keys.idsFilterClear" /></button>
              </p>
            )}
            {inventory.keys.length === 0 ? (
              <EmptyState title={<FormattedMessage id="admin/key-steward.inventory.empty" />} />
            ) : (
              <>
                <KeyFilters query={query} rules={rules} roles={inventory.roles} onChange={change} />
                {result && result.total === 0 ? (
                  <EmptyState title={<FormattedMessage id="admin/key-steward.keys.noMatch" />} />
                ) : (
                  result && <KeysTable keys={result.items} total={result.total} page={result.page} pages={result.pages} query={query} onChange={change} />
                )}
              </>
            )}
          </>
        )}
      </PageBlock>
      <ExternalKeysPanel />
    </PageFrame>
  )
}

export default KeysPage
