// When the daily scan ran or runs next. The schedule is stated in UTC ("Every day at 06:00
// UTC"), so its times are shown in UTC and say so: in the browser's zone, an admin in UTC−3 read
// "03:00" beside "06:00 UTC".
export const SCAN_TIME = {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
} as const
