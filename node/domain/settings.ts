// The policy settings an admin can change, their defaults and their validation (pure).
import { looksLikeToken } from './leaks/scanText'
import type { MessageId, Wording } from './wording'

export interface Settings {
  /** days after which an active key should be rotated or its token renewed (VTEX offers 90 or 180) */
  rotationDays: number
  /** days an unfinished token renewal may keep the old token valid */
  renewalGraceDays: number
  /** days between completed access reviews */
  reviewCadenceDays: number
  /** how many users may hold Owner (Admin Super) */
  maxOwnerUsers: number
  /** labels the store considers generic, beyond the built-in ones */
  extraGenericLabels: string[]
  /** custom roles that grant key management (VTEX's API does not say which resources a role grants) */
  keyManagingRoleIds: number[]
  /** role reads in flight at once when loading the inventory */
  roleFetchConcurrency: number
  /** storefront paths the exposure scan visits besides the home page and the sitemap */
  scanExtraPaths: string[]
  /** days before a review is due that the reminder starts */
  reminderDays: number
  /** who receives reminder e-mails (Message Center); none means no e-mail */
  reminderEmails: string[]
  /** after this many seconds of a slow live read, pages show the daily scan's copy */
  liveReadTimeoutSeconds: number
  /** language of reminder e-mails; null: not chosen yet, so they go out in DEFAULT_REMINDER_LOCALE */
  reminderLocale: 'en' | 'pt' | 'es' | null
  /** e-mails of auditors: they may read completed reviews (and download their evidence), nothing else */
  auditors: string[]
  /** minutes the recent copy is served without revalidating in the background; 0: always read live */
  recentCopyMaxAgeMinutes: number
}

export const DEFAULT_SETTINGS: Settings = {
  rotationDays: 90,
  renewalGraceDays: 7,
  reviewCadenceDays: 90,
  maxOwnerUsers: 3,
  extraGenericLabels: [],
  keyManagingRoleIds: [],
  roleFetchConcurrency: 8,
  scanExtraPaths: [],
  reminderDays: 14,
  reminderEmails: [],
  liveReadTimeoutSeconds: 10,
  reminderLocale: null,
  auditors: [],
  recentCopyMaxAgeMinutes: 5,
}

/**
 * The language reminder e-mails go out in until an admin chooses one. The settings page shows
 * this same value: offering the viewer's own language there told a pt admin "Português" while
 * the e-mails went out in English, and saving any other field then stored it unasked.
 */
export const DEFAULT_REMINDER_LOCALE = 'en' as const

/** The language reminder e-mails are written in: the chosen one, else the default. */
export const reminderLocaleOf = (s: Pick<Settings, 'reminderLocale'>) =>
  s.reminderLocale ?? DEFAULT_REMINDER_LOCALE

type IntField =
  | 'rotationDays'
  | 'renewalGraceDays'
  | 'reviewCadenceDays'
  | 'maxOwnerUsers'
  | 'roleFetchConcurrency'
  | 'reminderDays'
  | 'liveReadTimeoutSeconds'
  | 'recentCopyMaxAgeMinutes'
type ListField =
  | 'extraGenericLabels'
  | 'keyManagingRoleIds'
  | 'scanExtraPaths'
  | 'reminderEmails'
  | 'auditors'

/**
 * The one source of every setting's limits: validation uses it, GraphQL serves it
 * (Query.settingsLimits), and the settings page validates and explains with it. Help texts,
 * schema comments and docs do not repeat the numbers.
 */
