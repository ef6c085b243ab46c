import { AppStorage, ConflictError } from './appStorage'

/** An in-memory VBase with ETags and If-Match, and a hook to interleave another writer. */
function fakeVBase() {
  const files = new Map<string, { data: unknown; etag: string }>()
  let seq = 0
  const hooks: { beforeWrite?: () => void; afterWrite?: () => void } = {}
  const vbase = {
    getRawJSON: async (bucket: string, path: string) => {
      const f = files.get(`${bucket}/${path}`)

      return {
        data: f ? JSON.parse(JSON.stringify(f.data)) : null,
        headers: f ? { etag: f.etag } : {},
      }
    },
    saveJSON: async (
      bucket: string,
      path: string,
      data: unknown,
      _t: unknown,
      ifMatch?: string
    ) => {
      const hook = hooks.beforeWrite

      hooks.beforeWrite = undefined
      hook?.()
      const key = `${bucket}/${path}`

      if (ifMatch !== undefined && files.get(key)?.etag !== ifMatch)
        throw Object.assign(new Error('412'), { response: { status: 412 } })
      files.set(key, { data, etag: `e${++seq}` })
      const after = hooks.afterWrite

      hooks.afterWrite = undefined
      after?.()
    },
  }

  return { vbase, files, hooks }
}

describe('AppStorage.update', () => {
  it('re-applies a change when another writer’s creation replaced ours', async () => {
    const { vbase, files, hooks } = fakeVBase()
    const storage = new AppStorage(vbase as never)

    // Both admins saw no document; the other one's create lands right after ours (creates carry
    // no precondition). Our read-back notices and applies our change on top of theirs.
    hooks.afterWrite = () =>
      files.set('annotations/annotations.json', {
        data: { k1: { owner: 'a@acme.com' } },
        etag: 'other',
      })
    await storage.update<Record<string, unknown>, void>(
      'annotations',
      (cur) => ({
        value: { ...(cur ?? {}), k2: { owner: 'b@acme.com' } },
        result: undefined,
      })
    )
    expect(files.get('annotations/annotations.json')!.data).toEqual({
      k1: { owner: 'a@acme.com' },
      k2: { owner: 'b@acme.com' },
    })
  })

  it('retries on 412 and keeps both writers’ changes', async () => {
    const { vbase, files, hooks } = fakeVBase()
    const storage = new AppStorage(vbase as never)

    await storage.update<Record<string, number>, void>('reminders', () => ({
      value: { a: 1 },
      result: undefined,
    }))
    hooks.beforeWrite = () =>
      files.set('reminders/reminders.json', {
        data: { a: 1, b: 2 },
        etag: 'moved',
      })
    await storage.update<Record<string, number>, void>('reminders', (cur) => ({
      value: { ...(cur ?? {}), c: 3 },
      result: undefined,
    }))
    expect(files.get('reminders/reminders.json')!.data).toEqual({
      a: 1,
      b: 2,
      c: 3,
    })
  })

  it('gives up with a ConflictError when writers keep colliding', async () => {
    const { vbase, files } = fakeVBase()
    const storage = new AppStorage(vbase as never)

    await storage.update<Record<string, number>, void>('reminders', () => ({
      value: { a: 1 },
      result: undefined,
    }))
    const always = {
      ...vbase,
      saveJSON: async (
        b: string,
        p: string,
        d: unknown,
        t: unknown,
        m?: string
      ) => {
        files.set(`${b}/${p}`, { data: {}, etag: `x${Math.random()}` })

        return vbase.saveJSON(b, p, d, t, m)
      },
    }

    await expect(
      new AppStorage(always as never).update<Record<string, number>, void>(
        'reminders',
        (cur) => ({ value: { ...(cur ?? {}), z: 1 }, result: undefined }),
        'reminders.json',
        3
      )
    ).rejects.toBeInstanceOf(ConflictError)
  })
})

describe('AppStorage.update when VBase answers slowly (idempotent writes)', () => {
  type Entry = { id: string }
  const timeout = () =>
    Object.assign(new Error('timeout of 5000ms exceeded'), {
      code: 'ECONNABORTED',
    })

  const append = (id: string) => (cur: Entry[] | null) => ({
    value: [...(cur ?? []), { id }],
    result: id,
  })

  it('a write that landed but whose answer was lost, then 412 on the retry: recognised as ours, not applied twice', async () => {
    const { vbase, files } = fakeVBase()

    files.set('audit/log.json', { data: [{ id: 'a' }], etag: 'e0' })
    let lost = 1
    const slow = {
      ...vbase,
      saveJSON: async (...args: Parameters<typeof vbase.saveJSON>) => {
        await vbase.saveJSON(...args)
        if (lost-- > 0) throw timeout()
      },
    }

    const result = await new AppStorage(slow as never).update<Entry[], string>(
      'audit',
      append('b'),
      'log.json',
      { applied: (cur) => !!cur?.some((e) => e.id === 'b') }
    )

    expect(result).toBe('b')
    expect(files.get('audit/log.json')!.data).toEqual([
      { id: 'a' },
      { id: 'b' },
    ])
  })

  it('a write that landed while every answer was lost: the read-back says it is there, so no failure is reported', async () => {
    const { vbase, files } = fakeVBase()

    files.set('audit/log.json', { data: [{ id: 'a' }], etag: 'e0' })
    let landed = false
    const slow = {
      ...vbase,
      saveJSON: async (...args: Parameters<typeof vbase.saveJSON>) => {
        if (!landed) {
          landed = true
          await vbase.saveJSON(...args)
        }

        throw timeout()
      },
    }

    const result = await new AppStorage(slow as never).update<Entry[], string>(
      'audit',
      append('b'),
      'log.json',
      { applied: (cur) => !!cur?.some((e) => e.id === 'b') }
    )

    expect(result).toBe('b')
    expect(files.get('audit/log.json')!.data).toEqual([
      { id: 'a' },
      { id: 'b' },
    ])
  })

  it('a write that never landed still fails', async () => {
    const { vbase } = fakeVBase()
    const down = {
      ...vbase,
      saveJSON: async () => {
        throw timeout()
      },
    }

    await expect(
      new AppStorage(down as never).update<Entry[], string>(
        'audit',
        append('b'),
        'log.json',
        { applied: (cur) => !!cur?.some((e) => e.id === 'b') }
      )
    ).rejects.toThrow(/ECONNABORTED|timeout/)
  })
})
