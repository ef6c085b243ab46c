// The policy settings an admin can change, their defaults and their validation (pure).
import { looksLikeToken, TOKEN_REFUSAL } from './leaks/scanText'

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
  recentCopyMaxAgeMinutes: 5,
}

type IntField = 'rotationDays' | 'renewalGraceDays' | 'reviewCadenceDays' | 'maxOwnerUsers' | 'roleFetchConcurrency' | 'reminderDays' | 'liveReadTimeoutSeconds' | 'recentCopyMaxAgeMinutes'

export const INT_LIMITS: Record<IntField, { min: number; max: number }> = {
  rotationDays: { min: 30, max: 365 },
  renewalGraceDays: { min: 1, max: 90 },
  reviewCadenceDays: { min: 7, max: 365 },
  maxOwnerUsers: { min: 1, max: 50 },
  roleFetchConcurrency: { min: 1, max: 32 },
  reminderDays: { min: 1, max: 60 },
  liveReadTimeoutSeconds: { min: 2, max: 20 }, // under the service's 30 s request timeout
  recentCopyMaxAgeMinutes: { min: 0, max: 1440 },
}
export const MAX_GENERIC_LABELS = 50
export const MAX_LABEL_LENGTH = 60
export const MAX_KEY_MANAGING_ROLES = 100
export const MAX_SCAN_PATHS = 20
export const MAX_REMINDER_EMAILS = 10

export interface FieldError { field: string; message: string }
export type Validation = { ok: true; value: Settings } | { ok: false; errors: FieldError[] }

/** Applies a partial update to current settings; every bad field is reported, nothing applied. */
export function validateSettings(current: Settings, update: Partial<Record<keyof Settings, unknown>>): Validation {
  const errors: FieldError[] = []
  const next: Settings = { ...current }
  for (const [field, value] of Object.entries(update) as Array<[keyof Settings, unknown]>) {
    if (value === undefined || value === null) continue
    // A pasted token is refused in every text setting (it would be stored, shown and even fetched).
    if (Array.isArray(value) && value.some(v => typeof v === 'string' && looksLikeToken(v))) {
      errors.push({ field, message: `${field} ${TOKEN_REFUSAL}` })
      continue
    }
    if (field in INT_LIMITS) {
      const { min, max } = INT_LIMITS[field as IntField]
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        errors.push({ field, message: `${field} must be a whole number from ${min} to ${max}` })
      } else {
        (next as unknown as Record<string, number>)[field] = value
      }
    } else if (field === 'extraGenericLabels') {
      const labels = Array.isArray(value) ? value.map(v => (typeof v === 'string' ? v.trim() : v)) : null
      if (!labels || labels.length > MAX_GENERIC_LABELS || !labels.every(l => typeof l === 'string' && l.length >= 1 && l.length <= MAX_LABEL_LENGTH)) {
        errors.push({ field, message: `extraGenericLabels must be a list of at most ${MAX_GENERIC_LABELS} labels of 1 to ${MAX_LABEL_LENGTH} characters` })
      } else {
        next.extraGenericLabels = [...new Set(labels as string[])]
      }
    } else if (field === 'keyManagingRoleIds') {
      if (!Array.isArray(value) || value.length > MAX_KEY_MANAGING_ROLES || !value.every(v => Number.isInteger(v) && v > 0)) {
        errors.push({ field, message: `keyManagingRoleIds must be a list of at most ${MAX_KEY_MANAGING_ROLES} role ids (positive whole numbers)` })
      } else {
        next.keyManagingRoleIds = [...new Set(value as number[])]
      }
    } else if (field === 'reminderEmails') {
      const emails = Array.isArray(value) ? value.map(v => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : null
      if (!emails || emails.length > MAX_REMINDER_EMAILS || !emails.every(e => typeof e === 'string' && e.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e))) {
        errors.push({ field, message: `reminderEmails must be at most ${MAX_REMINDER_EMAILS} e-mail addresses` })
      } else {
        next.reminderEmails = [...new Set(emails as string[])]
      }
    } else if (field === 'scanExtraPaths') {
      const paths = Array.isArray(value) ? value.map(v => (typeof v === 'string' ? v.trim() : v)) : null
      if (!paths || paths.length > MAX_SCAN_PATHS || !paths.every(p => typeof p === 'string' && /^\/[^\s]{0,199}$/.test(p))) {
        errors.push({ field, message: `scanExtraPaths must be at most ${MAX_SCAN_PATHS} paths starting with / (no spaces, up to 200 characters)` })
      } else {
        next.scanExtraPaths = [...new Set(paths as string[])]
      }
    } else {
      errors.push({ field, message: `${field} is not a setting` })
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: next }
}

/** Stored settings may predate a field: fill what is missing with defaults. */
export function withDefaults(stored: Partial<Settings> | null): Settings {
  return { ...DEFAULT_SETTINGS, ...(stored ?? {}) }
}
