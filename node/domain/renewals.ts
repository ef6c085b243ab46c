// Token renewals as plain data: how old the token in use is, and the records Key Steward keeps
// when a renewal is started or finished through it, or recorded after being done in VTEX's Admin.
// The records never hold a token: VTEX ID's renew answer is reduced to its dates here.
import { ageInDays } from './age'
import { looksLikeToken } from './leaks/scanText'
import { wording } from './wording'
import type { Renewal } from './rules/types'
import type { Refusal } from './review/types'

/**
 * What a token's age counts from:
 * KEY_CREATED — the key's creation (nothing later is known);
 * TOKEN_CREATED — VTEX's `creationDateToken` from a renewal still pending (the token in use);
 * RENEWAL_FINISHED — a renewal finished through Key Steward (the old token stopped working then);
 * RENEWAL_RECORDED — a renewal done in VTEX's Admin, on the date an admin recorded.
 */
export type TokenAgeBasis =
  | 'KEY_CREATED'
  | 'TOKEN_CREATED'
  | 'RENEWAL_FINISHED'
  | 'RENEWAL_RECORDED'

export interface TokenAge {
  since: string
  basis: TokenAgeBasis
  days: number
}

/** A stored time, read only when it starts with its day (YYYY-MM-DD, as the app writes it): the
 * finding's message states that day, and a date written otherwise (a hand-damaged document) is
 * ignored as an unreadable one is. */
const time = (iso: unknown) =>
  typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}/.test(iso)
    ? Date.parse(iso)
    : NaN

/**
 * The age of the token in use: from the latest known of the key's creation, a finished or
 * recorded renewal, or (while a renewal is pending, both tokens valid) the creation of the token
 * in use as VTEX reported it. Dates before the key's creation or after `now` are ignored.
 */
export function tokenAge(
  key: { createdAt: string },
  renewal: Renewal | null | undefined,
  now: Date
): TokenAge {
  let best: { since: string; basis: TokenAgeBasis } = {
    since: key.createdAt,
    basis: 'KEY_CREATED',
  }

  const consider = (since: string | null | undefined, basis: TokenAgeBasis) => {
    const t = time(since)

    if (!Number.isNaN(t) && t > time(best.since) && t <= now.getTime())
      best = { since: since!, basis }
  }

  if (renewal?.finishedAt)
    consider(
      renewal.finishedAt,
      renewal.source === 'RECORDED' ? 'RENEWAL_RECORDED' : 'RENEWAL_FINISHED'
    )
  else if (renewal) {
    // Open (pending, possibly pending, or not pending in VTEX): the token in use is the one from
    // before this renewal, dated by the renewal before it or by what VTEX said of it.
    consider(
      renewal.previousRenewalAt,
      renewal.previousSource === 'RECORDED'
        ? 'RENEWAL_RECORDED'
        : 'RENEWAL_FINISHED'
    )
    consider(renewal.tokenCreatedAt, 'TOKEN_CREATED')
  }

  return { ...best, days: ageInDays(best.since, now) }
}

/**
 * NOT_PENDING_IN_VTEX: Key Steward started it, but VTEX later said none was pending.
 * POSSIBLY_PENDING: Key Steward asked VTEX to renew and the answer never arrived: VTEX may have
 * started a renewal whose new token nobody saw.
 */
export type RenewalStatus =
  | 'NONE'
  | 'PENDING'
  | 'POSSIBLY_PENDING'
  | 'FINISHED'
  | 'RECORDED'
  | 'NOT_PENDING_IN_VTEX'

export function renewalStatus(r: Renewal | null | undefined): RenewalStatus {
  if (!r) return 'NONE'
  if (!r.finishedAt)
    return r.vtexNotPendingAt
      ? 'NOT_PENDING_IN_VTEX'
      : r.outcomeUnknownAt
      ? 'POSSIBLY_PENDING'
      : 'PENDING'

  return r.source === 'RECORDED' ? 'RECORDED' : 'FINISHED'
}

/** A renewal started and not finished, as far as Key Steward knows (both tokens valid). */
export const isPending = (r: Renewal | null | undefined): boolean =>
  renewalStatus(r) === 'PENDING'

/** A renewal that VTEX has, or may have, pending: finishing it is what closes it. */
export const isOpen = (r: Renewal | null | undefined): boolean =>
  isPending(r) || renewalStatus(r) === 'POSSIBLY_PENDING'

/** The renewal the token in use dates from, carried by a renewal that starts on top of it. */
function previousOf(
  r: Renewal | null | undefined
): Pick<Renewal, 'previousRenewalAt' | 'previousSource'> {
  if (r?.finishedAt)
    return {
      previousRenewalAt: r.finishedAt,
      previousSource: r.source === 'RECORDED' ? 'RECORDED' : 'KEY_STEWARD',
    }

  return {
    previousRenewalAt: r?.previousRenewalAt ?? null,
    previousSource: r?.previousSource ?? null,
  }
}

/**
 * The record after a renew request whose outcome is unknown (timed out after it was sent): who
 * asked and when, and that VTEX may have started it. A renewal already known to be pending
 * stays as it is: VTEX refuses a second one (409), so this request changed nothing.
 */
export function renewalPossiblyStarted(
  current: Renewal | null | undefined,
  by: string,
  now: Date
): Renewal {
  if (current && isPending(current)) return current
  const at = now.toISOString()

  return {
    startedAt: at,
    finishedAt: null,
    source: 'KEY_STEWARD',
    startedBy: by,
    finishedBy: null,
    tokenCreatedAt: null,
    newTokenCreatedAt: null,
    expirationPeriodDays: null,
    outcomeUnknownAt: at,
    ...previousOf(current),
  }
}

