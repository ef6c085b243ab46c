import type { AppStorage } from '../clients/appStorage'
import { ConflictError } from '../clients/appStorage'
import type { Inventory } from '../domain/types'
import type { CopyMeta } from './recentCopy'
import {
  COPY_BODY,
  COPY_CHANGED,
  COPY_META,
  forgetMemory,
  markStale,
  patchCopy,
  readCopy,
  saveCopy,
  saveRead,
  withKey,
} from './recentCopy'

/**
 * VBase as AppStorage sees it, counting reads of each document: a document's etag is its content
 * (a write with an etag that is no longer the document's is refused as VBase refuses it: 412), and
 * `between` runs once right after a read of `path` (another replica acting in between).
 */
function fakeStorage() {
  const files = new Map<string, unknown>()
  const reads: string[] = []
  const writes: string[] = []
  const between: { path?: string; act?: () => void } = {}
  /** documents whose reads fail (VBase answering 5xx past the retries) */
  const failing = new Set<string>()
  const etagOf = (v: unknown) => (v === undefined ? null : JSON.stringify(v))
  const storage = {
    async read(bucket: string, path: string) {
      reads.push(path)
      if (failing.has(path)) throw new Error(`VBase GET ${bucket}/${path}: 503`)
      const v = files.get(`${bucket}/${path}`)
      const answer = {
        value: v === undefined ? null : JSON.parse(JSON.stringify(v)),
        etag: etagOf(v),
      }

      if (between.path === path && between.act) {
        const { act } = between

        between.act = undefined
        act()
      }

      return answer
    },
    async write(
      bucket: string,
      value: unknown,
      etag: string | null,
      path: string
    ) {
      if (etag !== null && etag !== etagOf(files.get(`${bucket}/${path}`)))
        throw new ConflictError('snapshots', false)
      writes.push(path)
      files.set(`${bucket}/${path}`, JSON.parse(JSON.stringify(value)))
    },
  }

  return {
    storage: storage as unknown as AppStorage,
    files,
    reads,
    writes,
    between,
    failing,
  }
}

/** As assembleInventory makes it: the key's role is the catalog's object. */
const inventory = (): Inventory => {
  const owner = {
    id: 1,
    name: 'Owner (Admin Super)',
    isAdmin: true,
    roleType: 0,
    products: [],
  }

  return {
    source: 'LIVE',
    generatedAt: '2026-11-26T12:00:00.000Z',
    complete: true,
    missing: [],
    externalKeys: [],
    users: [],
    roles: [owner],
    keys: [
      {
        id: 'k1',
        appKey: 'vtexappkey-acme-AAA',
        label: 'ERP',
        createdAt: '2026-01-01T00:00:00Z',
        createdMs: Date.parse('2026-01-01T00:00:00Z'),
        isActive: true,
        ageDays: 329,
        rolesKnown: true,
        roles: [owner],
      },
    ],
  }
}

/**
 * Right after the next read of the meta, another replica patches a deactivation of k1 into the
 * copy (body, then meta), as a key action does (patchCopy).
 */
function deactivationBetween(
  { files, between }: Pick<ReturnType<typeof fakeStorage>, 'files' | 'between'>,
  meta: CopyMeta
) {
  between.path = COPY_META
  between.act = () => {
    const deactivated = inventory()

    deactivated.keys[0].isActive = false
    files.set(`snapshots/${COPY_BODY}`, {
      version: 'patched',
      inventory: deactivated,
    })
    files.set(`snapshots/${COPY_META}`, {
      ...meta,
      content: undefined,
      version: 'patched',
      changedAtMs: Date.now(),
    })
  }
}

beforeEach(() => forgetMemory())

