// The live read's progress in VBase, beside its in-memory copy (liveRead.ts). VTEX IO runs a
// service in several replicas and a page's poll may land on any of them: without this, a replica
// that is not reading would answer "not reading", and the page's next request would start a
// second read of the whole account there. The reading replica publishes its progress every few
// seconds; another replica reports it and follows it (waits for the copy it leaves) instead of
// reading.
// A replica that dies stops its heartbeat, and after STALE_AFTER_MS its read counts as gone.
import { randomUUID } from 'crypto'

import type { AppStorage } from '../clients/appStorage'
import { redactTokens } from '../domain/secrets'
import type { Outcome, Phase, ProgressView } from './liveRead'
import { HEARTBEAT_MS } from './liveRead'
import type { ErrorWording } from './wording'
import { canSay } from './wording'

export const PROGRESS_DOC = 'reading.json'
export const STALE_AFTER_MS = 15_000

export interface SharedProgress extends ProgressView {
  /** which read (a replica's run) this is */
  readId: string
  heartbeatAtMs: number
  /** set when the read ended (kept for the status query's lastError) */
  ended?: (Outcome & { atMs: number }) | null
}

/** What another replica's read looks like now: reading, ended, or nothing (none, or its replica died). */
export function sharedState(
  doc: SharedProgress | null,
  nowMs: number
):
  | { reading: true; progress: SharedProgress }
  | { reading: false; ended: SharedProgress['ended'] | null } {
  if (!doc) return { reading: false, ended: null }
  if (doc.ended) return { reading: false, ended: doc.ended }
  // A heartbeat far ahead of this clock is no heartbeat either: else it would hold every
  // replica off reading until that time.
  if (Math.abs(nowMs - doc.heartbeatAtMs) > STALE_AFTER_MS)
    return { reading: false, ended: null }

  return { reading: true, progress: doc }
}

export async function readSharedProgress(
  storage: AppStorage
): Promise<SharedProgress | null> {
  return parseSharedProgress(
    (await storage.read<unknown>('snapshots', PROGRESS_DOC)).value
  )
}

const PHASES: readonly Phase[] = ['LISTS', 'ROLES', 'SAVING']
/** GraphQL's Int: what the status query can answer. */
const MAX_COUNT = 2 ** 31 - 1
const MAX_ERROR = 500

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const instant = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null

const count = (v: unknown): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0
    ? Math.min(Math.floor(v), MAX_COUNT)
    : 0

/** An error text as it may be answered: no token, cut. */
export const shareableError = (text: string): string =>
  redactTokens(text.slice(0, MAX_ERROR * 2)).slice(0, MAX_ERROR)

function parseOutcome(v: unknown): SharedProgress['ended'] | null | undefined {
  if (v == null) return null
  // an outcome this replica cannot read: the read ended, how is unknown
  if (!isObject(v)) return { ok: false, atMs: 0 }
  const wording = v.wording as ErrorWording | undefined

  return {
    ok: v.ok === true,
    atMs: instant(v.atMs) ?? 0,
    ...(typeof v.error === 'string' ? { error: shareableError(v.error) } : {}),
    ...(typeof v.code === 'string' && /^[A-Z_]{1,40}$/.test(v.code)
      ? { code: v.code }
      : {}),
    ...(wording && canSay(wording) ? { wording } : {}),
  }
}

/**
 * The document as another replica wrote it, checked: it is data this replica did not write (a
 * half-written file, another version of the app). A document without a read's identity or
 * heartbeat is no read; counts out of range are cut to what the status query can answer.
 */
export function parseSharedProgress(raw: unknown): SharedProgress | null {
  if (!isObject(raw)) return null
  const heartbeatAtMs = instant(raw.heartbeatAtMs)

  if (typeof raw.readId !== 'string' || !raw.readId || heartbeatAtMs === null)
    return null
  const t = isObject(raw.throttle) ? raw.throttle : null

  return {
    readId: raw.readId.slice(0, 100),
    phase: PHASES.includes(raw.phase as Phase) ? (raw.phase as Phase) : 'LISTS',
    done: count(raw.done),
    total: count(raw.total),
    startedAtMs: Math.min(
      instant(raw.startedAtMs) ?? heartbeatAtMs,
      heartbeatAtMs
    ),
    heartbeatAtMs,
    throttle: t && {
      limit: count(t.limit),
      ceiling: count(t.ceiling),
      pausedUntil: Math.min(
        instant(t.pausedUntil) ?? 0,
        heartbeatAtMs + 10 * 60_000
      ),
      throttled: count(t.throttled),
    },
    ended: parseOutcome(raw.ended),
  }
}

/**
 * Publishes one read's progress: at most every HEARTBEAT_MS (and at once when it ends). A write
 * that fails is only logged: the read itself must not fail because its progress could not be
 * shared.
 */
export function progressPublisher(
  storage: AppStorage,
  clock: () => number = Date.now
) {
  const readId = randomUUID()
  let lastAtMs = 0
  let writing: Promise<void> = Promise.resolve()

  const write = (doc: SharedProgress) => {
    writing = writing
      .then(() => storage.write('snapshots', doc, null, PROGRESS_DOC))
      .catch((e) =>
        console.warn(
          `read progress not shared: ${String((e as Error).message).slice(
            0,
            200
          )}`
        )
      )

    return writing
  }

  return {
    readId,
    /** the progress now; written unless the last write is under half a heartbeat old */
    progress(view: ProgressView): void {
      const nowMs = clock()

      if (nowMs - lastAtMs < HEARTBEAT_MS / 2) return
      lastAtMs = nowMs
      write({ ...view, readId, heartbeatAtMs: nowMs, ended: null })
    },
    ended(view: ProgressView, outcome: Outcome) {
      const nowMs = clock()

      // The other replicas answer this text (status query): never a token in it.
      const shared =
        outcome.error === undefined
          ? outcome
          : { ...outcome, error: shareableError(outcome.error) }

      return write({
        ...view,
        readId,
        heartbeatAtMs: nowMs,
        ended: { atMs: nowMs, ...shared },
      })
    },
  }
}
