import type { Exposure } from '../leaks/scanText'
import { isPending, renewalStatus } from '../renewals'
import type { Renewal, Rule } from './types'

/**
 * Where an exposure was seen, for the message: first URL and line, and how many places; and,
 * when the latest scan could re-read none of those places, the day an earlier scan last saw it
 * (a URL that could not be read is not clean: the finding stands, dated).
 */
function where(list: Exposure[]): Record<string, string | number> {
  const place = { url: list[0].url, line: list[0].line, places: list.length }

  if (!list.every((e) => e.lastSeenAt)) return place

  return {
    ...place,
    lastSeen: list
      .map((e) => e.lastSeenAt!)
      .sort()
      [list.length - 1].slice(0, 10),
  }
}

/** When the scan that saw the key's token in the code started (or the earlier one a kept exposure was last seen by). */
const tokenSeenAt = (list: Exposure[], scanAt: string) =>
  Math.max(
    ...list
      .filter((e) => e.tokenFound)
      .map((e) => Date.parse(e.lastSeenAt ?? scanAt))
  )

/** The UTC day of a time as text, or null when it cannot be read (a damaged renewal document):
 * only a read time is claimed, and a finding's day is always YYYY-MM-DD (its message dates it). */
function dayOf(time: number): string | null {
  const iso = Number.isNaN(time) ? '' : new Date(time).toISOString()

  // a year beyond 9999 is written +010000-…: no day a message can read
  return /^\d{4}-/.test(iso) ? iso.slice(0, 10) : null
}

/** A stored time as a number; NaN unless it starts with its day (YYYY-MM-DD) as the app writes
 * it, as tokenAge reads it (renewals.ts). */
const timeOf = (t: unknown) =>
  typeof t === 'string' && /^\d{4}-\d{2}-\d{2}/.test(t) ? Date.parse(t) : NaN

/** When a renewal's new token came to exist: its start, or VTEX's creation time of it if earlier (NaN: unknown). */
function newTokenAt(renewal: Renewal): number {
  const times = [renewal.startedAt, renewal.newTokenCreatedAt]
    .map(timeOf)
    .filter((t) => !Number.isNaN(t))

  return times.length ? Math.min(...times) : NaN
}

/**
 * The day a renewal of the key finished that started at or after the start of the latest scan
 * that saw its token in the code (that scan, or the earlier one a kept exposure was last seen by):
 * the token seen there was the old one, which no longer works, and what is left is to take the
 * key out of the code and scan again. A renewal started before that scan does not tell: while it
 * was pending both tokens worked, and the code the scan read may already have held the new one
 * (attack9 #7; renewalAtScan says so). The severity stays: the key is still in code anyone can
 * read, and the scan cannot tell which token is there now.
 */
function renewedAfterSeen(
  list: Exposure[],
  scanAt: string,
  renewal: Renewal | undefined
): string | null {
  if (!renewal?.finishedAt) return null
  const finishedAt = timeOf(renewal.finishedAt)
  const seenAt = tokenSeenAt(list, scanAt)
  const newToken = newTokenAt(renewal)

  // a scan's time is when it started: a renewal started then or later replaced the token it read
  return newToken >= seenAt && finishedAt >= newToken ? dayOf(finishedAt) : null
}

/**
 * The day a renewal of the key started that is still pending and began at or after the start of
 * the scan that saw its token: the token seen is the old one, which stops working when the
 * renewal is finished. "Renew its token now" would be refused: VTEX allows one pending renewal.
 */
function renewingAfterSeen(
  list: Exposure[],
  scanAt: string,
  renewal: Renewal | undefined
): string | null {
  if (!isPending(renewal)) return null
  const newToken = newTokenAt(renewal!)

  return newToken >= tokenSeenAt(list, scanAt) ? dayOf(newToken) : null
}

/**
 * The day Key Steward asked VTEX to renew the key's token when that request's answer never
 * arrived (POSSIBLY_PENDING): VTEX may or may not have started a renewal, so no claim is made
 * that one is (or was) pending; the message asks to check in VTEX's Admin (attack12 #6).
 */
function renewalAskedUnanswered(renewal: Renewal | undefined): string | null {
  if (!renewal || renewalStatus(renewal) !== 'POSSIBLY_PENDING') return null

  // a time that cannot be read gives way to the start (when it was asked): left with no day, the
  // finding asked to renew now, which VTEX refuses if a renewal did start (attack13 #4)
  return (
    dayOf(timeOf(renewal.outcomeUnknownAt)) ?? dayOf(timeOf(renewal.startedAt))
  )
}

/**
 * A renewal of the key that was pending when the scan that saw its token read the code: started
 * (its new token made) before that scan, and not finished before it. Both tokens worked then, so
 * the code may hold either, the new one too: finishing the renewal stops only the old one. Its
 * start day, and its finish day once finished (days only: a finding's params never hold a token).
 */
