// Key Steward's own documents in VBase. Each subject (settings, annotations, external keys,
// reviews …) lives in its bucket, by default as one file S.json; reads return the ETag and
// writes send If-Match, so two admins or two replicas never overwrite each other silently.
import type { VBase } from '@vtex/api'
import { withRetry } from './retry'

export type Bucket = 'settings' | 'annotations' | 'externalKeys' | 'renewals' | 'reviews' | 'leakScans' | 'schedule' | 'snapshots' | 'reminders'

export interface Versioned<T> { value: T | null; etag: string | null }

export class ConflictError extends Error {
  constructor(readonly bucket: Bucket) {
    super(`${bucket} changed while you were editing; reload and try again`)
    this.name = 'ConflictError'
  }
}

export class AppStorage {
  constructor(private readonly vbase: VBase) {}

  async read<T>(bucket: Bucket, path = `${bucket}.json`): Promise<Versioned<T>> {
    const res = await withRetry(`VBase GET ${bucket}/${path}`, () => this.vbase.getRawJSON<T | null>(bucket, path, true))
    return { value: res.data ?? null, etag: (res.headers?.etag as string | undefined) ?? null }
  }

  /** Writes only if the document is still at `etag` (null: no precondition, for a new file). */
  async write<T>(bucket: Bucket, value: T, etag: string | null, path = `${bucket}.json`): Promise<void> {
    try {
      await withRetry(`VBase PUT ${bucket}/${path}`, () => this.vbase.saveJSON(bucket, path, value, undefined, etag ?? undefined))
    } catch (e) {
      if ((e as { status?: number }).status === 412) throw new ConflictError(bucket)
      throw e
    }
  }

  /**
   * Read-modify-write that survives concurrent writers: on a conflict it reads again and
   * re-applies `change` (a pure function), so two admins' edits both land.
   */
  async update<T, R>(bucket: Bucket, change: (current: T | null) => { value: T; result: R } | { refused: unknown }, path = `${bucket}.json`, attempts = 8): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.read<T>(bucket, path)
      const outcome = change(current.value)
      if ('refused' in outcome) throw outcome.refused
      try {
        await this.write(bucket, outcome.value, current.etag, path)
        return outcome.result
      } catch (e) {
        if (!(e instanceof ConflictError) || attempt >= attempts) throw e
        // Writers that collided retry at different moments instead of colliding again.
        await new Promise(r => setTimeout(r, Math.random() * 40 * attempt))
      }
    }
  }
}
