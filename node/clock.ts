// The one place the service reads time. Domain code never calls it: resolvers pass `now` in.
// KEY_STEWARD_NOW pins the clock (the local platform sets it from its fixture so ages are
// deterministic); KEY_STEWARD_CLOCK_OFFSET_MS moves a pinned clock forward.
export function now(): Date {
  const pinned = process.env.KEY_STEWARD_NOW
  if (!pinned) return new Date()
  const offset = Number(process.env.KEY_STEWARD_CLOCK_OFFSET_MS ?? 0)
  return new Date(Date.parse(pinned) + (Number.isFinite(offset) ? offset : 0))
}