export const SETTINGS_LIMITS: {
  ints: Record<IntField, { min: number; max: number }>
  lists: Record<ListField, { maxItems: number; maxLength: number }>
} = {
  ints: {
    rotationDays: { min: 30, max: 365 },
    renewalGraceDays: { min: 1, max: 90 },
    reviewCadenceDays: { min: 7, max: 365 },
    maxOwnerUsers: { min: 1, max: 50 },
    roleFetchConcurrency: { min: 1, max: 32 },
    reminderDays: { min: 1, max: 60 },
    liveReadTimeoutSeconds: { min: 2, max: 20 }, // under the service's 30 s request timeout
    recentCopyMaxAgeMinutes: { min: 0, max: 1440 },
  },
  lists: {
    extraGenericLabels: { maxItems: 50, maxLength: 60 },
    keyManagingRoleIds: { maxItems: 100, maxLength: 10 },
    scanExtraPaths: { maxItems: 20, maxLength: 200 },
    reminderEmails: { maxItems: 10, maxLength: 254 },
    auditors: { maxItems: 20, maxLength: 254 },
  },
}
export const INT_LIMITS = SETTINGS_LIMITS.ints
export const REMINDER_LOCALES = ['en', 'pt', 'es'] as const

/**
 * Why a value was refused, as a code the settings page renders in the admin's language (with
 * params and, in lists, the offending entry), plus the message for API callers (messages/).
 */
export const SETTING_ERROR_CODES = [
  'REQUIRED',
  'NOT_WHOLE_NUMBER',
  'OUT_OF_RANGE',
  'TOO_MANY',
  'TOO_LONG',
  'EMPTY_ENTRY',
  'BAD_EMAIL',
  'BAD_PATH',
  'BAD_ROLE_ID',
  'UNKNOWN_ROLE',
  'ROLES_UNREADABLE',
  'TOKEN',
  'BAD_LOCALE',
  'NOT_A_SETTING',
] as const
export type SettingErrorCode = (typeof SETTING_ERROR_CODES)[number]
/** A bad field and what to tell the admin (annotations use it too). */
export interface FieldError {
  field: string
  message: Wording
}
export interface SettingError extends FieldError {
  code: SettingErrorCode
  params: Record<string, number | string>
  entry?: string
}
export type Validation =
  | { ok: true; value: Settings }
  | { ok: false; errors: SettingError[] }

export interface ValidationContext {
  /** the account's role ids, when key-managing roles change; null: they could not be read */
  roleIds?: number[] | null
}

/**
 * Longest entry looked into: longer than any list setting keeps (an e-mail, 254) and than any
 * pasted token spelled out or encoded (~800 characters; the same bound as external keys'), so
 * such a paste is still named as a token. A longer entry is refused for its length before
 * anything looks into it (trimming, the token check: on a megabyte of hostile text the token
 * check alone cost about a second, for a refusal either way) and is not quoted back.
 */
export const LONGEST_ENTRY_READ = 2_000