/** The record after VTEX said, asked to finish, that no renewal was pending. */
export function renewalNotPending(current: Renewal, now: Date): Renewal {
  return { ...current, vtexNotPendingAt: now.toISOString() }
}

/** VTEX ID's answer to renew, as documented (vtex-id.json): the token is dropped here. */
export interface RenewAnswer {
  id?: unknown
  keyName?: unknown
  creationDateToken?: unknown
  creationDateNewToken?: unknown
  expirationPeriod?: unknown
  newToken?: unknown
}
export interface FinishAnswer {
  id?: unknown
  creationDateToken?: unknown
  creationDateNewToken?: unknown
}

const isoOrNull = (v: unknown) =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v))
    ? new Date(v).toISOString()
    : null

/** The parts of VTEX's renew answer that may be kept and shown: its dates, never `newToken`. */
export function renewAnswerFacts(a: RenewAnswer) {
  return {
    creationDateToken: isoOrNull(a.creationDateToken),
    creationDateNewToken: isoOrNull(a.creationDateNewToken),
    expirationPeriod:
      typeof a.expirationPeriod === 'number' &&
      Number.isFinite(a.expirationPeriod)
        ? a.expirationPeriod
        : null,
  }
}

export function finishAnswerFacts(a: FinishAnswer) {
  return {
    creationDateToken: isoOrNull(a.creationDateToken),
    creationDateNewToken: isoOrNull(a.creationDateNewToken),
  }
}

/** The record after VTEX started a renewal for `by` at `now`, on top of the key's `previous` one. */
export function renewalStarted(
  a: RenewAnswer,
  by: string,
  now: Date,
  previous?: Renewal | null
): Renewal {
  const facts = renewAnswerFacts(a)
  const before = previousOf(previous)

  return {
    startedAt: now.toISOString(),
    finishedAt: null,
    source: 'KEY_STEWARD',
    startedBy: by,
    finishedBy: null,
    tokenCreatedAt: facts.creationDateToken,
    newTokenCreatedAt: facts.creationDateNewToken,
    expirationPeriodDays: facts.expirationPeriod,
    ...(before.previousRenewalAt ? before : {}),
  }
}

/**
 * The record after VTEX finished a renewal: the one Key Steward started, or one started in VTEX's
 * Admin that Key Steward did not know of (its start is when VTEX says the new token was created).
 */
export function renewalFinished(
  current: Renewal | null | undefined,
  a: FinishAnswer,
  by: string,
  now: Date
): Renewal {
  const facts = finishAnswerFacts(a)
  const at = now.toISOString()

  if (current && isOpen(current))
    return { ...current, finishedAt: at, finishedBy: by }

  return {
    startedAt: facts.creationDateToken ?? at,
    finishedAt: at,
    source: 'KEY_STEWARD',
    startedBy: null,
    finishedBy: by,
    tokenCreatedAt: null,
    newTokenCreatedAt: facts.creationDateToken,
    expirationPeriodDays: null,
  }
}

export const MAX_RENEWAL_NOTE = 500
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A renewal done in VTEX's Admin, recorded by an admin: its date may not be in the future nor
 * before the key was created, nor earlier than a renewal Key Steward already knows finished; a
 * renewal started through Key Steward and still pending must be finished instead.
 */
export function recordRenewal(
  key: { createdAt: string; label: string; appKey: string },
  current: Renewal | null | undefined,
  input: { date: string; note?: string | null; by: string; now: Date }
): { ok: true; value: Renewal } | Refusal {
  const raw = (input.date ?? '').trim()
  // A bare date is that day at 00:00 UTC, so "today" is never in the future.
  const at = DATE_ONLY.test(raw)
    ? Date.parse(`${raw}T00:00:00Z`)
    : /^\d{4}-\d{2}-\d{2}T/.test(raw)
    ? Date.parse(raw)
    : NaN

  // Date.parse rolls 2026-02-31 (or 2026-11-31T00:00:00Z) over into the next month: a day that
  // does not exist is refused, with or without a time.
  const day = raw.slice(0, 10)
  const dayExists =
    !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
    new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day

  if (Number.isNaN(at) || !dayExists)
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'date',
      message: wording('validation.renewal.date'),
    }
  if (at > input.now.getTime())
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'date',
      message: wording('validation.renewal.future'),
    }
  const created = Date.parse(key.createdAt)
  const createdDay = new Date(created).toISOString().slice(0, 10)

  if (DATE_ONLY.test(raw) ? raw < createdDay : at < created) {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'date',
      message: wording('validation.renewal.beforeCreated', {
        created: createdDay,
      }),
    }
  }

  const note = (input.note ?? '').trim()

  if (note.length > MAX_RENEWAL_NOTE)
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'note',
      message: wording('validation.tooLong', {
        field: 'note',
        max: MAX_RENEWAL_NOTE,
      }),
    }
  if (looksLikeToken(note))
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'note',
      message: wording('validation.token', { field: 'note' }),
    }
  if (isPending(current)) {
    return {
      ok: false,
      code: 'CONFLICT',
      message: wording('refusal.renewal.pending', {
        key: key.label || key.appKey,
        date: current!.startedAt.slice(0, 10),
      }),
    }
  }

  // Renewed on the day the key was created: counted from the creation, not before it.
  const iso = new Date(Math.max(at, created)).toISOString()

  if (current?.finishedAt && Date.parse(current.finishedAt) > Date.parse(iso)) {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'date',
      message: wording('refusal.renewal.laterKnown', {
        date: current.finishedAt.slice(0, 10),
      }),
    }
  }

  return {
    ok: true,
    value: {
      startedAt: iso,
      finishedAt: iso,
      source: 'RECORDED',
      startedBy: null,
      finishedBy: null,
      recordedBy: input.by,
      recordedAt: input.now.toISOString(),
      note: note || null,
    },
  }
}
