import type { AppStorage } from '../clients/appStorage'
import type { Inventory } from '../domain/types'
import {
  COPY_BODY,
  COPY_META,
  forgetMemory,
  markStale,
  patchCopy,
  readCopy,
  saveCopy,
  withKey,
} from './recentCopy'

/** VBase as AppStorage sees it, counting reads of each document. */
function fakeStorage() {
  const files = new Map<string, unknown>()
  const reads: string[] = []
  const storage = {
    async read(bucket: string, path: string) {
      reads.push(path)
      const v = files.get(`${bucket}/${path}`)

      return {
        value: v === undefined ? null : JSON.parse(JSON.stringify(v)),
        etag: null,
      }
    },
    async write(
      bucket: string,
      value: unknown,
      _etag: string | null,
      path: string
    ) {
      files.set(`${bucket}/${path}`, JSON.parse(JSON.stringify(value)))
    },
  }

  return { storage: storage as unknown as AppStorage, files, reads }
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
})
