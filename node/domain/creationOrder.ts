// The key list's "created" sort: by time, not by the text VTEX sent. As text, "…:08.27Z" sorted
// before "…:08Z" (a later time in the same second, with more precision) and a time written with
// an offset ("…T11:00:00+02:00", 09:00 UTC) sorted by its local hour. A creation time that cannot
// be read (createdMs NaN) comes after every readable one, in both directions' base order, so the
// order stays total (ties are then broken by label and id, keyList.ts orderKeys).

/** Compares two creation times in milliseconds (NaN: unreadable, last). */
export function compareCreated(a: number, b: number): number {
  const aUnread = Number.isNaN(a)
  const bUnread = Number.isNaN(b)

  if (aUnread || bUnread) return aUnread === bUnread ? 0 : aUnread ? 1 : -1

  return a - b
}
