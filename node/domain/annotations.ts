// What an admin records about a key (owner, integrations, purpose, notes), validated.
import type { Annotation } from './rules/types'
import type { FieldError } from './settings'
import { looksLikeToken, TOKEN_REFUSAL } from './leaks/scanText'

export const LIMITS = { owner: 254, integrations: 10, integration: 80, purpose: 300, notes: 1000 }
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function validateAnnotation(input: { owner?: unknown; integrations?: unknown; purpose?: unknown; notes?: unknown }): { ok: true; value: Annotation } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : null)
  const owner = text(input.owner)
  if (owner === null || owner.length > LIMITS.owner || (owner && !EMAIL.test(owner))) errors.push({ field: 'owner', message: `owner must be an email address of at most ${LIMITS.owner} characters` })
  const raw = input.integrations ?? []
  const integrations = Array.isArray(raw) ? raw.map(text) : null
  if (!integrations || integrations.length > LIMITS.integrations || integrations.some(i => i === null || i.length === 0 || i.length > LIMITS.integration)) {
    errors.push({ field: 'integrations', message: `integrations must be at most ${LIMITS.integrations} names of 1 to ${LIMITS.integration} characters` })
  }
  const purpose = text(input.purpose)
  if (purpose === null || purpose.length > LIMITS.purpose) errors.push({ field: 'purpose', message: `purpose must be at most ${LIMITS.purpose} characters` })
  const notes = text(input.notes)
  if (notes === null || notes.length > LIMITS.notes) errors.push({ field: 'notes', message: `notes must be at most ${LIMITS.notes} characters` })
  const texts: Array<[string, unknown]> = [['owner', owner], ['integrations', (integrations ?? []).join(' ')], ['purpose', purpose], ['notes', notes]]
  for (const [field, text] of texts) if (typeof text === 'string' && looksLikeToken(text)) errors.push({ field, message: `${field} ${TOKEN_REFUSAL}` })
  if (errors.length) return { ok: false, errors }
  return { ok: true, value: { owner: owner || undefined, integrations: integrations as string[], purpose: purpose || undefined, notes: notes || undefined } }
}

const APP_KEY = /^vtexappkey-([a-z0-9]+)-[A-Z]{6}$/

/** A key of another account an admin registers by its appKey and owning account. */
export function validateExternalKey(input: { appKey?: unknown; account?: unknown }, ownAccount: string): { ok: true; value: { appKey: string; account: string } } | { ok: false; errors: FieldError[] } {
  const appKey = typeof input.appKey === 'string' ? input.appKey.trim() : ''
  const account = typeof input.account === 'string' ? input.account.trim().toLowerCase() : ''
  const errors: FieldError[] = []
  const m = APP_KEY.exec(appKey)
  if (!m) errors.push({ field: 'appKey', message: 'appKey must look like vtexappkey-<account>-ABCDEF (6 capital letters)' })
  if (!/^[a-z0-9]+$/.test(account)) errors.push({ field: 'account', message: 'account must be the owning account name (lowercase letters and digits)' })
  else if (account === ownAccount) errors.push({ field: 'account', message: 'this key belongs to this account: it is listed with the account’s own keys' })
  else if (m && m[1] !== account) errors.push({ field: 'account', message: `the appKey names account "${m[1]}", not "${account}"` })
  return errors.length ? { ok: false, errors } : { ok: true, value: { appKey, account } }
}
