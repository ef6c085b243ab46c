import React, { useMemo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Dropdown } from 'vtex.styleguide'

import { usePermissions } from '../actions/usePermissions'
import DecisionRow from './DecisionRow'
import type { ReviewKey } from './types'

type Filter = 'all' | 'undecided' | 'risky'
const PAGE = 50

const DecisionTable: React.FC<{ keys: ReviewKey[] }> = ({ keys }) => {
  const intl = useIntl()
  const [filter, setFilter] = useState<Filter>('undecided')
  const [limit, setLimit] = useState(PAGE)
  const can = usePermissions()
  const shown = useMemo(() => keys
    .filter(k => filter === 'all' || (filter === 'undecided' ? !k.decision : k.risky))
    .sort((a, b) => Number(b.risky) - Number(a.risky) || a.label.localeCompare(b.label)), [keys, filter])

  return (
    <div>
      <div className="mb4 flex items-end">
        <Dropdown
          label={intl.formatMessage({ id: 'admin/key-steward.review.show' })}
          value={filter}
          options={(['undecided', 'risky', 'all'] as Filter[]).map(f => ({ value: f, label: intl.formatMessage({ id: `admin/key-steward.review.filter.${f}` }) }))}
          onChange={(_: unknown, v: Filter) => { setFilter(v); setLimit(PAGE) }}
        />
        <span className="ml4 f6 c-muted-1" aria-live="polite"><FormattedMessage id="admin/key-steward.review.shown" values={{ count: shown.length }} /></span>
      </div>
      {shown.length === 0 ? (
        <p className="c-success"><FormattedMessage id={`admin/key-steward.review.none.${filter}`} /></p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-100 collapse">
            <thead className="bb b--muted-4">
              <tr>
                {['key', 'findings', 'decision'].map(c => (
                  <th key={c} scope="col" className="tl pv3 ph3 f6 fw5 c-muted-1"><FormattedMessage id={`admin/key-steward.review.column.${c}`} /></th>
                ))}
              </tr>
            </thead>
            <tbody>{shown.slice(0, limit).map(k => <DecisionRow key={k.id} k={k} can={can} />)}</tbody>
          </table>
          {shown.length > limit && (
            <button type="button" className="mt3 bn bg-transparent c-link pointer pa0" onClick={() => setLimit(limit + PAGE)}>
              <FormattedMessage id="admin/key-steward.review.more" values={{ count: shown.length - limit }} />
            </button>
          )}
        </div>
      )}
    </div>
  )
}

export default DecisionTable
