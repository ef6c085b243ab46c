// Auditors: people an admin named by e-mail in the settings who may read completed reviews and
// download their evidence, and change nothing. Naming or removing one is written to the audit log.
import { randomBytes } from 'crypto'

import type { AuditRecord } from '../../domain/audit'
import { appended, auditRecord, monthOf } from '../../domain/audit'
import { actor } from '../../resolvers/actor'
import { auditFileOfMonth } from '../auditLog'
import type { Context } from '../../typings'
import { requestData } from '../requestData'

/** Whether the session's user is a named auditor (their VTEX ID e-mail, as settings store it). */
export async function isAuditor(ctx: Context): Promise<boolean> {
  const { value } = await requestData(ctx).settings()

  if (!value.auditors?.length) return false
  const email = (await actor(ctx)).trim().toLowerCase()

  return value.auditors.includes(email)
}

/** Records a change of the auditor list in the month's audit log (what the review export reads). */
export async function recordAuditorChange(
  ctx: Context,
  before: string[],
  after: string[],
  at: Date
): Promise<void> {
  const same =
    before.length === after.length && before.every((e) => after.includes(e))

  if (same) return
  const by = await actor(ctx)
  const record: AuditRecord = auditRecord({
    id: `${at.toISOString()}-${randomBytes(6).toString('hex')}`,
    at: at.toISOString(),
    by,
    action: 'SET_AUDITORS',
    keyId: '',
    appKey: '',
    label: 'auditors',
    before: before.join(', ') || '(none)',
    after: after.join(', ') || '(none)',
    vtex: null,
    outcome: 'DONE',
    reviewId: null,
  })

  await requestData(ctx).storage.update<AuditRecord[], void>(
    'audit',
    (cur) => ({ value: appended(cur, record), result: undefined }),
    auditFileOfMonth(monthOf(record.at))
  )
}
