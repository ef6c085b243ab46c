// The one place the service reads time. Domain code never calls it: resolvers pass `now` in.
// KEY_STEWARD_NOW pins the clock (the local platform sets it from its fixture so ages are
// deterministic). In development the platform can move time forward: it writes the offset in
// milliseconds to KEY_STEWARD_CLOCK_FILE, read here (cheaply, by modification time).
import { readFileSync, statSync } from 'fs'

let cached: { mtimeMs: number; offset: number } | null = null

function fileOffset(file: string): number {
  try {
    const { mtimeMs } = statSync(file)

    if (!cached || cached.mtimeMs !== mtimeMs)
      cached = {
        mtimeMs,
        offset: Number(readFileSync(file, 'utf8').trim()) || 0,
      }

    return cached.offset
  } catch {
    return 0
  }
}

export function now(): Date {
  const pinned = process.env.KEY_STEWARD_NOW

  if (!pinned) return new Date()
  const file = process.env.KEY_STEWARD_CLOCK_FILE

  return new Date(Date.parse(pinned) + (file ? fileOffset(file) : 0))
}
