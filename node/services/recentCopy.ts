// The recent copy (issue 13): the last complete live read of the account, kept so pages answer
// at once instead of re-reading every key's roles from VTEX on each navigation.
// VBase holds it (a small meta document and the body), so every replica and a new replica see
// the same copy; each replica keeps the body it last read in memory, keyed by version, and checks
// only the small meta document per request. Who may see it is decided by the caller
// (requestData), on the admin's own session, every time.
import { createHash, randomUUID } from 'crypto'

import type { AppStorage } from '../clients/appStorage'
import { ConflictError } from '../clients/appStorage'
import { fromStoredCopy } from '../domain/inventory'
import type { Inventory, KeyEntry } from '../domain/types'

export const COPY_META = 'recent-meta.json'
export const COPY_BODY = 'recent.json'
/**
 * `{ changedAtMs }` of a change made through Key Steward while there was no copy yet (the very
 * first read still running): that read may predate the change, so the copy it saves is stale.
 */
export const COPY_CHANGED = 'recent-changed.json'

export interface CopyMeta {
  version: string
  /** the inventory's own time (the service clock) */
  generatedAt: string
  /** real epoch ms when the read ended: the copy's age is measured from it */
  readAtMs: number
  /** set when a write made through Key Steward could not be patched in: revalidate at once */
  stale?: boolean
  /** real epoch ms of the last change made through Key Steward (patched in, or marked stale) */
  changedAtMs?: number
  /**
   * What the body holds, apart from what each read counts anew (contentOf): a read that finds
   * the account as it was keeps the version and writes only this document (absent on copies
   * patched or saved before it existed: the next read writes its body)
   */
  content?: string
}

export interface Copy {
  meta: CopyMeta
  inventory: Inventory
}

/**
 * By place (placeOf: account and workspace): each workspace has its own VBase, so its own copy;
 * keyed by account alone, two workspaces on one replica evicted each other's body.
 */
const memory = new Map<string, Copy>()
/** By place: a meta version this replica found naming a body it is not (readCopy). */
const mismatched = new Map<string, string>()

/** Forgets this replica's memory (tests of a "new replica"). */
export function forgetMemory(): void {
  memory.clear()
  mismatched.clear()
}

/** Only the small meta document: the copy's version and age, for polling. */
export async function readMeta(storage: AppStorage): Promise<CopyMeta | null> {
  return (await storage.read<CopyMeta>('snapshots', COPY_META)).value
}

export async function readCopy(
  place: string,
  storage: AppStorage
): Promise<Copy | null> {
  const meta = (await storage.read<CopyMeta>('snapshots', COPY_META)).value

  if (!meta) {
    memory.delete(place)

    return null
  }

  const mine = memory.get(place)

  if (mine && mine.meta.version === meta.version)
    return { meta, inventory: mine.inventory }
  const body = (
    await storage.read<{ version: string; inventory: Inventory }>(
      'snapshots',
      COPY_BODY
    )
  ).value

  // Another replica is between writing the body and the meta: treat as no copy this time. If
  // it never writes the meta (stopped, or lost a race), the next read here writes a body again
  // instead of keeping this meta's version (saveCopy).
  if (!body || body.version !== meta.version) {
    mismatched.set(place, meta.version)

    return null
  }
  // A body without its lists (written by hand, cut short) is no copy either, not a crash.
  if (!wellFormed(body.inventory)) return null
  const inventory = fromStoredCopy(body.inventory)

  memory.set(place, { meta, inventory })

  return { meta, inventory }
}

function wellFormed(inventory: Inventory | undefined): inventory is Inventory {
  const subjects = (list: unknown) =>
    Array.isArray(list) &&
    list.every((s: { roles?: unknown } | null) => Array.isArray(s?.roles))

  // a key's creation time is parsed when the copy is read back (fromStoredCopy): a key without
  // one as text would fail every page reading the copy, instead of a live read replacing it
  return (
    !!inventory &&
    Array.isArray(inventory.roles) &&
    subjects(inventory.keys) &&
    inventory.keys.every((k) => typeof k.createdAt === 'string') &&
    subjects(inventory.users) &&
    subjects(inventory.externalKeys)
  )
}

