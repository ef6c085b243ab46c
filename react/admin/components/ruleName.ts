import type { IntlShape } from 'react-intl'

import type { RuleId } from '../types'

/**
 * A rule's name in the admin's language (the id itself never shows: it stays in data attributes
 * and exports). `neverReviewed` (Finding.neverReviewed, ScoreCost.neverReviewed): review-overdue
 * on an account that never completed a review is named as such, not "overdue".
 */
export const ruleName = (
  intl: IntlShape,
  rule: string,
  neverReviewed?: boolean | null
): string =>
  rule === 'review-overdue' && neverReviewed
    ? intl.formatMessage({
        id: 'admin/key-steward.rule.review-overdue.never',
      })
    : ruleNameOf(intl, rule as RuleId)

function ruleNameOf(intl: IntlShape, rule: RuleId): string {
  return intl.formatMessage({ id: `admin/key-steward.rule.${rule}` })
}

/** A rule filter's options (after its "any" option): each rule by its name, in the admin's alphabetical order. */
export const ruleOptions = (
  intl: IntlShape,
  rules: readonly string[]
): Array<{ value: string; label: string }> =>
  rules
    .map((r) => ({ value: r, label: ruleName(intl, r) }))
    .sort((a, b) => a.label.localeCompare(b.label, intl.locale))
