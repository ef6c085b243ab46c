// When the daily scan ran or runs next. The schedule is stated in UTC ("Every day at 06:00
// UTC"), so its times are shown in UTC and say so: in the browser's zone, an admin in UTC−3 read
// "03:00" beside "06:00 UTC". On a 24-hour clock like the schedule ("06:00", not "06:00 AM"):
// Intl's `hourCycle: 'h23'`, which react-intl 3 does not pass on (its `hour12: false` gives
// "24:00" at midnight), so the time is formatted here.
const SCAN_TIME: Intl.DateTimeFormatOptions & { hourCycle: 'h23' } = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
  timeZoneName: 'short',
}

/** A daily scan time in the admin's language, in UTC, on a 24-hour clock. */
export const scanTime = (locale: string, value: string): string =>
  new Intl.DateTimeFormat(locale, SCAN_TIME).format(new Date(value))

const SCAN_CLOCK: Intl.DateTimeFormatOptions & { hourCycle: 'h23' } = {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
  timeZoneName: 'short',
}

/** Only the time of a scan, as above ("12:00 UTC"), for sentences that name the day apart. */
export const scanClock = (locale: string, value: string): string =>
  new Intl.DateTimeFormat(locale, SCAN_CLOCK).format(new Date(value))

const SIGN_OFF_TIME: Intl.DateTimeFormatOptions & { hourCycle: 'h23' } = {
  ...SCAN_CLOCK,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
}

/**
 * When a review was signed off, written as the scans write theirs (UTC, 24-hour clock, saying
 * UTC): "November 26, 2026 at 12:00 UTC". Beside "06:00 UTC" a time without its zone read as the
 * admin's own (walk 11 #10); the time tells apart two reviews signed the same day.
 */
export const signOffTime = (locale: string, value: string): string =>
  new Intl.DateTimeFormat(locale, SIGN_OFF_TIME).format(new Date(value))
