// Key Steward's own documents in VBase. Each subject (settings, annotations, external keys,
// reviews …) lives in its bucket, by default as one file S.json; reads return the ETag and
// writes send If-Match, so two admins or two replicas never overwrite each other silently.
import type { VBase } from '@vtex/api'

import { Budget } from './deadline'
import { outcomeUnknown } from './retry'

export type Bucket =
  | 'settings'
  | 'annotations'
  | 'externalKeys'
  | 'renewals'
  | 'reviews'
  | 'leakScans'
  | 'schedule'
  | 'snapshots'
  | 'reminders'
  | 'audit'

export interface Versioned<T> {
  value: T | null
  etag: string | null
}

export class ConflictError extends Error {
  /** `afterLostAnswer`: an earlier attempt of the same write was sent and its answer lost, so the
   * document may have moved on by our own write. */
  constructor(readonly bucket: Bucket, readonly afterLostAnswer = false) {
    super(`${bucket} changed while you were editing; reload and try again`)
    this.name = 'ConflictError'
  }
}

export class AppStorage {
  constructor(
    private readonly vbase: VBase,
    private readonly budget = new Budget()
  ) {}

  async read<T>(
    bucket: Bucket,
    path = `${bucket}.json`
  ): Promise<Versioned<T>> {
    const res = await this.budget.run(`VBase GET ${bucket}/${path}`, () =>
      this.vbase.getRawJSON<T | null>(bucket, path, true)
    )

    return {
      value: res.data ?? null,
      etag: (res.headers?.etag as string | undefined) ?? null,
    }
  }

  /** Writes only if the document is still at `etag` (null: no precondition, for a new file). */
  async write<T>(
    bucket: Bucket,
    value: T,
    etag: string | null,
    path = `${bucket}.json`
  ): Promise<void> {
    try {
      await this.budget.run(`VBase PUT ${bucket}/${path}`, () =>
        this.vbase.saveJSON(bucket, path, value, undefined, etag ?? undefined)
      )
    } catch (e) {
      const err = e as { status?: number; attempts?: number }

      if (err.status === 412)
        throw new ConflictError(bucket, (err.attempts ?? 1) > 1)
      throw e
    }
  }

  /** Whether a change is already reflected in the stored document (re-applying it changes nothing). */
  private async landed<T>(
    bucket: Bucket,
    path: string,
    change: Change<T>
  ): Promise<boolean> {
    const stored = await this.read<T>(bucket, path)
    const again = change(stored.value)

    return (
      'refused' in again ||
      JSON.stringify(again.value) === JSON.stringify(stored.value)
    )
  }

  /** Whether our own change is in the stored document (`applied`, else re-applying it changes nothing). */
  private async ours<T>(
    bucket: Bucket,
    path: string,
    change: Change<T>,
    applied?: (stored: T | null) => boolean
  ): Promise<boolean> {
    if (!applied) return this.landed(bucket, path, change)

    return applied((await this.read<T>(bucket, path)).value)
  }

  /**
   * Read-modify-write that survives concurrent writers: on a conflict it reads again and
   * re-applies `change` (a pure function), so two admins' edits both land.
   *
   * Idempotent across lost answers: when a write was sent and its answer lost (VBase slow: the
   * attempt timed out, then the retry got 412 against our own write, or every retry timed out),
   * the document is read again and, if our own change is there, the update succeeded. `applied`
   * recognises it (e.g. an entry's id); without it, a change that re-applied changes nothing is
   * taken as there.
   */
  async update<T, R>(
    bucket: Bucket,
    change: Change<T, R>,
    path = `${bucket}.json`,
    options: number | UpdateOptions<T> = {}
  ): Promise<R> {
    const { attempts = 8, applied } =
      typeof options === 'number'
        ? { attempts: options, applied: undefined }
        : options

    let lostAnswer = false
    let sent: R | undefined

    for (let attempt = 1; ; attempt++) {
      const current = await this.read<T>(bucket, path)

      // Our earlier write landed (its answer was lost): done, with what that write answered.
      if (lostAnswer && applied?.(current.value)) return sent as R
      const outcome = change(current.value)

      if ('refused' in outcome) throw outcome.refused
      sent = outcome.result
      try {
        await this.write(bucket, outcome.value, current.etag, path)
        // Creating a document carries no precondition (VBase has no If-None-Match through
        // @vtex/api): read it back, and if another writer's creation replaced ours, apply the
        // change again on top of theirs.
        if (
          current.etag === null &&
          attempt < attempts &&
          !(await this.landed(bucket, path, change))
        )
          continue

        return outcome.result
      } catch (e) {
        const conflict = e instanceof ConflictError

        if (conflict && e.afterLostAnswer) lostAnswer = true
        if (!conflict || attempt >= attempts) {
          // The last write may have landed although its answer was lost: look before failing.
          if (
            (lostAnswer || outcomeUnknown(e)) &&
            (await this.ours(bucket, path, change, applied).catch(() => false))
          )
            return outcome.result
          throw e
        }

        // Writers that collided retry at different moments instead of colliding again.
        await new Promise((r) => setTimeout(r, Math.random() * 40 * attempt))
      }
    }
  }
}

type Change<T, R = unknown> = (
  current: T | null
) => { value: T; result: R } | { refused: unknown }

export interface UpdateOptions<T> {
  /** how many read-modify-write rounds before giving up on conflicts (default 8) */
  attempts?: number
  /** whether the stored document already holds this update's own change (e.g. by an entry id) */
  applied?: (stored: T | null) => boolean
}
