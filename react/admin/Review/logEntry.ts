// A line of a review's log in words. The log is stored as written (it is evidence, and the
// evidence export keeps its codes): an action code (START, DECIDE, CHECK, CARRY_OUT…), a subject
// (the review, a key id or a practice) and a detail that starts with a code (the decision, the
// checklist status, the key action) followed by ": " and what a person wrote. This reads those
// codes back so the page names each in the admin's language and shows the person's words apart.
import type {
  CheckStatus,
  Decision,
  KeyAction,
  Practice,
} from '../graphql/types.generated'
import { DECISIONS } from './types'

const CHECK_STATUSES: CheckStatus[] = ['OPEN', 'DONE', 'NOT_APPLICABLE']
const PRACTICES: Practice[] = [
  'ROTATE_KEYS',
  'RENEW_TOKENS',
  'REASSESS_ACCESS',
  'INDIVIDUAL_KEYS',
  'AWARENESS',
  'NO_CLIENT_SIDE',
  'NO_SHARING',
]

const KEY_ACTIONS: KeyAction[] = [
  'RENEW_TOKEN',
  'FINISH_RENEWAL',
  'RECORD_RENEWAL',
  'DEACTIVATE',
  'REACTIVATE',
  'REMOVE_ROLE',
]

/** The carry-outs a decision can have (domain/review/machine DECISION_CARRIED_OUT_BY), in words. */
const CARRY_OUTS = {
  'CARRY_OUT.DEACTIVATE': true,
  'CARRY_OUT.REMOVE_ROLE': true,
  'CARRY_OUT.FINISH_RENEWAL': true,
  'CARRY_OUT_STARTED.RENEW_TOKEN': true,
} as const

type CarryOutId = keyof typeof CARRY_OUTS

/** The message of a line: admin/key-steward.review.logEntry.<id>. */
export type LogId =
  | 'START'
  | 'STARTED'
  | 'DECIDE'
  | 'DECIDED'
  | 'CHECK'
  | 'CHECKED'
  | 'CARRY_OUT'
  | 'CARRY_OUT_STARTED'
  | CarryOutId
  | 'COMPLETE'
  | 'SCAN'
  | 'SCAN_INCOMPLETE'
  | BulkId
  | 'OTHER'

/** How a bulk decision chose its keys (node/domain/review/bulk.ts BulkHow), in its line's id. */
const BULK_HOWS = ['SELECTED', 'MATCHING', 'WITHOUT_FINDINGS'] as const

type BulkId = `DECIDE_BULK.${(typeof BULK_HOWS)[number]}`

export interface LogLine {
  id: LogId
  /** the key's name (its label, else what the log holds) */
  key: string
  count?: number
  decision?: Decision
  practice?: Practice
  status?: CheckStatus
  keyAction?: KeyAction
  role?: string
  /** an action or practice this page has no words for, as stored */
  raw?: string
  /** what a person wrote with it (a justification, a checklist or sign-off note) */
  note: string
}

/** "CODE" or "CODE: rest" with CODE one of `codes`; otherwise no code and the detail whole. */
function split<T extends string>(detail: string, codes: readonly T[]) {
  const code = codes.find((c) => detail === c || detail.startsWith(`${c}: `))

  return code
    ? { code, rest: detail.slice(code.length + 2) }
    : { code: null, rest: detail }
}

/** A decision carried out (or started) by an action in VTEX: "DEACTIVATE: active → inactive". */
function carryOutLine(
  action: 'CARRY_OUT' | 'CARRY_OUT_STARTED',
  detail: string,
  key: string
): LogLine {
  const { code, rest } = split(detail, KEY_ACTIONS)

  if (!code) return { id: 'OTHER', key, raw: action, note: rest }
  const worded = `${action}.${code}`
  // The service writes the role removed as "removed <role>" (services/keyActions/remediation.ts);
  // the other details repeat the action in English, which the words already say.
  const role = code === 'REMOVE_ROLE' ? /^removed (.+)$/.exec(rest) : null

  if (worded in CARRY_OUTS && (code !== 'REMOVE_ROLE' || role))
    return {
      id: worded as CarryOutId,
      key,
      role: role ? role[1] : undefined,
      note: '',
    }

  // (its English detail left out: the action's name says it)
  return { id: action, key, keyAction: code, note: '' }
}

/** "DECIDE_BULK": "KEEP 28 WITHOUT_FINDINGS" or "…: justification" (node/domain/review/bulk.ts). */
function bulkLine(detail: string, key: string): LogLine {
  const m = /^([A-Z_]+) (\d+) ([A-Z_]+)(?:: ([\s\S]*))?$/.exec(detail)
  const decision = DECISIONS.find((d) => d === m?.[1])
  const how = BULK_HOWS.find((h) => h === m?.[3])

  if (!m || !decision || !how)
    return { id: 'OTHER', key, raw: 'DECIDE_BULK', note: detail }

  return {
    id: `DECIDE_BULK.${how}`,
    key,
    decision,
    count: Number(m[2]),
    note: m[4] ?? '',
  }
}

/** "SCAN": "2 keys exposed (incomplete): Label (appKey), …" (node/domain/review/scanLog.ts). */
function scanLine(detail: string, key: string): LogLine {
  const m = /^(\d+) keys? exposed( \(incomplete\))?(?:: ([\s\S]*))?$/.exec(
    detail
  )

  if (!m) return { id: 'OTHER', key, raw: 'SCAN', note: detail }

  return {
    id: m[2] ? 'SCAN_INCOMPLETE' : 'SCAN',
    key,
    count: Number(m[1]),
    // the exposed keys, as "Label (appKey)"
    note: m[3] ?? '',
  }
}

export function logLine(entry: {
  action: string
  subject: string
  detail: string
  subjectLabel?: string | null
  subjectAppKey?: string | null
}): LogLine {
  // a label two keys share is followed by the appKey ("Feed sync (vtexappkey-…)")
  const key = entry.subjectLabel
    ? entry.subjectAppKey
      ? `${entry.subjectLabel} (${entry.subjectAppKey})`
      : entry.subjectLabel
    : entry.subject

  switch (entry.action) {
    case 'START': {
      const count = /^(\d+) keys?$/.exec(entry.detail)

      return count
        ? { id: 'START', key, count: Number(count[1]), note: '' }
        : { id: 'STARTED', key, note: entry.detail }
    }

    case 'DECIDE': {
      const { code, rest } = split(entry.detail, DECISIONS)

      return code
        ? { id: 'DECIDE', key, decision: code, note: rest }
        : { id: 'DECIDED', key, note: rest }
    }

    case 'CHECK': {
      const { code, rest } = split(entry.detail, CHECK_STATUSES)
      const practice = PRACTICES.find((p) => p === entry.subject)

      return practice && code
        ? { id: 'CHECK', key, practice, status: code, note: rest }
        : { id: 'CHECKED', key, raw: entry.subject, note: entry.detail }
    }

    case 'CARRY_OUT':
      return carryOutLine('CARRY_OUT', entry.detail, key)

    case 'CARRY_OUT_STARTED':
      return carryOutLine('CARRY_OUT_STARTED', entry.detail, key)

    case 'COMPLETE':
      return { id: 'COMPLETE', key, note: entry.detail }

    case 'DECIDE_BULK':
      return bulkLine(entry.detail, key)

    case 'SCAN':
      return scanLine(entry.detail, key)

    default:
      // an action this page has no words for yet: as stored rather than nothing
      return { id: 'OTHER', key, raw: entry.action, note: entry.detail }
  }
}
