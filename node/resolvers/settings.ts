import { ConflictError } from '../clients/appStorage'
import type { Settings } from '../domain/settings'
import {
  SETTINGS_LIMITS,
  reminderLocaleOf,
  validateSettings,
} from '../domain/settings'
import { wording } from '../domain/wording'
import { invalidFields } from './refusals'
import type { Context } from '../typings'
import { conflictError, requireAdminToken, toResolverError } from './errors'
import { requestData } from '../services/requestData'
import { ensureSchedule } from '../services/dailyScan/registration'
import { recordAuditorChange } from '../services/review/auditors'
import { now } from '../clock'

/** The language the e-mails really go out in: until someone chooses, the default (English). */
export const present = (value: Settings, version: string | null) => ({
  ...value,
  reminderLocale: reminderLocaleOf(value),
  version,
})

export async function settings(_: unknown, __: unknown, ctx: Context) {
  const { value, etag } = await requestData(ctx).settings()

  return present(value, etag)
}

/** Query.settingsLimits: the limits validation uses, for the settings page to validate and explain. */
export function settingsLimits() {
  return [
    ...Object.entries(SETTINGS_LIMITS.ints).map(([field, l]) => ({
      field,
      ...l,
      maxItems: null,
      maxLength: null,
    })),
    ...Object.entries(SETTINGS_LIMITS.lists).map(([field, l]) => ({
      field,
      min: null,
      max: null,
      ...l,
    })),
  ]
}

/** Query.accountRoles: the account's roles (admin's own session), for the key-managing roles picker. */
export async function accountRoles(_: unknown, __: unknown, ctx: Context) {
  const roles = await ctx.clients.licenseManagerApi
    .listAllRoles(requireAdminToken(ctx))
    .catch((e) => {
      throw toResolverError(e)
    })

  return roles
    .map((r) => ({ id: r.id, name: r.name, custom: r.roleType === 1 }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

export async function updateSettings(
  _: unknown,
  args: {
    settings: Partial<Record<keyof Settings, unknown>>
    version?: string | null
  },
  ctx: Context
) {
  const data = requestData(ctx)
  const current = await data.settings()

  if (args.version && args.version !== current.etag) {
    throw conflictError(wording('refusal.settings.changedSinceLoad'))
  }

  const update = args.settings ?? {}
  // Role ids are checked against the account's roles (read with the admin's session) when they change.
  const ids = update.keyManagingRoleIds
  const changed =
    Array.isArray(ids) &&
    ids.some((id) => !current.value.keyManagingRoleIds.includes(id as number))

  const roleIds = changed
    ? await ctx.clients.licenseManagerApi
        .listAllRoles(requireAdminToken(ctx))
        .then(
          (rs) => rs.map((r) => r.id),
          () => null
        )
    : undefined

  const result = validateSettings(current.value, update, { roleIds })

  if (!result.ok) {
    throw invalidFields(result.errors)
  }

  try {
    await data.storage.write('settings', result.value, current.etag)
  } catch (e) {
    if (e instanceof ConflictError) {
      throw conflictError(wording('refusal.settings.changedWhileSaving'))
    }

    throw toResolverError(e)
  }

  // Who may read completed reviews is part of the audit trail.
  await recordAuditorChange(
    ctx,
    current.value.auditors ?? [],
    result.value.auditors,
    now()
  ).catch((e) => {
    ctx.vtex.logger.error({
      message: 'could not write the audit log',
      action: 'SET_AUDITORS',
      reason: String((e as Error)?.name ?? 'error'),
    })
  })
  // Settings feed the daily scan: make sure it is (still) registered with the scheduler.
  await ensureSchedule(ctx, true).catch((e) =>
    ctx.vtex.logger.warn({
      message: 'could not register the daily scan',
      reason: String((e as Error).message),
    })
  )
  // The write landed: answer from what was written even if reading its new version back fails
  // (a retry would otherwise meet CONFLICT against its own save). Without a version, the next
  // save is still guarded by VBase's If-Match on the version it reads then.
  const saved = await data.storage
    .read<Settings>('settings')
    .catch(() => ({ etag: null }))

  return present(result.value, saved.etag)
}
