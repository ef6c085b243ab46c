import React from 'react'
import { FormattedMessage } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import type { Severity } from '../types'

// VTEX's palette: red for critical, orange for high, yellow for medium, greys for the rest.
const COLORS: Record<Severity, { bgColor: string; color: string }> = {
  CRITICAL: { bgColor: '#d40000', color: '#ffffff' },
  HIGH: { bgColor: '#e66b00', color: '#ffffff' },
  MEDIUM: { bgColor: '#ffb100', color: '#3f3f40' },
  LOW: { bgColor: '#e3e4e6', color: '#3f3f40' },
  INFO: { bgColor: '#dbe9fd', color: '#2953b2' },
}

const SeverityBadge: React.FC<{ severity: Severity }> = ({ severity }) => (
  <span data-severity={severity}>
    <Tag size="small" {...COLORS[severity]}>
      <FormattedMessage id={`admin/key-steward.severity.${severity}`} />
    </Tag>
  </span>
)

export default SeverityBadge
