// The append-only audit log in VBase (records: domain/audit.ts): each record goes to the month's
// file (the review export reads months) and to its subject's file (a key's page reads it; an
// external key's file is named by its appKey).
import type { AppStorage } from '../clients/appStorage'
import type { AuditRecord } from '../domain/audit'
import { appended, monthOf } from '../domain/audit'

export const auditFileOfKey = (keyId: string) => `key-${keyId}.json`
export const auditFileOfMonth = (month: string) => `month-${month}.json`

/**
 * Appends to both files; each only ever grows, and re-applying a record changes nothing. A write
 * is recognised by its record's id, so one whose answer VBase lost is neither reported as failed
 * nor written twice (appStorage.update's `applied`).
 */
export async function appendAudit(
  storage: AppStorage,
  record: AuditRecord
): Promise<void> {
  const ours = (log: AuditRecord[] | null) =>
    !!log?.some((r) => r.id === record.id)

  const append = (path: string) =>
    storage.update<AuditRecord[], void>(
      'audit',
      (cur) => ({ value: appended(cur, record), result: undefined }),
      path,
      { applied: ours }
    )

  await append(auditFileOfMonth(monthOf(record.at)))
  await append(auditFileOfKey(record.keyId))
}
