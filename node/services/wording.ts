// The service's words in the admin's language, from messages/*.json (copied by the build into
// node/generated/messages.ts) with intl-messageformat, the ICU formatter react-intl uses too.
// Errors are created in English (logs, direct callers) and keep their wording, so the GraphQL
// error formatter (runtime/hardenGraphql.ts) answers them in the language of the request.
import { IntlMessageFormat } from 'intl-messageformat'

import type { Finding } from '../domain/findings'
import { findingWording } from '../domain/messages'
import type { Locale, Wording } from '../domain/wording'
import { SERVER_MESSAGES } from '../generated/messages'

const compiled = new Map<string, IntlMessageFormat>()

/** Dates in messages are days (domain/messages.ts passes midnight UTC): format them in UTC. */
const UTC_DATES = {
  date: {
    short: { timeZone: 'UTC' },
    medium: { timeZone: 'UTC' },
    long: { timeZone: 'UTC' },
    full: { timeZone: 'UTC' },
  },
}

/** One message in one language: compiled once, then formatted with the wording's values. */
export function say(locale: Locale, w: Wording): string {
  const key = `${locale} ${w.id}`
  let format = compiled.get(key)

  if (!format) {
    const text = (SERVER_MESSAGES[locale] as Record<string, string>)[
      `admin/key-steward.${w.id}`
    ]

    if (text === undefined) throw new Error(`no message ${w.id}`)
    format = new IntlMessageFormat(text, locale, UTC_DATES)
    compiled.set(key, format)
  }

  const values: Record<string, string | number> = {}

  for (const [name, v] of Object.entries(w.values ?? {}))
    values[name] = Array.isArray(v)
      ? v.map((x) => say(locale, x)).join(', ')
      : typeof v === 'object'
      ? say(locale, v)
      : v

  return String(format.format(values))
}

export const english = (w: Wording): string => say('en', w)

const known = (id: string) => `admin/key-steward.${id}` in SERVER_MESSAGES.en

/** A finding's message; a rule without one (never released: see messages.test.ts) is named. */
export function sayFinding(locale: Locale, f: Finding): string {
  const w = findingWording(f)

  return known(w.id) ? say(locale, w) : `${f.rule}: ${f.subjectLabel}`
}

const WORDING = Symbol('wording')

/** What an error says: its message and, for each of its `fields` entries, that field's message. */
export interface ErrorWording {
  /** several: joined by "; " */
  message: Wording | Wording[]
  fields?: Wording[]
}

/** Keeps what `err` says, for the GraphQL answer to word it in the admin's language. */
export function withWording<E extends Error>(err: E, w: ErrorWording): E {
  // configurable: a caller may word an error again (refusals give the fields their words too)
  Object.defineProperty(err, WORDING, {
    value: w,
    enumerable: false,
    configurable: true,
  })

  return err
}

/** An error made with the English of `w` (several: joined by "; "), keeping `w` for the GraphQL answer. */
export function worded<E extends Error>(
  make: (english: string) => E,
  w: Wording | Wording[]
): E {
  const all = Array.isArray(w) ? w : [w]

  return withWording(make(all.map(english).join('; ')), { message: w })
}

/** Whether every message of `w` is one the service has, with values it can format (a wording read back from VBase). */
export function canSay(w: ErrorWording): boolean {
  try {
    const all = [
      ...(Array.isArray(w.message) ? w.message : [w.message]),
      ...(w.fields ?? []),
    ]

    all.forEach((m) => {
      if (typeof m?.id !== 'string' || !known(m.id)) throw new Error(m?.id)
      english(m)
    })

    return Array.isArray(w.fields) || w.fields === undefined
  } catch {
    return false
  }
}

export function wordingOf(err: unknown): ErrorWording | undefined {
  return err && typeof err === 'object'
    ? (err as { [WORDING]?: ErrorWording })[WORDING]
    : undefined
}

/**
 * A formatted GraphQL error in `locale`, when the error it came from keeps its wording: its
 * message, the exception's copy of it, and its fields' messages. English is what it already says.
 */
export function localizeError(
  formatted: Record<string, unknown>,
  original: unknown,
  locale: Locale
): Record<string, unknown> {
  const w = wordingOf(original)

  if (!w || locale === 'en') return formatted
  const message = (Array.isArray(w.message) ? w.message : [w.message])
    .map((m) => say(locale, m))
    .join('; ')

  const ext = formatted.extensions as
    | { exception?: { message?: unknown }; fields?: unknown }
    | undefined

  if (ext?.exception && typeof ext.exception.message === 'string')
    ext.exception = { ...ext.exception, message }
  if (ext && Array.isArray(ext.fields) && w.fields)
    ext.fields = ext.fields.map((f, i) =>
      w.fields?.[i] && f && typeof f === 'object'
        ? { ...f, message: say(locale, w.fields[i]) }
        : f
    )

  return { ...formatted, message }
}
