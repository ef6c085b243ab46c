// "Load live data" within this long of the last complete read is answered by that read (the
// service's LIVE_READ_MIN_INTERVAL_MS in node/services/requestData.ts; react/ cannot import
// node/, so liveReadInterval.test.ts checks the two agree).
export const LIVE_READ_MIN_INTERVAL_SECONDS = 30

/** Seconds until "Load live data" reads VTEX again, for a read `ageSeconds` old (at least 1). */
export function secondsUntilLiveRead(ageSeconds: number): number {
  return Math.max(1, LIVE_READ_MIN_INTERVAL_SECONDS - Math.max(0, ageSeconds))
}