/**
 * What a copy holds that a read can change: its lists, without what every read counts again (a
 * key's age, its parsed creation time) or the read's time. A role shared with the catalog is
 * named by its id (the catalog is hashed once); any other is hashed whole.
 */
export function contentOf(inventory: Inventory): string {
  const catalog = new Set(inventory.roles)
  const roles = (list: Inventory['keys'][number]['roles']) =>
    list.map((r) => (catalog.has(r) ? r.id : r))

  return createHash('sha256')
    .update(
      JSON.stringify({
        complete: inventory.complete,
        missing: inventory.missing,
        usersKnown: inventory.usersKnown,
        roles: inventory.roles,
        keys: inventory.keys.map(({ ageDays: _a, createdMs: _c, ...k }) => ({
          ...k,
          roles: roles(k.roles),
        })),
        users: inventory.users.map((u) => ({ ...u, roles: roles(u.roles) })),
        externalKeys: inventory.externalKeys.map((e) => ({
          ...e,
          roles: roles(e.roles),
        })),
      })
    )
    .digest('base64')
}

/**
 * Body first, then meta: a reader that sees the new meta finds the body it names. A read that
 * finds the account as the copy in VBase has it (the usual case: keys change seldom) keeps that
 * copy's version and writes only the meta with the new read time: no body of megabytes written
 * again, and no replica reads it again or works out the policy's findings again (they are kept
 * by version). That meta is written only if it is still the one read (If-Match): when another
 * replica wrote in between, or this replica saw the meta name another body, the body is written
 * again under a new version, so body and meta never stay apart.
 */
export async function saveCopy(
  place: string,
  storage: AppStorage,
  inventory: Inventory,
  readAtMs = Date.now()
): Promise<Copy> {
  // with no read start given, saveOver always saves
  return (await saveOver(
    place,
    storage,
    inventory,
    readAtMs,
    await metaOf(storage)
  )) as Copy
}

/** The meta document with its etag; null when it cannot be read (the body is written then). */
const metaOf = (storage: AppStorage) =>
  storage.read<CopyMeta>('snapshots', COPY_META).catch(() => null)

/**
 * saveCopy over the meta document as the caller read it. With `startedAtMs` (a live read's
 * start): when the meta changed since it was read and the change is an action made through Key
 * Steward after that start (patched in), the read is not saved (null): it may predate it.
 */
async function saveOver(
  place: string,
  storage: AppStorage,
  inventory: Inventory,
  readAtMs: number,
  current: { value: CopyMeta | null; etag: string | null } | null,
  marks: Pick<CopyMeta, 'stale' | 'changedAtMs'> = {},
  startedAtMs?: number
): Promise<Copy | null> {
  const content = contentOf(inventory)
  const stored: Inventory = { ...inventory, source: 'LIVE' }
  const meta = current?.value

  if (
    meta?.content === content &&
    current?.etag &&
    mismatched.get(place) !== meta.version
  ) {
    const kept: CopyMeta = {
      version: meta.version,
      generatedAt: inventory.generatedAt,
      readAtMs,
      content,
    }

    const written = await storage
      .write('snapshots', kept, current.etag, COPY_META)
      .then(
        () => true,
        (e) => {
          if (e instanceof ConflictError) return false
          throw e
        }
      )

    if (written) {
      memory.set(place, { meta: kept, inventory: stored })

      return { meta: kept, inventory: stored }
    }
    // another write landed in between: a key action patched in after the read began is kept
    if (startedAtMs !== undefined && (await changedSince(storage, startedAtMs)))
      return null
  }

  const fresh: CopyMeta = {
    version: randomUUID(),
    generatedAt: inventory.generatedAt,
    readAtMs,
    content,
    ...marks,
  }

  await storage.write(
    'snapshots',
    { version: fresh.version, inventory: stored },
    null,
    COPY_BODY
  )
  if (!(await metaOver(storage, fresh, { over: current, startedAtMs })))
    return null
  memory.set(place, { meta: fresh, inventory: stored })
  mismatched.delete(place)

  return { meta: fresh, inventory: stored }
}

