// License Manager's access check for the admin's own session, remembered for a short time
// (issue 13): a page that sends three queries, polling included, asks VTEX once per resource
// instead of once per query. Only a "yes" is remembered, by a hash of the session token (the
// token itself is never kept), and only for ACCESS_TTL_MS: a resource taken away stops
// counting within that time. A "no" and an error are never remembered, so checks still fail
// closed: a session with no recent "yes" is asked again, and refused if VTEX cannot answer.
import { createHash } from 'crypto'

export const ACCESS_TTL_MS = 30_000
const MAX_ENTRIES = 10_000

const granted = new Map<string, number>()

/** By account too: a replica serves every account that installed the app, and a VTEX ID token
 * is the user's, not the account's: a "yes" in one account says nothing of another. */
const entry = (account: string, token: string, resourceKey: string) =>
  `${account}:${createHash('sha256')
    .update(token)
    .digest('hex')}:${resourceKey}`

export async function checkAccess(
  session: { account: string; token: string },
  resourceKey: string,
  ask: () => Promise<boolean>,
  nowMs = Date.now()
): Promise<boolean> {
  const id = entry(session.account, session.token, resourceKey)
  const until = granted.get(id)

  if (until !== undefined && until > nowMs) return true
  granted.delete(id)
  const yes = await ask()

  if (yes) {
    if (granted.size >= MAX_ENTRIES) granted.clear()
    granted.set(id, nowMs + ACCESS_TTL_MS)
  }

  return yes
}