describe('recent copy', () => {
  it('is none until a complete read is saved', async () => {
    const { storage } = fakeStorage()

    expect(await readCopy('acme', storage)).toBeNull()
  })

  it('is none when a stored key has no creation time as text (a live read replaces it, no page fails)', async () => {
    const { storage, files } = fakeStorage()

    await saveCopy('acme', storage, inventory(), 1_000)
    forgetMemory()
    const body = [...files.entries()].find(([path]) =>
      path.endsWith(COPY_BODY)
    )!

    ;(
      body[1] as { inventory: { keys: Array<{ createdAt: unknown }> } }
    ).inventory.keys[0].createdAt = 1530713348000
    expect(await readCopy('acme', storage)).toBeNull()
  })

  it('a new replica (empty memory) starts warm from VBase; a warm replica reads only the small meta document', async () => {
    const { storage, reads } = fakeStorage()
    const saved = await saveCopy('acme', storage, inventory(), 1_000)

    reads.length = 0
    const warm = await readCopy('acme', storage)

    expect(warm!.meta.version).toBe(saved.meta.version)
    expect(reads).toEqual([COPY_META])
    forgetMemory()
    reads.length = 0
    const cold = await readCopy('acme', storage)

    expect(cold!.inventory.keys[0].id).toBe('k1')
    // roles read back from JSON are the catalog's objects again (the engine decides each once)
    expect(cold!.inventory.keys[0].roles[0]).toBe(cold!.inventory.roles[0])
    expect(cold!.meta.readAtMs).toBe(1_000)
    expect(reads).toEqual([COPY_META, COPY_BODY])
  })

  it("another replica's newer copy replaces what this replica remembers", async () => {
    const { storage } = fakeStorage()

    await saveCopy('acme', storage, inventory())
    forgetMemory()
    const other = inventory()

    other.keys[0].label = 'ERP (renamed)'
    await saveCopy('acme', storage, other)
    expect((await readCopy('acme', storage))!.inventory.keys[0].label).toBe(
      'ERP (renamed)'
    )
  })

  it('a body that does not match its meta (a write in between) is no copy, not a wrong one', async () => {
    const { storage, files } = fakeStorage()

    await saveCopy('acme', storage, inventory())
    forgetMemory()
    files.set(`snapshots/${COPY_BODY}`, {
      version: 'someone-else',
      inventory: inventory(),
    })
    expect(await readCopy('acme', storage)).toBeNull()
  })

  it('a body without its lists is no copy, not a crash', async () => {
    const { storage, files } = fakeStorage()
    const saved = await saveCopy('acme', storage, inventory())

    for (const broken of [
      { ...inventory(), users: undefined },
      { ...inventory(), keys: [{ id: 'k1' }] },
      { ...inventory(), roles: null },
    ]) {
      forgetMemory()
      files.set(`snapshots/${COPY_BODY}`, {
        version: saved.meta.version,
        inventory: broken,
      })
      expect(await readCopy('acme', storage)).toBeNull()
    }
  })

  it('a key action is patched in with a new version, keeping the read time', async () => {
    const { storage } = fakeStorage()
    const saved = await saveCopy('acme', storage, inventory(), 5_000)
    const ok = await patchCopy('acme', storage, (inv) =>
      withKey(inv, {
        id: 'k1',
        appKey: 'vtexappkey-acme-AAA',
        label: 'ERP',
        createdAt: '2026-01-01T00:00:00Z',
        isActive: false,
        rolesKnown: true,
        roles: [{ id: 1, name: 'Owner (Admin Super)' }],
      })
    )

    expect(ok).toBe(true)
    forgetMemory()
    const after = (await readCopy('acme', storage))!

    expect(after.meta.version).not.toBe(saved.meta.version)
    expect(after.meta.readAtMs).toBe(5_000)
    expect(after.inventory.keys[0]).toEqual(
      expect.objectContaining({
        isActive: false,
        roles: [expect.objectContaining({ id: 1, isAdmin: true })],
      })
    )
  })

  it('a change that cannot be patched marks the copy stale (served, and read again)', async () => {
    const { storage } = fakeStorage()

    await saveCopy('acme', storage, inventory())
    await markStale(storage)
    expect((await readCopy('acme', storage))!.meta.stale).toBe(true)
  })

  it('a read that finds the account as the copy has it keeps its version and writes only the meta, with the new read time', async () => {
    const { storage, writes } = fakeStorage()
    const first = await saveCopy('acme', storage, inventory(), 1_000)

    writes.length = 0
    // a day later: the same keys, roles and users; ages and the read's time are new
    const again = inventory()

    again.generatedAt = '2026-11-27T12:00:00.000Z'
    again.keys[0].ageDays = 330
    const saved = await saveCopy('acme', storage, again, 2_000)

    expect(saved.meta.version).toBe(first.meta.version)
    expect(writes).toEqual([COPY_META])
    forgetMemory() // another replica: the body it reads is the one the meta names
    const read = (await readCopy('acme', storage))!

    expect(read.meta).toEqual(
      expect.objectContaining({
        version: first.meta.version,
        readAtMs: 2_000,
        generatedAt: '2026-11-27T12:00:00.000Z',
      })
    )
    expect(read.inventory.keys[0].label).toBe('ERP')
  })

  it('any change a read can bring writes a new body under a new version', async () => {
    const changes: Array<(inv: Inventory) => void> = [
      (inv) => (inv.keys[0].isActive = false),
      (inv) => (inv.keys[0].label = 'ERP 2'),
      (inv) => (inv.keys[0].rolesKnown = false),
      (inv) => (inv.keys[0].roles = []),
      // the catalog's role changed (what it grants), the key still holds it by id
      (inv) => {
        inv.roles[0].products = ['License Manager']
      },
      (inv) =>
        inv.users.push({
          id: 'u1',
          email: 'ana@acme.com',
          name: 'Ana',
          isAdmin: true,
          isBlocked: false,
          rolesKnown: true,
          roles: [],
        }),
      (inv) => (inv.usersKnown = false),
    ]

    for (const change of changes) {
      const { storage, writes } = fakeStorage()
      const first = await saveCopy('acme', storage, inventory())
      const changed = inventory()

      change(changed)
      writes.length = 0
      const saved = await saveCopy('acme', storage, changed)

      expect(saved.meta.version).not.toBe(first.meta.version)
      expect(writes).toEqual([COPY_BODY, COPY_META])
    }
  })

  it('a stale copy the new read finds unchanged is kept, no longer stale; a patched copy gets its body written again', async () => {
    const { storage, writes } = fakeStorage()
    const first = await saveCopy('acme', storage, inventory())

    await markStale(storage)
    const kept = await saveCopy('acme', storage, inventory())

    expect(kept.meta.version).toBe(first.meta.version)
    expect((await readCopy('acme', storage))!.meta.stale).toBeUndefined()

    // a patch makes a new version without hashing it: the next read writes its body
    await patchCopy('acme', storage, (inv) => ({ ...inv }))
    writes.length = 0
    const after = await saveCopy('acme', storage, inventory())

    expect(writes).toEqual([COPY_BODY, COPY_META])
    expect(after.meta.version).not.toBe(first.meta.version)
  })

  it('another replica writing between the meta read and the meta write: the body is written again, body and meta agree', async () => {
    const { storage, files, between } = fakeStorage()
    const first = await saveCopy('acme', storage, inventory())
    const renamed = inventory()

    renamed.keys[0].label = 'ERP (renamed)'
    // as this replica checks the meta, another saves a different read (body, then meta)
    between.path = COPY_META
    between.act = () => {
      files.set(`snapshots/${COPY_BODY}`, {
        version: 'other',
        inventory: renamed,
      })
      files.set(`snapshots/${COPY_META}`, {
        ...first.meta,
        version: 'other',
        content: 'other',
      })
    }

    const saved = await saveCopy('acme', storage, inventory())
    const body = files.get(`snapshots/${COPY_BODY}`) as { version: string }
    const meta = files.get(`snapshots/${COPY_META}`) as CopyMeta

    expect(saved.meta.version).not.toBe(first.meta.version)
    expect(meta.version).toBe(body.version)
    forgetMemory()
    expect((await readCopy('acme', storage))!.meta.version).toBe(meta.version)
  })

  it('a meta naming a body that is not there (a replica stopped between them) is repaired by the next read, not kept', async () => {
    const { storage, files } = fakeStorage()
    const first = await saveCopy('acme', storage, inventory())

    // the other replica wrote its body and stopped before its meta
    files.set(`snapshots/${COPY_BODY}`, {
      version: 'stopped',
      inventory: inventory(),
    })
    forgetMemory()
    expect(await readCopy('acme', storage)).toBeNull()
    // the live read that follows finds the account as the meta's content says
    const saved = await saveCopy('acme', storage, inventory())

    expect(saved.meta.version).not.toBe(first.meta.version)
    forgetMemory()
    expect((await readCopy('acme', storage))!.meta.version).toBe(
      saved.meta.version
    )
  })

  it('a read that started before a change made through Key Steward leaves the changed copy, marked stale (read again at once)', async () => {
    const { storage } = fakeStorage()

    await saveCopy('acme', storage, inventory())
    const startedAtMs = Date.now() - 1_000 // the read began; then an admin deactivated k1
    const deactivated = (inv: Inventory) => ({
      ...inv,
      keys: inv.keys.map((k) => ({ ...k, isActive: false })),
    })

    await patchCopy('acme', storage, deactivated)
    const patched = (await readCopy('acme', storage))!
    // what the read saw: k1 still active
    const saved = await saveRead('acme', storage, inventory(), startedAtMs)

    expect(saved).toBeNull()
    forgetMemory()
    const after = (await readCopy('acme', storage))!

    expect(after.meta.version).toBe(patched.meta.version)
    expect(after.inventory.keys[0].isActive).toBe(false)
    expect(after.meta.stale).toBe(true)

    // a read that began after the change is the copy again
    const next = await saveRead(
      'acme',
      storage,
      deactivated(inventory()),
      Date.now()
    )

    expect(next).not.toBeNull()
    expect(next!.meta.stale).toBeUndefined()
  })

  it('a change marked stale during a read keeps the copy stale after that read', async () => {
    const { storage } = fakeStorage()

    await saveCopy('acme', storage, inventory())
    const startedAtMs = Date.now() - 1_000

    await markStale(storage)
    expect(await saveRead('acme', storage, inventory(), startedAtMs)).toBeNull()
    expect((await readCopy('acme', storage))!.meta.stale).toBe(true)
  })
  it('a key action during the very first read (no copy yet) makes the copy that read saves stale', async () => {
    const { storage } = fakeStorage()
    const startedAtMs = Date.now() - 1_000 // the first read began; then an admin deactivated k1

    expect(await patchCopy('acme', storage, (inv) => inv)).toBe(false)
    // what the read saw: k1 still active. Saved (the only copy there is), but stale
    const saved = await saveRead('acme', storage, inventory(), startedAtMs)

    expect(saved!.meta.stale).toBe(true)
    forgetMemory()
    expect((await readCopy('acme', storage))!.meta.stale).toBe(true)

    // the read started after it is the copy, not stale (+1: in the same millisecond as the
    // change it could predate it)
    const next = await saveRead('acme', storage, inventory(), Date.now() + 1)

    expect(next!.meta.stale).toBeUndefined()
  })

  it('a change noted before the first read began does not make its copy stale', async () => {
    const { storage, files } = fakeStorage()

    await markStale(storage)
    expect(files.get(`snapshots/${COPY_CHANGED}`)).toEqual({
      changedAtMs: expect.any(Number),
    })
    const saved = await saveRead('acme', storage, inventory(), Date.now() + 1)

    expect(saved!.meta.stale).toBeUndefined()
  })

  it.each([
    ['a noted change', COPY_CHANGED, false],
    ['a copy changed', COPY_META, true],
  ])(
    '%s at a time ahead of the clock (a fast replica, a bad document) makes one read stale, not every read until then',
    async (_what, doc, withCopy) => {
      const { storage, files } = fakeStorage()
      const ahead = Date.now() + 365 * 86_400_000

      if (withCopy) {
        await saveCopy('acme', storage, inventory())
        const meta = files.get(`snapshots/${COPY_META}`) as CopyMeta

        files.set(`snapshots/${doc}`, { ...meta, changedAtMs: ahead })
      } else files.set(`snapshots/${doc}`, { changedAtMs: ahead })
      // the read running now may predate the change: not the copy as it is
      const first = await saveRead(
        'acme',
        storage,
        inventory(),
        Date.now() - 1_000
      )

      expect(first === null || first.meta.stale === true).toBe(true)
      const stored = files.get(`snapshots/${COPY_META}`) as CopyMeta

      expect(stored.changedAtMs).toBeLessThanOrEqual(Date.now())
      // a read that begins after it is the copy again
      const next = await saveRead('acme', storage, inventory(), Date.now() + 1)

      expect(next).not.toBeNull()
      expect(next!.meta.stale).toBeUndefined()
    }
  )

  it('a noted change that cannot be read may have been made: the first copy is saved stale (read again at once)', async () => {
    const { storage, failing } = fakeStorage()

    failing.add(COPY_CHANGED)
    const saved = await saveRead(
      'acme',
      storage,
      inventory(),
      Date.now() - 1_000
    )

    expect(saved!.meta.stale).toBe(true)
  })

  it('a meta that cannot be read when a read ends: the read is not saved over a copy a key action patched meanwhile', async () => {
    const { storage, failing } = fakeStorage()

    await saveCopy('acme', storage, inventory())
    const startedAtMs = Date.now() - 1_000 // the read began; then an admin deactivated k1

    await patchCopy('acme', storage, (inv) => ({
      ...inv,
      keys: inv.keys.map((k) => ({ ...k, isActive: false })),
    }))
    failing.add(COPY_META)
    // what the read saw: k1 still active
    expect(await saveRead('acme', storage, inventory(), startedAtMs)).toBeNull()
    failing.clear()
    forgetMemory()
    expect((await readCopy('acme', storage))!.inventory.keys[0].isActive).toBe(
      false
    )
  })

  it('a key action patched in between the meta read and the meta write of a read that began before it is kept, not written over', async () => {
    const { storage, files, between } = fakeStorage()
    const first = await saveCopy('acme', storage, inventory())
    const startedAtMs = Date.now() - 1_000 // the read began

    // as the read's end checks the meta, another replica patches in a deactivation (body, then meta)
    deactivationBetween({ files, between }, first.meta)

    // what the read saw: k1 still active, as the copy had it
    expect(await saveRead('acme', storage, inventory(), startedAtMs)).toBeNull()
    forgetMemory()
    const after = (await readCopy('acme', storage))!

    expect(after.meta.version).toBe('patched')
    expect(after.inventory.keys[0].isActive).toBe(false)
  })

  it('a key action patched in between the check and the writes of a read that found changes: that read is not served, the action stays', async () => {
    const { storage, files, between } = fakeStorage()
    const first = await saveCopy('acme', storage, inventory())
    const startedAtMs = Date.now() - 1_000 // the read began
    // what the read saw: k1 active, renamed in VTEX (a change: its body is written, not kept)
    const read = inventory()

    read.keys[0].label = 'ERP (renamed)'
    // as the read's end checks the meta, another replica patches in a deactivation (body, then meta)
    deactivationBetween({ files, between }, first.meta)

    expect(await saveRead('acme', storage, read, startedAtMs)).toBeNull()
    expect((files.get(`snapshots/${COPY_META}`) as CopyMeta).version).toBe(
      'patched'
    )
    // no replica serves a copy without the deactivation: this one and a new one read again
    for (const replica of ['this', 'new']) {
      if (replica === 'new') forgetMemory()
      const served = await readCopy('acme', storage)

      expect(served === null || !served.inventory.keys[0].isActive).toBe(true)
    }
  })

  it('a change noted while there is no copy keeps a later one another replica noted at the same time', async () => {
    const { storage, files, between } = fakeStorage()
    const later = Date.now() + 50 // another admin's action, on another replica, just after

    // an earlier change was noted (creating the note cannot be made conditional: VBase's
    // client sends If-Match only)
    files.set(`snapshots/${COPY_CHANGED}`, { changedAtMs: 1 })
    between.path = COPY_CHANGED
    between.act = () =>
      files.set(`snapshots/${COPY_CHANGED}`, { changedAtMs: later })
    await markStale(storage)
    expect(files.get(`snapshots/${COPY_CHANGED}`)).toEqual({
      changedAtMs: later,
    })
    // an earlier note is moved on to this change
    files.set(`snapshots/${COPY_CHANGED}`, { changedAtMs: 1 })
    await markStale(storage)
    expect(
      (files.get(`snapshots/${COPY_CHANGED}`) as { changedAtMs: number })
        .changedAtMs
    ).toBeGreaterThan(1)
  })

  it('a noted change that is not a number is ignored, not a crash', async () => {
    const { storage, files } = fakeStorage()

    files.set(`snapshots/${COPY_CHANGED}`, { changedAtMs: 'soon' })
    const saved = await saveRead('acme', storage, inventory(), Date.now())

    expect(saved!.meta.stale).toBeUndefined()
  })
})