/**
 * Writes a live read's meta over the meta its save was decided on (If-Match). A key action
 * patched in since then wrote its own body, which the read's body has just replaced: its meta is
 * left in place (false), so meta and body disagree and every replica reads VTEX again (readCopy)
 * instead of serving a copy without that action. Any other write in between (another replica's
 * read) is written over, as before.
 */
async function metaOver(
  storage: AppStorage,
  meta: CopyMeta,
  {
    over,
    startedAtMs,
  }: { over: { etag: string | null } | null; startedAtMs?: number }
): Promise<boolean> {
  if (startedAtMs !== undefined && over?.etag) {
    const written = await storage
      .write('snapshots', meta, over.etag, COPY_META)
      .then(
        () => true,
        (e) => {
          if (e instanceof ConflictError) return false
          throw e
        }
      )

    if (written) return true
    if (await changedSince(storage, startedAtMs)) return false
  }

  await storage.write('snapshots', meta, null, COPY_META)

  return true
}

/**
 * A live read's result as the copy, unless Key Steward changed the account while the read ran
 * (a key action patched in or marked stale after `startedAtMs`): what the read saw may predate
 * that change, so the copy stays as the change left it, marked stale, and the next page reads
 * again. Null when not saved.
 */
export async function saveRead(
  place: string,
  storage: AppStorage,
  inventory: Inventory,
  startedAtMs: number
): Promise<Copy | null> {
  const current = await metaOf(storage)

  // The meta could not be read: a change made during the read (patched in there) cannot be
  // ruled out, and writing over it would serve what predates it. Not saved; the next read tries.
  if (!current) return null
  const meta = current.value
  const changed = notAhead(
    meta ? meta.changedAtMs : await changedWithoutCopy(storage)
  )

  if (typeof changed === 'number' && changed >= startedAtMs) {
    // No copy yet: this read is the only one there is. Saved, but stale: served, read again at once.
    if (!meta)
      return saveOver(place, storage, inventory, Date.now(), current, {
        stale: true,
        changedAtMs: changed,
      })
    // a time ahead is written back as now (notAhead), or no later read would be saved either
    if (meta.stale !== true || meta.changedAtMs !== changed)
      await storage
        .write(
          'snapshots',
          { ...meta, stale: true, changedAtMs: changed },
          current.etag,
          COPY_META
        )
        .catch(() => undefined) // another write landed: it is newer still

    return null
  }

  // the meta read once: the one the copy is kept over (If-Match) is the one checked here
  return saveOver(
    place,
    storage,
    inventory,
    Date.now(),
    current,
    {},
    startedAtMs
  )
}

/** Whether the meta now records a change made through Key Steward at or after `startedAtMs`
 * (or cannot be read: then one cannot be ruled out). */
async function changedSince(
  storage: AppStorage,
  startedAtMs: number
): Promise<boolean> {
  const now = await metaOf(storage)
  const at = notAhead(now?.value?.changedAtMs)

  return !now || (typeof at === 'number' && at >= startedAtMs)
}

/**
 * Applies a change made through Key Steward to the copy (a key action, an external key), so the
 * admin sees it at once. Keeps the read time (the rest of the copy is as old as it was).
 */
export async function patchCopy(
  place: string,
  storage: AppStorage,
  patch: (inventory: Inventory) => Inventory
): Promise<boolean> {
  const copy = await readCopy(place, storage)

  if (!copy) {
    // nothing to patch: a read running now (maybe the very first) must not save what predates it
    await markStale(storage)

    return false
  }
  const inventory = patch(copy.inventory)
  // not hashed here: a patch is small and frequent; the next read writes its body again
  const { content: _content, ...rest } = copy.meta
  const meta: CopyMeta = {
    ...rest,
    version: randomUUID(),
    changedAtMs: Date.now(),
  }

  await storage.write(
    'snapshots',
    { version: meta.version, inventory },
    null,
    COPY_BODY
  )
  await storage.write('snapshots', meta, null, COPY_META)
  memory.set(place, { meta, inventory })

  return true
}

