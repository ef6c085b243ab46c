import { validateAnnotation, validateExternalKey } from '../domain/annotations'
import type { RawExternalKey } from '../domain/inventory'
import type { Annotation } from '../domain/rules/types'
import { now } from '../clock'
import { quote } from '../domain/secrets'
import type { Context } from '../typings'
import { toResolverError } from './errors'
import { invalidFields, refusalError } from './refusals'
import { requestData } from '../services/requestData'
import { reflectExternalKey } from '../services/reflectWrite'

export async function annotateKey(_: unknown, args: { keyId: string; annotation: Record<string, unknown> }, ctx: Context) {
  const checked = validateAnnotation(args.annotation ?? {})
  if (!checked.ok) throw invalidFields(checked.errors)
  const keys = await ctx.clients.licenseManagerApi.listAppKeys(ctx.vtex.adminUserAuthToken!).catch(e => { throw toResolverError(e) })
  if (!keys.some(k => k.id === args.keyId)) throw refusalError({ ok: false, code: 'NOT_FOUND', message: `No API key ${quote(args.keyId)} in this account.`, field: 'keyId' })
  await requestData(ctx).storage.update<Record<string, Annotation>, void>('annotations', current => ({ value: { ...(current ?? {}), [args.keyId]: checked.value }, result: undefined }))
    .catch(e => { throw toResolverError(e) })
  return presentAnnotation(checked.value)
}

export function presentAnnotation(a: Annotation | undefined | null) {
  return a ? { owner: a.owner ?? null, integrations: a.integrations ?? [], purpose: a.purpose ?? null, notes: a.notes ?? null } : null
}

export async function keyAnnotation(key: { id: string }, _: unknown, ctx: Context) {
  const { input } = await requestData(ctx).evaluation()
  return presentAnnotation(input.annotations[key.id])
}

export async function registerExternalKey(_: unknown, args: { appKey: string; account: string }, ctx: Context) {
  const checked = validateExternalKey(args, ctx.vtex.account)
  if (!checked.ok) throw invalidFields(checked.errors)
  const entry: RawExternalKey = { ...checked.value, addedDate: now().toISOString(), isActive: true }
  await requestData(ctx).storage.update<RawExternalKey[], void>('externalKeys', current => {
    const list = current ?? []
    if (list.some(e => e.appKey === entry.appKey)) return { refused: refusalError({ ok: false, code: 'CONFLICT', message: `${quote(entry.appKey, 80)} is already registered.` }) }
    return { value: [...list, entry], result: undefined }
  }).catch(e => { throw e instanceof Error && 'extensions' in e ? e : toResolverError(e) })
  const roles = await ctx.clients.licenseManagerApi.rolesOf(ctx.vtex.adminUserAuthToken!, entry.appKey).then(rs => ({ ok: true as const, rs }), () => ({ ok: false as const }))
  const added = { ...entry, rolesKnown: roles.ok, roles: roles.ok ? roles.rs.map(r => ({ id: r.id, name: r.name, isAdmin: false, roleType: 0, products: [] })) : [] }
  await reflectExternalKey(ctx, entry.appKey, added)
  return { ...added, findings: [] }
}

export async function removeExternalKey(_: unknown, args: { appKey: string }, ctx: Context) {
  const removed = await requestData(ctx).storage.update<RawExternalKey[], boolean>('externalKeys', current => {
    const list = current ?? []
    return { value: list.filter(e => e.appKey !== args.appKey), result: list.some(e => e.appKey === args.appKey) }
  }).catch(e => { throw toResolverError(e) })
  if (removed) await reflectExternalKey(ctx, args.appKey, null)
  return removed
}