function renewalAtScan(
  list: Exposure[],
  scanAt: string,
  renewal: Renewal | undefined
): { renewalStarted: string; renewalFinished?: string } | null {
  // VTEX said none was pending when asked to finish it (undone or finished elsewhere): "finish
  // the renewal" would be refused, and renewing now is the step that holds either way. One whose
  // answer never arrived may not be pending at all: renewalAskedUnanswered words it.
  const status = renewalStatus(renewal)

  if (
    !renewal ||
    status === 'NOT_PENDING_IN_VTEX' ||
    status === 'POSSIBLY_PENDING'
  )
    return null
  const seenAt = tokenSeenAt(list, scanAt)
  const newToken = newTokenAt(renewal)
  const finishedAt = renewal.finishedAt ? timeOf(renewal.finishedAt) : null

  if (!(newToken < seenAt)) return null
  // a finish time that cannot be read tells nothing: no claim either way
  if (finishedAt !== null && !(finishedAt >= seenAt)) return null

  const renewalStarted = dayOf(newToken)
  const renewalFinished = finishedAt === null ? null : dayOf(finishedAt)

  if (!renewalStarted || (finishedAt !== null && !renewalFinished)) return null

  return { renewalStarted, ...(renewalFinished ? { renewalFinished } : {}) }
}

export const exposedClientSide: Rule = {
  id: 'exposed-client-side',
  practice: 'NO_CLIENT_SIDE',
  severities: ['CRITICAL', 'HIGH'],
  docs: 'The latest storefront scan found an appKey in a page or script the browser loads: CRITICAL when a 128-letter token sits next to it (within 300 characters of the key or of X-VTEX-API-AppToken / appToken-like names), HIGH for the key alone. Keys of this account map to their inventory key; keys of other accounts and tokens or credential links without a key are reported too. A URL the latest scan could not read keeps what an earlier scan found there (the message says when it was last seen). When a renewal of the key started (or was recorded) after the scan that saw its token and is finished, the finding stays CRITICAL and says the token seen was renewed on that day: what is left is to take the key out of the code and scan again. When a renewal started after that scan is still pending, it says the token seen stops working when that renewal is finished. When a renewal was already pending as that scan read the code (started before it, not finished before it, and not since said by VTEX to be pending no more), it says both tokens work until the renewal is finished and the new one may be in the code too: renew once more after taking the key out. When Key Steward asked VTEX to renew its token and never learned the answer, it says a renewal may be pending since that day (never that one is or was): check in VTEX’s Admin, finish it and renew once more if one is, else renew now.',
  reads: ['leakScan', 'renewals', 'account'],
  evaluate(input, shared, report) {
    const scan = input.leakScan

    if (!scan?.exposures.length) return
    const byAppKey = new Map<string, Exposure[]>()
    const loose: Exposure[] = []

    for (const e of scan.exposures) {
      if (!e.appKey) loose.push(e)
      else if (byAppKey.has(e.appKey)) byAppKey.get(e.appKey)!.push(e)
      else byAppKey.set(e.appKey, [e])
    }

    const { keys } = input.inventory
    const positionByAppKey = new Map(keys.map((k, i) => [k.appKey, i]))

    for (const [appKey, list] of byAppKey) {
      const severity = list.some((e) => e.tokenFound)
        ? ('CRITICAL' as const)
        : ('HIGH' as const)

      const at = positionByAppKey.get(appKey)
      const key = at === undefined ? undefined : keys[at]
      const account = list[0].account ?? ''
      const renewal =
        at !== undefined && severity === 'CRITICAL'
          ? shared.renewals[at]
          : undefined
      const renewed = renewedAfterSeen(list, scan.at, renewal)
      const renewing = renewed
        ? null
        : renewingAfterSeen(list, scan.at, renewal)
      const asked = renewed || renewing ? null : renewalAskedUnanswered(renewal)
      const overlapping =
        renewed || renewing || asked
          ? null
          : renewalAtScan(list, scan.at, renewal)

      const params = {
        label: key?.label || appKey,
        appKey,
        token: severity === 'CRITICAL' ? 1 : 0,
        ...where(list),
        ...(renewed ? { renewed } : {}),
        ...(renewing ? { renewing } : {}),
        ...(asked ? { renewalAsked: asked } : {}),
        ...(overlapping ?? {}),
      }

      if (key && at !== undefined) report.key(at, severity, params)
      else
        report.other({
          rule: this.id,
          severity,
          practice: this.practice,
          subjectType: account === input.account ? 'ACCOUNT' : 'EXTERNAL_KEY',
          subjectId: account === input.account ? input.account : appKey,
          subjectLabel: appKey,
          params,
        })
    }

    if (loose.length) {
      report.other({
        rule: this.id,
        severity: 'CRITICAL',
        practice: this.practice,
        subjectType: 'ACCOUNT',
        subjectId: input.account,
        subjectLabel: input.account,
        params: { label: input.account, appKey: '', token: 1, ...where(loose) },
      })
    }
  },
}