/**
 * A change that cannot be patched in: the copy is still served but revalidated at once. With no
 * copy yet, the change is noted (COPY_CHANGED) for the read that will save the first one.
 */
export async function markStale(storage: AppStorage): Promise<void> {
  const meta = (await storage.read<CopyMeta>('snapshots', COPY_META)).value

  if (meta)
    await storage.write(
      'snapshots',
      { ...meta, stale: true, changedAtMs: Date.now() },
      null,
      COPY_META
    )
  else await noteChange(storage, Date.now())
}

/** Tries at writing the note over another replica's before writing it anyway. */
const NOTE_ATTEMPTS = 4

/**
 * Notes a change made while there is no copy, keeping a later one another replica noted at the
 * same time (If-Match): written over it, a read that began between the two would be saved as
 * fresh though the later change was made while it ran.
 */
async function noteChange(storage: AppStorage, at: number): Promise<void> {
  for (let i = 0; i < NOTE_ATTEMPTS; i++) {
    const noted = await storage
      .read<{ changedAtMs?: unknown }>('snapshots', COPY_CHANGED)
      .catch(() => null)

    if (!noted) break // unread: noted as before, without the check
    const before = noted.value?.changedAtMs

    if (typeof before === 'number' && before >= at) return
    const written = await storage
      .write('snapshots', { changedAtMs: at }, noted.etag, COPY_CHANGED)
      .then(
        () => true,
        (e) => {
          if (e instanceof ConflictError) return false
          throw e
        }
      )

    if (written) return
  }

  await storage.write('snapshots', { changedAtMs: at }, null, COPY_CHANGED)
}

/**
 * A change's time, never ahead of this replica's clock: a time ahead (a replica whose clock runs
 * fast, a bad document) would make every read until then "older than the change", so none would
 * be saved and the copy would stay stale for as long. Read as now, it makes the read running
 * now stale once, and the next one is the copy.
 */
const notAhead = (at: number | null | undefined) =>
  typeof at === 'number' && Number.isFinite(at) ? Math.min(at, Date.now()) : at

/** When Key Steward last changed the account while there was no copy (markStale); null if never.
 * When the note cannot be read, a change may have been made: now (the read is saved stale). */
async function changedWithoutCopy(storage: AppStorage): Promise<number | null> {
  const noted = await storage
    .read<{ changedAtMs?: unknown }>('snapshots', COPY_CHANGED)
    .catch(() => 'UNREAD' as const)

  if (noted === 'UNREAD') return Date.now()
  const at = noted?.value?.changedAtMs

  return typeof at === 'number' && Number.isFinite(at) ? at : null
}

/** The key as VTEX showed it when read again after an action, in place of the copy's entry. */
export function withKey(
  inventory: Inventory,
  key: Omit<KeyEntry, 'ageDays' | 'createdMs' | 'roles'> & {
    roles: Array<{ id: number; name: string }>
  }
): Inventory {
  const catalog = new Map(inventory.roles.map((r) => [r.id, r]))

  return {
    ...inventory,
    keys: inventory.keys.map((k) =>
      k.id !== key.id
        ? k
        : {
            ...k,
            label: key.label,
            isActive: key.isActive,
            rolesKnown: key.rolesKnown,
            roles: key.rolesKnown
              ? key.roles.map(
                  (r) =>
                    catalog.get(r.id) ?? {
                      id: r.id,
                      name: r.name,
                      isAdmin: false,
                      roleType: 0,
                      products: [],
                    }
                )
              : k.roles,
          }
    ),
  }
}
