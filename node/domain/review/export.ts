// Evidence export of a review: CSV (one row per key) and JSON (everything), for auditors.
import { evidenceFor } from './checklist'
import { PRACTICES } from '../findings'
import type { Review } from './types'

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v)
  // Quote always; double quotes doubled; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return `"${safe.replace(/"/g, '""')}"`
}

export const CSV_COLUMNS = ['review_id', 'review_status', 'started_at', 'started_by', 'completed_at', 'signed_by', 'key_id', 'app_key', 'label', 'active', 'age_days', 'roles', 'findings', 'decision', 'justification', 'decided_by', 'decided_at']

export function reviewCsv(review: Review): string {
  const rows = review.keys.map(k => {
    const d = review.decisions[k.id]
    return [
      review.id, review.status, review.startedAt, review.startedBy, review.completedAt, review.signedBy,
      k.id, k.appKey, k.label, k.isActive, k.ageDays, k.rolesKnown ? k.roles.join('; ') : '(unknown)',
      k.findings.map(f => `${f.severity}:${f.rule}`).join('; '),
      d?.decision, d?.justification, d?.by, d?.at,
    ].map(cell).join(',')
  })
  const checklist = PRACTICES.map(p => {
    const c = review.checklist[p]
    const ev = evidenceFor(p, review.evidence).map(e => `${e.id}=${e.value}`).join('; ')
    return ['#checklist', p, c.status, c.note, c.by, c.at, ev].map(cell).join(',')
  })
  const c = review.changes
  const changes = c ? [
    ['#changes', 'from', c.from, 'to', c.to].map(cell).join(','),
    ...(['keysCreated', 'keysRemoved', 'keysDeactivated', 'keysReactivated', 'keysCrossedRotation'] as const).flatMap(kind => c[kind].map(k => ['#changes', kind, k.id, k.label].map(cell).join(','))),
    ...(['rolesAdded', 'rolesRemoved'] as const).flatMap(kind => c[kind].map(r => ['#changes', kind, r.subjectId, r.label, r.role].map(cell).join(','))),
  ] : []
  return [CSV_COLUMNS.map(cell).join(','), ...rows, '', ['#checklist', 'practice', 'status', 'note', 'by', 'at', 'evidence'].map(cell).join(','), ...checklist, ...(changes.length ? ['', ...changes] : [])].join('\r\n') + '\r\n'
}

export function reviewJson(review: Review): string {
  return JSON.stringify({
    ...review,
    checklist: PRACTICES.map(p => ({ practice: p, ...review.checklist[p], evidence: evidenceFor(p, review.evidence) })),
  }, null, 2)
}