/** A list refused before any entry is looked into: too many entries, or one longer than any kept. */
function refusedUnread(
  field: ListField,
  items: unknown[]
): Omit<SettingError, 'field' | 'message'> | null {
  const { maxItems, maxLength } = SETTINGS_LIMITS.lists[field]

  if (items.length > maxItems)
    return { code: 'TOO_MANY', params: { max: maxItems, count: items.length } }
  if (items.some((v) => typeof v === 'string' && v.length > LONGEST_ENTRY_READ))
    return { code: 'TOO_LONG', params: { max: maxLength } }

  return null
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PATH = /^\/\S*$/

/** Why one entry of a list setting is refused, or null. */
function entryError(
  field: ListField,
  item: unknown,
  ctx: ValidationContext
): Omit<SettingError, 'field' | 'message'> | null {
  const { maxLength } = SETTINGS_LIMITS.lists[field]
  const entry = typeof item === 'string' ? item : String(item)

  if (field === 'keyManagingRoleIds') {
    if (typeof item !== 'number' || !Number.isInteger(item) || item <= 0)
      return { code: 'BAD_ROLE_ID', params: {}, entry }
    if (ctx.roleIds === null) return { code: 'ROLES_UNREADABLE', params: {} }
    if (ctx.roleIds && !ctx.roleIds.includes(item))
      return { code: 'UNKNOWN_ROLE', params: {}, entry }

    return null
  }

  if (typeof item !== 'string' || item.trim() === '')
    return { code: 'EMPTY_ENTRY', params: {} }
  if (item.length > maxLength)
    return {
      code: 'TOO_LONG',
      params: { max: maxLength },
      entry: item.slice(0, 80),
    }
  if ((field === 'reminderEmails' || field === 'auditors') && !EMAIL.test(item))
    return { code: 'BAD_EMAIL', params: {}, entry }
  if (field === 'scanExtraPaths' && !PATH.test(item))
    return { code: 'BAD_PATH', params: {}, entry }

  return null
}

/** Every bad entry of a list setting, each named (a problem without an entry once). */
function listErrors(
  field: ListField,
  items: unknown[],
  ctx: ValidationContext
): Array<Omit<SettingError, 'field' | 'message'>> {
  // (too many entries were refused unread: refusedUnread)
  const errors = new Map<string, Omit<SettingError, 'field' | 'message'>>()

  for (const item of items) {
    const e = entryError(field, item, ctx)

    if (e) errors.set(`${e.code}\u0000${e.entry ?? ''}`, e)
  }

  return [...errors.values()]
}

/** The message of each refusal (messages/*.json), read with the error's params. */
const MESSAGE_OF: Record<SettingErrorCode, MessageId> = {
  REQUIRED: 'validation.settings.REQUIRED',
  NOT_WHOLE_NUMBER: 'validation.settings.range',
  OUT_OF_RANGE: 'validation.settings.range',
  TOO_MANY: 'validation.settings.TOO_MANY',
  TOO_LONG: 'validation.settings.TOO_LONG',
  EMPTY_ENTRY: 'validation.settings.EMPTY_ENTRY',
  BAD_EMAIL: 'validation.settings.BAD_EMAIL',
  BAD_PATH: 'validation.settings.BAD_PATH',
  BAD_ROLE_ID: 'validation.settings.BAD_ROLE_ID',
  UNKNOWN_ROLE: 'validation.settings.UNKNOWN_ROLE',
  ROLES_UNREADABLE: 'validation.settings.ROLES_UNREADABLE',
  TOKEN: 'validation.token',
  BAD_LOCALE: 'validation.oneOf',
  NOT_A_SETTING: 'validation.settings.NOT_A_SETTING',
}

const messageOf = (
  field: string,
  e: Omit<SettingError, 'field' | 'message'>
): Wording => ({
  id: MESSAGE_OF[e.code],
  values: {
    ...e.params,
    field,
    shown: e.entry !== undefined ? 'yes' : 'no',
    entry: e.entry ?? '',
    allowed: REMINDER_LOCALES.join(', '),
  },
})

/**
 * Applies a partial update to current settings; every bad field is reported, nothing applied.
 * A field left out (undefined) keeps its value; a field sent empty (null) is refused.
 */
export function validateSettings(
  current: Settings,
  update: Partial<Record<keyof Settings, unknown>>,
  ctx: ValidationContext = {}
): Validation {
  const errors: SettingError[] = []
  const fail = (field: string, e: Omit<SettingError, 'field' | 'message'>) =>
    errors.push({ field, ...e, message: messageOf(field, e) })

  const next: Settings = { ...current }

  for (const [field, raw] of Object.entries(update) as Array<
    [keyof Settings, unknown]
  >) {
    if (raw === undefined) continue
    if (field in SETTINGS_LIMITS.ints) {
      const { min, max } = SETTINGS_LIMITS.ints[field as IntField]

      if (raw === null) fail(field, { code: 'REQUIRED', params: { min, max } })
      else if (typeof raw !== 'number' || !Number.isInteger(raw))
        fail(field, { code: 'NOT_WHOLE_NUMBER', params: { min, max } })
      else if (raw < min || raw > max)
        fail(field, { code: 'OUT_OF_RANGE', params: { min, max } })
      else (next as unknown as Record<string, number>)[field] = raw
    } else if (field in SETTINGS_LIMITS.lists) {
      if (raw === null) {
        const lists = next as unknown as Record<string, unknown[]>

        lists[field] = []
        continue
      } // an empty list is a valid choice

      const unread = Array.isArray(raw)
        ? refusedUnread(field as ListField, raw)
        : null

      if (unread) {
        fail(field, unread)
        continue
      }

      const items = Array.isArray(raw)
        ? raw.map((v) =>
            typeof v === 'string'
              ? field === 'reminderEmails' || field === 'auditors'
                ? v.trim().toLowerCase()
                : v.trim()
              : v
          )
        : null

      if (!items) {
        fail(field, { code: 'NOT_A_SETTING', params: {} })
        continue
      }

      // A pasted token is refused in every text setting (it would be stored, shown and even fetched),
      // looked for as typed: lowercasing an e-mail first would hide a base64 one.
      if (
        (raw as unknown[]).some(
          (v) => typeof v === 'string' && looksLikeToken(v)
        )
      ) {
        fail(field, { code: 'TOKEN', params: {} })
        continue
      }

      const bad = listErrors(field as ListField, items, ctx)

      if (bad.length) bad.forEach((e) => fail(field, e))
      else
        (next as unknown as Record<string, unknown[]>)[field] = [
          ...new Set(items),
        ]
    } else if (field === 'reminderLocale') {
      if (raw === null) next.reminderLocale = null
      else if (!REMINDER_LOCALES.includes(raw as never))
        fail(field, { code: 'BAD_LOCALE', params: {} })
      else next.reminderLocale = raw as Settings['reminderLocale']
    } else {
      fail(field, { code: 'NOT_A_SETTING', params: {} })
    }
  }

  return errors.length ? { ok: false, errors } : { ok: true, value: next }
}

/** The largest role id: GraphQL's Int (what the settings query answers ids in) has 32 bits. */
export const MAX_ROLE_ID = 2 ** 31 - 1

/**
 * Text a list setting may hold: never a token (validateSettings refuses one; a document written
 * by hand, or before that check, would have it answered back on the settings page), and never
 * longer than anything looked into (LONGEST_ENTRY_READ), which no list keeps either.
 */
const text = (e: unknown) =>
  typeof e === 'string' && e.length <= LONGEST_ENTRY_READ && !looksLikeToken(e)

/** What a list setting's entries must be to be used (validateSettings checks more on save). */
const LIST_ENTRY: Record<ListField, (entry: unknown) => boolean> = {
  extraGenericLabels: text,
  // a role id GraphQL can carry (Int: 32 bits): 1e300 stored by hand failed the settings query
  keyManagingRoleIds: (e) =>
    Number.isInteger(e) && (e as number) > 0 && (e as number) <= MAX_ROLE_ID,
  scanExtraPaths: text,
  reminderEmails: text,
  auditors: text,
}

/**
 * The stored settings as everything uses them. A field missing (stored before it existed) or of
 * the wrong kind (a damaged document: written by hand, cut short) takes its default; a number
 * outside its limits (damaged, or limits narrowed since it was saved) is held to them, so no
 * page fails on an interval of 1e300 days. The settings page shows what is used; saving stores it.
 */
export function withDefaults(stored: Partial<Settings> | null): Settings {
  const given: Record<string, unknown> =
    stored && typeof stored === 'object' ? stored : {}

  const used: Settings = { ...DEFAULT_SETTINGS }

  for (const field of Object.keys(INT_LIMITS) as IntField[]) {
    const v = given[field]
    const { min, max } = INT_LIMITS[field]

    if (typeof v === 'number' && Number.isFinite(v))
      used[field] = Math.min(max, Math.max(min, Math.round(v)))
  }

  for (const field of Object.keys(LIST_ENTRY) as ListField[]) {
    const v = given[field]

    if (Array.isArray(v) && v.every(LIST_ENTRY[field]))
      (used[field] as unknown[]) = v
  }

  if (REMINDER_LOCALES.includes(given.reminderLocale as never))
    used.reminderLocale = given.reminderLocale as Settings['reminderLocale']

  return used
}
