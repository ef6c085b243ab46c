// A key's label is typed by an admin in VTEX, and a token pasted there (a note to self, a wrong
// field) would be shown, put in findings, reviews and exports, and stored with every copy of the
// inventory. Labels are redacted as VTEX's list is read, before anything else sees them.
import { redactTokens } from './secrets'

/** keys with each label's token-like runs redacted (the same objects when none holds one). */
export function redactedLabels<K extends { label: string }>(keys: K[]): K[] {
  return keys.map((k) => {
    // nothing under 32 characters holds a token, in any form (domain/secrets.ts)
    if (typeof k.label !== 'string' || k.label.length < 32) return k
    const label = redactTokens(k.label)

    return label === k.label ? k : { ...k, label }
  })
}
