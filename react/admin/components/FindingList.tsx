import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

import type { KeyFinding } from '../types'
import { ruleName } from './ruleName'
import SeverityBadge from './SeverityBadge'

const RuleName: React.FC<{ rule: string; neverReviewed?: boolean | null }> = ({
  rule,
  neverReviewed,
}) => <>{ruleName(useIntl(), rule, neverReviewed)}</>

/** `unknown`: the subject's roles could not be read, so no finding list is a clean bill of health. */
const FindingList: React.FC<{
  findings: Array<KeyFinding & { subject?: React.ReactNode }>
  unknown?: boolean
}> = ({ findings, unknown }) =>
  findings.length === 0 ? (
    unknown ? (
      <p className="c-warning" data-testid="findings-unknown">
        <FormattedMessage id="admin/key-steward.findings.unknown" />
      </p>
    ) : (
      <p className="c-success">
        <FormattedMessage id="admin/key-steward.findings.none" />
      </p>
    )
  ) : (
    <ul className="list pa0 ma0">
      {findings.map((f, i) => (
        <li
          key={`${f.rule}-${i}`}
          className="flex items-start pv3 bb b--muted-5"
          data-rule={f.rule}
        >
          <span className="mr3 flex-none" style={{ minWidth: '5.5rem' }}>
            <SeverityBadge severity={f.severity} />
          </span>
          <span>
            {f.subject && <span className="db fw5 mb1">{f.subject}</span>}
            <span className="db">{f.message}</span>
            <span className="db f7 c-muted-1 mt1">
              <RuleName
                rule={f.rule}
                neverReviewed={'neverReviewed' in f && f.neverReviewed === true}
              />
              {'practice' in f && f.practice && (
                <>
                  {' '}
                  ·{' '}
                  <FormattedMessage
                    id={`admin/key-steward.practice.${f.practice}`}
                  />
                </>
              )}
            </span>
          </span>
        </li>
      ))}
      {unknown && (
        <li className="pv3 c-warning" data-testid="findings-unknown">
          <FormattedMessage id="admin/key-steward.findings.unknownMore" />
        </li>
      )}
    </ul>
  )

export default FindingList
