// The key's audit log: every action Key Steward took on it in VTEX and every recorded renewal,
// with who, when, before → after and VTEX's answer. Newest first.
import React from 'react'
import { useQuery } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'

import KEY_AUDIT from '../graphql/keyAudit.gql'
import type {
  KeyStewardKeyAuditQuery,
  KeyStewardKeyAuditQueryVariables,
} from '../graphql/types.generated'
import type { TokenRenewal } from '../types'
import { scanTime } from '../utils/scanTime'
import { changeWords } from './auditChange'
import { renewalMissingFromLog } from './renewalLogged'

/** Entries of the stored log the service left out (damaged): said, never dropped in silence. */
const Unreadable: React.FC<{ count: number }> = ({ count }) =>
  count > 0 ? (
    <p className="c-danger f6" data-testid="audit-unreadable">
      <FormattedMessage
        id="admin/key-steward.audit.unreadable"
        values={{ count }}
      />
    </p>
  ) : null

/** Said when the renewal panel above shows a renewal this log has no entry for. */
const RenewalNotLogged: React.FC = () => (
  <p className="c-muted-1 f6" data-testid="renewal-not-logged">
    <FormattedMessage id="admin/key-steward.audit.renewalNotLogged" />
  </p>
)

const AuditLog: React.FC<{ keyId: string; renewal?: TokenRenewal }> = ({
  keyId,
  renewal,
}) => {
  const intl = useIntl()
  const { data, error } = useQuery<
    KeyStewardKeyAuditQuery,
    KeyStewardKeyAuditQueryVariables
  >(KEY_AUDIT, {
    variables: { keyId },
    fetchPolicy: 'cache-and-network',
  })

  if (error && !data)
    return (
      <p className="c-muted-1 f6">
        <FormattedMessage id="admin/key-steward.audit.unavailable" />
      </p>
    )
  if (!data) return null
  const unlogged = renewal
    ? renewalMissingFromLog(renewal, data.keyAudit)
    : false

  const unreadable = data.keyAuditUnreadable

  // "Nothing was done here" would contradict a renewal made through Key Steward shown above, or
  // entries left out because they are damaged.
  if (!data.keyAudit.length)
    return unlogged || unreadable > 0 ? (
      <>
        <p className="c-muted-1" data-testid="audit-empty">
          <FormattedMessage id="admin/key-steward.audit.noEntries" />
        </p>
        <Unreadable count={unreadable} />
        {unlogged && <RenewalNotLogged />}
      </>
    ) : (
      <p className="c-muted-1" data-testid="audit-empty">
        <FormattedMessage id="admin/key-steward.audit.none" />
      </p>
    )

  return (
    <div className="overflow-x-auto">
      <Unreadable count={unreadable} />
      {unlogged && <RenewalNotLogged />}
      <table className="w-100 collapse f6" data-testid="audit-log">
        <thead className="bb b--muted-4">
          <tr>
            {['when', 'who', 'action', 'change', 'vtex'].map((c) => (
              <th key={c} scope="col" className="tl pv3 ph3 fw5 c-muted-1">
                <FormattedMessage id={`admin/key-steward.audit.column.${c}`} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.keyAudit.map((a) => (
            <tr
              key={a.id}
              className="bb b--muted-5 v-top"
              data-audit-action={a.action}
              data-audit-outcome={a.outcome}
            >
              <td className="pv3 ph3 nowrap">
                {/* in UTC and saying so, as the review's log and the scans' times */}
                {scanTime(intl.locale, a.at)}
              </td>
              <td className="pv3 ph3">{a.by}</td>
              <td className="pv3 ph3">
                <FormattedMessage
                  id={`admin/key-steward.audit.action.${a.action}`}
                />
                {a.outcome !== 'DONE' && (
                  <span className="db c-danger">
                    <FormattedMessage
                      id={`admin/key-steward.audit.outcome.${a.outcome}`}
                    />
                  </span>
                )}
                {a.note && <span className="db c-muted-1">{a.note}</span>}
              </td>
              <td className="pv3 ph3">{changeWords(intl, a)}</td>
              <td className="pv3 ph3 c-muted-1">
                {a.vtexCall ? (
                  <>
                    <span className="code">{a.vtexCall}</span> ·{' '}
                    {a.vtexStatus ?? '—'}
                  </>
                ) : (
                  <FormattedMessage id="admin/key-steward.audit.noCall" />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default AuditLog
