// One live read of the account at a time per replica (issue 13): every page and the background
// revalidation that want fresh data join the read already running instead of starting another
// one, and its progress is kept where a small query can report it ("Reading roles: 1,240 of
// 6,000"). The read runs with its own time budget, not the request's: a cold read of a large
// account outlives one request, and the copy it leaves serves the next one.
import type {
  AdaptiveLimiter,
  ThrottleState,
} from '../utils/adaptiveConcurrency'

export type Phase = 'LISTS' | 'ROLES' | 'SAVING'

export interface Progress {
  phase: Phase
  /** role reads done (keys, users, external keys) */
  done: number
  total: number
  startedAtMs: number
  /** the role fan-out's limiter, read live for the status query */
  limiter?: AdaptiveLimiter
}

export interface ProgressView extends Omit<Progress, 'limiter'> {
  throttle: ThrottleState | null
}

interface Running {
  promise: Promise<unknown>
  progress: Progress
}

const running = new Map<string, Running>()
/** the last read's outcome per account, for the status query */
const lastEnded = new Map<
  string,
  { atMs: number; ok: boolean; error?: string }
>()

export type Reporter = (change: Partial<Progress>) => void

/** Starts the read, or joins the one running for the account. */
export function joinLiveRead<T>(
  account: string,
  run: (report: Reporter) => Promise<T>
): Promise<T> {
  const current = running.get(account)

  if (current) return current.promise as Promise<T>
  const progress: Progress = {
    phase: 'LISTS',
    done: 0,
    total: 0,
    startedAtMs: Date.now(),
  }

  const report: Reporter = (change) => Object.assign(progress, change)
  const promise = (async () => {
    try {
      const value = await run(report)

      lastEnded.set(account, { atMs: Date.now(), ok: true })

      return value
    } catch (e) {
      lastEnded.set(account, {
        atMs: Date.now(),
        ok: false,
        error: (e as Error).message,
      })
      throw e
    } finally {
      running.delete(account)
    }
  })()

  running.set(account, { promise, progress })

  return promise
}

export function progressOf(account: string): ProgressView | null {
  const r = running.get(account)

  if (!r) return null
  const { limiter, ...rest } = r.progress

  return { ...rest, throttle: limiter ? limiter.state() : null }
}

export function lastReadOf(account: string) {
  return lastEnded.get(account) ?? null
}

/** Waits for `promise` at most `ms`; null when it did not end in time (it goes on). */
export async function within<T>(
  promise: Promise<T>,
  ms: number
): Promise<{ value: T } | null> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, ms))
  })

  try {
    return await Promise.race([promise.then((value) => ({ value })), late])
  } finally {
    clearTimeout(timer)
  }
}
