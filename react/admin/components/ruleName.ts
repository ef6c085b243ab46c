import type { IntlShape } from 'react-intl'

import type { RuleId } from '../types'

/** A rule's name in the admin's language (the id itself never shows: it stays in data attributes and exports). */
export const ruleName = (intl: IntlShape, rule: string): string =>
  ruleNameOf(intl, rule as RuleId)

function ruleNameOf(intl: IntlShape, rule: RuleId): string {
  return intl.formatMessage({ id: `admin/key-steward.rule.${rule}` })
}
