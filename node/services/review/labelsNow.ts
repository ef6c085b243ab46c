// Each open review key's label in VTEX now, from the evaluation the page's other fields use (one
// per request: services/requestData.ts), for domain/review/labelNow.ts.
import type { LabelsNow } from '../../domain/review/labelNow'
import { labelsOfOnly, renamedTo } from '../../domain/review/labelNow'
import type { Context } from '../../typings'
import { requestData } from '../requestData'

const labels = new WeakMap<Context, Promise<Map<string, string> | null>>()

/** The account's keys' labels by id, once per request; null when VTEX cannot be read now. */
export function labelsOf(ctx: Context): Promise<Map<string, string> | null> {
  let found = labels.get(ctx)

  if (!found) {
    found = requestData(ctx)
      .evaluation()
      .then(
        (ev) => new Map(ev.input.inventory.keys.map((k) => [k.id, k.label])),
        // unknown: the review shows its labels at start (its findings say VTEX was not read)
        () => null
      )
    labels.set(ctx, found)
  }

  return found
}

/**
 * The labels now of the given keys only (a single decision's refusal names one key): the map of
 * every key when this request built it already, else only those looked up; null when unknown.
 */
export async function labelsOfKeys(
  ctx: Context,
  ids: readonly string[]
): Promise<LabelsNow | null> {
  const all = labels.get(ctx)

  if (all) return all

  return requestData(ctx)
    .evaluation()
    .then(
      (ev) => labelsOfOnly(ev.input.inventory.keys, ids),
      () => null
    )
}

/**
 * The key's label now when it was renamed since the review started; null when unchanged or
 * unknown. Not for an external key (its "label" is its account, which does not change).
 */
export async function labelNow(
  ctx: Context,
  k: { id: string; label: string; external?: unknown }
): Promise<string | null> {
  if (k.external) return null
  const byId = await labelsOf(ctx)

  return renamedTo(k.label, byId?.get(k.id))
}

/**
 * The filter with the keys' labels now, for an open review: its search finds a key renamed in
 * VTEX during the review by its new label, and its sort by label puts the key where that label
 * belongs. A completed review is the record: it reads no VTEX data (auditors read it without the
 * read resources), and keeps its labels at start.
 */
export async function withLabelsNow<F extends object>(
  ctx: Context,
  open: boolean,
  filter: F | null | undefined
): Promise<
  (F & { labelsNow?: Map<string, string> | null }) | null | undefined
> {
  if (!open) return filter

  return { ...(filter ?? ({} as F)), labelsNow: await labelsOf(ctx) }
}
