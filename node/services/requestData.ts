// What one GraphQL request needs, loaded at most once per request however many fields ask:
// `{ inventory { keys { findings } } hygiene }` reads VTEX and VBase once.
import { AppStorage } from '../clients/appStorage'
import { now } from '../clock'
import { evaluatePolicy } from '../domain/engine'
import type { Finding } from '../domain/findings'
import { Hygiene, hygieneScore } from '../domain/hygiene'
import { holdsRequirement, READ, Requirement } from '../domain/resources'
import type { Annotation, PolicyInput, Renewal } from '../domain/rules/types'
import { Settings, withDefaults } from '../domain/settings'
import type { Inventory } from '../domain/types'
import type { Context } from '../typings'
import type { LeakScanResult } from '../scanner/types'
import { inventoryFromSnapshot, Snapshot } from '../domain/scan/snapshot'
import { requireAdminToken, toResolverError } from '../resolvers/errors'
import { loadInventory } from './loadInventory'

export interface ReviewsDoc { openId?: string | null; completed?: Array<{ completedAt: string }> }

export interface Evaluation {
  input: PolicyInput
  findings: Finding[]
  bySubject: Map<string, Finding[]>
  hygiene: Hygiene
}

interface RequestData {
  storage: AppStorage
  /** whether the admin's session holds a License Manager resource (by key), asked once per request */
  access(resourceKey: string): Promise<boolean>
  /** whether it holds a requirement: its alternatives asked in order, up to the first yes */
  holds(requirement: Requirement): Promise<boolean>
  settings(): Promise<{ value: Settings; etag: string | null }>
  inventory(): Promise<Inventory>
  evaluation(): Promise<Evaluation>
}

const cache = new WeakMap<Context, RequestData>()

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined
  return () => (p = p ?? fn())
}

export const LATEST_SCAN = 'latest.json'

async function readOrFail<T>(storage: AppStorage, bucket: Parameters<AppStorage['read']>[0], path?: string) {
  try {
    return await storage.read<T>(bucket, path)
  } catch (e) {
    throw toResolverError(e)
  }
}

/**
 * The live read, unless it takes longer than `timeoutMs`: then the daily scan's copy, but only
 * to an admin who holds the same read resources (checked on their own session).
 */
async function liveOrSnapshot(ctx: Context, storage: AppStorage, token: string, live: Promise<Inventory>, timeoutMs: number, at: Date): Promise<Inventory> {
  let timer: NodeJS.Timeout | undefined
  const slow = new Promise<null>(resolve => { timer = setTimeout(() => resolve(null), timeoutMs) })
  const first = await Promise.race([live.then(v => ({ v }), () => null), slow])
  clearTimeout(timer)
  if (first) return first.v
  const snapshot = await storage.read<Snapshot>('snapshots', 'latest.json').then(r => r.value, () => null)
  if (!snapshot) return live
  const allowed = await Promise.all(READ.map(r => requestData(ctx).holds(r))).then(a => a.every(Boolean), () => false)
  if (!allowed) return live
  live.catch(() => undefined) // it goes on in the background; its failure no longer matters
  return inventoryFromSnapshot(snapshot, at)
}

export function requestData(ctx: Context): RequestData {
  const existing = cache.get(ctx)
  if (existing) return existing
  const storage = new AppStorage(ctx.clients.appVBase)
  const clock = now()

  const settings = once(async () => {
    const doc = await readOrFail<Partial<Settings>>(storage, 'settings')
    return { value: withDefaults(doc.value), etag: doc.etag }
  })

  const inventory = once(async () => {
    const state: Partial<State> = ctx.state ?? {}
    // The scheduled scan has no admin: it reads with the app's own token and manifest policies.
    const token = state.asApp ? ctx.vtex.authToken : requireAdminToken(ctx)
    const { value } = await settings()
    const live = loadInventory(ctx.clients.licenseManagerApi, storage, token, { now: clock, concurrency: value.roleFetchConcurrency })
    if (state.asApp || state.live) return live
    return liveOrSnapshot(ctx, storage, token, live, value.liveReadTimeoutSeconds * 1000, clock)
  })

  const evaluation = once(async () => {
    const [inv, { value: s }, annotations, renewals, reviews, leakScan] = await Promise.all([
      inventory(),
      settings(),
      readOrFail<Record<string, Annotation>>(storage, 'annotations'),
      readOrFail<Record<string, Renewal>>(storage, 'renewals'),
      readOrFail<ReviewsDoc>(storage, 'reviews'),
      readOrFail<LeakScanResult>(storage, 'leakScans', LATEST_SCAN),
    ])
    const completed = (reviews.value?.completed ?? []).map(r => r.completedAt).sort()
    const input: PolicyInput = {
      account: ctx.vtex.account,
      now: clock,
      inventory: inv,
      settings: s,
      annotations: annotations.value ?? {},
      renewals: renewals.value ?? {},
      lastReviewCompletedAt: completed.length ? completed[completed.length - 1] : null,
      leakScan: leakScan.value,
    }
    const findings = evaluatePolicy(input)
    const bySubject = new Map<string, Finding[]>()
    for (const f of findings) bySubject.set(f.subjectId, [...(bySubject.get(f.subjectId) ?? []), f])
    return { input, findings, bySubject, hygiene: hygieneScore(inv, findings) }
  })

  const accessCache = new Map<string, Promise<boolean>>()
  const access = (key: string): Promise<boolean> => {
    if (!accessCache.has(key)) accessCache.set(key, (async () => ctx.clients.licenseManagerApi.canAccess(requireAdminToken(ctx), key))())
    return accessCache.get(key)!
  }

  const holds = (requirement: Requirement) => holdsRequirement(requirement, access)

  const data = { storage, settings, inventory, evaluation, access, holds }
  cache.set(ctx, data)
  return data
}
