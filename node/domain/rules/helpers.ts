import type { Finding, Severity } from '../findings'
import type { KeyEntry } from '../types'
import type { Rule } from './types'

export function keyFinding(
  rule: Rule,
  key: KeyEntry,
  severity: Severity,
  params: Finding['params'] = {}
): Finding {
  return {
    rule: rule.id,
    severity,
    practice: rule.practice,
    subjectType: 'KEY',
    subjectId: key.id,
    subjectLabel: key.label || key.appKey,
    params: { label: key.label || key.appKey, appKey: key.appKey, ...params },
  }
}
