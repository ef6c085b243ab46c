import React from 'react'
import { FormattedMessage } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import type { Severity } from '../types'

// VTEX's palette: red for critical, orange for high, yellow for medium, greys for the rest
// (darkened where white text needs 4.5:1).
export const SEVERITY_COLORS: Record<
  Severity,
  { bgColor: string; color: string }
> = {
  CRITICAL: { bgColor: '#d40000', color: '#ffffff' },
  HIGH: { bgColor: '#b34700', color: '#ffffff' },
  MEDIUM: { bgColor: '#ffb100', color: '#2b2b2c' },
  LOW: { bgColor: '#e3e4e6', color: '#2b2b2c' },
  INFO: { bgColor: '#dbe9fd', color: '#1d3f8f' },
}

const SeverityBadge: React.FC<{ severity: Severity }> = ({ severity }) => (
  <span data-severity={severity}>
    <Tag size="small" {...SEVERITY_COLORS[severity]}>
      <FormattedMessage id={`admin/key-steward.severity.${severity}`} />
    </Tag>
  </span>
)

/**
 * A stale key (past its rotation period): a fact about its token's age, not a second severity,
 * so it is neutral and says how old the token is and by how much it is past the period. The
 * finding's own severity shows with the finding.
 */
export const StaleBadge: React.FC<{
  days?: number | null
  /** the age of the token in use: what the rule counts (a key's own age may be far older) */
  tokenAgeDays?: number | null
}> = ({ days, tokenAgeDays }) => (
  <span data-stale={days ?? ''}>
    <Tag size="small" bgColor="#f2f4f5" color="#2b2b2c">
      {typeof days === 'number' && typeof tokenAgeDays === 'number' ? (
        <FormattedMessage
          id="admin/key-steward.keys.staleBy"
          values={{ days, age: tokenAgeDays }}
        />
      ) : (
        <FormattedMessage id="admin/key-steward.keys.stale" />
      )}
    </Tag>
  </span>
)

/**
 * A role tag (e.g. Owner) colored like the finding it causes on this subject, so a red tag
 * never sits beside a Medium finding; neutral when the role causes no finding.
 */
export const RoleTag: React.FC<{ severity?: Severity }> = ({
  severity,
  children,
}) =>
  severity ? (
    <span data-role-severity={severity}>
      <Tag size="small" {...SEVERITY_COLORS[severity]}>
        {children}
      </Tag>
    </span>
  ) : (
    <span data-role-severity="">
      <Tag size="small" bgColor="#e3e4e6" color="#2b2b2c">
        {children}
      </Tag>
    </span>
  )

export default SeverityBadge
