// The freshness of the recent copy and the progress of the live read, for the small query pages
// poll while a cold read runs or a revalidation is under way (issue 13), whichever replica reads.
import type { Context } from '../typings'
import { lastReadOf, progressOf } from './liveRead'
import { placeOf } from './place'
import { readMeta } from './recentCopy'
import {
  readSharedProgress,
  shareableError,
  sharedState,
} from './sharedProgress'
import { requestData } from './requestData'
import { toResolverError } from '../resolvers/errors'

export async function inventoryStatus(ctx: Context) {
  // the read of this workspace (each has its own copy): liveRead is keyed by place
  const place = placeOf(ctx.vtex)
  const { storage } = requestData(ctx)
  const meta = await readMeta(storage).catch((e) => {
    throw toResolverError(e)
  })

  const nowMs = Date.now()
  const here = progressOf(place)
  // Not reading here: another replica may be (its progress is in VBase).
  const there = here
    ? null
    : sharedState(await readSharedProgress(storage).catch(() => null), nowMs)

  const p = here ?? (there?.reading ? there.progress : null)
  const mine = lastReadOf(place)
  const theirs = there && !there.reading && there.ended ? there.ended : null
  // whichever read ended last, here or on another replica
  const last =
    mine && theirs ? (theirs.atMs > mine.atMs ? theirs : mine) : mine ?? theirs

  return {
    version: meta?.version ?? null,
    generatedAt: meta?.generatedAt ?? null,
    ageSeconds: meta
      ? Math.max(0, Math.floor((nowMs - meta.readAtMs) / 1000))
      : null,
    reading: p !== null,
    progress: p && {
      phase: p.phase,
      done: p.done,
      total: p.total,
      elapsedSeconds: Math.max(0, Math.floor((nowMs - p.startedAtMs) / 1000)),
      concurrency: p.throttle?.limit ?? 0,
      maxConcurrency: p.throttle?.ceiling ?? 0,
      waitingSeconds: p.throttle?.pausedUntil
        ? Math.max(0, Math.ceil((p.throttle.pausedUntil - nowMs) / 1000))
        : 0,
      rateLimited: p.throttle?.throttled ?? 0,
    },
    // an error's text is answered as data, not as an error: redacted here as the formatter would
    lastError:
      last && !last.ok ? shareableError(last.error ?? 'the read failed') : null,
  }
}
