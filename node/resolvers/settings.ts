import { ResolverError, UserInputError } from '@vtex/api'
import { ConflictError } from '../clients/appStorage'
import { Settings, validateSettings } from '../domain/settings'
import type { Context } from '../typings'
import { toResolverError, withCode } from './errors'
import { requestData } from '../services/requestData'
import { ensureSchedule } from '../services/dailyScan/registration'
import { recordAuditorChange } from '../services/review/auditors'
import { now } from '../clock'

const present = (value: Settings, version: string | null) => ({ ...value, version })

export async function settings(_: unknown, __: unknown, ctx: Context) {
  const { value, etag } = await requestData(ctx).settings()
  return present(value, etag)
}

export async function updateSettings(_: unknown, args: { settings: Partial<Record<keyof Settings, unknown>>; version?: string | null }, ctx: Context) {
  const data = requestData(ctx)
  const current = await data.settings()
  if (args.version && args.version !== current.etag) {
    throw withCode(new ResolverError('The settings were changed by someone else since you loaded them. Reload to see their change, then save again.', 409, 'CONFLICT'), 'CONFLICT')
  }
  const result = validateSettings(current.value, args.settings ?? {})
  if (!result.ok) {
    throw withCode(new UserInputError(result.errors.map(e => e.message).join('; ')), 'BAD_USER_INPUT', { fields: result.errors })
  }
  try {
    await data.storage.write('settings', result.value, current.etag)
  } catch (e) {
    if (e instanceof ConflictError) {
      throw withCode(new ResolverError('The settings were changed by someone else while you saved. Reload and try again.', 409, 'CONFLICT'), 'CONFLICT')
    }
    throw toResolverError(e)
  }
  // Who may read completed reviews is part of the audit trail.
  await recordAuditorChange(ctx, current.value.auditors ?? [], result.value.auditors, now()).catch(e => {
    ctx.vtex.logger.error({ message: 'could not write the audit log', action: 'SET_AUDITORS', reason: String((e as Error)?.name ?? 'error') })
  })
  // Settings feed the daily scan: make sure it is (still) registered with the scheduler.
  await ensureSchedule(ctx, true).catch(e => ctx.vtex.logger.warn({ message: 'could not register the daily scan', reason: String((e as Error).message) }))
  // The write landed: answer from what was written even if reading its new version back fails
  // (a retry would otherwise meet CONFLICT against its own save). Without a version, the next
  // save is still guarded by VBase's If-Match on the version it reads then.
  const saved = await data.storage.read<Settings>('settings').catch(() => ({ etag: null }))
  return present(result.value, saved.etag)
}
