// Keys of other VTEX accounts that hold roles here ("external keys"), as an admin registers them
// in Key Steward. VTEX documents no endpoint that lists them (DESIGN.md), so the admin names each
// one; this checks what was typed before anything is stored, and before anything is echoed.
//
// The appKey format: every appKey in VTEX's API reference and guides reads
// vtexappkey-{account}-{6 capital letters} (license-manager.json: vtexappkey-myaccount-ORYNWX,
// vtexappkey-apiexamples-YSTRGZ; vtex-id.json and the guide "API authentication using API keys":
// vtexappkey-example-YSWQFZ). The account part is the account name: the subdomain of
// {account}.myvtex.com, lowercase letters and digits. VTEX's help article "External keys" says
// such keys are "generated in and managed by other VTEX accounts", so a key naming this account
// is not external: it is already listed with the account's own keys.
import type { FieldError } from './settings'
import { containsTokenLike } from './secrets'

export const EXTERNAL_KEY_ACTIONS = [
  'REGISTER_EXTERNAL_KEY',
  'REMOVE_EXTERNAL_KEY',
] as const
export type ExternalKeyAction = (typeof EXTERNAL_KEY_ACTIONS)[number]

export const APP_KEY_FORMAT = /^vtexappkey-([a-z0-9]+)-[A-Z]{6}$/
const ACCOUNT_FORMAT = /^[a-z0-9]+$/

/** Ours, not VTEX's: no account name comes near it, and nothing longer is echoed. */
export const MAX_INPUT = 100
/**
 * Longest text looked into for a pasted token (a token spelled out or encoded fits, ~800 characters
 * at most): a longer one is refused for its format, unread and unechoed. The check on a megabyte
 * of hostile text costs seconds, for a refusal either way.
 */
const MAX_SCANNED = 2_000

export type ExternalKeyProblem =
  | 'TOKEN_PASTED'
  | 'APPKEY_FORMAT'
  | 'ACCOUNT_FORMAT'
  | 'OWN_ACCOUNT'
  | 'ACCOUNT_MISMATCH'
  | 'ALREADY_REGISTERED'
  | 'NOT_REGISTERED'
  | 'NO_ROLES_HERE'

/** A field error with a reason code the Admin translates, and the values its message needs. */
export interface ExternalKeyError extends FieldError {
  reason: ExternalKeyProblem
  params: Record<string, string>
}

/** A registered external key, as stored (never a token). */
export interface StoredExternalKey {
  appKey: string
  account: string
  addedDate: string
  isActive: boolean
  /** who registered it (older entries and the fixture's may not say) */
  addedBy?: string | null
}

type Checked<T> =
  | { ok: true; value: T }
  | { ok: false; errors: ExternalKeyError[] }

/** A problem and its message (messages/: validation.externalKey.<REASON>), read with its params. */
const problem = (
  field: string,
  reason: ExternalKeyProblem,
  params: Record<string, string> = {},
  values: Record<string, string> = {}
): ExternalKeyError => ({
  field,
  reason,
  message: {
    id: `validation.externalKey.${reason}`,
    values: { ...params, ...values },
  },
  params,
})

function text(v: unknown): string | null {
  return typeof v === 'string' ? v.trim() : null
}

/** The appKey of a registered key, as the removal names it: its format, and never a token. */
export function checkAppKey(input: unknown): Checked<string> {
  const appKey = text(input) ?? ''

  if (appKey.length <= MAX_SCANNED && containsTokenLike(appKey))
    return {
      ok: false,
      errors: [problem('appKey', 'TOKEN_PASTED', {}, { field: 'appKey' })],
    }
  if (appKey.length > MAX_INPUT || !APP_KEY_FORMAT.test(appKey)) {
    return {
      ok: false,
      errors: [
        problem(
          'appKey',
          'APPKEY_FORMAT',
          {},
          { format: 'vtexappkey-<account>-ABCDEF' }
        ),
      ],
    }
  }

  return { ok: true, value: appKey }
}

