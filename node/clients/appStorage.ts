// Key Steward's own documents in VBase. Each subject (settings, annotations, external keys,
// reviews …) lives in its bucket, by default as one file S.json; reads return the ETag and
// writes send If-Match, so two admins or two replicas never overwrite each other silently.
import type { VBase } from '@vtex/api'
import { Budget } from './deadline'

export type Bucket = 'settings' | 'annotations' | 'externalKeys' | 'renewals' | 'reviews' | 'leakScans' | 'schedule' | 'snapshots' | 'reminders' | 'audit'

export interface Versioned<T> { value: T | null; etag: string | null }

export class ConflictError extends Error {
  constructor(readonly bucket: Bucket) {
    super(`${bucket} changed while you were editing; reload and try again`)
    this.name = 'ConflictError'
  }
}

export class AppStorage {
  constructor(private readonly vbase: VBase, private readonly budget = new Budget()) {}

  async read<T>(bucket: Bucket, path = `${bucket}.json`): Promise<Versioned<T>> {
    const res = await this.budget.run(`VBase GET ${bucket}/${path}`, () => this.vbase.getRawJSON<T | null>(bucket, path, true))
    return { value: res.data ?? null, etag: (res.headers?.etag as string | undefined) ?? null }
  }

  /** Writes only if the document is still at `etag` (null: no precondition, for a new file). */
  async write<T>(bucket: Bucket, value: T, etag: string | null, path = `${bucket}.json`): Promise<void> {
    try {
      await this.budget.run(`VBase PUT ${bucket}/${path}`, () => this.vbase.saveJSON(bucket, path, value, undefined, etag ?? undefined))
    } catch (e) {
      if ((e as { status?: number }).status === 412) throw new ConflictError(bucket)
      throw e
    }
  }

  /** Whether a change is already reflected in the stored document (re-applying it changes nothing). */
  private async landed<T>(bucket: Bucket, path: string, change: (current: T | null) => { value: T; result: unknown } | { refused: unknown }): Promise<boolean> {
    const stored = await this.read<T>(bucket, path)
    const again = change(stored.value)
    return 'refused' in again || JSON.stringify(again.value) === JSON.stringify(stored.value)
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
        // Creating a document carries no precondition (VBase has no If-None-Match through
        // @vtex/api): read it back, and if another writer's creation replaced ours, apply the
        // change again on top of theirs.
        if (current.etag === null && attempt < attempts && !(await this.landed(bucket, path, change))) continue
        return outcome.result
      } catch (e) {
        if (!(e instanceof ConflictError) || attempt >= attempts) throw e
        // Writers that collided retry at different moments instead of colliding again.
        await new Promise(r => setTimeout(r, Math.random() * 40 * attempt))
      }
    }
  }
}
