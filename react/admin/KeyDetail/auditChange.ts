// The "before → after" of an audit record in the admin's language. The service stores each state
// as a code with values (node/domain/auditStates.ts); a record written by an earlier version has
// only its English text, which is shown as stored.
import type { IntlShape } from 'react-intl'

import type { AuditStateCode, RenewalStatus } from '../graphql/types.generated'

export interface AuditStateValues {
  code: AuditStateCode
  date?: string | null
  renewal?: RenewalStatus | null
  roles?: string[] | null
}

/** A day (YYYY-MM-DD, UTC) as the admin's language writes it ("26 nov 2026"). */
const dayWords = (intl: IntlShape, day: string) =>
  intl.formatDate(`${day}T00:00:00Z`, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  })

export function stateWords(intl: IntlShape, s: AuditStateValues): string {
  switch (s.code) {
    case 'RENEWAL':
      return intl.formatMessage({
        id: `admin/key-steward.audit.state.RENEWAL.${s.renewal ?? 'NONE'}`,
      })

    case 'ROLES':
      return s.roles?.length
        ? intl.formatMessage(
            { id: 'admin/key-steward.audit.state.ROLES' },
            { roles: s.roles.join(', ') }
          )
        : intl.formatMessage({ id: 'admin/key-steward.audit.state.NO_ROLES' })

    default:
      return intl.formatMessage(
        { id: `admin/key-steward.audit.state.${s.code}` },
        {
          known: s.date ? 'yes' : 'no',
          date: s.date ? dayWords(intl, s.date) : '',
        }
      )
  }
}

/** "before → after": worded from the codes when the record has them, else its stored text. */
export function changeWords(
  intl: IntlShape,
  a: {
    before: string
    after: string
    beforeState?: AuditStateValues | null
    afterState?: AuditStateValues | null
  }
): string {
  const before = a.beforeState ? stateWords(intl, a.beforeState) : a.before
  const after = a.afterState ? stateWords(intl, a.afterState) : a.after

  return `${before} → ${after}`
}
