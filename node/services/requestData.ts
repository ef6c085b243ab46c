// What one GraphQL request needs, loaded at most once per request however many fields ask:
// `{ inventory { keys { findings } } hygiene }` reads VTEX and VBase once.
import { ResolverError } from '@vtex/api'

import { AppStorage } from '../clients/appStorage'
import { now } from '../clock'
import { evaluate } from '../domain/engine'
import type { KeyFindings } from '../domain/findingsByKey'
import type { Finding } from '../domain/findings'
import type { Hygiene } from '../domain/hygiene'
import { hygieneScore, TOP_COSTS } from '../domain/hygiene'
import type { Requirement } from '../domain/resources'
import { holdsRequirement, READ } from '../domain/resources'
import type { Annotation, PolicyInput, Renewal } from '../domain/rules/types'
import type { Settings } from '../domain/settings'
import { withDefaults } from '../domain/settings'
import type { Inventory } from '../domain/types'
import type { Context } from '../typings'
import type { LeakScanResult } from '../scanner/types'
import type { Snapshot } from '../domain/scan/snapshot'
import { inventoryFromSnapshot } from '../domain/scan/snapshot'
import {
  requireAdminToken,
  toResolverError,
  withCode,
} from '../resolvers/errors'
import { loadInventory } from './loadInventory'
import { daysSince } from '../domain/age'
import { lastCompletedAt } from '../domain/review/machine'
import { keyFacts } from '../domain/keyFacts'
import { LicenseManagerApi } from '../clients/licenseManagerApi'
import { Budget, CLIENT_OPTIONS, REQUEST_BUDGET_MS } from '../clients/deadline'
import type { Outcome } from './liveRead'
import { joinLiveRead, readingHere, within } from './liveRead'
import { placeOf } from './place'
import type { SharedProgress } from './sharedProgress'
import {
  progressPublisher,
  readSharedProgress,
  sharedState,
} from './sharedProgress'
import { readCopy, saveRead } from './recentCopy'
import { checkAccess } from './sessionAccess'
import { steady, steadyFrom } from './steadyDocuments'
import { wording } from '../domain/wording'
import { worded, withWording } from './wording'

/** What one live read may spend on VTEX, retries and Retry-After waits included. */
export const LIVE_READ_BUDGET_MS = 10 * 60_000
/** "Load live data" within this long of the last complete read is answered by that read. */
export const LIVE_READ_MIN_INTERVAL_MS = 30_000

export interface ReviewsDoc {
  openId?: string | null
  completed?: Array<{ completedAt: string }>
}

export interface Evaluation {
  input: PolicyInput
  findings: Finding[]
  /** a subject's findings (a key's by its id, an external key's by appKey, a user's by id …) */
  findingsOf(subjectId: string): Finding[]
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
  /** whether the session holds every read resource (what anything derived from the account needs) */
  readsAllowed(): Promise<boolean>
}

const cache = new WeakMap<Context, RequestData>()

/** The last evaluation per account, by what it was computed from (see evaluation below). */
const evaluations = new Map<
  string,
  { key: string; result: Omit<Evaluation, 'input'> }
>()

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined

  return () => (p = p ?? fn())
}

export const LATEST_SCAN = 'latest.json'

async function readOrFail<T>(
  storage: AppStorage,
  bucket: Parameters<AppStorage['read']>[0],
  path?: string
) {
  try {
    return await storage.read<T>(bucket, path)
  } catch (e) {
    throw toResolverError(e)
  }
}

/** A cold read that outlives the request: the page keeps showing its progress and asks again. */
export function stillReading(): ResolverError {
  return withCode(
    worded(
      (m) => new ResolverError(m, 503, 'READING'),
      wording('refusal.reading')
    ),
    'READING'
  )
}

/** Another replica's read failed: its error as that replica answered it (code and wording kept). */
function failedElsewhere(ended: Outcome): Error {
  const code = ended.code ?? 'UPSTREAM_UNAVAILABLE'
  const err = worded(
    (m) => new ResolverError(m, 502, code),
    ended.wording?.message ?? wording('refusal.reading.failed')
  )

  if (ended.wording) withWording(err, ended.wording)

  return withCode(err, code)
}

