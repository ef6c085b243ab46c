// A review records each key as it stood at start, label included: that record is the evidence and
// never changes. A key renamed in VTEX during the review is shown by its name now, with the label
// at start beside it, so the reviewer recognises it in VTEX's Admin and in the record.

/**
 * The key's label in VTEX now when it differs from the label the review recorded at start; null
 * when unchanged or unknown (the key is gone, or VTEX could not be read).
 */
export function renamedTo(
  atStart: string,
  now: string | null | undefined
): string | null {
  if (now === null || now === undefined) return null

  return now === atStart ? null : now
}

/** An open review's keys' labels in VTEX now, by key id (services/review/labelsNow.ts). */
export type LabelsNow = ReadonlyMap<string, string>

/**
 * What an open review names and sorts a key by: its label in VTEX now when known, else the label
 * at start, else its appKey. An external key's "label" is its account, which does not change.
 * Only for what the page shows (sort, refusals): the record, exports and the signed review keep
 * the label at start.
 */
export function nameNow(
  k: { id: string; label: string; appKey: string; external?: unknown },
  labelsNow: LabelsNow | null | undefined
): string {
  const now = k.external ? undefined : labelsNow?.get(k.id)

  return (now ?? k.label) || k.appKey
}

/**
 * The labels now of the keys asked only, from the account's keys: a single decision names one key
 * (in a refusal), so it needs no map of every key (one of 5,000 entries cost ~1–2 ms a decision).
 */
export function labelsOfOnly(
  keys: ReadonlyArray<{ id: string; label: string }>,
  ids: readonly string[]
): LabelsNow {
  const wanted = new Set(ids)
  const found = new Map<string, string>()

  for (const k of keys) if (wanted.has(k.id)) found.set(k.id, k.label)

  return found
}
