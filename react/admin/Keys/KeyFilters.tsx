import React from 'react'
import { useIntl } from 'react-intl'
import { InputSearch } from 'vtex.styleguide'

import type { Role } from '../types'
import { SEVERITIES } from '../types'
import type { KeyQuery } from './keyQuery'
import { ruleOptions } from '../components/ruleName'
import { withinSearchLimit } from '../utils/searchLimit'
import Select from '../components/Select'

interface Props {
  query: KeyQuery
  rules: string[]
  roles: Array<Pick<Role, 'id' | 'name'>>
  onChange: (change: Partial<KeyQuery>) => void
}

const KeyFilters: React.FC<Props> = ({ query, rules, roles, onChange }) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: `admin/key-steward.${id}` }, values)

  return (
    <div className="flex flex-wrap items-end mb5" role="search">
      <div className="w-100 w-30-l mr4 mb3">
        <InputSearch
          label={t('keys.search.label')}
          placeholder={t('keys.search.placeholder')}
          value={query.search}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            onChange({ search: withinSearchLimit(e.target.value), page: 1 })
          }
          onClear={() => onChange({ search: '', page: 1 })}
          onSubmit={(e: React.FormEvent) => e.preventDefault()}
        />
      </div>
      <div className="mr4 mb3">
        <Select
          label={t('keys.filter.severity')}
          value={query.severity}
          options={[
            { value: '', label: t('keys.filter.any') },
            ...SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) })),
          ]}
          onChange={(_: unknown, v: string) =>
            onChange({ severity: v as KeyQuery['severity'], page: 1 })
          }
        />
      </div>
      <div className="mr4 mb3">
        <Select
          label={t('keys.filter.rule')}
          value={query.rule}
          options={[
            { value: '', label: t('keys.filter.any') },
            ...ruleOptions(intl, rules),
          ]}
          onChange={(_: unknown, v: string) => onChange({ rule: v, page: 1 })}
        />
      </div>
      <div className="mr4 mb3">
        <Select
          label={t('keys.filter.status')}
          value={query.status}
          options={(['all', 'active', 'inactive'] as const).map((s) => ({
            value: s,
            label: t(`keys.status.${s}`),
          }))}
          onChange={(_: unknown, v: string) =>
            onChange({ status: v as KeyQuery['status'], page: 1 })
          }
        />
      </div>
      <div className="mr4 mb3">
        <Select
          label={t('keys.filter.role')}
          value={query.roleId === null ? '' : String(query.roleId)}
          options={[
            { value: '', label: t('keys.filter.any') },
            ...roles.map((r) => ({ value: String(r.id), label: r.name })),
          ]}
          onChange={(_: unknown, v: string) =>
            onChange({ roleId: v ? Number(v) : null, page: 1 })
          }
        />
      </div>
    </div>
  )
}

export default KeyFilters