/** A key of another account, by its appKey and the account that owns it. */
export function validateExternalKey(
  input: { appKey?: unknown; account?: unknown },
  ownAccount: string
): Checked<{ appKey: string; account: string }> {
  const errors: ExternalKeyError[] = []
  const key = checkAppKey(input.appKey)

  if (!key.ok) errors.push(...key.errors)
  const raw = text(input.account) ?? ''
  const account = raw.toLowerCase()
  const own = ownAccount.toLowerCase()
  const named = key.ok ? APP_KEY_FORMAT.exec(key.value)![1] : null

  if (raw.length <= MAX_SCANNED && containsTokenLike(raw))
    errors.push(problem('account', 'TOKEN_PASTED', {}, { field: 'account' }))
  else if (account.length > MAX_INPUT || !ACCOUNT_FORMAT.test(account))
    errors.push(
      problem('account', 'ACCOUNT_FORMAT', {}, { host: '<account>.myvtex.com' })
    )
  else if (account === own || named === own)
    errors.push(
      problem(account === own ? 'account' : 'appKey', 'OWN_ACCOUNT', {
        account: own,
      })
    )
  else if (named && named !== account)
    errors.push(problem('account', 'ACCOUNT_MISMATCH', { named, account }))
  if (errors.length) return { ok: false, errors }

  return {
    ok: true,
    value: { appKey: (key as { value: string }).value, account },
  }
}

/** The registry with `entry` added; a key already there is refused, and nothing changes. */
export function withRegistered(
  list: StoredExternalKey[] | null,
  entry: StoredExternalKey
):
  | { ok: true; value: StoredExternalKey[] }
  | { ok: false; error: ExternalKeyError } {
  const current = list ?? []
  const existing = current.find((e) => e.appKey === entry.appKey)

  if (existing) {
    return {
      ok: false,
      error: problem('appKey', 'ALREADY_REGISTERED', {
        appKey: entry.appKey,
        since: existing.addedDate.slice(0, 10),
      }),
    }
  }

  return { ok: true, value: [...current, entry] }
}

/** The registry without `appKey`; a key that is not there is refused, and nothing changes. */
export function withoutRegistered(
  list: StoredExternalKey[] | null,
  appKey: string
):
  | { ok: true; value: StoredExternalKey[]; removed: StoredExternalKey }
  | { ok: false; error: ExternalKeyError } {
  const current = list ?? []
  const removed = current.find((e) => e.appKey === appKey)

  if (!removed)
    return {
      ok: false,
      error: problem('appKey', 'NOT_REGISTERED', { appKey }),
    }

  return {
    ok: true,
    value: current.filter((e) => e.appKey !== appKey),
    removed,
  }
}

/** VTEX shows no roles for the key here: a typo, or a key not yet added in VTEX's Admin. */
export function noRolesHere(appKey: string): ExternalKeyError {
  return problem('appKey', 'NO_ROLES_HERE', { appKey })
}

const roleNames = (roles: Array<{ name: string }>) =>
  roles.length ? roles.map((r) => r.name).join(', ') : 'no roles'

/** The audit log's before → after of a registration and of a removal, in short words. */
export function registrationChange(roles: Array<{ name: string }>): {
  before: string
  after: string
} {
  return {
    before: 'not registered in Key Steward',
    after: `registered; holds ${roleNames(roles)} in this account`,
  }
}

export function removalChange(
  removed: StoredExternalKey,
  rolesNow: Array<{ name: string }> | null
): { before: string; after: string } {
  const since = `registered since ${removed.addedDate.slice(0, 10)}${
    removed.addedBy ? ` by ${removed.addedBy}` : ''
  }`

  const still =
    rolesNow === null
      ? 'its roles in VTEX could not be read'
      : rolesNow.length
      ? `still holds ${roleNames(
          rolesNow
        )} in VTEX (remove them in VTEX's Admin: Account settings → API keys → External)`
      : 'holds no roles in VTEX'

  return { before: since, after: `no longer tracked by Key Steward; ${still}` }
}
