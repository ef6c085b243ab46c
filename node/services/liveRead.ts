// One live read of the account at a time (issue 13; across replicas with sharedProgress.ts): every page and the background
// revalidation that want fresh data join the read already running instead of starting another
// one, and its progress is kept where a small query can report it ("Reading roles: 1,240 of
// 6,000"). The read runs with its own time budget, not the request's: a cold read of a large
// account outlives one request, and the copy it leaves serves the next one.
import type { ErrorWording } from './wording'
import { wordingOf } from './wording'
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

/** by place (account and workspace: place.ts): each workspace reads into its own copy */
const running = new Map<string, Running>()
/** the last read's outcome per place (account and workspace: place.ts), for the status query */
const lastEnded = new Map<
  string,
  { atMs: number; ok: boolean; error?: string }
>()

export type Reporter = (change: Partial<Progress>) => void

/** Where the progress is also shared with the other replicas (sharedProgress.ts). */
/** How a read ended; a failure keeps its code and wording for the replicas that followed it. */
export interface Outcome {
  ok: boolean
  error?: string
  code?: string
  wording?: ErrorWording
}

export interface Publisher {
  progress(view: ProgressView): void
  ended(view: ProgressView, outcome: Outcome): unknown
}

/** How often a read's progress is shared with the other replicas. */
export const HEARTBEAT_MS = 2_000

const viewOf = ({ limiter, ...rest }: Progress): ProgressView => ({
  ...rest,
  throttle: limiter ? limiter.state() : null,
})

/** Whether this replica is reading the account into this place's copy now. */
export const readingHere = (place: string) => running.has(place)

/** Starts the read, or joins the one running for the place (the account in this workspace). */
export function joinLiveRead<T>(
  place: string,
  run: (report: Reporter) => Promise<T>,
  publisher?: Publisher
): Promise<T> {
  const current = running.get(place)

  if (current) return current.promise as Promise<T>
  const progress: Progress = {
    phase: 'LISTS',
    done: 0,
    total: 0,
    startedAtMs: Date.now(),
  }

  const report: Reporter = (change) => Object.assign(progress, change)
  // The heartbeat other replicas see; a quiet phase (the lists) still beats.
  const beat = publisher
    ? setInterval(() => publisher.progress(viewOf(progress)), HEARTBEAT_MS)
    : undefined

  publisher?.progress(viewOf(progress))
  const promise = (async () => {
    let outcome: Outcome = { ok: true }

    try {
      const value = await run(report)

      lastEnded.set(place, { atMs: Date.now(), ok: true })

      return value
    } catch (e) {
      outcome = {
        ok: false,
        error: (e as Error).message,
        code: (e as { extensions?: { code?: string } }).extensions?.code,
        wording: wordingOf(e),
      }
      lastEnded.set(place, {
        atMs: Date.now(),
        ok: false,
        error: outcome.error,
      })
      throw e
    } finally {
      clearInterval(beat)
      running.delete(place)
      publisher?.ended(viewOf(progress), outcome)
    }
  })()

  running.set(place, { promise, progress })

  return promise
}

export function progressOf(place: string): ProgressView | null {
  const r = running.get(place)

  return r ? viewOf(r.progress) : null
}

export function lastReadOf(place: string) {
  return lastEnded.get(place) ?? null
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
