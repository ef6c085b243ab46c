// Names typed by admins in VTEX — a key's label, a role's name, a user's name — could hold a token
// pasted there (a note to self, a wrong field), which would be shown, put in findings, reviews and
// exports, and stored with every copy of the inventory. They are redacted as VTEX's lists are
// read, before anything else sees them.
import { redactTokens } from './secrets'

/** Nothing under 32 characters holds a token, in any form (domain/secrets.ts). */
const SHORTEST_TOKEN_LIKE = 32

/** items with `field`'s token-like runs redacted (the same objects when none holds one). */
export function redactedText<T, F extends keyof T>(items: T[], field: F): T[] {
  return items.map((item) => {
    const text = item[field]

    if (typeof text !== 'string' || text.length < SHORTEST_TOKEN_LIKE)
      return item
    const redacted = redactTokens(text)

    return redacted === text ? item : { ...item, [field]: redacted }
  })
}

/** keys with each label's token-like runs redacted. */
export const redactedLabels = <K extends { label: string }>(keys: K[]): K[] =>
  redactedText(keys, 'label')
