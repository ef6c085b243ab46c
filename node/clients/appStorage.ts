// Key Steward's own documents in VBase. Each subject (settings, annotations, external keys, …)
// is one JSON document, bucket S, file S.json, read with its ETag and written with If-Match
// so two admins or two replicas never overwrite each other silently.
import type { VBase } from '@vtex/api'
import { withRetry } from './retry'

export type Bucket = 'settings' | 'annotations' | 'externalKeys' | 'renewals' | 'reviews'

export interface Versioned<T> { value: T | null; etag: string | null }

export class ConflictError extends Error {
  constructor(readonly bucket: Bucket) {
    super(`${bucket} changed while you were editing; reload and try again`)
    this.name = 'ConflictError'
  }
}

export class AppStorage {
  constructor(private readonly vbase: VBase) {}

  async read<T>(bucket: Bucket): Promise<Versioned<T>> {
    const res = await withRetry(`VBase GET ${bucket}`, () => this.vbase.getRawJSON<T | null>(bucket, `${bucket}.json`, true))
    return { value: res.data ?? null, etag: (res.headers?.etag as string | undefined) ?? null }
  }

  /** Writes only if the document is still at `etag` (null: only if it does not exist yet). */
  async write<T>(bucket: Bucket, value: T, etag: string | null): Promise<void> {
    try {
      await withRetry(`VBase PUT ${bucket}`, () => this.vbase.saveJSON(bucket, `${bucket}.json`, value, undefined, etag ?? undefined))
    } catch (e) {
      if ((e as { status?: number }).status === 412) throw new ConflictError(bucket)
      throw e
    }
  }
}