/** How often a replica following another's read looks at its progress. */
const FOLLOW_POLL_MS = 1_000

/** Time a request may wait for a live read before answering otherwise (its own deadline first). */
const REQUEST_WAIT_MS = REQUEST_BUDGET_MS - 2_000

/**
 * The live read (shared by every request of the replica: liveRead.ts; followed by the other
 * replicas: sharedProgress.ts), with its own time budget and the adaptive fan-out. A complete
 * read becomes the recent copy.
 */
async function startLiveRead(
  ctx: Context,
  token: string,
  settings: Settings
): Promise<Inventory> {
  // this workspace's read: its copy and progress live in the workspace's own VBase
  const place = placeOf(ctx.vtex)
  const storage = new AppStorage(
    ctx.clients.appVBase,
    new Budget(LIVE_READ_BUDGET_MS)
  )

  // Another replica reading the account: follow its read instead of starting a second one.
  if (!readingHere(place)) {
    const other = sharedState(
      await readSharedProgress(storage).catch(() => null),
      Date.now()
    )

    if (other.reading) return follow(place, storage, other.progress)
  }

  return joinLiveRead(
    place,
    async (report) => {
      // Clients built for this request end with its deadline; the read outlives it.
      const lm = new LicenseManagerApi(ctx.vtex, {
        timeout: CLIENT_OPTIONS.timeout,
      })

      lm.budget = new Budget(LIVE_READ_BUDGET_MS)
      const startedAtMs = Date.now()

      const inventory = await loadInventory(lm, storage, token, {
        now: now(),
        concurrency: settings.roleFetchConcurrency,
        report,
      })

      if (inventory.complete) {
        report({ phase: 'SAVING' })
        const saved = await saveRead(
          place,
          storage,
          inventory,
          startedAtMs
        ).catch((e) => {
          console.warn(
            `recent copy not saved: ${String((e as Error).message).slice(
              0,
              200
            )}`
          )

          return null
        })

        // The page learns which copy it shows, so the status query does not announce it as new.
        if (saved) return { ...inventory, version: saved.meta.version }
      }

      return inventory
    },
    progressPublisher(storage)
  )
}

/**
 * Another replica's read, followed through VBase: its progress is polled until it ends, then the
 * copy it left is the answer. If it fails, its error is; if its replica stops beating (or another
 * read replaces it), the page is told the read goes on and its next request reads anew.
 */
/** The followers of other replicas' reads on this replica, by read: one poll per read, not per page. */
const following = new Map<string, Promise<Inventory>>()

function follow(
  place: string,
  storage: AppStorage,
  read: SharedProgress
): Promise<Inventory> {
  let followed = following.get(read.readId)

  if (!followed) {
    followed = followRead(place, storage, read).finally(() =>
      following.delete(read.readId)
    )
    following.set(read.readId, followed)
  }

  return followed
}

async function followRead(
  place: string,
  storage: AppStorage,
  read: SharedProgress
): Promise<Inventory> {
  const end = Date.now() + LIVE_READ_BUDGET_MS

  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, FOLLOW_POLL_MS))
    const doc = await readSharedProgress(storage).catch(() => null)
    const state = sharedState(doc, Date.now())

    if (!doc || doc.readId !== read.readId) break
    if (state.reading) continue
    if (!state.ended) break // its replica stopped
    if (!state.ended.ok) throw failedElsewhere(state.ended)
    const copy = await readCopy(place, storage)

    if (copy) return { ...copy.inventory, version: copy.meta.version }
    break
  }

  throw stillReading()
}

/** The copy's keys with ages counted to now, made once per copy and minute (not per request),
 * by place (account and workspace: each has its own copy; by account, two evicted each other). */
const aged = new Map<
  string,
  { version: string; minute: number; keys: Inventory['keys'] }
>()

function agedToNow(
  place: string,
  copy: { meta: { version: string }; inventory: Inventory },
  clock: Date
): Inventory['keys'] {
  const minute = Math.floor(clock.getTime() / 60_000)
  const kept = aged.get(place)

  if (kept && kept.version === copy.meta.version && kept.minute === minute)
    return kept.keys
  // Ages count to today, not to when the copy was read (creation times parsed with the entries).
  const keys = copy.inventory.keys.map((k) => ({
    ...k,
    ageDays: daysSince(k.createdMs, clock),
  }))

  aged.set(place, { version: copy.meta.version, minute, keys })

  return keys
}

