// Where a finding's subject is shown, for lists that name subjects (the Overview's most urgent
// warnings and what costs the score): a key's own page; an external key's row on the key list
// (opened on that appKey; another account's key has no page here). Users and the account have
// no single place, so they are not links.
import { BASE } from './PageFrame'

export function subjectHref(
  subjectType: string,
  subjectId: string
): string | null {
  if (subjectType === 'KEY')
    return `${BASE}/keys/${encodeURIComponent(subjectId)}`
  if (subjectType === 'EXTERNAL_KEY')
    return `${BASE}/keys?ids=${encodeURIComponent(subjectId)}`

  return null
}
