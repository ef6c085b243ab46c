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
