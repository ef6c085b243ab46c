// Writing the append-only audit log of actions (domain/audit): one file per key, one per month
// (the review export reads months). Each write is recognised by its record's id, so a write whose
// answer VBase lost is not reported as failed nor written twice (appStorage.update).
import { randomBytes } from 'crypto'

import { UpstreamError } from '../../clients/retry'
import type { AuditOutcome, AuditRecord } from '../../domain/audit'
import { auditRecord } from '../../domain/audit'
import type { AuditState } from '../../domain/auditStates'
import { englishOf } from '../../domain/auditStates'
import { appendAudit } from '../auditLog'
import type { KeyAction } from '../../domain/review/types'
import { requestData } from '../requestData'
import type { Context } from '../../typings'
import type { Acting } from './acting'

export { auditFileOfKey, auditFileOfMonth } from '../auditLog'

/**
 * Appends a record to the key's log and to the month's log. Answers whether both writes landed;
 * a failure is logged without the record, never thrown: the action in VTEX already happened.
 */
export async function audit(
  ctx: Context,
  entry: AuditRecord
): Promise<boolean> {
  try {
    await appendAudit(requestData(ctx).storage, entry)

    return true
  } catch (e) {
    ctx.vtex.logger.error({
      message: 'could not write the audit log',
      action: entry.action,
      keyId: entry.keyId,
      reason: String((e as Error)?.name ?? 'error'),
    })

    return false
  }
}

/** A refusal (4xx) or a failure VTEX answered (5xx) or did not (timeout). */
export const outcomeOf = (e: unknown): AuditOutcome =>
  e instanceof UpstreamError && e.status !== undefined && e.status < 500
    ? 'REFUSED'
    : 'FAILED'
export const statusOf = (e: unknown) =>
  e instanceof UpstreamError ? e.status ?? null : null
export const reasonOf = (e: unknown) =>
  e instanceof UpstreamError ? e.reason : 'not sent'

export function record(
  a: Acting,
  action: KeyAction,
  parts: {
    before: AuditState
    after: AuditState
    endpoint: string | null
    status: number | null
    answer?: string
    outcome: AuditOutcome
    note?: string | null
  }
): AuditRecord {
  return auditRecord({
    id: `${a.at.toISOString()}-${randomBytes(6).toString('hex')}`,
    at: a.at.toISOString(),
    by: a.by,
    action,
    keyId: a.key.id,
    appKey: a.key.appKey,
    label: a.key.label,
    before: englishOf(parts.before),
    after: englishOf(parts.after),
    beforeState: parts.before,
    afterState: parts.after,
    vtex: parts.endpoint
      ? {
          endpoint: parts.endpoint,
          status: parts.status,
          answer: parts.answer ?? '',
        }
      : null,
    outcome: parts.outcome,
    reviewId: a.reviewId,
    note: parts.note ?? null,
  })
}