/**
 * Each subject's findings, in order: a key's from the evaluation's grouping by position (its
 * position found in the key list's index, kept with the list), the few others by subject.
 * Worked out when a page asks, not for every subject on every evaluation.
 */
function findingsBySubject(
  account: string,
  inv: Inventory,
  byKey: KeyFindings
): (subjectId: string) => Finding[] {
  const others = new Map<string, Finding[]>()

  for (const f of byKey.others) {
    const list = others.get(f.subjectId)

    if (list) list.push(f)
    else others.set(f.subjectId, [f])
  }

  const { positionOf } = keyFacts(inv.keys, { account, version: inv.version })

  // kept as asked: the keys page asks for every key's findings on each visit
  const asked = new Map<string, Finding[]>()

  return (subjectId) => {
    let found = asked.get(subjectId)

    if (!found) {
      const at = positionOf().get(subjectId)
      const mine = at === undefined ? [] : byKey.of(at)
      const other = others.get(subjectId)

      found = other ? [...mine, ...other] : mine
      asked.set(subjectId, found)
    }

    return found
  }
}

/** What is kept per account and workspace (VBase documents are per workspace). */
const documentName = (ctx: Context, what: string) =>
  `${placeOf(ctx.vtex)}/${what}`

export function requestData(ctx: Context): RequestData {
  const existing = cache.get(ctx)

  if (existing) return existing
  const storage = new AppStorage(ctx.clients.appVBase)
  const clock = now()

  const settings = once(async () => {
    const doc = await readOrFail<Partial<Settings>>(storage, 'settings')

    return {
      value: steadyFrom(documentName(ctx, 'settings'), doc.etag, () =>
        withDefaults(doc.value)
      ),
      etag: doc.etag,
    }
  })

  /** Whether this session may see anything derived from the account (asked on its own session). */
  const readsAllowed = once(() =>
    Promise.all(READ.map((r) => holds(r))).then(
      (a) => a.every(Boolean),
      () => false
    )
  )

  const inventory = once(async (): Promise<Inventory> => {
    const state: Partial<State> = ctx.state ?? {}

    // The scheduled scan has no admin: it reads with the app's own token and manifest policies.
    if (state.asApp) {
      const { value } = await settings()

      return loadInventory(
        ctx.clients.licenseManagerApi,
        storage,
        ctx.vtex.authToken,
        { now: clock, concurrency: value.roleFetchConcurrency }
      )
    }

    const token = requireAdminToken(ctx)
    const { value } = await settings()
    const started = Date.now()

    if (value.recentCopyMaxAgeMinutes > 0) {
      const copy = await readCopy(placeOf(ctx.vtex), storage).catch(() => null)
      const sinceRead = copy ? Date.now() - copy.meta.readAtMs : 0
      const ageMs = Math.max(0, sinceRead)
      // a read time ahead of the clock (a skewed replica, a bad document) is not "just read"
      const justRead = sinceRead >= 0 && sinceRead < LIVE_READ_MIN_INTERVAL_MS

      // Never to a session without the read resources, whatever field asked. "Load live data"
      // right after a read gets that read: a new one would ask VTEX for every key and user again.
      if (
        copy &&
        (!state.live || (justRead && copy.meta.stale !== true)) &&
        (await readsAllowed())
      ) {
        const revalidating =
          copy.meta.stale === true ||
          ageMs > value.recentCopyMaxAgeMinutes * 60_000

        if (revalidating)
          startLiveRead(ctx, token, value).catch(() => undefined)
        const keys = agedToNow(placeOf(ctx.vtex), copy, clock)

        return {
          ...copy.inventory,
          // a read that found nothing changed kept the copy (and its body) with a new time
          generatedAt: copy.meta.generatedAt ?? copy.inventory.generatedAt,
          keys,
          source: 'RECENT',
          version: copy.meta.version,
          ageSeconds: Math.floor(ageMs / 1000),
          revalidating,
        }
      }
    }

    // The shared read may have been started with another admin's session: only a session that
    // may read everything joins it; any other reads with its own token (VTEX answers 403).
    if (!(await readsAllowed()))
      return loadInventory(ctx.clients.licenseManagerApi, storage, token, {
        now: clock,
        concurrency: value.roleFetchConcurrency,
      })
    const live = startLiveRead(ctx, token, value)
    const waitMs = (ms: number) =>
      Math.max(0, Math.min(ms, REQUEST_WAIT_MS - (Date.now() - started)))

    if (!state.live) {
      const first = await within(
        live,
        waitMs(value.liveReadTimeoutSeconds * 1000)
      ).catch(() => null)

      if (first) return first.value
      // The daily scan's copy, only to an admin who holds the same read resources.
      const snapshot = await storage
        .read<Snapshot>('snapshots', 'latest.json')
        .then(
          (r) => r.value,
          () => null
        )

      if (snapshot && (await readsAllowed())) {
        live.catch(() => undefined) // it goes on; the copy it leaves serves the next request

        return inventoryFromSnapshot(snapshot, clock)
      }
    }

    const done = await within(live, waitMs(REQUEST_WAIT_MS))

    if (done) return done.value
    live.catch(() => undefined)
    throw stillReading()
  })

  const evaluation = once(async () => {
    const [
      inv,
      { value: s, etag: settingsTag },
      annotations,
      renewals,
      reviews,
      leakScan,
    ] = await Promise.all([
      inventory(),
      settings(),
      readOrFail<Record<string, Annotation>>(storage, 'annotations'),
      readOrFail<Record<string, Renewal>>(storage, 'renewals'),
      readOrFail<ReviewsDoc>(storage, 'reviews'),
      readOrFail<LeakScanResult>(storage, 'leakScans', LATEST_SCAN),
    ])

    const input: PolicyInput = {
      account: ctx.vtex.account,
      now: clock,
      inventory: inv,
      settings: s,
      // the same objects while the documents are unchanged: the engine reuses findings by them
      annotations: steady(
        documentName(ctx, 'annotations'),
        annotations.etag,
        annotations.value ?? {}
      ),
      renewals: steady(
        documentName(ctx, 'renewals'),
        renewals.etag,
        renewals.value ?? {}
      ),
      lastReviewCompletedAt: lastCompletedAt(reviews.value),
      leakScan: steady(
        documentName(ctx, 'leakScan'),
        leakScan.etag,
        leakScan.value
      ),
    }

    // The same copy, documents and minute give the same findings: the pages of one visit (and
    // their polling) evaluate the policy once. Only the recent copy has a version to key on.
    const key = inv.version
      ? [
          inv.version,
          settingsTag,
          annotations.etag,
          renewals.etag,
          reviews.etag,
          leakScan.etag,
          Math.floor(clock.getTime() / 60_000),
        ].join('|')
      : null

    const cached = key
      ? evaluations.get(documentName(ctx, 'evaluation'))
      : undefined

    if (cached && cached.key === key) return { input, ...cached.result }
    const { findings, byKey } = evaluate(input)
    const result = {
      findings,
      findingsOf: findingsBySubject(ctx.vtex.account, inv, byKey),
      hygiene: hygieneScore(inv, findings, byKey, TOP_COSTS),
    }

    if (key) evaluations.set(documentName(ctx, 'evaluation'), { key, result })

    return { input, ...result }
  })

  const accessCache = new Map<string, Promise<boolean>>()
  const access = (key: string): Promise<boolean> => {
    if (!accessCache.has(key)) {
      accessCache.set(
        key,
        (async () => {
          const token = requireAdminToken(ctx)

          return checkAccess({ account: ctx.vtex.account, token }, key, () =>
            ctx.clients.licenseManagerApi.canAccess(token, key)
          )
        })()
      )
    }

    return accessCache.get(key)!
  }

  const holds = (requirement: Requirement) =>
    holdsRequirement(requirement, access)

  const data = {
    storage,
    settings,
    inventory,
    evaluation,
    access,
    holds,
    readsAllowed,
  }

  cache.set(ctx, data)

  return data
}

/**
 * Forgets what this request loaded, after a write of its own changed it (e.g. an external key
 * registered and patched into the recent copy): fields resolved next read the new state.
 */
export function forgetRequestData(ctx: Context): void {
  cache.delete(ctx)
}
