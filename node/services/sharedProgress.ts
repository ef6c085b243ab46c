// The live read's progress in VBase, beside its in-memory copy (liveRead.ts). VTEX IO runs a
// service in several replicas and a page's poll may land on any of them: without this, a replica
// that is not reading would answer "not reading", and the page's next request would start a
// second read of the whole account there. The reading replica publishes its progress every few
// seconds; another replica reports it and follows it (waits for the copy it leaves) instead of
// reading.
// A replica that dies stops its heartbeat, and after STALE_AFTER_MS its read counts as gone.
import { randomUUID } from 'crypto'

import type { AppStorage } from '../clients/appStorage'
import type { ProgressView } from './liveRead'
import { HEARTBEAT_MS } from './liveRead'

export const PROGRESS_DOC = 'reading.json'
export const STALE_AFTER_MS = 15_000

export interface SharedProgress extends ProgressView {
  /** which read (a replica's run) this is */
  readId: string
  heartbeatAtMs: number
  /** set when the read ended (kept for the status query's lastError) */
  ended?: { atMs: number; ok: boolean; error?: string } | null
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
  if (nowMs - doc.heartbeatAtMs > STALE_AFTER_MS)
    return { reading: false, ended: null }

  return { reading: true, progress: doc }
}

export async function readSharedProgress(
  storage: AppStorage
): Promise<SharedProgress | null> {
  return (await storage.read<SharedProgress>('snapshots', PROGRESS_DOC)).value
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
    ended(view: ProgressView, outcome: { ok: boolean; error?: string }) {
      const nowMs = clock()

      return write({
        ...view,
        readId,
        heartbeatAtMs: nowMs,
        ended: { atMs: nowMs, ...outcome },
      })
    },
  }
}
