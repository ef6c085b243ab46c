import type { AppStorage } from '../clients/appStorage'
import type { SharedProgress } from './sharedProgress'
import {
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
