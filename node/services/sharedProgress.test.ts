import type { AppStorage } from '../clients/appStorage'
import type { SharedProgress } from './sharedProgress'
import {
  parseSharedProgress,
  progressPublisher,
  sharedState,
  STALE_AFTER_MS,
} from './sharedProgress'

const doc = (over: Partial<SharedProgress> = {}): SharedProgress => ({
  readId: 'r1',
  phase: 'ROLES',
  done: 10,
  total: 100,
  startedAtMs: 0,
  heartbeatAtMs: 1_000,
  throttle: null,
  ended: null,
  ...over,
})

describe('sharedState', () => {
  it('is reading while the heartbeat is fresh', () => {
    expect(sharedState(doc(), 1_000 + STALE_AFTER_MS).reading).toBe(true)
  })

  it('counts a read whose replica stopped beating as gone, without an outcome', () => {
    expect(sharedState(doc(), 1_001 + STALE_AFTER_MS)).toEqual({
      reading: false,
      ended: null,
    })
  })

  it('tells how a read ended', () => {
    const ended = { atMs: 2_000, ok: false, error: 'boom' }

    expect(sharedState(doc({ ended }), 2_500)).toEqual({
      reading: false,
      ended,
    })
    expect(sharedState(null, 0)).toEqual({ reading: false, ended: null })
  })
})

describe('progressPublisher', () => {
  it('writes at most every half heartbeat, always the end, in order, and survives a failed write', async () => {
    const writes: SharedProgress[] = []
    let fail = true
    const storage = {
      write: async (_: string, value: SharedProgress) => {
        if (fail) {
          fail = false
          throw new Error('VBase down')
        }

        writes.push(value)
      },
    } as unknown as AppStorage

    let now = 10_000
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const p = progressPublisher(storage, () => now)
    const view = { ...doc(), readId: undefined } as never

    p.progress(view) // fails: only logged
    now += 500
    p.progress(view) // too soon: skipped
    now += 600
    p.progress(view)
    await p.ended(view, { ok: true })

    expect(warn).toHaveBeenCalledTimes(1)
    expect(writes.map((w) => [w.heartbeatAtMs, w.ended?.ok ?? null])).toEqual([
      [11_100, null],
      [11_100, true],
    ])
    expect(new Set(writes.map((w) => w.readId)).size).toBe(1)
    warn.mockRestore()
  })
})

describe('parseSharedProgress', () => {
  it('is no read for a document without identity or heartbeat', () => {
    for (const raw of [
      null,
      42,
      'x',
      [1],
      {},
      { readId: 'r' },
      { readId: 'r', heartbeatAtMs: 'soon' },
      { heartbeatAtMs: 1 },
    ])
      expect(parseSharedProgress(raw)).toBeNull()
  })

  it('cuts what the status query cannot answer and keeps no unknown wording', () => {
    const p = parseSharedProgress({
      readId: 'r',
      heartbeatAtMs: 5_000,
      startedAtMs: 1e15,
      phase: 'HACK',
      done: Infinity,
      total: -3,
      throttle: {
        limit: 'x',
        ceiling: 1e300,
        pausedUntil: 1e300,
        throttled: 2.5,
      },
      ended: {
        ok: 'yes',
        error: `said ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(5)}`,
        code: 'x y',
        wording: { message: { id: 'no.such' } },
      },
    })

    expect(p).toEqual({
      readId: 'r',
      phase: 'LISTS',
      done: 0,
      total: 0,
      startedAtMs: 5_000,
      heartbeatAtMs: 5_000,
      throttle: {
        limit: 0,
        ceiling: 2 ** 31 - 1,
        pausedUntil: 605_000,
        throttled: 2,
      },
      ended: {
        ok: false,
        atMs: 0,
        error: expect.stringMatching(/^said ABCD…\[130 characters redacted\]$/),
      },
    })
  })
})

describe('sharedState with a heartbeat ahead of this clock', () => {
  it('counts a heartbeat far in the future as none', () => {
    expect(sharedState(doc({ heartbeatAtMs: 1e15 }), 1_000).reading).toBe(false)
    expect(sharedState(doc({ heartbeatAtMs: 2_000 }), 1_000).reading).toBe(true)
  })
})

describe('progressPublisher at the end of a failed read', () => {
  it('shares its error without a token', async () => {
    const writes: SharedProgress[] = []
    const storage = {
      write: async (_: string, value: SharedProgress) => {
        writes.push(value)
      },
    } as unknown as AppStorage

    const token = 'ZYXWVUTSRQPONMLKJIHGFEDCBA'.repeat(5)

    await progressPublisher(storage, () => 1).ended({ ...doc() } as never, {
      ok: false,
      error: `VTEX said ${token}`,
    })
    expect(writes[0].ended?.error).toMatch(
      /^VTEX said ZYXW…\[130 characters redacted\]$/
    )
    expect(JSON.stringify(writes)).not.toContain(token.slice(0, 32))
  })
})
