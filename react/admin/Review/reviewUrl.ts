// The review page's state in its URL (as the Keys page's keyQuery.ts): ?review= (a completed
// review), ?carryOut= (its follow-up filter), ?q= (the search) and the decision table's
// ?show=, ?severity= and ?rule= (the Keys page's names), so a reload or a shared link opens the
// same list. Anything unknown is left out (the table's default).
import { RULE_IDS } from '../graphql/ruleIds.generated'
import { SEVERITIES } from '../types'
import type { Severity } from '../types'
import type { DecisionStatus } from './types'

export const STATUSES: DecisionStatus[] = ['UNDECIDED', 'DECIDED', 'ALL']

export interface TableFilters {
  show: DecisionStatus | null
  severity: Severity | null
  rule: string | null
}

export function tableFiltersFrom(search: string): TableFilters {
  const p = new URLSearchParams(search)
  const show = p.get('show')
  const severity = p.get('severity')
  const rule = p.get('rule')

  return {
    show: STATUSES.find((s) => s === show) ?? null,
    severity: SEVERITIES.find((s) => s === severity) ?? null,
    rule: rule && (RULE_IDS as readonly string[]).includes(rule) ? rule : null,
  }
}
