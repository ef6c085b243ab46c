// Evidence export of a review: CSV (one row per key) and JSON (everything), for auditors, with
// the actions Key Steward took in VTEX while the review was open (the audit log).
import type { AuditRecord } from '../audit'
import { evidenceFor } from './checklist'
import { PRACTICES } from '../findings'
import { carryOutStatus } from './machine'
import { changeMadeOutside, standingDecision } from './externalKeyDecisions'
import type { Review } from './types'
import { asksForChange } from './types'

/** A formula character first, or after blanks (spaces, tabs, line breaks, no-break spaces). */
const FORMULA_START = /^[\s\u00A0\u3000]*[=+\-@]|^[\t\r\n]/

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v)
  // Quote always; double quotes doubled; neutralise spreadsheet formulas (CSV injection), also
  // behind leading blanks or a line break (a VTEX label " =HYPERLINK(…)" is not trimmed, and an
  // import that trims spaces would read a formula; attack11 #4).
  const safe = FORMULA_START.test(s) ? `'${s}` : s

  return `"${safe.replace(/"/g, '""')}"`
}

export const CSV_COLUMNS = [
  'review_id',
  'review_status',
  'started_at',
  'started_by',
  'completed_at',
  'signed_by',
  'key_id',
  'app_key',
  'label',
  'active',
  'age_days',
  'roles',
  'findings',
  'decision',
  'justification',
  'decided_by',
  'decided_at',
  'carried_out',
  // findings raised during the review, as the reviewer saw them (stored at sign-off); `findings`
  // stays the record of the start. Last, so readers of the earlier columns are unaffected.
  'new_findings',
  // where carrying out a decision that asks for a change stands (NOT_STARTED, IN_PROGRESS,
  // CARRIED_OUT; OUTSIDE_KEY_STEWARD for a key of another account, changed in VTEX where Key
  // Steward cannot follow it; empty for KEEP or no decision): `carried_out` lists the actions,
  // empty both for "nothing asked" and "not started"
  'carry_out_status',
]

/** Columns of the review's own log (#review_log: start, decisions, checks, sign-off). */
export const REVIEW_LOG_COLUMNS = [
  '#review_log',
  'at',
  'by',
  'action',
  'subject',
  'detail',
  // the key an entry is about (empty for the review, a practice or a scan): labels may repeat
  'label',
  'app_key',
]

/** Columns of the audit lines (#action) that follow the keys and the checklist. */
export const ACTION_COLUMNS = [
  '#action',
  'at',
  'by',
  'action',
  'key_id',
  'app_key',
  'label',
  'before',
  'after',
  'vtex_call',
  'vtex_status',
  'vtex_answer',
  'outcome',
  'note',
]

const carried = (d: Review['decisions'][string] | undefined) =>
  (d?.carriedOut ?? [])
    .map(
      (c) =>
        `${c.action} by ${c.by} at ${c.at}${c.detail ? ` (${c.detail})` : ''}`
    )
    .join('; ')

export function reviewCsv(review: Review, actions: AuditRecord[] = []): string {
  const rows = review.keys.map((k) => {
    // as the Admin shows it: a decision that does not fit its key, in an open review, is none
    const d = standingDecision(review, k)

    return [
      review.id,
      review.status,
      review.startedAt,
      review.startedBy,
      review.completedAt,
      review.signedBy,
      k.id,
      k.appKey,
      k.label,
      k.isActive,
      k.ageDays,
      k.rolesKnown ? k.roles.join('; ') : '(unknown)',
      k.findings.map((f) => `${f.severity}:${f.rule}`).join('; '),
      d?.decision,
      d?.justification,
      d?.by,
      d?.at,
      carried(d),
      (k.newFindings ?? []).map((f) => `${f.severity}:${f.rule}`).join('; '),
      !asksForChange(d)
        ? ''
        : changeMadeOutside(k)
        ? 'OUTSIDE_KEY_STEWARD'
        : carryOutStatus(d),
    ]
      .map(cell)
      .join(',')
  })

  const checklist = PRACTICES.map((p) => {
    const c = review.checklist[p]
    const ev = evidenceFor(p, review.evidence)
      .map((e) => `${e.id}=${e.value}`)
      .join('; ')

    return ['#checklist', p, c.status, c.note, c.by, c.at, ev]
      .map(cell)
      .join(',')
  })

  const c = review.changes
  const changes = c
    ? [
        ['#changes', 'from', c.from, 'to', c.to].map(cell).join(','),
        ...(
          [
            'keysCreated',
            'keysRemoved',
            'keysDeactivated',
            'keysReactivated',
            'keysCrossedRotation',
          ] as const
        ).flatMap((kind) =>
          c[kind].map((k) =>
            ['#changes', kind, k.id, k.label].map(cell).join(',')
          )
        ),
        ...(['rolesAdded', 'rolesRemoved'] as const).flatMap((kind) =>
          c[kind].map((r) =>
            ['#changes', kind, r.subjectId, r.label, r.role].map(cell).join(',')
          )
        ),
      ]
    : []

  const audit = actions.length
    ? [
        ACTION_COLUMNS.map(cell).join(','),
        ...actions.map((a) =>
          [
            '#action',
            a.at,
            a.by,
            a.action,
            a.keyId,
            a.appKey,
            a.label,
            a.before,
            a.after,
            a.vtex?.endpoint,
            a.vtex?.status,
            a.vtex?.answer,
            a.outcome,
            a.note,
          ]
            .map(cell)
            .join(',')
        ),
      ]
    : []

  const signoff = [
    ['#signoff', 'signed_by', 'completed_at', 'note'].map(cell).join(','),
    ['#signoff', review.signedBy, review.completedAt, review.signatureNote]
      .map(cell)
      .join(','),
  ]

  const keys = new Map(review.keys.map((k) => [k.id, k]))
  const log = [
    REVIEW_LOG_COLUMNS.map(cell).join(','),
    ...review.audit.map((a) => {
      const k = keys.get(a.subject)

      return [
        '#review_log',
        a.at,
        a.by,
        a.action,
        a.subject,
        a.detail,
        k?.label,
        k?.appKey,
      ]
        .map(cell)
        .join(',')
    }),
  ]

  return `${[
    CSV_COLUMNS.map(cell).join(','),
    ...rows,
    '',
    ['#checklist', 'practice', 'status', 'note', 'by', 'at', 'evidence']
      .map(cell)
      .join(','),
    ...checklist,
    '',
    ...signoff,
    '',
    ...log,
    ...(changes.length ? ['', ...changes] : []),
    ...(audit.length ? ['', ...audit] : []),
  ].join('\r\n')}\r\n`
}

export function reviewJson(
  review: Review,
  actions: AuditRecord[] = []
): string {
  return JSON.stringify(
    {
      ...review,
      checklist: PRACTICES.map((p) => ({
        practice: p,
        ...review.checklist[p],
        evidence: evidenceFor(p, review.evidence),
      })),
      actions,
    },
    null,
    2
  )
}
