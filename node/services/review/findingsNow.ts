// Each review key's findings now, from the evaluation the Overview and the keys page use (one per
// request, cached per account: services/requestData.ts), for domain/review/findingsNow.ts.
import type { FindingsNow } from '../../domain/review/findingsNow'
import type { Context } from '../../typings'
import { requestData } from '../requestData'

/** A review key's findings now: a key's by its id, an external key's by its appKey. */
export async function findingsNow(ctx: Context): Promise<FindingsNow> {
  const ev = await requestData(ctx).evaluation()

  return (k) => {
    const type = k.external ? 'EXTERNAL_KEY' : 'KEY'

    return ev
      .findingsOf(k.external ? k.appKey : k.id)
      .filter((f) => f.subjectType === type)
  }
}

/**
 * For a read: the findings now, or null when they cannot be worked out (VTEX not readable now);
 * the review then shows its findings at start and says the current ones are unknown.
 */
export async function findingsNowIfKnown(
  ctx: Context
): Promise<FindingsNow | null> {
  try {
    return await findingsNow(ctx)
  } catch (e) {
    // the code only: an upstream message is not the service log's to repeat
    const { code } = ((e as { extensions?: { code?: string } }).extensions ??
      {}) as { code?: string }

    console.warn(`review: findings now unknown (${code ?? 'error'})`)

    return null
  }
}
