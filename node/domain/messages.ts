// Finding messages: what is wrong, why it matters (the practice of VTEX's guide), and the next
// step. Their words are in messages/*.json (`finding.<rule>.message`, ICU with plurals); this
// chooses each finding's message and the values it reads, only from the finding's params, which
// never hold a token. services/wording.ts formats them in the admin's language.
import type { Finding } from './findings'
import type { MessageId, Wording, WordingValues } from './wording'

export type { Locale } from './wording'
export { localeOf } from './wording'

type Params = Finding['params']

const day = (iso: unknown) => String(iso ?? '').slice(0, 10)

/**
 * A day as the ICU `date` argument its message formats in the admin's language ("August 18,
 * 2026", "18 de agosto de 2026"): midnight UTC of that day, which services/wording.ts formats
 * in UTC, so the day never shifts with the server's zone. NaN when it cannot be read.
 */
const dayValue = (iso: unknown) => Date.parse(`${day(iso)}T00:00:00Z`)

/** Whether a param holds a day a message can state. ICU throws on an unreadable date, which
 * failed every finding of the page (a hand-damaged renewal document): such a day is not said. */
const readable = (iso: unknown) => !Number.isNaN(dayValue(iso))

/** Values a message reads that are not a finding's params as they are. */
const VALUES: Record<string, (p: Params) => WordingValues> = {
  'key-age-exceeded': (p) => ({
    ...p,
    since: dayValue(p.since),
    basis: String(p.basis || 'KEY_CREATED'),
    // pending: started and not finished; maybe: asked, answer never arrived (never "renew now")
    pending: readable(p.renewalStarted)
      ? 'yes'
      : readable(p.renewalAsked)
      ? 'maybe'
      : 'no',
    renewalStarted: readable(p.renewalStarted) ? dayValue(p.renewalStarted) : 0,
    renewalAsked: readable(p.renewalAsked) ? dayValue(p.renewalAsked) : 0,
  }),
  'exposed-client-side': (p) => ({
    ...p,
    // a token renewed after the scan saw it: what is left is the key in the code, not the token;
    // a renewal started since and pending: the token seen stops working when it is finished;
    // a renewal pending as the scan read the code: either token may be there, the new one too;
    // a renewal asked whose answer never arrived: one may be pending, never said to be
    kind: p.appKey
      ? p.token
        ? readable(p.renewed)
          ? 'keyAndRenewedToken'
          : readable(p.renewing)
          ? 'keyAndTokenRenewing'
          : readable(p.renewalAsked)
          ? 'keyAndTokenMaybeRenewing'
          : readable(p.renewalStarted)
          ? 'keyAndTokenDuringRenewal'
          : 'keyAndToken'
        : 'key'
      : 'token',
    renewed: readable(p.renewed) ? dayValue(p.renewed) : 0,
    renewing: readable(p.renewing) ? dayValue(p.renewing) : 0,
    renewalAsked: readable(p.renewalAsked) ? dayValue(p.renewalAsked) : 0,
    renewalStarted: readable(p.renewalStarted) ? dayValue(p.renewalStarted) : 0,
    finished: readable(p.renewalFinished) ? 'yes' : 'no',
    renewalFinished: readable(p.renewalFinished)
      ? dayValue(p.renewalFinished)
      : 0,
    more: Math.max(0, Number(p.places ?? 1) - 1),
    seen: readable(p.lastSeen) ? 'yes' : 'no',
    lastSeen: readable(p.lastSeen) ? dayValue(p.lastSeen) : 0,
  }),
  'review-overdue': (p) => ({
    ...p,
    completed: p.daysSince !== undefined ? 'yes' : 'no',
    daysSince: Number(p.daysSince ?? 0),
  }),
}

/** The message id of a rule's findings (every rule has one in en, pt and es: messages.test.ts). */
export const findingMessageId = (rule: string) =>
  `finding.${rule}.message` as MessageId

/** A finding's params, with the subject's label as `{label}` unless the rule gave its own. */
const paramsOf = (f: Finding): Params =>
  f.params.label === undefined
    ? { label: f.subjectLabel, ...f.params }
    : f.params

export function findingWording(f: Finding): Wording {
  const p = paramsOf(f)

  return { id: findingMessageId(f.rule), values: VALUES[f.rule]?.(p) ?? p }
}

export const HYGIENE_FORMULA: Wording = { id: 'hygiene.formula' }
